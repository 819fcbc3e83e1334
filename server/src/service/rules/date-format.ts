import { documentDateStyle, dominantFamily, familyLabel, familyName, formatCandidates, writePoint, type FormatCandidate, type WrittenFamily, type DocumentDateStyle } from '../model/dateStyle';
import { rangeMonths } from '../model/durations';
import type { CalendarDate } from '../model/types';
import type { Fix, OffsetEdit, Rule } from './types';
import { rangeSpan, rangeText } from './_dates';

/** A role this short (in months) is commonly dated to the month among roles dated in years. */
const SHORT_ROLE_MONTHS = 12;

/**
 * Whether an odd range follows the common convention that mixes precisions on purpose: the current role and short
 * roles (an internship, a summer) dated to the month, long roles in years. Month names against numeric or ISO dates
 * is a difference of format, never of precision: always reported.
 */
function precisionByConvention(candidate: FormatCandidate, dominant: WrittenFamily, today: CalendarDate): boolean {
  const range = candidate.range;
  if ((candidate.family === 'year-only') === (dominant === 'year-only')) return false;
  if (range.open) return true;
  if (candidate.family === 'year-only') {
    // `2015 – 2018` is long whatever its months; `2010 – 2011` may be two months.
    const first = range.start.year;
    const last = range.end?.year;
    return first !== undefined && last !== undefined && last - first >= 2;
  }
  const months = rangeMonths(range, today);
  return months !== undefined && months.last - months.first + 1 <= SHORT_ROLE_MONTHS;
}

/** The edits that rewrite one range in `family`, or undefined when a point cannot be (a year asked for its month). */
function rewrite(candidate: FormatCandidate, family: WrittenFamily, style: DocumentDateStyle): OffsetEdit[] | undefined {
  const edits: OffsetEdit[] = [];
  for (const point of [candidate.range.start, candidate.range.end]) {
    if (!point || point.open || point.family === family) continue;
    const text = writePoint(point, family, style);
    if (text === undefined) return undefined;
    if (text !== point.text) edits.push({ start: point.start, end: point.end, newText: text });
  }
  return edits.length > 0 ? edits : undefined;
}

export const dateFormat: Rule = {
  id: 'date-format',
  description:
    'An entry\'s dates are written in another format (month names, numeric, ISO, years only) than most of the résumé; months on short or current roles beside years on long ones are fine.',
  tags: ['dates', 'style'],
  defaultSeverity: 'warning',
  fixable: true,
  fixes: { quickFix: 'the range, or every range, written in the résumé\'s usual format (it may drop a day or change how it reads)' },
  example: '2019/12 – 2021/03 among "Jan 2018 – Present"',
  check(doc, report, context) {
    const candidates = formatCandidates(doc);
    const family = dominantFamily(candidates);
    if (!family) return;
    const style = documentDateStyle(doc, context.options.dates.style);
    const label = familyLabel(family, style);
    const today = context.options.today;
    const odd = candidates
      .filter((c) => c.family !== family && !precisionByConvention(c, family, today))
      .map((c) => ({ candidate: c, edits: rewrite(c, family, style) }));
    const all = odd.flatMap((o) => o.edits ?? []);
    const fixable = odd.filter((o) => o.edits).length;
    for (const { candidate, edits } of odd) {
      const fixes: Fix[] = [];
      if (edits) {
        const range = candidate.range;
        const written = (p: typeof range.start) => edits.find((e) => e.start === p.start)?.newText ?? p.text;
        const preview = range.end ? `${written(range.start)}${range.split ? ' … ' : range.text.slice(range.start.end - range.span.start, range.end.start - range.span.start)}${written(range.end)}` : written(range.start);
        // Not safe: a rewrite drops what the other format said (a day, the month) or changes how a reader parses it.
        fixes.push({ title: `Write as "${preview}"`, edits, safe: false });
        if (fixable > 1) fixes.push({ title: `Normalise all dates to ${label} (${fixable} ranges)`, edits: all, safe: false });
      }
      report({
        ...rangeSpan(candidate.range),
        message: `"${rangeText(candidate.range)}" is written as ${familyName(candidate.family)}; the other dates use ${label}.`,
        fixes: fixes.length > 0 ? fixes : undefined,
      });
    }
  },
};
