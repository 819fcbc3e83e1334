import type { Rule } from './types';

/** Doubled words that are grammatical: "had had", "that that". */
const ALLOWED = new Set(['had', 'that']);

export const wordRepeated: Rule = {
  id: 'word-repeated',
  description: 'The same word twice in a row ("the the").',
  tags: ['formatting'],
  defaultSeverity: 'warning',
  fixable: true,
  fixes: { quickFix: 'the second word removed ("had had" and "that that" are English: the writer decides)' },
  example: 'Migrated the the billing service to Kubernetes.',
  check(doc, report) {
    const words = doc.words;
    for (let i = 1; i < words.length; i++) {
      // Lengths first, from the offsets: most neighbours differ there, and no text is sliced for them.
      const length = words.end(i) - words.start(i);
      if (words.end(i - 1) - words.start(i - 1) !== length) continue;
      if (!blanksBetween(doc.text, words.end(i - 1), words.start(i))) continue;
      if (!sameIgnoringCase(doc.text, words.start(i - 1), words.start(i), length)) continue;
      const first = words.at(i - 1)!;
      const second = words.at(i)!;
      if (ALLOWED.has(second.text.toLowerCase()) || /^\p{Lu}/u.test(second.text)) continue; // "Walla Walla", names
      if (second.context === 'contact' || second.context === 'link') continue;
      report({
        start: first.start,
        end: second.end,
        message: `"${second.text}" twice in a row.`,
        // A quick fix only: "had had" and "that that" are English, and only the writer knows which was meant.
        fixes: [{ title: `Remove the second "${second.text}"`, edits: [{ start: first.end, end: second.end, newText: '' }], safe: false }],
      });
    }
  },
};

/** Whether `text[from, to)` is one or more spaces or tabs. */
function blanksBetween(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}

/** Whether the `length` characters at `a` and at `b` are the same word in lower case (`toLowerCase`), read in place. */
function sameIgnoringCase(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) {
    const x = text.charCodeAt(a + k);
    const y = text.charCodeAt(b + k);
    if (x === y) continue;
    if (x >= 0x80 || y >= 0x80) return text.slice(a, a + length).toLowerCase() === text.slice(b, b + length).toLowerCase();
    const lowerX = x >= 0x41 && x <= 0x5a ? x + 0x20 : x;
    const lowerY = y >= 0x41 && y <= 0x5a ? y + 0x20 : y;
    if (lowerX !== lowerY) return false;
  }
  return true;
}
