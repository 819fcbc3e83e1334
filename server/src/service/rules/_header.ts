import { skipRegionIndex } from '../model/spans';
import type { Line, ResumeDocument, SkipRegion, TextSpan } from '../model/types';

/** Skip regions that hide whole lines from a reader: front matter, comments, directives, tags, link definitions. */
const HIDING: ReadonlySet<SkipRegion['kind']> = new Set(['front-matter', 'html-comment', 'comment', 'markup', 'html-tag', 'link-definition']);

/** A line of rule characters only (a thematic break, an rST adornment): nothing to read. */
const RULE_LINE = /^[\s\-=_*~^#+.:`'"]*$/;

/**
 * The lines of [0, end) a reader sees, in order: not blank, not a rule, not hidden by front matter, a comment, a
 * directive, tags or a link definition. One sweep over the lines and the skip regions (both in document order).
 */
export function visibleLines(doc: ResumeDocument, end: number): Line[] {
  const regions = doc.skipRegions;
  const visible: Line[] = [];
  let next = 0;
  let coveredTo = -1;
  for (const line of doc.lines) {
    if (line.start >= end) break;
    if (RULE_LINE.test(line.text)) continue;
    const lineEnd = line.start + line.text.trimEnd().length;
    let cursor = line.start + (line.text.length - line.text.trimStart().length);
    for (;;) {
      while (next < regions.length && regions[next].start <= cursor) {
        if (HIDING.has(regions[next].kind)) coveredTo = Math.max(coveredTo, regions[next].end);
        next++;
      }
      if (coveredTo <= cursor) break;
      cursor = coveredTo;
      while (cursor < lineEnd && /\s/.test(doc.text[cursor])) cursor++;
      if (cursor >= lineEnd) break;
    }
    if (cursor < lineEnd) visible.push(line);
  }
  return visible;
}

/** The header's lines (before the first section) that a reader sees, without the name line. */
export function headerLines(doc: ResumeDocument): Line[] {
  const header = doc.header;
  if (header.end <= header.start) return [];
  return visibleLines(doc, header.end).filter((line) => line.start >= header.start && line.end <= header.end && !(header.name && line.start <= header.name.start && header.name.end <= line.end));
}

/** Whitespace-separated tokens of a header line, split at contact separators (`|`, `•`, `·`, `;`, brackets). */
export function headerTokens(line: Line): TextSpan[] {
  const tokens: TextSpan[] = [];
  for (const match of line.text.matchAll(/[^\s|•·;<>()[\]]+/gu)) {
    let text = match[0];
    let start = line.start + (match.index ?? 0);
    const lead = /^(?:mailto:|tel:|\*+|_+)/i.exec(text)?.[0] ?? '';
    text = text.slice(lead.length);
    start += lead.length;
    text = text.replace(/[.,:*_]+$/, '');
    if (text.length > 0) tokens.push({ text, start, end: start + text.length });
  }
  return tokens;
}

export function overlapsSkip(doc: ResumeDocument, start: number, end: number, kinds: SkipRegion['kind'][]): boolean {
  return skipRegionIndex(doc, kinds).overlaps(start, end);
}
