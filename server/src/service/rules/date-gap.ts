import { formatDuration, type MonthInterval } from '../model/durations';
import { entrySpan, isWorkSection, type EntrySpan } from '../model/timeline';
import type { Rule } from './types';
import { monthLabel, rangeSpan } from './_dates';

export const dateGap: Rule = {
  id: 'date-gap',
  description: 'A gap between jobs longer than `vita.dates.gapMonths` (6) months not covered by study (off by default).',
  tags: ['dates'],
  defaultSeverity: 'off',
  fixable: false,
  example: 'Acme, 2015 – Mar 2018 … Globex, Jan 2019 – Present',
  check(doc, report, context) {
    const today = context.options.today;
    const limit = context.options.dates.gapMonths;
    const jobs: EntrySpan[] = [];
    const covered: MonthInterval[] = [];
    for (const section of doc.sections) {
      const work = isWorkSection(section.kind);
      if (!work && section.kind !== 'education') continue;
      for (const entry of section.entries) {
        const span = entrySpan(entry, today);
        if (!span) continue;
        if (work && !span.lone) jobs.push(span);
        // Study fills a gap between jobs; a lone year of a degree covers that year.
        if (work ? !span.lone : true) covered.push(span.interval);
      }
    }
    if (jobs.length < 2) return;
    const blocks: MonthInterval[] = [];
    for (const interval of [...covered].sort((a, b) => a.first - b.first)) {
      const last = blocks[blocks.length - 1];
      if (last && interval.first <= last.last + 1) last.last = Math.max(last.last, interval.last);
      else blocks.push({ ...interval });
    }
    for (let k = 1; k < blocks.length; k++) {
      const gap = { first: blocks[k - 1].last + 1, last: blocks[k].first - 1 };
      const months = gap.last - gap.first + 1;
      if (months <= limit) continue;
      const jobBefore = jobs.some((j) => j.interval.last < gap.first);
      const next = jobs.filter((j) => j.interval.first > gap.last).sort((a, b) => a.interval.first - b.interval.first)[0];
      if (!jobBefore || !next) continue;
      report({
        ...rangeSpan(next.range),
        severity: 'hint',
        message: `${formatDuration(months)} without work before this role (${monthLabel(gap.first)} – ${monthLabel(gap.last)}); résumé readers ask about gaps over ${limit} months.`,
      });
    }
  },
};
