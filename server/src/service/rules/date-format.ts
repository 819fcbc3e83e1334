import { documentDateStyle, dominantFamily, familyLabel, familyName, formatCandidates, writePoint, type FormatCandidate, type WrittenFamily, type DocumentDateStyle } from '../model/dateStyle';
import type { Fix, OffsetEdit, Rule } from './types';
import { rangeSpan, rangeText } from './_dates';

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
  description: 'An entry\'s dates are written in another format (month names, numeric, ISO, years only) than most of the résumé.',
  tags: ['dates', 'style'],
  defaultSeverity: 'warning',
  fixable: true,
  example: '2019/12 – 2021/03 among "Jan 2018 – Present"',
  check(doc, report, context) {
    const candidates = formatCandidates(doc);
    const family = dominantFamily(candidates);
    if (!family) return;
    const style = documentDateStyle(doc, context.options.dates.style);
    const label = familyLabel(family, style);
    const odd = candidates.filter((c) => c.family !== family).map((c) => ({ candidate: c, edits: rewrite(c, family, style) }));
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
