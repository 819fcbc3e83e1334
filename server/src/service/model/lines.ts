import type { Line } from './types';

/** Splits text into lines on CRLF, LF or a lone CR, keeping each line's offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const length = text.length;
  // `indexOf` finds line feeds far faster than a loop over every character; a text without a carriage return (most
  // of them) needs nothing else.
  if (text.indexOf('\r') < 0) {
    let start = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ index: lines.length, start, end: i, next: i + 1, text: text.slice(start, i) });
      start = i + 1;
    }
    lines.push({ index: lines.length, start, end: length, next: length, text: text.slice(start) });
    return lines;
  }
  let start = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 /* \n */ || code === 13 /* \r */) {
      const next = code === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ index: lines.length, start, end: i, next, text: text.slice(start, i) });
      start = next;
      i = next - 1;
    }
  }
  lines.push({ index: lines.length, start, end: length, next: length, text: text.slice(start) });
  return lines;
}

/** The index of the line holding `offset` (binary search over line starts). */
export function lineAt(lines: readonly Line[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
