/** Small helpers the date rules share: how they name months, ranges and entries in messages. */
import type { CalendarDate } from '../context';
import { MONTH_NAMES } from '../model/dates';
import { lineAt } from '../model/lines';
import type { DateRange, Entry, ResumeDocument } from '../model/types';

/** An absolute month number (year * 12 + month - 1) as `Jan 2019`. */
export function monthLabel(month: number): string {
  return `${MONTH_NAMES[((month % 12) + 12) % 12].slice(0, 3)} ${Math.floor(month / 12)}`;
}

export function todayLabel(today: CalendarDate): string {
  return `${today.day} ${MONTH_NAMES[today.month - 1].slice(0, 3)} ${today.year}`;
}

/** A range as written, with both ends for a split range: `2013/09 … 2016/03`. */
export function rangeText(range: DateRange): string {
  if (!range.split || !range.end) return range.text;
  return `${range.start.text} … ${range.end.text}`;
}

/** The span a finding about a whole range covers: for a split range, the part on the start's line. */
export function rangeSpan(range: DateRange): { start: number; end: number } {
  return range.split ? { start: range.span.start, end: Math.max(range.start.end, range.span.end) } : range.span;
}

/** The range ends before it starts (both ends dated). */
export function isReversed(range: DateRange): boolean {
  const { start, end } = range;
  return end !== undefined && !end.open && start.firstMonth !== undefined && end.lastMonth !== undefined && start.firstMonth > end.lastMonth;
}

/**
 * A split range whose start stands alone on its line and whose end comes earlier: a column of dates that PDF text
 * stacked (`2020` above `2018`, each some entry's), not one range that ends before it starts.
 */
export function isDateColumn(doc: ResumeDocument, range: DateRange): boolean {
  if (!range.split || !isReversed(range)) return false;
  const line = doc.lines[lineAt(doc.lines, range.start.start)];
  return line.text.replace(/^[\s\-*+•▪◦●]*/, '').replace(/[\s*_]*$/, '') === range.start.text;
}

/** An entry as a reader would name it: its organisation, else its title, shortened. */
export function entryName(entry: Entry): string {
  const text = (entry.organisation?.text ?? entry.title.text).replace(/[*_`]/g, '').trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
