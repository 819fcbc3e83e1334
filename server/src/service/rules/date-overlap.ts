import { employerKey, entrySpan, isSideRole, isWorkSection, type EntrySpan } from '../model/timeline';
import type { Rule } from './types';
import { entryName, monthLabel, rangeSpan } from './_dates';

export const dateOverlap: Rule = {
  id: 'date-overlap',
  description: 'Two full-time jobs whose dates overlap by more than a month (off by default).',
  tags: ['dates'],
  defaultSeverity: 'off',
  fixable: false,
  example: 'Acme, Jan 2018 – Jun 2020 and Globex, Feb 2020 – Present',
  check(doc, report, context) {
    const today = context.options.today;
    const jobs: EntrySpan[] = [];
    for (const section of doc.sections) {
      if (!isWorkSection(section.kind)) continue;
      for (const entry of section.entries) {
        const span = entrySpan(entry, today);
        // Single dates say when, not how long; part-time, contract, volunteer and intern roles may run alongside.
        if (span && !span.lone && !isSideRole(entry)) jobs.push(span);
      }
    }
    const employers = jobs.map((job) => employerKey(job.entry));
    // Pairs whose certain months overlap, found by a sweep over the jobs sorted by their first month: each job is
    // compared with the jobs that start before it ends, not with every other job.
    const byFirst = jobs.map((_, index) => index).sort((x, y) => jobs[x].core.first - jobs[y].core.first || x - y);
    const pairs: [earlier: number, later: number][] = [];
    for (let p = 0; p < byFirst.length; p++) {
      const x = byFirst[p];
      for (let q = p + 1; q < byFirst.length && jobs[byFirst[q]].core.first < jobs[x].core.last; q++) {
        const y = byFirst[q];
        pairs.push(x < y ? [x, y] : [y, x]);
      }
    }
    // Reported in document order: the later job, then the earlier ones it overlaps.
    pairs.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    for (const [i, j] of pairs) {
      // Only the months each job certainly covers: `2015 – 2019` then `2019 – Present` is a change of jobs.
      const a = jobs[i].core;
      const b = jobs[j].core;
      const months = Math.min(a.last, b.last) - Math.max(a.first, b.first) + 1;
      // Starting a job the month the last one ended is a change of jobs, not an overlap.
      if (months <= 1) continue;
      // One inside the other: a role held alongside (a board seat, teaching on the side), not a wrong date.
      if ((a.first <= b.first && b.last <= a.last) || (b.first <= a.first && a.last <= b.last)) continue;
      // The same employer: a promotion or a move inside the company.
      if (employers[i] !== undefined && employers[i] === employers[j]) continue;
      report({
        ...rangeSpan(jobs[j].range),
        severity: 'hint',
        message: `Overlaps "${entryName(jobs[i].entry)}" by ${months} months (${monthLabel(Math.max(a.first, b.first))} – ${monthLabel(Math.min(a.last, b.last))}); if both were full-time, check the dates.`,
      });
    }
  },
};
