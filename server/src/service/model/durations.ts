/**
 * Durations of date ranges, in whole months. Pure functions.
 *
 * Months are absolute month numbers (`year * 12 + month - 1`), as `DatePoint.firstMonth`/`lastMonth` are. A range
 * covers its start's first month through its end's last month, both included: `2019 – 2019` is Jan–Dec 2019,
 * twelve months; `Sep 2021 – Sep 2025` is 49 months.
 */
import type { CalendarDate, DateRange } from './types';

export interface MonthInterval {
  /** First month covered (absolute: year * 12 + month - 1). */
  first: number;
  /** Last month covered, included. */
  last: number;
}

/**
 * The months a range covers: the start takes the first month of its period, the end the last; an open end (Present,
 * or a separator with nothing after) ends at `today`; a lone date covers its own period. Undefined when a point is
 * invalid, or when the range ends before it starts (a future start with an open end included).
 */
export function rangeMonths(range: DateRange, today: CalendarDate): MonthInterval | undefined {
  const first = range.start.firstMonth;
  if (first === undefined) return undefined;
  let last: number | undefined;
  if (range.end) {
    last = range.end.open ? todayMonth(today) : range.end.lastMonth;
  } else {
    last = range.open ? todayMonth(today) : range.start.lastMonth;
  }
  if (last === undefined || last < first) return undefined;
  return { first, last };
}

/** Months a range covers, both ends included (Jan–Dec 2019 = 12). */
export function durationMonths(range: DateRange, today: CalendarDate): number | undefined {
  const interval = rangeMonths(range, today);
  return interval ? interval.last - interval.first + 1 : undefined;
}

/** `4 yrs 1 mo`, `1 yr 7 mos`, `8 mos`, `1 mo`, `2 yrs`; `0 mos` for nothing. */
export function formatDuration(months: number): string {
  const total = Math.max(0, Math.round(months));
  const years = Math.floor(total / 12);
  const rest = total % 12;
  const parts: string[] = [];
  if (years > 0) parts.push(`${years} ${years === 1 ? 'yr' : 'yrs'}`);
  if (rest > 0 || years === 0) parts.push(`${rest} ${rest === 1 ? 'mo' : 'mos'}`);
  return parts.join(' ');
}

/** Total months covered by the union of the intervals: concurrent roles are not counted twice. */
export function unionMonths(intervals: readonly MonthInterval[]): number {
  const sorted = intervals.filter((i) => i.last >= i.first).sort((a, b) => a.first - b.first);
  let total = 0;
  let current: MonthInterval | undefined;
  for (const interval of sorted) {
    if (current && interval.first <= current.last + 1) {
      if (interval.last > current.last) current.last = interval.last;
      continue;
    }
    if (current) total += current.last - current.first + 1;
    current = { first: interval.first, last: interval.last };
  }
  if (current) total += current.last - current.first + 1;
  return total;
}

function todayMonth(today: CalendarDate): number {
  return today.year * 12 + today.month - 1;
}
