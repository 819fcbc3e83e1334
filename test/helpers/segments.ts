/** A segment [start, end) of a text of `length` characters, picked by two random naturals (for property tests). */
export function segmentOf(length: number, a: number, b: number): { start: number; end: number } {
  const start = length === 0 ? 0 : a % (length + 1);
  const end = start + (length - start === 0 ? 0 : b % (length - start + 1));
  return { start, end };
}
