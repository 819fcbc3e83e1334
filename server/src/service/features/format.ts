import type { TextEdit } from 'vscode-languageserver-types';
import type { FormatOptions } from '../context';
import { applyEdits } from '../edits';
import { bulletLists, dominantMarker } from '../model/lists';
import { parseResume } from '../model/parse';
import type { ResumeDocument } from '../model/types';
import type { OffsetEdit } from '../rules/types';
import { repeatedSpaces } from '../rules/whitespace-multiple';
import { trailingWhitespace } from '../rules/whitespace-trailing';
import { diffEdits } from '../textDiff';
import { toTextEdits } from './diagnostics';

/** Dashes a date range may be written with; `to` and other words are left alone. */
const DASH_SEPARATOR = /^[ \t]*[-–—‒―][ \t]*$/;

function lineBreak(doc: ResumeDocument): string {
  const first = doc.lines[0];
  return first.next > first.end ? doc.text.slice(first.end, first.next) : '\n';
}

/** One round of formatting edits over a model; they may overlap (the next round takes what was dropped). */
function formattingEdits(doc: ResumeDocument, options: FormatOptions): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  // One marker per list: the configured one, or the one most of the list uses.
  for (const list of bulletLists(doc)) {
    const target = options.bulletMarker === 'keep' ? dominantMarker(list) : options.bulletMarker;
    for (const bullet of list) if (bullet.marker.text !== target) edits.push({ start: bullet.marker.start, end: bullet.marker.end, newText: target });
  }
  // Dashes between the two ends of a date range.
  if (options.dateSeparator !== 'keep') {
    for (const range of doc.dateRanges) {
      if (!range.end || range.split || !range.separator) continue;
      const between = doc.text.slice(range.start.end, range.end.start);
      if (!DASH_SEPARATOR.test(between) || between === options.dateSeparator) continue;
      edits.push({ start: range.start.end, end: range.end.start, newText: options.dateSeparator });
    }
  }
  edits.push(...trailingWhitespace(doc), ...repeatedSpaces(doc));
  // Exactly one blank line before each section heading (not before the first line, not after a comment that
  // belongs to the heading, such as `<!-- vita-disable-next-line … -->`).
  const eol = lineBreak(doc);
  for (const section of doc.sections) {
    let previous = section.firstLine - 1;
    while (previous >= 0 && doc.lines[previous].text.trim().length === 0) previous--;
    if (previous < 0) continue;
    const previousText = doc.lines[previous].text.trim();
    if (previousText.startsWith('<!--') || previousText.endsWith('-->')) continue;
    const start = doc.lines[previous].next;
    const end = doc.lines[section.firstLine].start;
    if (doc.text.slice(start, end) !== eol) edits.push({ start, end, newText: eol });
  }
  return edits;
}

/** Rounds of formatting: edits that overlapped in one round are taken in the next. */
const MAX_FORMAT_ROUNDS = 4;

/**
 * Format Document: one marker per list (`vita.format.bulletMarker`), one separator in date ranges
 * (`vita.format.dateSeparator`), no trailing or repeated spaces, exactly one blank line before each section
 * heading. It never changes a word, and formatting its output again changes nothing.
 */
export function formatDocument(doc: ResumeDocument, options: FormatOptions): { text: string; edits: OffsetEdit[]; textEdits: TextEdit[] } {
  let current = doc;
  for (let round = 0; round < MAX_FORMAT_ROUNDS; round++) {
    const edits = formattingEdits(current, options);
    if (edits.length === 0) break;
    const result = applyEdits(current.text, edits);
    if (result.text === current.text) break;
    current = parseResume(result.text);
  }
  const edits = diffEdits(doc.text, current.text);
  return { text: current.text, edits, textEdits: toTextEdits(doc, edits) };
}
