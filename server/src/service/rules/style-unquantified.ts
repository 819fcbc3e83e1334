import { datePointSpans, hasFigure } from '../model/figures';
import { entriesOf, WORK_SECTIONS } from './_bullets';
import type { Rule } from './types';

export const styleUnquantified: Rule = {
  id: 'style-unquantified',
  description: 'A role or project none of whose bullets has a figure (a number, a percentage, an amount).',
  tags: ['style'],
  defaultSeverity: 'hint',
  fixable: false,
  example: '### Acme, Engineer, 2019 – 2021\n- Improved the deploy pipeline.\n- Mentored new hires.',
  check(doc, report) {
    let dates: ReturnType<typeof datePointSpans> | undefined;
    for (const { entry } of entriesOf(doc, WORK_SECTIONS)) {
      if (entry.bullets.length === 0) continue;
      dates ??= datePointSpans(doc);
      const spans = dates;
      // A year, a version (`C++14`) or a date in a bullet is not a figure; "four engineers" and "by half" are.
      if (entry.bullets.some((bullet) => hasFigure(bullet.content.text, spans, bullet.content.start))) continue;
      report({
        start: entry.title.start,
        end: entry.title.end,
        message: 'No figure in any bullet of this entry: a number (%, time saved, users, money) shows the scale of the work.',
      });
    }
  },
};
