import { documentDateStyle, writeMonth } from '../model/dateStyle';
import { lineAt } from '../model/lines';
import type { MonthStyle } from '../context';
import type { DatePoint } from '../model/types';
import type { Fix, Rule } from './types';

/** After a lone date: a separator and what follows it, up to two tokens (`Jan 2020 – 20201`, `2019 – Foo 2021`). */
const AFTER_SEPARATOR = /^[ \t]*(?:--|[-–—~]|to(?=[ \t]))[ \t]*([^\s,;|()•]+(?:[ \t]+[^\s,;|()•]+)?)/;
/**
 * What the writer meant as a date but the parser could not read: a mistyped year (`20019`), a numeric date with a
 * month that is not one (`2021.13`, `2019-5`), a word before a year (`Foo 2021`). Not `40 engineers` or `3.5 million`.
 */
const DATE_LIKE = /^(?:\d{5,6}|\d{4}[./-]\d{1,2}|\d{1,2}[./-]\d{4}|[A-Za-z]{3,}\.?,?[ \t]+\d{4})$/;

/** The month style of a misspelled token when the document shows none: `Jnu` → `Jun`, `Agust` → `August`. */
function styleOfMisspelling(token: string): MonthStyle {
  const word = token.replace(/\.$/, '');
  if (word.length > 4) return 'long';
  return token.endsWith('.') ? 'short-period' : 'short';
}

export const dateInvalid: Rule = {
  id: 'date-invalid',
  description: 'A date that does not exist or cannot be read: month 13, 31 April, a misspelled month, a range whose end is not a date.',
  tags: ['dates'],
  defaultSeverity: 'error',
  fixable: true,
  fixes: { quickFix: 'a misspelled month written as the month it most likely is (`Agust` → `Aug`): a guess' },
  example: 'Agust 2019 – Present',
  check(doc, report, context) {
    const style = documentDateStyle(doc, context.options.dates.style);
    const misspelling = (point: DatePoint): Fix | undefined => {
      const token = point.monthToken;
      if (point.suggestedMonth === undefined || !token) return undefined;
      const monthStyle = style.month.from === 'default' ? styleOfMisspelling(token.text) : style.month.value;
      const name = writeMonth(point.suggestedMonth, monthStyle, token.text);
      return {
        title: `Change "${token.text}" to "${name}"`,
        edits: [{ start: token.start, end: token.end, newText: name }],
        // Not safe: the month is a guess from a misspelling (a fact), however near. A quick fix only.
        safe: false,
      };
    };
    for (const range of doc.dateRanges) {
      for (const point of [range.start, range.end]) {
        if (!point?.invalid) continue;
        const fix = misspelling(point);
        report({
          start: point.start,
          end: point.end,
          message: `"${point.text}" is not a valid date: ${point.invalid}.`,
          fixes: fix ? [fix] : undefined,
        });
      }
    }
    // A range whose end could not be read: the parser kept only the start.
    for (const range of doc.dateRanges) {
      if (range.end || range.open || range.split) continue;
      const line = doc.lines[lineAt(doc.lines, range.span.end)];
      const m = AFTER_SEPARATOR.exec(doc.text.slice(range.span.end, line.end));
      if (!m || !DATE_LIKE.test(m[1])) continue;
      const end = range.span.end + m[0].length;
      report({
        start: range.start.start,
        end,
        message: `The end of the range "${doc.text.slice(range.start.start, end)}" cannot be read as a date ("${m[1]}").`,
      });
    }
  },
};
