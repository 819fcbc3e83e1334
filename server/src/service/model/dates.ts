/**
 * The date parser: finds date ranges and lone dates in a line of a résumé and normalises them.
 *
 * Pure functions over strings; no LSP, no I/O. It runs on every line at every keystroke, so the scan is a single
 * left-to-right pass over the line: at each token start it tries a date with a bounded look-ahead (a handful of
 * tokens), and on failure skips the whole token. All regexes are compiled once and are either anchored or sticky.
 *
 * Offsets in the results are absolute into the `text` given, like every offset in the model.
 */
import type { DateFamily, DatePoint, DatePrecision, DateRange, TextSpan } from './types';

export const MONTH_NAMES: readonly string[] = Object.freeze([
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]);

/** Month words as written (lower case) → month 1–12. */
const MONTH_WORDS: ReadonlyMap<string, number> = new Map<string, number>([
  ...MONTH_NAMES.map((name, i): [string, number] => [name.toLowerCase(), i + 1]),
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
]);

/** Candidates for a misspelled month: the full names and the abbreviations. */
const MISSPELLING_TARGETS: readonly (readonly [string, number])[] = [...MONTH_WORDS.entries()];

const FULL_MONTH_WORDS: readonly string[] = MONTH_NAMES.map((name) => name.toLowerCase());

/**
 * Ordinary words (and common names) within edit distance of a month that may stand before a year in prose or in a
 * title: never read as misspelled months. Lower case.
 */
const NOT_MONTHS: ReadonlySet<string> = new Set(
  (
    'and any are art act apt ago age aid aim air all also amp ape app apps arc arm army ask avg away ' +
    'dean deal dear debt deck decor deco deep deer demo den dept desk dev devs doc docs dot dots due duty dew ' +
    'fab fan far fed fee feel feet few fib fig fin fit fed feat feed fear fell felt fun fur ' +
    'jam jar jaw jay jet jobs job joy jug junk jury just jane janet jean jun june july julie julia juan jul jules joan jon ' +
    'mac mad man map mark marc mars mary mart mask mass mast mat max may mayo mid mix mob mod mom mrs mrna maps march ' +
    'mach made mail main make male mall many marsh marks martin match math maya mayor maybe mayer matt ' +
    'net new news next nor not now nova novel noun nav nod non nut ' +
    'oak oat occ odd off oft oil old one opt orc ore our out own octal octane ' +
    'sap sea see seo sep seal seat sect seed seek seem seen self sell send sent set sets sept seven sew shape step ' +
    'aug augusta augustine april apple appl aegis ' +
    'ocean october feature future ' +
    // found by running the rule over the en_US, en_GB, people-names, companies and software-terms word lists
    'arp mra marci marco marcy marcs otc deceiver decemvir decenter janisary janizary nonmember apryl marich ' +
    'marsch marth mauch murch ' +
    // month names in other languages: not English misspellings
    'avril abril januar januari februar februari oktober dezember septiembre noviembre septembre octobre ' +
    'novembre decembre settembre dicembre novembro'
  ).split(' '),
);

const SEASONS: ReadonlyMap<string, readonly [number, number]> = new Map<string, readonly [number, number]>([
  // [first, last] month offsets relative to January of the year written; winter is Dec (year before) – Feb.
  ['spring', [2, 4]],
  ['summer', [5, 7]],
  ['fall', [8, 10]],
  ['autumn', [8, 10]],
  ['winter', [-1, 1]],
]);

const PARTS_OF_YEAR: ReadonlyMap<string, readonly [number, number]> = new Map<string, readonly [number, number]>([
  ['early', [0, 3]],
  ['mid', [4, 7]],
  ['late', [8, 11]],
]);

// ---------------------------------------------------------------------------------------------
// Precompiled patterns (sticky: they match exactly at lastIndex).

const WORD = /[A-Za-z]+/y;
/** A day after a month name: `August 15, 2018`, `Aug 1st 2018`. */
const MONTH_DAY = /\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![A-Za-z0-9]),?\s+/iy;
/** A day-first date: `15 August 2018`, `1st Aug. 2018`: the gap after the day. */
const DAY_GAP = /(?:st|nd|rd|th)?\s+/iy;
const YEAR2 = /['’](\d{2})(?![0-9A-Za-z_%])(?![.,/:]\d)/y;
const SEASON_GAP = /\s+|\s*(?=['’])/y;
const PART_GAP = /(?:\s+|\s*-\s*)/y;
const QUARTER = /Q([1-4])(?:\s+|\s*(?=['’]))/iy;
const SEPARATOR = /\s*(---|--|[-–—‒―−~])\s*|\s+(?:to|until|through|thru|till)\s+/iy;
const OPEN_WORD = /(present|current|now|today|ongoing|to\s+date)(?![A-Za-z0-9])/iy;
const TO_DATE = /\s+(to\s+date)(?![A-Za-z0-9])/iy;
const QUALIFIER_BEFORE =
  /((?:expected|anticipated|exp\.?)(?:\s+(?:graduation|completion|grad\.?))?)(?::\s*|\s+)(?:(?:in|by|on)\s+)?/iy;
const QUALIFIER_AFTER =
  /\s*\(\s*(?:expected|anticipated|exp\.?)\s*\)|\s+(?:expected|anticipated)(?=\s*(?:$|[)\],;|•·]))/iy;
const NOTHING_AFTER = /[\s*_)\]]*$/y;
/** `Since March 2022`: the word that opens a range at its start. */
const SINCE = /(since)[ \t\u00a0]+/iy;

// Whole-chunk numeric forms (anchored; the chunk is at most a few characters).
const NUM_YEAR = /^\d{4}$/;
const NUM_YEAR_MONTH = /^(\d{4})([-/.])(\d{1,2})$/;
const NUM_YEAR_MONTH_DAY = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const NUM_MONTH_YEAR = /^(\d{1,2})([-/.])(\d{4})$/;
const NUM_DAY_MONTH_YEAR = /^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$/;
/** With dots only two-digit parts: `1.2.2020` is a version. */
const NUM_DAY_MONTH_YEAR_DOTTED = /^(\d{2})(\.)(\d{2})\.(\d{4})$/;
const NUM_DAY_MONTH_YEAR2 = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/;
const NUM_MONTH_YEAR2 = /^(\d{2})\/(\d{2})$/;

// ---------------------------------------------------------------------------------------------
// Characters

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Letters and digits, by code unit: ASCII ones and `_`, and non-ASCII code units outside the punctuation and symbol
 * blocks résumés use (Latin-1 punctuation, General Punctuation through Miscellaneous Symbols and Arrows, CJK
 * punctuation, fullwidth ASCII punctuation, surrogates for emoji). Cheaper than a `\p{L}` regex on every character.
 */
function isWordChar(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return isDigit(c) || isAsciiLetter(c) || c === 95; // _
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  return !(c >= 0xd800 && c <= 0xdfff);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/**
 * Can a date begin at `i`? Not inside a word or a number (`x86`, `layer1-5`, `555.200.0147`, `3.92/4.0`), and not
 * after a sign that makes the number something else (`$740`, `C++14`, `#2020`).
 */
function canStartAt(s: string, i: number): boolean {
  if (i === 0) return true;
  if (isWordChar(s, i - 1)) return false;
  const p = s.charCodeAt(i - 1);
  if (isDigit(s.charCodeAt(i)) || isApostrophe(s.charCodeAt(i))) {
    // $ # + @ & = ^ < > and a number joined to a previous number by . , / : -
    if (p === 36 || p === 35 || p === 43 || p === 64 || p === 38 || p === 61 || p === 94) return false;
    if ((p === 46 || p === 44 || p === 47 || p === 58 || p === 45) && i >= 2 && isDigit(s.charCodeAt(i - 2))) {
      return false;
    }
  }
  return true;
}

/** The code unit of the first non-blank character at or after `i` (NaN at the end). */
function nextNonBlank(s: string, i: number): number {
  let c = s.charCodeAt(i);
  while (c === 32 || c === 9 || c === 160 || c === 0x202f || c === 0x2009) c = s.charCodeAt(++i);
  return c;
}

/** Separator characters (`-`, `–`, `—`, `‒`, `―`, `−`, `~`) and the first letters of `to`, `until`, `through`, `thru`, `till`. */
const SEPARATOR_INITIALS = new Set([45, 0x2013, 0x2014, 0x2012, 0x2015, 0x2212, 126, 116, 84, 117, 85]);
/** `(`, and the first letters of `expected`, `anticipated`. */
const QUALIFIER_AFTER_INITIALS = new Set([40, 101, 69, 97, 65]);

function match(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

// ---------------------------------------------------------------------------------------------
// Points

/** A point while parsing: local offsets into the line; `yearless` for `Jun` in `Jun – Dec 2020`. */
interface RawPoint {
  start: number;
  end: number;
  family: DateFamily;
  open: boolean;
  year?: number;
  month?: number;
  day?: number;
  precision?: DatePrecision;
  /** Months relative to January of `year` (seasons and parts of a year). */
  relative?: readonly [number, number];
  approximate?: boolean;
  monthToken?: { start: number; end: number };
  invalid?: string;
  suggestedMonth?: number;
  ambiguous?: boolean;
  yearless?: boolean;
  /** `10/12`: reads as a date only inside a range (a lone one is more likely a score). */
  weak?: boolean;
  /** `2015 June`: the year before the month (year-sorted tables); a bare month may end its range (`2015 June-Aug`). */
  yearFirst?: boolean;
}

/** A point, or a numeric chunk that holds a whole range (`2017-2021`). */
interface PointResult {
  point: RawPoint;
  /** For `2017-2021`: the separator offset and the end point; no separator for `2019/20` (a season of two years). */
  rangeEnd?: { separator?: number; point: RawPoint };
}

function twoDigitYear(yy: number): number {
  return yy < 50 ? 2000 + yy : 1900 + yy;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function monthProblem(month: number): string | undefined {
  return month >= 1 && month <= 12 ? undefined : `month ${month} does not exist`;
}

function dayProblem(year: number, month: number, day: number): string | undefined {
  if (day < 1 || day > 31) return `day ${day} does not exist`;
  const days = daysInMonth(year, month);
  if (day <= days) return undefined;
  if (month === 2) return days === 28 ? `February ${year} has 28 days` : 'February has 29 days';
  return `${MONTH_NAMES[month - 1]} has ${days} days`;
}

function asciiWordEnd(s: string, i: number): number {
  while (isAsciiLetter(s.charCodeAt(i))) i++;
  return i;
}

/** After a month name: `.`, `,` and blanks (`Aug. 2018`, `Aug, 2018`), as MONTH_YEAR_GAP without a regex. */
function monthYearGapEnd(s: string, i: number): number {
  if (s.charCodeAt(i) === 46) i++;
  if (s.charCodeAt(i) === 44) i++;
  let c = s.charCodeAt(i);
  while (c === 32 || c === 9 || c === 160 || c === 0x202f || c === 0x2009) c = s.charCodeAt(++i);
  return i;
}

/** End of a numeric chunk at `i`: digits joined by single `.`, `/`, `-` (as CHUNK, without a regex). */
function chunkEnd(s: string, i: number): number {
  while (isDigit(s.charCodeAt(i))) i++;
  for (;;) {
    const c = s.charCodeAt(i);
    if ((c === 46 || c === 47 || c === 45) && isDigit(s.charCodeAt(i + 1))) {
      i += 2;
      while (isDigit(s.charCodeAt(i))) i++;
    } else {
      return i;
    }
  }
}

/** Reads a year at `i`: `2019` or `'19`. */
function readYear(s: string, i: number, minYear: number): { year: number; end: number } | undefined {
  const c = s.charCodeAt(i);
  if (isDigit(c)) {
    if (!isDigit(s.charCodeAt(i + 1)) || !isDigit(s.charCodeAt(i + 2)) || !isDigit(s.charCodeAt(i + 3))) return undefined;
    if (!numberEndsAt(s, i + 4)) return undefined;
    const year =
      (c - 48) * 1000 + (s.charCodeAt(i + 1) - 48) * 100 + (s.charCodeAt(i + 2) - 48) * 10 + (s.charCodeAt(i + 3) - 48);
    return year >= minYear && year <= 2099 ? { year, end: i + 4 } : undefined;
  }
  if (isApostrophe(c)) {
    const m = match(YEAR2, s, i);
    return m ? { year: twoDigitYear(Number(m[1])), end: YEAR2.lastIndex } : undefined;
  }
  return undefined;
}

const DISTANCE_BUFFER = new Int32Array(16 * 16);

/** Optimal string alignment distance (words up to 15 letters), giving up (limit + 1) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit || a.length > 15 || b.length > 15) return limit + 1;
  const width = b.length + 1;
  const d = DISTANCE_BUFFER;
  for (let i = 0; i <= a.length; i++) d[i * width] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = limit + 1;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * width + j - 2] + 1);
      d[i * width + j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
  }
  return d[a.length * width + b.length];
}

/**
 * The month a misspelled word most likely means, or undefined when the word is not clearly a month. Short words
 * have many honest neighbours (`Jude`, `Mary`, `Dev`), so the test is strict: the word is capitalised or lower case,
 * not an ordinary word or common name, starts with the month's first letter and not with a whole month name
 * (`Augustus`, `Mayor`); up to four letters it must be a transposition of `Jun`, `June`, `Sept`…; five to seven
 * letters may be one edit from a full name, eight or more two edits.
 */
export function suggestMonth(word: string): number | undefined {
  if (word.length < 3 || word.length > 15) return undefined;
  const cached = SUGGESTION_CACHE.get(word);
  if (cached !== undefined) return cached || undefined;
  const month = computeSuggestedMonth(word);
  if (SUGGESTION_CACHE.size >= 4096) SUGGESTION_CACHE.clear();
  SUGGESTION_CACHE.set(word, month ?? 0);
  return month;
}

/** suggestMonth's answers by word as written (0 for none): the same words come back on every keystroke. */
const SUGGESTION_CACHE = new Map<string, number>();

function computeSuggestedMonth(word: string): number | undefined {
  const rest = word.slice(1);
  if (rest !== rest.toLowerCase()) return undefined; // ALLCAPS or camelCase: an acronym or a name
  const lower = word.toLowerCase();
  if (NOT_MONTHS.has(lower) || MONTH_WORDS.has(lower)) return undefined;
  for (const name of FULL_MONTH_WORDS) if (lower.startsWith(name)) return undefined;
  const short = lower.length <= 4;
  const limit = short ? 1 : lower.length <= 7 ? 1 : 2;
  const letters = short ? sortLetters(lower) : '';
  let bestMonth: number | undefined;
  let bestDistance = limit + 1;
  for (const [target, month] of MISSPELLING_TARGETS) {
    if (target[0] !== lower[0]) continue;
    if (short ? target.length !== lower.length || SORTED_TARGETS.get(target) !== letters : target.length < 5) continue;
    const d = editDistance(lower, target, limit);
    if (d < bestDistance) {
      bestDistance = d;
      bestMonth = month;
    }
  }
  return bestMonth;
}

function sortLetters(word: string): string {
  return [...word].sort().join('');
}

const SORTED_TARGETS: ReadonlyMap<string, string> = new Map(MISSPELLING_TARGETS.map(([t]) => [t, sortLetters(t)]));

/** A month word (or a misspelling of one) at `i`, with the date it starts. */
function parseMonthNamePoint(s: string, i: number, allowYearless: boolean): RawPoint | undefined {
  const wordEnd = asciiWordEnd(s, i);
  if (wordEnd === i) return undefined;
  const word = s.slice(i, wordEnd);
  const lower = word.toLowerCase();
  const month = MONTH_WORDS.get(lower);
  if (month !== undefined) {
    const hasPeriod = s.charCodeAt(wordEnd) === 46;
    const tokenEnd = hasPeriod ? wordEnd + 1 : wordEnd;
    const monthToken = { start: i, end: tokenEnd };
    // Month day, year
    const md = isDigit(nextNonBlank(s, hasPeriod ? wordEnd + 1 : wordEnd)) ? match(MONTH_DAY, s, wordEnd) : null;
    if (md) {
      const y = readYear(s, MONTH_DAY.lastIndex, 1900);
      if (y) {
        const day = Number(md[1]);
        return {
          start: i,
          end: y.end,
          family: 'month-name',
          open: false,
          year: y.year,
          month,
          day,
          precision: 'day',
          monthToken,
          invalid: dayProblem(y.year, month, day),
        };
      }
    }
    const y = readYear(s, monthYearGapEnd(s, wordEnd), 1900);
    if (y) {
      return { start: i, end: y.end, family: 'month-name', open: false, year: y.year, month, precision: 'month', monthToken };
    }
    if (allowYearless && !isWordChar(s, tokenEnd)) {
      return { start: i, end: tokenEnd, family: 'month-name', open: false, month, precision: 'month', monthToken, yearless: true };
    }
    return undefined;
  }
  // A misspelled month: only directly before a four-digit year.
  if (lower.length < 3) return undefined;
  const gapEnd = monthYearGapEnd(s, wordEnd);
  const y = isDigit(s.charCodeAt(gapEnd)) ? readYear(s, gapEnd, 1950) : undefined;
  if (!y) return undefined;
  const suggested = suggestMonth(word);
  if (suggested === undefined) return undefined;
  const hasPeriod = s.charCodeAt(wordEnd) === 46;
  return {
    start: i,
    end: y.end,
    family: 'month-name',
    open: false,
    year: y.year,
    precision: 'month',
    monthToken: { start: i, end: hasPeriod ? wordEnd + 1 : wordEnd },
    invalid: `"${word}" is not a month name; did you mean ${MONTH_NAMES[suggested - 1]}?`,
    suggestedMonth: suggested,
  };
}

/** `Summer 2020`, `Q3 2019`, `Mid-2018`, `Early 2020`. */
function parseApproximatePoint(s: string, i: number): RawPoint | undefined {
  const q = match(QUARTER, s, i);
  if (q) {
    const y = readYear(s, QUARTER.lastIndex, 1950);
    if (!y) return undefined;
    const n = Number(q[1]);
    return {
      start: i,
      end: y.end,
      family: 'season',
      open: false,
      year: y.year,
      precision: 'quarter',
      relative: [(n - 1) * 3, (n - 1) * 3 + 2],
      approximate: true,
    };
  }
  const w = match(WORD, s, i);
  if (!w) return undefined;
  const wordEnd = WORD.lastIndex;
  const lower = w[0].toLowerCase();
  const season = SEASONS.get(lower);
  if (season) {
    const gap = match(SEASON_GAP, s, wordEnd);
    const y = gap ? readYear(s, SEASON_GAP.lastIndex, 1950) : undefined;
    if (!y) return undefined;
    return { start: i, end: y.end, family: 'season', open: false, year: y.year, precision: 'season', relative: season, approximate: true };
  }
  const part = PARTS_OF_YEAR.get(lower);
  if (part) {
    const gap = match(PART_GAP, s, wordEnd);
    const y = gap ? readYear(s, PART_GAP.lastIndex, 1950) : undefined;
    if (!y) return undefined;
    return { start: i, end: y.end, family: 'season', open: false, year: y.year, precision: 'year', relative: part, approximate: true };
  }
  return undefined;
}

/** Interprets a numeric chunk `s[a, b)` (digits joined by `.`, `/`, `-`) as one date point. */
function numericPoint(s: string, a: number, b: number): RawPoint | undefined {
  let plain = true;
  for (let k = a; k < b && plain; k++) plain = isDigit(s.charCodeAt(k));
  if (plain) {
    // The common case, by far: a plain number. Only a four-digit year in range is a date.
    const year = b - a === 4 ? readYear(s, a, 1950)?.year : undefined;
    return year === undefined ? undefined : { start: a, end: b, family: 'year-only', open: false, year, precision: 'year' };
  }
  const chunk = s.slice(a, b);
  let m: RegExpExecArray | null;
  if (NUM_YEAR.test(chunk)) {
    const year = Number(chunk);
    if (year < 1950 || year > 2099) return undefined;
    return { start: a, end: b, family: 'year-only', open: false, year, precision: 'year' };
  }
  if ((m = NUM_YEAR_MONTH.exec(chunk))) {
    const year = Number(m[1]);
    const sep = m[2];
    if (year < 1900 || year > 2099) return undefined;
    if (m[3].length === 1 && sep !== '/') return undefined; // `2019.5`, `2019-5`: not a date
    const month = Number(m[3]);
    const monthStart = a + 5;
    const invalid = monthProblem(month);
    if (invalid && sep === '.') return undefined; // `2019.75` is a number
    return {
      start: a,
      end: b,
      family: sep === '-' ? 'iso' : 'numeric',
      open: false,
      year,
      month: invalid ? undefined : month,
      precision: 'month',
      monthToken: { start: monthStart, end: b },
      invalid,
    };
  }
  if ((m = NUM_YEAR_MONTH_DAY.exec(chunk))) {
    const year = Number(m[1]);
    if (year < 1900 || year > 2099) return undefined;
    const month = Number(m[3]);
    const day = Number(m[4]);
    const monthStart = a + 5;
    const invalid = monthProblem(month) ?? dayProblem(year, month, day);
    return {
      start: a,
      end: b,
      family: m[2] === '-' ? 'iso' : 'numeric',
      open: false,
      year,
      month: monthProblem(month) ? undefined : month,
      day,
      precision: 'day',
      monthToken: { start: monthStart, end: monthStart + m[3].length },
      invalid,
    };
  }
  if ((m = NUM_MONTH_YEAR.exec(chunk))) {
    const year = Number(m[3]);
    if (year < 1900 || year > 2099) return undefined;
    const month = Number(m[1]);
    const invalid = monthProblem(month);
    return {
      start: a,
      end: b,
      family: 'numeric',
      open: false,
      year,
      month: invalid ? undefined : month,
      precision: 'month',
      monthToken: { start: a, end: a + m[1].length },
      invalid,
    };
  }
  let dmy = NUM_DAY_MONTH_YEAR.exec(chunk) ?? NUM_DAY_MONTH_YEAR_DOTTED.exec(chunk);
  let year: number | undefined;
  if (dmy) {
    year = Number(dmy[4]);
    if (year < 1900 || year > 2099) return undefined;
  } else if ((m = NUM_DAY_MONTH_YEAR2.exec(chunk))) {
    dmy = m;
    year = twoDigitYear(Number(m[3]));
  }
  if (dmy && year !== undefined) {
    const first = Number(dmy[1]);
    const second = Number(dmy[3]);
    const firstStart = a;
    const secondStart = a + dmy[1].length + 1;
    // Day first unless only the other reading makes sense.
    const monthFirst = second > 12 && first <= 12;
    const month = monthFirst ? first : second;
    const day = monthFirst ? second : first;
    const monthStart = monthFirst ? firstStart : secondStart;
    const invalid = monthProblem(month) ?? dayProblem(year, month, day);
    return {
      start: a,
      end: b,
      family: 'numeric',
      open: false,
      year,
      month: monthProblem(month) ? undefined : month,
      day,
      precision: 'day',
      monthToken: { start: monthStart, end: monthStart + (monthFirst ? dmy[1] : dmy[3]).length },
      invalid,
      ambiguous: first <= 12 && second <= 12 && first !== second ? true : undefined,
    };
  }
  if ((m = NUM_MONTH_YEAR2.exec(chunk))) {
    const month = Number(m[1]);
    if (monthProblem(month)) return undefined; // `24/07`, `50/50`: not a date
    return {
      start: a,
      end: b,
      family: 'numeric',
      open: false,
      year: twoDigitYear(Number(m[2])),
      month,
      precision: 'month',
      monthToken: { start: a, end: a + 2 },
      weak: m[1][0] !== '0' ? true : undefined,
    };
  }
  return undefined;
}

/** True when the character at `i` ends a number token: not a letter/digit/%, not `.5`, `/4`, `,000`. */
function numberEndsAt(s: string, i: number): boolean {
  if (i >= s.length) return true;
  const c = s.charCodeAt(i);
  if (isWordChar(s, i) || c === 37 /* % */ || c === 43 /* + */) return false;
  if ((c === 46 || c === 44 || c === 47 || c === 58) && isDigit(s.charCodeAt(i + 1))) return false;
  return true;
}

/**
 * The year `yy` (two digits) or `d` (one) stands for after `year`: the first later year that ends so, up to 30 years
 * on (`2015–18` → 2018, `1998–02` → 2002), or undefined.
 */
function laterYear(year: number, short: number, modulus: 10 | 100): number | undefined {
  let later = year - (year % modulus) + short;
  if (later <= year) later += modulus;
  return later - year <= 30 ? later : undefined;
}

/**
 * `2016-18`, `2019/20`, `2024/5` as one chunk: a year and a later year written short. Two digits read so only when
 * they cannot be a month (above 12: `2009/10` stays October 2009); one digit only for the next year (`2024/5`, the
 * 2024–25 season) and only when no range follows (`2024/5 – 2025/6` are months). Never as a range's end.
 */
function yearPairChunk(s: string, i: number, b: number, asEnd: boolean): PointResult | undefined {
  const length = b - i;
  if (asEnd || (length !== 6 && length !== 7)) return undefined;
  const joiner = s.charCodeAt(i + 4);
  if (joiner !== 45 && joiner !== 47) return undefined; // - /
  for (let k = i; k < b; k++) if (k !== i + 4 && !isDigit(s.charCodeAt(k))) return undefined;
  const year = Number(s.slice(i, i + 4));
  if (year < 1950 || year > 2099) return undefined;
  const short = Number(s.slice(i + 5, b));
  let endYear: number | undefined;
  if (length === 7) {
    if (short <= 12) return undefined; // a month
    endYear = laterYear(year, short, 100);
  } else {
    if (short !== (year + 1) % 10 || separatorThenDate(s, b)) return undefined;
    endYear = year + 1;
  }
  if (endYear === undefined) return undefined;
  return {
    point: { start: i, end: i + 4, family: 'year-only', open: false, year, precision: 'year' },
    rangeEnd: {
      // `2016-18` has a dash between its years; `2019/20` names one season of two years.
      separator: joiner === 45 ? i + 4 : undefined,
      point: { start: i + 5, end: b, family: 'year-only', open: false, year: endYear, precision: 'year' },
    },
  };
}

/** A range separator at `i` with a digit or a letter after it: a range goes on (`2024/5 – 2025/6`). */
function separatorThenDate(s: string, i: number): boolean {
  if (!SEPARATOR_INITIALS.has(nextNonBlank(s, i))) return false;
  const sep = match(SEPARATOR, s, i);
  if (!sep) return false;
  const c = s.charCodeAt(SEPARATOR.lastIndex);
  return isDigit(c) || isAsciiLetter(c) || isApostrophe(c);
}

/**
 * The end year of `2015–18`, `1998 – 02` at `i` (after the separator): exactly two digits, a later year, and not a
 * count (`2020 - 25 students`, `2019 – 18 months`: a lower-case word or a number follows).
 */
function shortEndYear(s: string, i: number, startYear: number): RawPoint | undefined {
  if (!isDigit(s.charCodeAt(i)) || !isDigit(s.charCodeAt(i + 1)) || !numberEndsAt(s, i + 2)) return undefined;
  const next = nextNonBlank(s, i + 2);
  if ((next >= 97 && next <= 122) || isDigit(next)) return undefined;
  const year = laterYear(startYear, Number(s.slice(i, i + 2)), 100);
  if (year === undefined) return undefined;
  return { start: i, end: i + 2, family: 'year-only', open: false, year, precision: 'year' };
}

/**
 * `2018 Dec`, `2017 June`: a month name after a four-digit year (tables sorted by year). One or two blanks between,
 * the whole month word, no day after it (`2018 Dec 5`), and not the verb (`2019 may`).
 */
function yearFirstMonth(s: string, b: number, year: RawPoint): RawPoint | undefined {
  let k = b;
  if (s.charCodeAt(k) !== 32 && s.charCodeAt(k) !== 9 && s.charCodeAt(k) !== 160) return undefined;
  k++;
  if (s.charCodeAt(k) === 32) k++;
  if (!isAsciiLetter(s.charCodeAt(k)) || !MONTH_INITIALS.has(s.charCodeAt(k) | 32)) return undefined;
  const wordEnd = asciiWordEnd(s, k);
  if (wordEnd - k < 3 || wordEnd - k > 9) return undefined;
  const word = s.slice(k, wordEnd);
  const month = MONTH_WORDS.get(word.toLowerCase());
  if (month === undefined || word === 'may') return undefined;
  const tokenEnd = s.charCodeAt(wordEnd) === 46 ? wordEnd + 1 : wordEnd;
  if ((tokenEnd < s.length && isWordChar(s, tokenEnd)) || isDigit(nextNonBlank(s, tokenEnd))) return undefined;
  return { ...year, end: tokenEnd, family: 'month-name', month, precision: 'month', monthToken: { start: k, end: tokenEnd }, yearFirst: true };
}

/** A date point starting with a digit or an apostrophe at `i`; `asEnd` for the end of a range (a point, never a pair). */
function parseNumericPoint(s: string, i: number, asEnd: boolean): PointResult | undefined {
  const c = s.charCodeAt(i);
  if (isApostrophe(c)) {
    const y = readYear(s, i, 0);
    if (!y) return undefined;
    return { point: { start: i, end: y.end, family: 'year-only', open: false, year: y.year, precision: 'year' } };
  }
  const b = chunkEnd(s, i);
  if (b === i) return undefined;
  // `15 August 2018`
  if (b - i <= 2) {
    const gap = match(DAY_GAP, s, b);
    if (gap) {
      const monthPoint = parseMonthNamePoint(s, DAY_GAP.lastIndex, false);
      if (monthPoint && monthPoint.month !== undefined && monthPoint.day === undefined && monthPoint.year !== undefined) {
        const day = Number(s.slice(i, b));
        return {
          point: {
            ...monthPoint,
            start: i,
            day,
            precision: 'day',
            invalid: dayProblem(monthPoint.year, monthPoint.month, day),
          },
        };
      }
    }
  }
  if (!numberEndsAt(s, b)) return undefined;
  const pair = yearPairChunk(s, i, b, asEnd);
  if (pair) return pair;
  const whole = numericPoint(s, i, b);
  if (whole) {
    const named = whole.precision === 'year' && whole.family === 'year-only' ? yearFirstMonth(s, b, whole) : undefined;
    return { point: named ?? whole };
  }
  // `2017-2021`, `01/2019-03/2020`: a range written as one chunk.
  for (let k = i + 1; k < b - 1; k++) {
    if (s.charCodeAt(k) !== 45) continue;
    const left = numericPoint(s, i, k);
    if (!left) continue;
    const right = numericPoint(s, k + 1, b);
    if (right) return { point: left, rangeEnd: { separator: k, point: right } };
  }
  return undefined;
}

/** Any non-open date point at `i`; `allowYearless` for a range's start (`Jun` in `Jun – Dec 2020`), not its end. */
function parsePointAt(s: string, i: number, allowYearless: boolean): PointResult | undefined {
  const c = s.charCodeAt(i);
  if (isDigit(c) || isApostrophe(c)) return parseNumericPoint(s, i, !allowYearless);
  if (!isAsciiLetter(c)) return undefined;
  let j = i + 1;
  while (isAsciiLetter(s.charCodeAt(j))) j++;
  const word = j - i <= 11 ? s.slice(i, j).toLowerCase() : '';
  if ((j === i + 1 && (c === 81 || c === 113)) || SEASONS.has(word) || PARTS_OF_YEAR.has(word)) {
    const approximate = parseApproximatePoint(s, i);
    return approximate ? { point: approximate } : undefined;
  }
  const named = parseMonthNamePoint(s, i, allowYearless);
  return named ? { point: named } : undefined;
}

/** First letters of the open words (present, current, now, today, ongoing, to date), both cases. */
const OPEN_INITIALS = new Set([112, 80, 99, 67, 110, 78, 116, 84, 111, 79]);

function parseOpenPoint(s: string, i: number): RawPoint | undefined {
  if (!OPEN_INITIALS.has(s.charCodeAt(i))) return undefined;
  const m = match(OPEN_WORD, s, i);
  if (!m) return undefined;
  return { start: i, end: OPEN_WORD.lastIndex, family: 'open', open: true };
}

// ---------------------------------------------------------------------------------------------
// Ranges

function toPoint(raw: RawPoint, s: string, base: number): DatePoint {
  const point: DatePoint = {
    start: base + raw.start,
    end: base + raw.end,
    text: s.slice(raw.start, raw.end),
    family: raw.family,
    open: raw.open,
  };
  if (raw.year !== undefined) point.year = raw.year;
  if (raw.month !== undefined) point.month = raw.month;
  if (raw.day !== undefined) point.day = raw.day;
  if (raw.precision !== undefined) point.precision = raw.precision;
  if (!raw.open && !raw.invalid && raw.year !== undefined) {
    const january = raw.year * 12;
    if (raw.relative) {
      point.firstMonth = january + raw.relative[0];
      point.lastMonth = january + raw.relative[1];
    } else if (raw.month !== undefined) {
      point.firstMonth = point.lastMonth = january + raw.month - 1;
    } else {
      point.firstMonth = january;
      point.lastMonth = january + 11;
    }
  }
  if (raw.approximate) point.approximate = true;
  if (raw.monthToken) {
    point.monthToken = {
      start: base + raw.monthToken.start,
      end: base + raw.monthToken.end,
      text: s.slice(raw.monthToken.start, raw.monthToken.end),
    };
  }
  if (raw.invalid !== undefined) point.invalid = raw.invalid;
  if (raw.suggestedMonth !== undefined) point.suggestedMonth = raw.suggestedMonth;
  if (raw.ambiguous) point.ambiguous = true;
  return point;
}

function span(s: string, base: number, a: number, b: number): TextSpan {
  return { start: base + a, end: base + b, text: s.slice(a, b) };
}

/** A range or lone date beginning at token start `i` of line `s`, or undefined. */
function parseRangeAt(s: string, i: number, base: number): DateRange | undefined {
  let rangeStart = i;
  let qualifier: { start: number; end: number } | undefined;
  /** `Since` before the start: an open range when nothing else follows the start. */
  let since: { start: number; end: number } | undefined;
  let p = i;
  const initial = s.charCodeAt(i) | 32;
  if (initial === 101 || initial === 97) {
    // e, a: Expected, Exp., Anticipated
    const q = match(QUALIFIER_BEFORE, s, i);
    if (q) {
      qualifier = { start: i, end: i + q[1].length };
      p = QUALIFIER_BEFORE.lastIndex;
    }
  } else if (initial === 115) {
    // s: Since
    const q = match(SINCE, s, i);
    if (q) {
      since = { start: i, end: i + q[1].length };
      p = SINCE.lastIndex;
      rangeStart = p;
    }
  }
  const first = parsePointAt(s, p, true);
  if (!first) return undefined;
  const start = first.point;
  let end: RawPoint | undefined;
  let separator: { start: number; end: number } | undefined;
  let open = false;
  let cursor = start.end;
  if (first.rangeEnd) {
    const at = first.rangeEnd.separator;
    if (at !== undefined) separator = { start: at, end: at + 1 };
    end = first.rangeEnd.point;
    cursor = end.end;
  } else {
    const after = nextNonBlank(s, start.end);
    const toDate = start.yearless || (after !== 116 && after !== 84) ? null : match(TO_DATE, s, start.end);
    if (toDate) {
      const at = TO_DATE.lastIndex - toDate[1].length;
      end = { start: at, end: TO_DATE.lastIndex, family: 'open', open: true };
      cursor = end.end;
    } else {
      const sep = SEPARATOR_INITIALS.has(after) ? match(SEPARATOR, s, start.end) : null;
      if (sep) {
        const afterSep = SEPARATOR.lastIndex;
        const text = sep[0];
        const lead = text.length - text.trimStart().length;
        separator = { start: start.end + lead, end: start.end + text.trimEnd().length };
        const next = start.yearless ? undefined : parseOpenPoint(s, afterSep);
        const candidate = next ? { point: next } : parsePointAt(s, afterSep, false);
        if (candidate && !candidate.rangeEnd && !candidate.point.yearless) {
          end = candidate.point;
          cursor = end.end;
        } else if (candidate?.rangeEnd) {
          end = undefined; // `2019 - 2020-2021`: leave it
        } else if (!candidate && sep[1] !== undefined && start.family === 'year-only' && start.precision === 'year' && start.year !== undefined) {
          // `2015–18`, `1998 – 02`: the end year written short.
          end = shortEndYear(s, afterSep, start.year);
          if (end) cursor = end.end;
        } else if (!candidate && start.yearFirst && start.year !== undefined && start.month !== undefined) {
          // `2015 June-Aug`: the year written first holds for both months.
          const bare = parseMonthNamePoint(s, afterSep, true);
          if (bare?.yearless && bare.month !== undefined) {
            end = { ...bare, yearless: undefined, year: bare.month >= start.month ? start.year : start.year + 1 };
            cursor = end.end;
          }
        }
        if (!end) {
          separator = undefined;
          if (!start.yearless && sep[1] !== undefined && match(NOTHING_AFTER, s, afterSep)) {
            // `2019 –` with nothing after: an open range.
            separator = { start: start.end + lead, end: start.end + text.trimEnd().length };
            open = true;
            cursor = separator.end;
          }
        }
      } else if (!start.yearless) {
        const joined = after === 44 ? commaOpenEnd(s, start.end) : sideBySide(s, start);
        if (joined) {
          end = joined.point;
          if (joined.comma !== undefined) separator = { start: joined.comma, end: joined.comma + 1 };
          cursor = end.end;
        }
      }
    }
  }
  if (start.weak && !end) return undefined;
  if (start.yearless) {
    if (!end || end.year === undefined || end.open) return undefined;
    const sameYear = end.month === undefined || start.month === undefined || start.month <= end.month;
    start.year = sameYear ? end.year : end.year - 1;
  }
  if (end?.open) open = true;
  if (since) {
    if (end || separator || open || start.yearless) {
      since = undefined; // `Since 2019 – 2021`: the range says it all
    } else {
      open = true;
      rangeStart = since.start;
    }
  }
  // Qualifier after: `May 2024 (expected)`, `2020 – 2024 expected`.
  if (!qualifier && !since) {
    const q = QUALIFIER_AFTER_INITIALS.has(nextNonBlank(s, cursor)) ? match(QUALIFIER_AFTER, s, cursor) : null;
    if (q) {
      const textStart = cursor + (q[0].length - q[0].trimStart().length);
      qualifier = { start: textStart, end: QUALIFIER_AFTER.lastIndex };
      cursor = QUALIFIER_AFTER.lastIndex;
    }
  }
  if (qualifier) rangeStart = Math.min(rangeStart, qualifier.start);
  const rangeEnd = Math.max(cursor, qualifier?.end ?? 0);
  const range: DateRange = {
    span: { start: base + rangeStart, end: base + rangeEnd },
    text: s.slice(rangeStart, rangeEnd),
    start: toPoint(start, s, base),
    split: false,
    open,
    expected: qualifier !== undefined,
  };
  if (end) range.end = toPoint(end, s, base);
  if (separator) range.separator = span(s, base, separator.start, separator.end);
  if (qualifier) range.qualifier = span(s, base, qualifier.start, qualifier.end);
  else if (since) range.qualifier = span(s, base, since.start, since.end);
  return range;
}

/** Characters that close a date field: brackets, bars, punctuation, emphasis, bullets. */
function closesField(c: number): boolean {
  // NaN (end) ) ] } | ; , . : * _ • ·
  return Number.isNaN(c) || c === 41 || c === 93 || c === 125 || c === 124 || c === 59 || c === 44 || c === 46 || c === 58 || c === 42 || c === 95 || c === 0x2022 || c === 0xb7;
}

/**
 * `Sep 2018, present`: a comma, then an open word that ends the date field. Not `Jan 2020, now a team of twelve` (the
 * word starts prose) and never a year (`2025, 2026` is a list).
 */
function commaOpenEnd(s: string, i: number): { point: RawPoint; comma: number } | undefined {
  let comma = i;
  while (s.charCodeAt(comma) === 32 || s.charCodeAt(comma) === 9) comma++;
  if (s.charCodeAt(comma) !== 44) return undefined;
  let k = comma + 1;
  while (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9 || s.charCodeAt(k) === 160) k++;
  const point = parseOpenPoint(s, k);
  if (!point || !closesField(nextNonBlank(s, point.end))) return undefined;
  return { point, comma };
}

/**
 * `OCTOBER 6, 2008 December 9, 2013`: two month-name dates of the same precision side by side, one or two spaces
 * apart, the later second: a range whose dash was lost (PDF text) or never typed.
 */
function sideBySide(s: string, start: RawPoint): { point: RawPoint; comma?: number } | undefined {
  if (start.family !== 'month-name' || start.invalid || start.yearFirst || start.year === undefined || start.month === undefined) return undefined;
  let k = start.end;
  if (s.charCodeAt(k) !== 32) return undefined;
  k++;
  if (s.charCodeAt(k) === 32) k++;
  if (!isAsciiLetter(s.charCodeAt(k)) || !MONTH_INITIALS.has(s.charCodeAt(k) | 32)) return undefined;
  const next = parseMonthNamePoint(s, k, false);
  if (!next || next.invalid || next.year === undefined || next.month === undefined) return undefined;
  if ((next.day === undefined) !== (start.day === undefined)) return undefined;
  const order = (next.year - start.year) * 12 + (next.month - start.month) || (next.day ?? 0) - (start.day ?? 0);
  return order > 0 ? { point: next } : undefined;
}

/** First letters of the month words, lower case: j f m a s o n d. */
const MONTH_INITIALS = new Set([106, 102, 109, 97, 115, 111, 110, 100]);

/**
 * Where a date may begin: a digit, `'19`, a word that starts like a month, season, part of a year, qualifier or
 * quarter, or a word directly before a number (a misspelled month). A superset: `mayStartDateWord` decides.
 */
const CANDIDATE =
  /(?<![A-Za-z0-9_])(?:[0-9]|['’][0-9]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|fall|autumn|winter|early|mid|late|exp|anticipated|since|q[1-4]|[a-z]{3,11}\.?,?[ \t\u00a0\u2009\u202f]*[0-9])/gi;

/** Lower-case words that can begin a date (or its qualifier). */
const DATE_START_WORDS: ReadonlySet<string> = new Set([
  ...MONTH_WORDS.keys(),
  ...SEASONS.keys(),
  ...PARTS_OF_YEAR.keys(),
  'expected',
  'anticipated',
  'exp',
  'since',
]);

/**
 * A cheap test, without regexes or allocation for most words, of whether a date may begin with the word at `i`:
 * a month, season, part of a year, qualifier or quarter, or a word of three letters or more directly before a
 * number (a misspelled month).
 */
function mayStartDateWord(s: string, i: number): boolean {
  let j = i;
  while (j < s.length && isAsciiLetter(s.charCodeAt(j))) j++;
  const length = j - i;
  if (length === 1) {
    const c = s.charCodeAt(i);
    const d = s.charCodeAt(j);
    return (c === 81 || c === 113) && d >= 49 && d <= 52; // Q1–Q4
  }
  if (length > 11 || length < 3) return false;
  {
    let k = j;
    if (s.charCodeAt(k) === 46) k++; // .
    if (s.charCodeAt(k) === 44) k++; // ,
    while (k < s.length && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9 || s.charCodeAt(k) === 160)) k++;
    if (isDigit(s.charCodeAt(k))) return true;
  }
  return isDateStartWord(s, i, j);
}

/** DATE_START_WORDS by first letter (a–z as 0–25). */
const DATE_START_WORDS_BY_INITIAL: readonly (readonly string[])[] = Array.from({ length: 26 }, (_, k) =>
  [...DATE_START_WORDS].filter((w) => w.charCodeAt(0) === 97 + k),
);

/** Is s[i, j) one of DATE_START_WORDS, in any case? Compares in place: no allocation for ordinary words. */
function isDateStartWord(s: string, i: number, j: number): boolean {
  const candidates = DATE_START_WORDS_BY_INITIAL[(s.charCodeAt(i) | 32) - 97];
  if (!candidates) return false;
  const length = j - i;
  outer: for (const word of candidates) {
    if (word.length !== length) continue;
    for (let k = 1; k < length; k++) if ((s.charCodeAt(i + k) | 32) !== word.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** Skips the token at `i` (a word, or a number with its `.`/`/`/`-` joined parts) and returns where it ends. */
function skipToken(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length) {
    if (isWordChar(s, j)) {
      j++;
      continue;
    }
    const c = s.charCodeAt(j);
    if ((c === 46 || c === 47 || c === 45 || c === 44 || c === 58) && isDigit(s.charCodeAt(j + 1)) && isDigit(s.charCodeAt(j - 1))) {
      j += 2;
      continue;
    }
    break;
  }
  return j;
}

/**
 * Every date range and lone date inside text[start, end) (normally one line), offsets absolute into `text`, in order,
 * non-overlapping.
 */
const ANY_DIGIT = /[0-9]/;

/** What {@link findDateRanges} gives for a line without a digit: one list, frozen, for all. */
const NO_RANGES: readonly DateRange[] = Object.freeze([]);

export function findDateRanges(text: string, start: number, end: number): readonly DateRange[] {
  const s = start === 0 && end === text.length ? text : text.slice(start, end);
  // Every range holds a digit (a year at least: `Jan – Mar` or `Spring – Present` alone are not ranges), so a line
  // without one needs no scan; a test holds this.
  if (!ANY_DIGIT.test(s)) return NO_RANGES;
  const found: DateRange[] = [];
  // The regex engine skips prose natively; each candidate is then checked by hand.
  const candidates = CANDIDATE;
  candidates.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = candidates.exec(s))) {
    const i = m.index;
    const c = s.charCodeAt(i);
    if (canStartAt(s, i) && (!isAsciiLetter(c) || mayStartDateWord(s, i))) {
      const range = parseRangeAt(s, i, start);
      if (range) {
        if (!labelledNotResumeDate(s, i)) found.push(range);
        candidates.lastIndex = range.span.end - start;
        continue;
      }
    }
    candidates.lastIndex = isApostrophe(c) ? i + 1 : skipToken(s, i);
  }
  return found;
}

/** A date of birth: `Date of birth:`, `Birth date –`, `DOB`, `D.O.B.`, `Born (on|in)` right before the date. */
const BIRTH_LABEL = /(?:date\s+of\s+birth|birth\s*date|birthday|\bdob|\bd\.\s?o\.\s?b\.?|\bborn(?:\s+(?:on|in))?)\s*[:\-–—.]?\s*$/i;
/**
 * A number's label right before the date: `Student ID:`, `Phone:`, `Licence No.`, `Registration number:`, `#`.
 * Labels that are also words (`no`, `number`) count only with a colon, a period or `#` after them.
 */
const NUMBER_LABEL =
  /(?:\b(?:id|no|nr|num|number|phone|tel|telephone|mobile|mob|cell|fax|whatsapp|passport|orcid|isbn|issn|doi|npi|ssn|pin)\.?\s*[:#]|\b(?:no|nr|tel|ph)\.|\bnumber)\s*$/i;
/** Digits before the date that make it part of a phone number: `+49 30 `, `(555) `. */
const PHONE_PREFIX_BEFORE = /(?:\+\d{1,4}|\(\d{1,5}\))(?:[ .-]\(?\d{1,5}\)?)*[ .-]?$/;
/** Two groups of digits before the date, `020 7946 `: a phone number unless both are years (`2018 2019 2020`). */
const PHONE_GROUPS_BEFORE = /(?:^|[^\d.,/:])(\d{2,5})[ .-](\d{2,5})[ .]$/;

function isYearNumber(digits: string): boolean {
  return digits.length === 4 && Number(digits) >= 1950 && Number(digits) <= 2099;
}

/**
 * True when the date at `i` is not a date of the résumé's story: a date of birth, or digits that belong to a phone
 * number or an identifier labelled as such. Only the few characters before the date are read.
 */
function labelledNotResumeDate(s: string, i: number): boolean {
  // Most dates open the line or follow a bracket, a bar or a comma: no label can end there.
  let k = i - 1;
  while (k >= 0 && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k--;
  if (k < 0) return false;
  const p = s.charCodeAt(k);
  if (!isAsciiLetter(p) && !isDigit(p) && p !== 46 && p !== 58 && p !== 35 && p !== 45 && p !== 41 && p !== 0x2013 && p !== 0x2014) return false;
  const before = s.slice(Math.max(0, i - 40), i);
  if (BIRTH_LABEL.test(before) || NUMBER_LABEL.test(before)) return true;
  if (!isDigit(s.charCodeAt(i))) return false;
  if (PHONE_PREFIX_BEFORE.test(before)) return true;
  const groups = PHONE_GROUPS_BEFORE.exec(before);
  return groups !== null && !(isYearNumber(groups[1]) && isYearNumber(groups[2]));
}

/**
 * The PDF-layout split end: if the content of text[start,end) BEGINS (after optional indentation and an optional
 * bullet marker -,*,+,•,▪,◦,o) with a lone date point or an open word (now, present, current, today, ongoing),
 * return that point (offsets absolute). Used to pair `#### 2025/09 Platform` with the next line `- now Designed…`
 * or `2013/09 M.S. in …` with the next line `2016/03`.
 */
export function leadingDatePoint(text: string, start: number, end: number): DatePoint | undefined {
  const s = text.slice(start, end);
  const p = leadingMarkerEnd(s);
  const c = s.charCodeAt(p);
  if (isAsciiLetter(c)) {
    const openPoint = parseOpenPoint(s, p);
    if (openPoint) return toPoint(openPoint, s, start);
    if (!mayStartDateWord(s, p)) return undefined;
  } else if (!isDigit(c) && !isApostrophe(c)) {
    return undefined;
  }
  const range = parseRangeAt(s, p, start);
  if (!range || range.end || range.separator || range.expected || range.open) return undefined;
  return range.start;
}

/** Past indentation, an optional bullet marker (-, *, +, •, ▪, ◦, o) and an optional `**` or `__`. */
function leadingMarkerEnd(s: string): number {
  let i = 0;
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  const c = s.charCodeAt(i);
  const marker = c === 45 || c === 42 || c === 43 || c === 0x2022 || c === 0x25aa || c === 0x25e6 || c === 111;
  const blank = s.charCodeAt(i + 1) === 32 || s.charCodeAt(i + 1) === 9;
  if (marker && blank) {
    i += 2;
    while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  } else {
    // A range separator that starts the line: `--- August 2018` (LaTeX, Pandoc), `– Present`.
    let j = i;
    while (j < i + 3 && s.charCodeAt(j) === 45) j++;
    if (j === i + 1) j = i; // a lone hyphen without a blank is not a marker
    if (j === i && (c === 0x2013 || c === 0x2014)) j = i + 1;
    if (j > i && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) {
      i = j;
      while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
    }
  }
  if ((s.charCodeAt(i) === 42 && s.charCodeAt(i + 1) === 42) || (s.charCodeAt(i) === 95 && s.charCodeAt(i + 1) === 95)) i += 2;
  return i;
}

/** Combine a lone start date and a split end (from leadingDatePoint on a later line) into one split range. */
export function joinSplitRange(start: DateRange, end: DatePoint): DateRange {
  return {
    ...start,
    span: { ...start.span },
    end,
    split: true,
    open: end.open,
  };
}
