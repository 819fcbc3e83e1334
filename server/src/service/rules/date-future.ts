import { documentDateStyle } from '../model/dateStyle';
import { datedEntries, monthNumber } from '../model/timeline';
import type { DatePoint, SectionKind } from '../model/types';
import type { Fix, Rule } from './types';
import { rangeSpan, todayLabel } from './_dates';

/** Sections whose dates say what happened; certifications and publications may carry expiry or "to appear" dates. */
const CHECKED: ReadonlySet<SectionKind> = new Set(['experience', 'education', 'projects', 'volunteering']);

export const dateFuture: Rule = {
  id: 'date-future',
  description: 'A date after today (`vita.dates.today`) that is not marked "Expected".',
  tags: ['dates'],
  defaultSeverity: 'warning',
  fixable: true,
  fixes: { quickFix: 'the date marked as expected, or the end written as "Present": only the writer knows which' },
  example: 'B.Sc. Nursing, Sep 2022 – Jun 2027',
  check(doc, report, context) {
    const today = context.options.today;
    const now = monthNumber(today);
    const isFuture = (point: DatePoint | undefined): point is DatePoint =>
      point !== undefined && !point.open && point.firstMonth !== undefined && point.firstMonth > now;
    let style: ReturnType<typeof documentDateStyle> | undefined;
    for (const { section, range } of datedEntries(doc)) {
      if (!CHECKED.has(section.kind) || range.expected) continue;
      const { start, end } = range;
      const startFuture = isFuture(start);
      const endFuture = isFuture(end);
      if (!startFuture && !endFuture) continue;
      const fixes: Fix[] = [];
      if (section.kind === 'education') {
        // Not safe: only the writer knows whether the date is planned or a typo.
        if (end) {
          const at = end.end;
          fixes.push({ title: `Mark as expected: "${end.text} (expected)"`, edits: [{ start: at, end: at, newText: ' (expected)' }], safe: false });
        } else {
          fixes.push({ title: `Mark as expected: "Expected ${start.text}"`, edits: [{ start: start.start, end: start.start, newText: 'Expected ' }], safe: false });
        }
      } else if (end && endFuture && !startFuture) {
        style ??= documentDateStyle(doc, context.options.dates.style);
        const present = style.present.value;
        fixes.push({ title: `Change "${end.text}" to "${present}"`, edits: [{ start: end.start, end: end.end, newText: present }], safe: false });
      }
      const point: DatePoint = endFuture && end ? end : start;
      const what = startFuture && (!end || endFuture) ? (end ? 'This range lies' : `"${start.text}" is`) : endFuture ? `The end "${point.text}" is` : `The start "${point.text}" is`;
      const hint = section.kind === 'education' ? 'mark it "Expected"' : end?.open || !end ? 'check the date' : 'write "Present" if the role continues';
      report({
        ...(endFuture && end && !startFuture ? { start: end.start, end: end.end } : rangeSpan(range)),
        message: `${what} after today (${todayLabel(today)}): ${hint}.`,
        fixes: fixes.length > 0 ? fixes : undefined,
      });
    }
  },
};
