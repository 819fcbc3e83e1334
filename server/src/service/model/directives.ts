import { lineAt } from './lines';
import type { Directive, Line, SkipRegion } from './types';

/** `<!-- vita-disable a, b -->`: the kind, then rule ids separated by spaces or commas. */
const DIRECTIVE = /^<!--\s*vita-(disable-next-line|disable|enable)\b([^]*?)-->\s*$/;

/**
 * Inline directives, read from the HTML-comment skip regions the line pass found (comments on their own lines).
 * A comment that is not a vita directive is ignored.
 */
export function findDirectives(text: string, lines: readonly Line[], skipRegions: readonly SkipRegion[]): Directive[] {
  const directives: Directive[] = [];
  for (const region of skipRegions) {
    if (region.kind !== 'html-comment') continue;
    const match = DIRECTIVE.exec(text.slice(region.start, region.end).trim());
    if (!match) continue;
    const rules = match[2]
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter((id) => id.length > 0);
    directives.push({ kind: match[1] as Directive['kind'], rules, start: region.start, end: region.end, line: lineAt(lines, region.end) });
  }
  return directives.sort((a, b) => a.start - b.start);
}
