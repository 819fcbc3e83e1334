/**
 * How a résumé writes its dates — the format family most of its entry ranges use (`Dec 2019`, `2019/12`,
 * `2019-12`, `2019`), its month style (`Aug`, `Aug.`, `August`), range separator and word for an open end — and
 * how to write a date that way. The date rules compare against this and their fixes write with it. Pure.
 */
import type { DatePoint, DateRange, DateStyleOptions, MonthStyle, ResumeDocument, Section, SectionKind, Span, TextSpan } from './types';
import { MONTH_NAMES } from './dates';
import { datedEntries } from './timeline';

/** The families a date can be rewritten into. Seasons and open words have no rewrite. */
export type WrittenFamily = 'month-name' | 'numeric' | 'iso' | 'year-only';

const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL_NAMES = new Set(MONTH_NAMES.map((name) => name.toLowerCase()));
const SHORT_NAMES = new Set([...MONTH_ABBREVIATIONS.map((name) => name.toLowerCase()), 'sept']);

// ---------------------------------------------------------------------------------------------
// Month tokens

/** The style of a month token as written; undefined for `May` (the same in every style) and non-month words. */
export function monthStyleOf(token: string): MonthStyle | undefined {
  const period = token.endsWith('.');
  const word = (period ? token.slice(0, -1) : token).toLowerCase();
  if (word === 'may') return undefined;
  if (FULL_NAMES.has(word)) return 'long';
  if (SHORT_NAMES.has(word)) return period ? 'short-period' : 'short';
  return undefined;
}

/**
 * Whether a month token already follows `style`. `May` always does; with `short-period` (the AP style) March,
 * April, June and July written whole do too, as AP spells them out.
 */
export function monthConforms(token: string, month: number, style: MonthStyle): boolean {
  const written = monthStyleOf(token);
  if (written === undefined || written === style) return true;
  return style === 'short-period' && written === 'long' && month >= 3 && month <= 7;
}

/** A month written in a style, in the letter case of `like` (`AUG` for `DECEMBER`). */
export function writeMonth(month: number, style: MonthStyle, like?: string): string {
  let name: string;
  if (style === 'long') name = MONTH_NAMES[month - 1];
  else if (style === 'short') name = MONTH_ABBREVIATIONS[month - 1];
  else name = month === 5 ? 'May' : `${MONTH_ABBREVIATIONS[month - 1]}.`;
  const letters = like?.replace(/[^A-Za-z]/g, '') ?? '';
  if (letters.length > 1 && letters === letters.toUpperCase()) return name.toUpperCase();
  if (letters.length > 1 && letters === letters.toLowerCase()) return name.toLowerCase();
  return name;
}

// ---------------------------------------------------------------------------------------------
// Families

/** Sections whose entry ranges are compared for format: where a reader scans the dates down the page. */
const FORMAT_SECTIONS: ReadonlySet<SectionKind> = new Set(['experience', 'education', 'projects', 'volunteering']);

/**
 * The family a range is written in: the family of its month-precise point (`Dec 2019`, `2019/12`, `2019-12`), else
 * `year-only`; undefined for seasons and quarters, which have no other way to be written.
 */
export function rangeFamily(range: DateRange): WrittenFamily | undefined {
  const points = [range.start, range.end].filter((p): p is DatePoint => p !== undefined && !p.open);
  const precise = points.find((p) => p.family === 'month-name' || p.family === 'numeric' || p.family === 'iso');
  if (precise) return precise.family as WrittenFamily;
  return points.length > 0 && points.every((p) => p.family === 'year-only') ? 'year-only' : undefined;
}

/** An entry range that takes part in the format comparison. */
export interface FormatCandidate {
  range: DateRange;
  section: Section;
  family: WrittenFamily;
}

/**
 * The entry ranges whose format should agree: in experience, education, projects and volunteering sections.
 * Years alone are normal for degrees and for one-off dates, so year-only ranges in education and lone years are left
 * out; seasons (`Summer 2020`) too.
 */
export function formatCandidates(doc: ResumeDocument): FormatCandidate[] {
  const found: FormatCandidate[] = [];
  for (const { section, range } of datedEntries(doc)) {
    if (!FORMAT_SECTIONS.has(section.kind)) continue;
    const family = rangeFamily(range);
    if (!family) continue;
    if (family === 'year-only' && (section.kind === 'education' || (!range.end && !range.open))) continue;
    found.push({ range, section, family });
  }
  return found;
}

/** The family most candidates use: at least two of them, and more than any other family. */
export function dominantFamily(candidates: readonly FormatCandidate[]): WrittenFamily | undefined {
  const counts = new Map<WrittenFamily, number>();
  for (const c of candidates) counts.set(c.family, (counts.get(c.family) ?? 0) + 1);
  let best: WrittenFamily | undefined;
  let bestCount = 0;
  let tie = false;
  for (const [family, count] of counts) {
    if (count > bestCount) {
      best = family;
      bestCount = count;
      tie = false;
    } else if (count === bestCount) {
      tie = true;
    }
  }
  return best !== undefined && bestCount >= 2 && !tie ? best : undefined;
}

// ---------------------------------------------------------------------------------------------
// The document's style

/** How numeric dates are laid out: `2019/12`, `12/2019`, `12.2019`, `2019.12`. */
export interface NumericLayout {
  yearFirst: boolean;
  separator: string;
  /** `09` rather than `9`. */
  pad: boolean;
}

/** One aspect of the style, and whether `vita.dates.style` set it or the document's majority did. */
export interface StyleChoice<T> {
  value: T;
  from: 'setting' | 'document' | 'default';
}

export interface DocumentDateStyle {
  /** The dominant format family of entry ranges, when there is a clear one. */
  family?: WrittenFamily;
  month: StyleChoice<MonthStyle>;
  separator: StyleChoice<string>;
  present: StyleChoice<string>;
  /**
   * Dashes between two one-word dates (`2019–2021`, `2019/12 – Present`) stand with a blank each side, as most of the
   * document's such ranges do (and when none or half do). Dashes next to a date with a blank (`Jun 2020 – Present`)
   * and word separators (`to`) always stand between blanks.
   */
  spacedDashes: boolean;
  numeric: NumericLayout;
  /** Dates in the dominant family carry a day (`3 Apr 2020`, `2020-04-03`). */
  days: boolean;
  /** Month-name dates with a day put it first (`3 Apr 2020`, not `Apr 3, 2020`). */
  dayFirst: boolean;
}

/**
 * The separator as a comparable key: `to`, `–`, `-`. `--` is an en dash and `---` an em dash as LaTeX, Pandoc and
 * plain text write them: the same separator, never a finding beside `–` and `—`.
 */
export function separatorKey(text: string): string {
  const trimmed = text.trim().toLowerCase();
  return trimmed === '--' ? '–' : trimmed === '---' ? '—' : trimmed;
}

/** A dash (hyphen, en, em, figure dash, `--`), as opposed to a word such as `to`. */
export function isDashSeparator(text: string): boolean {
  return /^[-–—‒―]+$/.test(text.trim());
}

/** Both ends of the range are one word (`2019`, `2019/12`, `Present`): the blanks around a dash are a free choice. */
function compactEnds(range: DateRange): boolean {
  return range.end !== undefined && !/\s/.test(range.start.text) && !/\s/.test(range.end.text);
}

/** The words of an open end as written, blanks collapsed: `Present`, `to date`. */
export function presentKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** The most frequent key; a tie goes to the one written first (higher up the page: usually the latest edit). */
function dominant(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** The way the document most often writes the separator with this key (`--` for `–` in a LaTeX-minded file). */
function writtenAs(key: string | undefined, written: readonly string[]): string | undefined {
  if (key === undefined) return undefined;
  return dominant(written.filter((w) => separatorKey(w) === key)) ?? key;
}

function numericLayoutOf(text: string): NumericLayout | undefined {
  let m = /^(\d{4})([./-])(\d{1,2})$/.exec(text);
  if (m) return { yearFirst: true, separator: m[2], pad: m[3].length === 2 };
  m = /^(\d{1,2})([./-])(\d{4})$/.exec(text);
  if (m) return { yearFirst: false, separator: m[2], pad: m[1].length === 2 };
  return undefined;
}

/**
 * The document's date style: the dominant format family of its entry ranges, and for month style, separator and
 * open-end word the setting when given, else what most entry ranges use, else `Aug`, `–`, `Present`.
 */
export function documentDateStyle(doc: ResumeDocument, configured: DateStyleOptions = {}): DocumentDateStyle {
  // Several date rules ask in one check: computed once per model and settings object.
  const cached = styleCache.get(doc);
  if (cached && cached.configured === configured) return cached.style;
  const style = computeDateStyle(doc, configured);
  styleCache.set(doc, { configured, style });
  return style;
}

const styleCache = new WeakMap<ResumeDocument, { configured: DateStyleOptions; style: DocumentDateStyle }>();

function computeDateStyle(doc: ResumeDocument, configured: DateStyleOptions): DocumentDateStyle {
  // One pass over the entry ranges and their points (plain loops: this runs once per check of every document).
  const monthStyles: string[] = [];
  const separators: string[] = [];
  /** Separators as written, to write the dominant one as the document does (`--` where it writes `--`). */
  const writtenSeparators: string[] = [];
  const presents: string[] = [];
  let spaced = 0;
  let closed = 0;
  for (const { range: r } of datedEntries(doc)) {
    for (const p of r.end ? [r.start, r.end] : [r.start]) {
      const style = p.family === 'month-name' && p.monthToken && !p.invalid ? monthStyleOf(p.monthToken.text) : undefined;
      if (style) monthStyles.push(style);
      if (p.open) presents.push(presentKey(p.text));
    }
    if (r.separator && !r.split) {
      separators.push(separatorKey(r.separator.text));
      writtenSeparators.push(r.separator.text.trim());
    }
    if (!r.separator || r.split || !r.end || !isDashSeparator(r.separator.text) || !compactEnds(r)) continue;
    if (doc.text.slice(r.start.end, r.end.start) === r.separator.text) closed++;
    else spaced++;
  }

  const choose = <T extends string>(setting: T | undefined, found: T | undefined, fallback: T): StyleChoice<T> =>
    setting !== undefined ? { value: setting, from: 'setting' } : found !== undefined ? { value: found, from: 'document' } : { value: fallback, from: 'default' };

  const candidates = formatCandidates(doc);
  const family = dominantFamily(candidates);
  const familyPoints = candidates
    .filter((c) => c.family === family)
    .flatMap((c) => (c.range.end ? [c.range.start, c.range.end] : [c.range.start]))
    .filter((p) => p.family === family);
  const withDay = familyPoints.filter((p) => p.day !== undefined).length;
  const layout = familyPoints.map((p) => (p.family === 'numeric' && p.day === undefined ? numericLayoutOf(p.text) : undefined)).find((l) => l);
  const dayFirst = familyPoints.some((p) => p.family === 'month-name' && p.day !== undefined && /^\d/.test(p.text));

  return {
    family,
    month: choose<MonthStyle>(configured.month, dominant(monthStyles) as MonthStyle | undefined, 'short'),
    separator: choose(configured.separator, writtenAs(dominant(separators), writtenSeparators), '–'),
    present: choose(configured.present, dominant(presents), 'Present'),
    spacedDashes: spaced >= closed,
    numeric: layout ?? { yearFirst: false, separator: '/', pad: true },
    days: withDay > familyPoints.length - withDay,
    dayFirst,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing a range in the style: the ONE target shared by the date-style rule's fixes and Format Document

/** A replacement at document offsets (the shape of a rule fix's edit). */
export interface StyleEdit extends Span {
  newText: string;
}

/** One part of a date range written otherwise than the style asks, and the edit that writes it the style's way. */
export interface RangeRestyle {
  kind: 'month' | 'present' | 'separator';
  /** The part as written: the month token, the open-end word, the separator. */
  written: TextSpan;
  /** What the style writes (the separator without blanks). */
  wanted: string;
  /** Replaces `written`; for a separator, the blanks around it too. */
  edit: StyleEdit;
  /** Only the blanks around a dash differ: a layout matter for Format Document, not a date-style finding. */
  spacingOnly: boolean;
  /** For a month: its number (1–12). */
  month?: number;
}

/** The separator as the style writes it between these two ends, blanks included. */
export function writeSeparator(range: DateRange, style: DocumentDateStyle): string {
  const separator = style.separator.value;
  const tight = isDashSeparator(separator) && !style.spacedDashes && compactEnds(range);
  return tight ? separator : ` ${separator} `;
}

/**
 * The parts of `range` not written in `style`: month tokens (`August` where the style says `Aug`), the open-end word
 * (`now` where it says `Present`), the separator (`-` where it says `–`, or a dash whose blanks differ from the
 * style's). Months and open words are rewritten only in their own tokens, in the letter case they had; a split
 * range's separator is left to the rule's join fix.
 */
export function restyleRange(doc: ResumeDocument, range: DateRange, style: DocumentDateStyle): RangeRestyle[] {
  const found: RangeRestyle[] = [];
  const wantedPresent = presentKey(style.present.value);
  for (const point of [range.start, range.end]) {
    if (!point) continue;
    const token = point.monthToken;
    if (point.family === 'month-name' && token && point.month !== undefined && !point.invalid && !monthConforms(token.text, point.month, style.month.value)) {
      const name = writeMonth(point.month, style.month.value, token.text);
      found.push({ kind: 'month', written: token, wanted: name, edit: { start: token.start, end: token.end, newText: name }, spacingOnly: false, month: point.month });
    }
    if (point.open && presentKey(point.text) !== wantedPresent) {
      found.push({ kind: 'present', written: point, wanted: wantedPresent, edit: { start: point.start, end: point.end, newText: wantedPresent }, spacingOnly: false });
    }
  }
  const sep = range.separator;
  if (sep && !range.split) {
    const wanted = style.separator.value;
    const differs = separatorKey(sep.text) !== separatorKey(wanted);
    const between = range.end ? doc.text.slice(range.start.end, range.end.start) : undefined;
    if (range.end && between !== undefined && /^[ \t]*$/.test(between.replace(sep.text, ''))) {
      // Only blanks around the separator: write it with the style's blanks.
      const newText = writeSeparator(range, style);
      if (between !== newText) {
        found.push({ kind: 'separator', written: sep, wanted, edit: { start: range.start.end, end: range.end.start, newText }, spacingOnly: !differs });
      }
    } else if (differs) {
      // Something else stands between the dates (or nothing after): replace the separator, blanks as they were.
      const word = /^[a-z]/i.test(wanted);
      const before = !word || /\s/.test(doc.text[sep.start - 1] ?? '') ? '' : ' ';
      const after = !word || /\s/.test(doc.text[sep.end] ?? '') ? '' : ' ';
      found.push({ kind: 'separator', written: sep, wanted, edit: { start: sep.start, end: sep.end, newText: `${before}${wanted}${after}` }, spacingOnly: false });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Writing dates

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A date point written in `family` and the document's style, or undefined when it cannot be (an open end, a season,
 * an invalid date, or a year-only date asked to name a month). A day is kept only when the document writes days.
 */
export function writePoint(point: DatePoint, family: WrittenFamily, style: DocumentDateStyle, month = point.month): string | undefined {
  if (point.open || point.approximate || point.year === undefined) return undefined;
  const year = point.year;
  if (family === 'year-only') return String(year);
  if (month === undefined) return undefined;
  const day = style.days && point.day !== undefined ? point.day : undefined;
  switch (family) {
    case 'month-name': {
      const like = point.family === 'month-name' ? point.monthToken?.text : undefined;
      const name = writeMonth(month, style.month.value, like);
      if (day === undefined) return `${name} ${year}`;
      return style.dayFirst ? `${day} ${name} ${year}` : `${name} ${day}, ${year}`;
    }
    case 'numeric': {
      const { yearFirst, separator, pad } = style.numeric;
      const mm = pad ? pad2(month) : String(month);
      return yearFirst ? `${year}${separator}${mm}` : `${mm}${separator}${year}`;
    }
    case 'iso':
      return day === undefined ? `${year}-${pad2(month)}` : `${year}-${pad2(month)}-${pad2(day)}`;
  }
}

/** An example of a family, for messages: `Dec 2019`, `2019/12`, `2019-12`, `2019`. */
export function familyExample(family: WrittenFamily, style: DocumentDateStyle): string {
  const sample: DatePoint = { start: 0, end: 0, text: '', family: 'numeric', open: false, year: 2019, month: 12, precision: 'month' };
  return writePoint(sample, family, { ...style, days: false }) ?? '2019';
}

/** A family named for people: `month names`. */
export function familyName(family: WrittenFamily): string {
  return { 'month-name': 'month names', numeric: 'numeric dates', iso: 'ISO dates', 'year-only': 'years only' }[family];
}

/** A family named for people, with an example in the document's style: `month names (Dec 2019)`. */
export function familyLabel(family: WrittenFamily, style: DocumentDateStyle): string {
  return `${familyName(family)} (${familyExample(family, style)})`;
}
