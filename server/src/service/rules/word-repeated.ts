import type { Rule } from './types';

/** Doubled words that are grammatical: "had had", "that that". */
const ALLOWED = new Set(['had', 'that']);

export const wordRepeated: Rule = {
  id: 'word-repeated',
  description: 'The same word twice in a row ("the the").',
  tags: ['formatting'],
  defaultSeverity: 'warning',
  fixable: true,
  example: 'Migrated the the billing service to Kubernetes.',
  check(doc, report) {
    const words = doc.words;
    for (let i = 1; i < words.length; i++) {
      // Lengths first, from the offsets: most neighbours differ there, and no text is sliced for them.
      const length = words.end(i) - words.start(i);
      if (words.end(i - 1) - words.start(i - 1) !== length) continue;
      const first = words.at(i - 1)!;
      const second = words.at(i)!;
      if (first.text.toLowerCase() !== second.text.toLowerCase()) continue;
      if (!/^[ \t]+$/.test(doc.text.slice(first.end, second.start))) continue;
      if (ALLOWED.has(second.text.toLowerCase()) || /^\p{Lu}/u.test(second.text)) continue; // "Walla Walla", names
      if (second.context === 'contact' || second.context === 'link') continue;
      report({
        start: first.start,
        end: second.end,
        message: `"${second.text}" twice in a row.`,
        fixes: [{ title: `Remove the second "${second.text}"`, edits: [{ start: first.end, end: second.end, newText: '' }], safe: true }],
      });
    }
  },
};
