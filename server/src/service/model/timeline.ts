/**
 * The résumé as a timeline: which entries carry dates, the months they cover, and what kind of engagement they are.
 * Pure functions over the model, shared by the date rules (chronology, overlap, gap, format, style).
 */
import type { CalendarDate, DateRange, Entry, ResumeDocument, Section, SectionKind } from './types';
import { rangeMonths, type MonthInterval } from './durations';

/** An entry (or sub-entry) that has its own date range. */
export interface DatedEntry {
  section: Section;
  entry: Entry;
  /** The entry a sub-entry sits under. */
  parent?: Entry;
  range: DateRange;
}

/** Every entry and sub-entry with a date range, in document order. */
export function datedEntries(doc: ResumeDocument): DatedEntry[] {
  const found: DatedEntry[] = [];
  const walk = (section: Section, entry: Entry, parent: Entry | undefined): void => {
    if (entry.dateRange) found.push({ section, entry, parent, range: entry.dateRange });
    for (const child of entry.children) walk(section, child, entry);
  };
  for (const section of doc.sections) for (const entry of section.entries) walk(section, entry, undefined);
  return found;
}

/** Where an entry stands in time: its own range, or the span of its sub-entries' ranges. */
export interface EntrySpan {
  entry: Entry;
  /** The range to point at in a finding: the entry's own, else its first dated sub-entry's. */
  range: DateRange;
  /** Months covered; an open end runs to today. */
  interval: MonthInterval;
  /**
   * Months certainly covered: from the last month of the start's period to the first of the end's, so that
   * `2015 – 2019` and `2019 – Present` share no month for certain. May be empty (last < first).
   */
  core: MonthInterval;
  /** Ends in Present (or a sub-entry does). */
  open: boolean;
  /** A single date (`2015/05`, `2019`), not a range: it says when, not how long. */
  lone: boolean;
}

/**
 * The months an entry covers: its own range, else the span from its sub-entries' earliest start to their latest
 * end (PDF layouts date the projects under a role, not the role). Undefined when nothing valid dates it.
 */
export function entrySpan(entry: Entry, today: CalendarDate): EntrySpan | undefined {
  if (entry.dateRange) {
    const interval = rangeMonths(entry.dateRange, today);
    if (!interval) return undefined;
    const range = entry.dateRange;
    const core = {
      first: range.start.lastMonth ?? interval.first,
      last: range.end && !range.end.open ? (range.end.firstMonth ?? interval.last) : range.open ? interval.last : (range.start.firstMonth ?? interval.last),
    };
    return { entry, range, interval, core, open: range.open, lone: !range.end && !range.open };
  }
  const children = entry.children.map((child) => entrySpan(child, today)).filter((s): s is EntrySpan => s !== undefined);
  if (children.length === 0) return undefined;
  // Loops, not `Math.min(...spread)`: an entry may have more sub-entries than the call stack has room for.
  const interval = { first: Infinity, last: -Infinity };
  const core = { first: Infinity, last: -Infinity };
  for (const child of children) {
    interval.first = Math.min(interval.first, child.interval.first);
    interval.last = Math.max(interval.last, child.interval.last);
    core.first = Math.min(core.first, child.core.first);
    core.last = Math.max(core.last, child.core.last);
  }
  return { entry, range: children[0].range, interval, core, open: children.some((c) => c.open), lone: children.every((c) => c.lone) };
}

/** Sections whose entries are jobs. */
export function isWorkSection(kind: SectionKind): boolean {
  return kind === 'experience';
}

/**
 * Roles that may run beside a full-time job without anything being wrong: part-time, contract, freelance,
 * volunteer, internships, per-diem shifts, advisory and board seats, teaching on the side.
 */
const SIDE_ROLE =
  /\b(?:part[- ]?time|contract(?:or)?|freelance(?:r)?|volunteer(?:ing)?|intern(?:ship)?|co-?op|per[- ]diem|prn|locum|bank (?:nurse|staff)|seasonal|temporary|temp|adjunct|visiting|advis(?:or|er|ory)|board member|trustee|consultant|self[- ]employed|sessional|on[- ]call|relief (?:nurse|staff)|substitute)\b/i;

/** A part-time, contract, freelance, volunteer or intern role (by its title line or role). */
export function isSideRole(entry: Entry): boolean {
  return SIDE_ROLE.test(entry.title.text) || (entry.role !== undefined && SIDE_ROLE.test(entry.role.text));
}

/**
 * The employer, normalised for comparison: lower case, without legal suffixes, brackets and punctuation, so that
 * `Microsoft Corporation` and `Microsoft Corp.` match. Undefined when the entry names none.
 */
export function employerKey(entry: Entry): string | undefined {
  const text = entry.organisation?.text;
  if (!text) return undefined;
  const key = text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}\s&]/gu, ' ')
    .replace(/\b(?:inc|incorporated|corp|corporation|ltd|limited|llc|llp|plc|gmbh|ag|sa|co|company|group|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return key.length > 0 ? key : undefined;
}

/** Today as an absolute month number (year * 12 + month - 1), as `DatePoint.firstMonth`. */
export function monthNumber(date: CalendarDate): number {
  return date.year * 12 + date.month - 1;
}
