import type { TextEdit } from 'vscode-languageserver-types';
import type { DateStyleOptions, FormatOptions } from '../context';
import { applyEdits } from '../edits';
import { documentDateStyle, isDashSeparator, restyleRange } from '../model/dateStyle';
import { bulletLists, dominantMarker } from '../model/lists';
import { parseResume } from '../model/parse';
import type { ResumeDocument } from '../model/types';
import type { OffsetEdit } from '../model/types';
import { repeatedSpaces } from '../rules/whitespace-multiple';
import { trailingWhitespace } from '../rules/whitespace-trailing';
import { diffEdits } from '../textDiff';
import { datedEntries } from '../model/timeline';
import { toTextEdits } from './diagnostics';

function lineBreak(doc: ResumeDocument): string {
  const first = doc.lines[0];
  return first.next > first.end ? doc.text.slice(first.end, first.next) : '\n';
}

/** One round of formatting edits over a model; they may overlap (the next round takes what was dropped). */
function formattingEdits(doc: ResumeDocument, options: FormatOptions, dateStyle: DateStyleOptions): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  // One marker per list: the configured one, or the one most of the list uses.
  for (const list of bulletLists(doc)) {
    const target = options.bulletMarker === 'keep' ? dominantMarker(list) : options.bulletMarker;
    for (const bullet of list) if (bullet.marker.text !== target) edits.push({ start: bullet.marker.start, end: bullet.marker.end, newText: target });
  }
  // Dates in the style the date-style rule asks for (`vita.dates.style`, else the document's): entry ranges get
  // their separator, month names and open-end word; other ranges (in a bullet) only a dash for a dash.
  const style = documentDateStyle(doc, dateStyle);
  const entryRanges = new Set(datedEntries(doc).map((dated) => dated.range));
  for (const range of entryRanges) for (const part of restyleRange(doc, range, style)) edits.push(part.edit);
  for (const range of doc.dateRanges) {
    if (entryRanges.has(range)) continue;
    for (const part of restyleRange(doc, range, style)) {
      if (part.kind === 'separator' && isDashSeparator(part.written.text) && isDashSeparator(part.wanted)) edits.push(part.edit);
    }
  }
  // Loops, not `push(...spread)`: a big document has more edits than the call stack has room for.
  for (const edit of trailingWhitespace(doc)) edits.push(edit);
  for (const edit of repeatedSpaces(doc)) edits.push(edit);
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
 * Format Document: one marker per list (`vita.format.bulletMarker`), dates in the one date style (`vita.dates.style`,
 * else the document's most common — the target the `date-style` rule reports against, so a formatted document has
 * no `date-style` finding but split ranges), no trailing or repeated spaces, exactly one blank line before each
 * section heading. It never changes a word outside a date, and formatting its output again changes nothing.
 */
export function formatDocument(doc: ResumeDocument, options: FormatOptions, dateStyle: DateStyleOptions = {}): { text: string; edits: OffsetEdit[]; textEdits: TextEdit[] } {
  let current = doc;
  for (let round = 0; round < MAX_FORMAT_ROUNDS; round++) {
    const edits = formattingEdits(current, options, dateStyle);
    if (edits.length === 0) break;
    const result = applyEdits(current.text, edits);
    if (result.text === current.text) break;
    current = parseResume(result.text);
  }
  const edits = diffEdits(doc.text, current.text);
  return { text: current.text, edits, textEdits: toTextEdits(doc, edits) };
}
