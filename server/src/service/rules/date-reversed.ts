import type { Rule } from './types';
import { isDateColumn, isReversed, rangeSpan, rangeText } from './_dates';

export const dateReversed: Rule = {
  id: 'date-reversed',
  description: 'A date range that ends before it starts.',
  tags: ['dates'],
  defaultSeverity: 'error',
  fixable: true,
  fixes: { quickFix: 'the two dates swapped: only the writer knows which one is wrong' },
  example: 'Mar 2021 – Jan 2020',
  check(doc, report) {
    for (const range of doc.dateRanges) {
      const { start, end } = range;
      if (!end || !isReversed(range) || isDateColumn(doc, range)) continue;
      report({
        ...rangeSpan(range),
        message: `The range "${rangeText(range)}" ends before it starts.`,
        fixes: [
          {
            title: `Swap to "${end.text} … ${start.text}"`.replace(' … ', range.separator ? ` ${range.separator.text} ` : ' … '),
            edits: [
              { start: start.start, end: start.end, newText: end.text },
              { start: end.start, end: end.end, newText: start.text },
            ],
            // Not safe: which end is wrong (a typo in either year, or the order) only the writer knows. A quick fix,
            // never applied by Fix All or `vita check --fix`.
            safe: false,
          },
        ],
      });
    }
  },
};
