import { isSpace } from './words';
import type { Bullet, ResumeDocument } from './types';

/** Markers of ordered lists (`1.`, `2)`): never normalised or compared with the others. */
export function isOrderedMarker(marker: string): boolean {
  return /^\d/.test(marker);
}

/** Whether the bullet's marker opens its line (not a glyph glued after a date: `2014/08 • Came up…`). */
export function markerStartsLine(doc: ResumeDocument, bullet: Bullet): boolean {
  const line = doc.lines[bullet.firstLine];
  for (let i = 0; i < bullet.marker.start - line.start; i++) if (!isSpace(line.text.charCodeAt(i))) return false;
  return true;
}

/**
 * Unordered bullets grouped into the lists a reader sees: bullets at one indentation that follow each other with
 * only blank lines or deeper bullets between them. A line that is not part of a bullet (a heading, a paragraph)
 * ends every open list; a shallower bullet ends the deeper lists. Ordered items, glyphs glued after a date and
 * markers with no space after them (`*emphasis*` is no bullet to rewrite) belong to no list.
 */
export function bulletLists(doc: ResumeDocument): Bullet[][] {
  const lists: Bullet[][] = [];
  let open = new Map<number, Bullet[]>();
  let previousLastLine = -1;
  for (const bullet of doc.bullets) {
    if (isOrderedMarker(bullet.marker.text) || !markerStartsLine(doc, bullet) || !/[ \t]/.test(doc.text[bullet.marker.end] ?? '')) {
      open = new Map();
      previousLastLine = bullet.lastLine;
      continue;
    }
    for (let line = previousLastLine + 1; line < bullet.firstLine; line++) {
      if (doc.lines[line].text.trim().length > 0) {
        open = new Map();
        break;
      }
    }
    if (open.size > 1 || (open.size === 1 && !open.has(bullet.indent))) for (const indent of open.keys()) if (indent > bullet.indent) open.delete(indent);
    let list = open.get(bullet.indent);
    if (!list) {
      list = [];
      open.set(bullet.indent, list);
      lists.push(list);
    }
    list.push(bullet);
    previousLastLine = bullet.lastLine;
  }
  return lists;
}

/** The marker most bullets of a list use; on a tie, the first bullet's. */
export function dominantMarker(list: readonly Bullet[]): string {
  const counts = new Map<string, number>();
  for (const bullet of list) counts.set(bullet.marker.text, (counts.get(bullet.marker.text) ?? 0) + 1);
  let best = list[0].marker.text;
  for (const [marker, count] of counts) if (count > (counts.get(best) ?? 0)) best = marker;
  return best;
}
