import { lineAt } from './lines';
import type { Directive, Line, SkipRegion, WordsDirective } from './types';

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

/** `<!-- vita-words: Abhishek, Rijswijk -->`: words separated by spaces or commas (the colon is optional). */
const WORDS_DIRECTIVE = /^<!--\s*vita-words\b:?([^]*?)-->\s*$/;

/** `vita-words` comments, read from the HTML-comment skip regions (comments on their own lines). */
export function findWordDirectives(text: string, lines: readonly Line[], skipRegions: readonly SkipRegion[]): WordsDirective[] {
  const found: WordsDirective[] = [];
  for (const region of skipRegions) {
    if (region.kind !== 'html-comment') continue;
    const match = WORDS_DIRECTIVE.exec(text.slice(region.start, region.end).trim());
    if (!match) continue;
    const words = match[1].split(/[\s,]+/).filter((word) => word.length > 0);
    found.push({ words, start: region.start, end: region.end, line: lineAt(lines, region.end) });
  }
  return found.sort((a, b) => a.start - b.start);
}
