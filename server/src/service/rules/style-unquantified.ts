import { entriesOf, WORK_SECTIONS } from './_bullets';
import type { Rule } from './types';

/** A digit, or a word that is a figure. */
const FIGURE = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozens?|hundreds?|thousands?|millions?|billions?|doubled|tripled|halved|twice)\b/i;

export const styleUnquantified: Rule = {
  id: 'style-unquantified',
  description: 'A role or project none of whose bullets has a figure (a number, a percentage, an amount).',
  tags: ['style'],
  defaultSeverity: 'hint',
  fixable: false,
  example: '### Acme, Engineer, 2019 – 2021\n- Improved the deploy pipeline.\n- Mentored new hires.',
  check(doc, report) {
    for (const { entry } of entriesOf(doc, WORK_SECTIONS)) {
      if (entry.bullets.length === 0) continue;
      if (entry.bullets.some((bullet) => FIGURE.test(bullet.content.text))) continue;
      report({
        start: entry.title.start,
        end: entry.title.end,
        message: 'No figure in any bullet of this entry: a number (%, time saved, users, money) shows the scale of the work.',
      });
    }
  },
};
