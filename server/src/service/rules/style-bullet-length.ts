import { isLetterOrDigit, isSpace } from '../model/words';
import type { Rule } from './types';

/** Bullets longer than this many words are skimmed, not read. */
export const MAX_BULLET_WORDS = 35;

export const styleBulletLength: Rule = {
  id: 'style-bullet-length',
  description: `A bullet longer than ${MAX_BULLET_WORDS} words.`,
  tags: ['style'],
  defaultSeverity: 'hint',
  fixable: false,
  example: '- Led the migration of … (forty words later) … across three regions.',
  check(doc, report) {
    for (const bullet of doc.bullets) {
      // Words need a blank between them: a text of n characters holds at most (n + 1) / 2.
      if (bullet.content.text.length < 2 * MAX_BULLET_WORDS + 1) continue;
      const count = countWords(bullet.content.text);
      if (count <= MAX_BULLET_WORDS) continue;
      report({
        start: bullet.content.start,
        end: bullet.content.end,
        message: `This bullet has ${count} words: past ${MAX_BULLET_WORDS} a reader skims, so split it or cut it.`,
      });
    }
  },
};

/** Runs of non-space characters holding a letter or a digit (`-` and `&` alone are not words). */
function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (!counted && isLetterOrDigit(text, i)) {
      count++;
      counted = true;
    }
  }
  return count;
}
