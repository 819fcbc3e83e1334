import type { OffsetEdit } from './model/types';

/**
 * Applies offset edits to a text. Edits are applied in order of position; an edit that overlaps one already
 * taken is dropped (and returned), so applying never corrupts text.
 */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): { text: string; applied: OffsetEdit[]; skipped: OffsetEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: OffsetEdit[] = [];
  const skipped: OffsetEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    if (edit.start < lastEnd || edit.start < 0 || edit.end > text.length || edit.end < edit.start) {
      skipped.push(edit);
      continue;
    }
    // Two insertions at one offset would interleave unpredictably: keep the first.
    if (edit.start === edit.end && applied.length > 0 && applied[applied.length - 1].end === edit.start && applied[applied.length - 1].start === edit.start) {
      skipped.push(edit);
      continue;
    }
    applied.push(edit);
    lastEnd = edit.end;
  }
  let result = '';
  let cursor = 0;
  for (const edit of applied) {
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  result += text.slice(cursor);
  return { text: result, applied, skipped };
}
