import { documentDateStyle, writePoint, type WrittenFamily } from '../model/dateStyle';
import { MONTH_NAMES } from '../model/dates';
import type { DatePoint } from '../model/types';
import type { Fix, Rule } from './types';

function reading(day: number, month: number, year: number, dayFirst: boolean): string {
  return dayFirst ? `${day} ${MONTH_NAMES[month - 1]} ${year}` : `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
}

export const dateAmbiguous: Rule = {
  id: 'date-ambiguous',
  description: 'A numeric date that reads two ways (03/04/2020: 3 April or March 4).',
  tags: ['dates'],
  defaultSeverity: 'warning',
  fixable: true,
  fixes: { quickFix: 'the date written with the month\'s name, for each reading: only the writer knows which was meant' },
  example: '03/04/2020 – 15/09/2021',
  check(doc, report, context) {
    let style: ReturnType<typeof documentDateStyle> | undefined;
    for (const range of doc.dateRanges) {
      for (const point of [range.start, range.end]) {
        if (!point?.ambiguous || point.day === undefined || point.month === undefined || point.year === undefined) continue;
        style ??= documentDateStyle(doc, context.options.dates.style);
        // Written unambiguously: with a month name where the résumé uses them, else ISO with its day.
        const family: WrittenFamily = style.family === 'month-name' ? 'month-name' : 'iso';
        const writeStyle = family === 'iso' ? { ...style, days: true } : style;
        // The parser reads day first; the other reading swaps day and month.
        const asRead: DatePoint = point;
        const swapped: DatePoint = { ...point, day: point.month, month: point.day };
        const fixes: Fix[] = [];
        for (const [p, dayFirst] of [[asRead, true], [swapped, false]] as const) {
          const text = writePoint(p, family, writeStyle);
          if (text === undefined) continue;
          fixes.push({
            title: `Read as ${reading(p.day!, p.month!, p.year!, dayFirst)}: write "${text}"`,
            edits: [{ start: point.start, end: point.end, newText: text }],
            // Never safe: only the writer knows which was meant.
            safe: false,
          });
        }
        report({
          start: point.start,
          end: point.end,
          message: `"${point.text}" reads as ${reading(point.day, point.month, point.year, true)} (day first) or ${reading(point.month, point.day, point.year, false)} (month first); write it so only one reading is possible.`,
          fixes,
        });
      }
    }
  },
};
