import type { OffsetEdit } from './model/types';

/** Line pieces of a text, each with its line break, so that joining them gives the text back. */
function pieces(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** One edit for two strings that differ between a common prefix and suffix; none when they are equal. */
function trimmedEdit(before: string, after: string, offset: number): OffsetEdit[] {
  if (before === after) return [];
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return [{ start: offset + prefix, end: offset + before.length - suffix, newText: after.slice(prefix, after.length - suffix) }];
}

/** Past this many line pairs, the middle of a diff becomes one edit (still correct, only coarser). */
const MAX_DIFF_CELLS = 4_000_000;

/**
 * The edits that turn `before` into `after`, small and non-overlapping, in `before`'s offsets: lines are matched
 * (longest common subsequence), and a line replaced by one line becomes an edit of the characters that differ.
 * Fix-all and formatting compute a new text, then hand the editor these edits so the cursor, folding and undo
 * stay where they were.
 */
export function diffEdits(before: string, after: string): OffsetEdit[] {
  if (before === after) return [];
  const a = pieces(before);
  const b = pieces(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const offsets: number[] = [0];
  for (const piece of a) offsets.push(offsets[offsets.length - 1] + piece.length);
  const aMid = a.slice(head, a.length - tail);
  const bMid = b.slice(head, b.length - tail);
  const base = offsets[head];
  if (aMid.length * bMid.length > MAX_DIFF_CELLS) return trimmedEdit(aMid.join(''), bMid.join(''), base);

  // LCS table over the middle lines, walked from the start to emit hunks.
  const n = aMid.length;
  const m = bMid.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = aMid[i] === bMid[j] ? table[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
    }
  }
  const edits: OffsetEdit[] = [];
  let i = 0;
  let j = 0;
  const flush = (i0: number, i1: number, j0: number, j1: number) => {
    if (i0 === i1 && j0 === j1) return;
    const start = offsets[head + i0];
    if (i1 - i0 === j1 - j0) {
      // Line for line: only the characters that differ on each line.
      for (let k = 0; k < i1 - i0; k++) for (const edit of trimmedEdit(aMid[i0 + k], bMid[j0 + k], offsets[head + i0 + k])) edits.push(edit);
      return;
    }
    for (const edit of trimmedEdit(aMid.slice(i0, i1).join(''), bMid.slice(j0, j1).join(''), start)) edits.push(edit);
  };
  let hunkI = 0;
  let hunkJ = 0;
  while (i < n && j < m) {
    if (aMid[i] === bMid[j]) {
      flush(hunkI, i, hunkJ, j);
      i++;
      j++;
      hunkI = i;
      hunkJ = j;
    } else if (table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  flush(hunkI, n, hunkJ, m);
  return edits;
}
