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
      const count = bullet.content.text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
      if (count <= MAX_BULLET_WORDS) continue;
      report({
        start: bullet.content.start,
        end: bullet.content.end,
        message: `This bullet has ${count} words: past ${MAX_BULLET_WORDS} a reader skims, so split it or cut it.`,
      });
    }
  },
};
