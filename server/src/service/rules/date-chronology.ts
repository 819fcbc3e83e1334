import { entrySpan, type EntrySpan } from '../model/timeline';
import type { Entry, SectionKind } from '../model/types';
import type { Rule } from './types';
import { entryName, monthLabel, rangeSpan } from './_dates';

/** Sections a reader expects newest first. Projects, awards and publications are often ordered by weight. */
const CHECKED: ReadonlySet<SectionKind> = new Set(['experience', 'education', 'volunteering']);

/** Newer sorts higher: open first, then the later end, then the later start. */
function newer(a: EntrySpan, b: EntrySpan): boolean {
  if (a.open !== b.open) return a.open;
  if (a.interval.last !== b.interval.last) return a.interval.last > b.interval.last;
  return a.interval.first > b.interval.first;
}

/**
 * Two entries held at the same time are in order either way: one inside the other (a side role, a project, a role
 * that started earlier and ended later), or more than a month of certain overlap (both still running, concurrent
 * jobs). A month shared at a change of jobs (`Jan – Jun 2019`, then `Jun 2019 – Dec 2020`) is not concurrency.
 */
function concurrent(a: EntrySpan, b: EntrySpan): boolean {
  const x = a.interval;
  const y = b.interval;
  if ((x.first <= y.first && y.last <= x.last) || (y.first <= x.first && x.last <= y.last)) return true;
  const shared = Math.min(a.core.last, b.core.last) - Math.max(a.core.first, b.core.first) + 1;
  return shared > 1;
}

function spanLabel(span: EntrySpan): string {
  const { first, last } = span.interval;
  if (span.lone) return first === last ? monthLabel(first) : `${Math.floor(first / 12)}`;
  return `${monthLabel(first)} – ${span.open ? 'Present' : monthLabel(last)}`;
}

export const dateChronology: Rule = {
  id: 'date-chronology',
  description:
    'Entries of a section (experience, education, volunteering) or roles at one employer not listed newest first (by end date, then start); concurrent and nested roles are in order.',
  tags: ['dates', 'structure'],
  defaultSeverity: 'info',
  fixable: false,
  example: 'Jun 2019 – Aug 2019 listed above Feb 2021 – Jul 2021',
  check(doc, report, context) {
    const today = context.options.today;
    // One list at a time: a section's entries, or the roles under one employer (an entry's sub-entries).
    const checkList = (entries: readonly Entry[]): void => {
      const spans = entries.map((e) => entrySpan(e, today)).filter((s): s is EntrySpan => s !== undefined);
      if (spans.length < 2) return;
      const late: [EntrySpan, EntrySpan][] = [];
      for (let i = 1; i < spans.length; i++) {
        if (newer(spans[i], spans[i - 1]) && !concurrent(spans[i], spans[i - 1])) late.push([spans[i - 1], spans[i]]);
      }
      if (late.length === 0) return;
      if (late.length === spans.length - 1 && spans.length > 2) {
        // The whole list runs oldest first: one finding, not one per entry.
        report({
          ...rangeSpan(spans[1].range),
          message: `These ${spans.length} entries are listed oldest first; a résumé lists the newest first.`,
        });
        return;
      }
      for (const [before, entry] of late) {
        report({
          ...rangeSpan(entry.range),
          message: `"${entryName(entry.entry)}" (${spanLabel(entry)}) is newer than "${entryName(before.entry)}" (${spanLabel(before)}) above it; list the newest first.`,
        });
      }
    };
    for (const section of doc.sections) {
      if (!CHECKED.has(section.kind)) continue;
      checkList(section.entries);
      for (const entry of section.entries) if (entry.children.length > 1) checkList(entry.children);
    }
  },
};
