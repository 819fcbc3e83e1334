import { skipRegionIndex } from '../model/spans';
import type { Line, ResumeDocument, SkipRegion, TextSpan } from '../model/types';

/** The header's lines (before the first section), without the name line. */
export function headerLines(doc: ResumeDocument): Line[] {
  const header = doc.header;
  if (header.end <= header.start) return [];
  return doc.lines.filter((line) => line.start >= header.start && line.end <= header.end && !(header.name && line.start <= header.name.start && header.name.end <= line.end));
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
