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
      // On the title's first word only: a hint spanning the whole line would join every hover and quick-fix menu on it.
      const first = firstWord(entry.title.text);
      report({
        start: entry.title.start + first.start,
        end: entry.title.start + first.end,
        message: 'No figure in any bullet of this entry: a number (%, time saved, users, money) shows the scale of the work.',
      });
    }
  },
};

/** The first word of a title (offsets in it), without the markup around it (`**Acme**` → `Acme`). */
function firstWord(text: string): { start: number; end: number } {
  let start = 0;
  while (start < text.length && /[\s*_#`[(]/.test(text[start])) start++;
  let end = start;
  while (end < text.length && !/[\s*_`,|·•—–]/.test(text[end])) end++;
  return end > start ? { start, end } : { start: 0, end: text.length };
}
