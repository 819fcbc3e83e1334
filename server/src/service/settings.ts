/**
 * Raw `vita.*` settings → typed {@link VitaOptions}: the ONE place. The server (settings pulled from the editor,
 * `.vita/config.json`), the CLI (its options and `.vita/config.json`) and tests all come through here. Pure.
 */
import { FORMAT_BULLET_MARKERS, SPELLING_LANGUAGES, defaultOptions, systemToday, type CalendarDate, type DateStyleOptions, type FormatOptions, type MonthStyle, type RuleSeverity, type SpellingLanguage, type VitaOptions } from './context';
import { dictionaryWordProblem, MAX_DICTIONARY_WORD_LENGTH } from '../protocol';
import { allRules } from './rules/index';

export { SETTING_KEYS } from '../protocol';

const SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'info', 'warning', 'error'];

/** `vita.spelling.words` beyond this many entries are not read (a words file holds as many). */
export const MAX_SETTING_WORDS = 100_000;

/** Names for one line of a message: the first three, quoted (control characters escaped), and how many more. */
class Names {
  count = 0;
  first = '';
  private readonly shown: string[] = [];

  add(name: string): void {
    if (this.count === 0) this.first = quoted(name, false);
    if (this.shown.length < 3) this.shown.push(quoted(name, true));
    this.count++;
  }

  list(): string {
    const more = this.count - this.shown.length;
    return more > 0 ? `${this.shown.join(', ')} and ${more} more` : this.shown.join(', ');
  }
}

/** A name from the settings, short and without control characters, for a message. */
function quoted(name: string, marks: boolean): string {
  // eslint-disable-next-line no-control-regex
  const clean = (name.length > 60 ? `${name.slice(0, 60)}…` : name).replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
  return marks ? `"${clean}"` : clean;
}

export interface ResolvedSettings {
  options: VitaOptions;
  /** One line per broken value, shown to the user once. */
  problems: string[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseCalendarDate(value: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] ? Number(match[3]) : 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  return { year, month, day };
}

const MONTH_STYLES: readonly MonthStyle[] = ['short', 'short-period', 'long'];
const DATE_STYLE_SEPARATORS: readonly string[] = ['–', '-', '—', 'to'];
const OPEN_WORDS = /^(?:present|current|now|today|ongoing|to date)$/i;

/** `vita.dates.style`: `{ month, separator, present }`, each optional; wrong values are named and dropped. */
function resolveDateStyle(raw: unknown, style: DateStyleOptions, problems: string[]): void {
  if (raw === undefined || raw === null) return;
  if (!isRecord(raw)) {
    problems.push('"vita.dates.style" must be an object like { "month": "short", "separator": "–", "present": "Present" }; ignoring it.');
    return;
  }
  const { month, separator, present } = raw;
  if (month !== undefined && month !== null && month !== '') {
    if (typeof month === 'string' && MONTH_STYLES.includes(month as MonthStyle)) style.month = month as MonthStyle;
    else problems.push(`"vita.dates.style.month" must be one of ${MONTH_STYLES.join(', ')}; following the document.`);
  }
  if (separator !== undefined && separator !== null && separator !== '') {
    if (typeof separator === 'string' && DATE_STYLE_SEPARATORS.includes(separator)) style.separator = separator;
    else problems.push(`"vita.dates.style.separator" must be one of ${DATE_STYLE_SEPARATORS.join(' ')}; following the document.`);
  }
  if (present !== undefined && present !== null && present !== '') {
    if (typeof present === 'string' && OPEN_WORDS.test(present.trim())) style.present = present.trim();
    else problems.push('"vita.dates.style.present" must be Present, Current, Now, Today, Ongoing or To date; following the document.');
  }
}

/**
 * The one place raw `vita.*` settings (from VS Code, another editor or the CLI) become typed options.
 * Wrong types and unknown values fall back to defaults and are named in `problems`.
 */
export function resolveSettings(raw: unknown, now: Date = new Date()): ResolvedSettings {
  const options = defaultOptions();
  options.today = systemToday(now);
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { options, problems };
  if (!isRecord(raw)) {
    problems.push('vita settings must be an object; using defaults.');
    return { options, problems };
  }

  const rules = raw.rules;
  if (rules !== undefined && rules !== null) {
    if (!isRecord(rules)) {
      problems.push('"vita.rules" must be an object of rule id → severity; ignoring it.');
    } else {
      const known = new Set(allRules.map((rule) => rule.id));
      // However many keys there are (100,000 of them), one line for the unknown ids and one for the bad values.
      const unknown = new Names();
      const badValues = new Names();
      for (const id in rules) {
        if (!Object.hasOwn(rules, id)) continue;
        const value = rules[id];
        if (!known.has(id)) unknown.add(id);
        else if (typeof value !== 'string' || !SEVERITIES.includes(value as RuleSeverity)) badValues.add(id);
        else options.rules[id] = value as RuleSeverity;
      }
      if (unknown.count === 1) problems.push(`"vita.rules.${unknown.first}": there is no rule "${unknown.first}"; ignoring it.`);
      else if (unknown.count > 1) problems.push(`"vita.rules": there are no rules ${unknown.list()}; ignoring them.`);
      if (badValues.count === 1) problems.push(`"vita.rules.${badValues.first}" must be one of ${SEVERITIES.join(', ')}; using the rule's default.`);
      else if (badValues.count > 1) problems.push(`"vita.rules": the severities of ${badValues.list()} must be one of ${SEVERITIES.join(', ')}; using the rules' defaults.`);
    }
  }

  const dates = raw.dates;
  if (dates !== undefined && dates !== null) {
    if (!isRecord(dates)) {
      problems.push('"vita.dates" must be an object; ignoring it.');
    } else {
      if (dates.today !== undefined && dates.today !== null && dates.today !== '') {
        const today = typeof dates.today === 'string' ? parseCalendarDate(dates.today) : undefined;
        if (today) options.today = today;
        else problems.push(`"vita.dates.today" must be a date like 2026-03-31; using the system date.`);
      }
      resolveDateStyle(dates.style, options.dates.style, problems);
      const gap = dates.gapMonths;
      if (gap !== undefined && gap !== null) {
        if (typeof gap === 'number' && Number.isInteger(gap) && gap >= 1) options.dates.gapMonths = gap;
        else problems.push('"vita.dates.gapMonths" must be a whole number of months, 1 or more; using 6.');
      }
    }
  }

  const files = raw.files;
  if (files !== undefined && files !== null && (!Array.isArray(files) || files.some((glob) => typeof glob !== 'string'))) {
    problems.push('"vita.files" must be a list of glob patterns like ["cv/*.md"]; ignoring it.');
  }

  const maxFileSize = raw.maxFileSize;
  if (maxFileSize !== undefined && maxFileSize !== null) {
    if (typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize >= 1) options.maxFileSize = Math.floor(maxFileSize);
    else problems.push('"vita.maxFileSize" must be a number of characters, 1 or more; using 1 MB (1048576).');
  }

  const summary = raw.summary;
  if (summary !== undefined && summary !== null) {
    if (!isRecord(summary)) {
      problems.push('"vita.summary" must be an object; ignoring it.');
    } else if (summary.wordsPerPage !== undefined && summary.wordsPerPage !== null) {
      const wordsPerPage = summary.wordsPerPage;
      if (typeof wordsPerPage === 'number' && Number.isFinite(wordsPerPage) && wordsPerPage >= 1) options.summary.wordsPerPage = Math.floor(wordsPerPage);
      else problems.push('"vita.summary.wordsPerPage" must be a number of at least 1; using 500.');
    }
  }

  const inlayHints = raw.inlayHints;
  if (inlayHints !== undefined && inlayHints !== null) {
    if (!isRecord(inlayHints)) {
      problems.push('"vita.inlayHints" must be an object; ignoring it.');
    } else if (inlayHints.durations !== undefined && inlayHints.durations !== null) {
      if (typeof inlayHints.durations === 'boolean') options.inlayHints.durations = inlayHints.durations;
      else problems.push('"vita.inlayHints.durations" must be true or false; using true.');
    }
  }

  const format = raw.format;
  if (format !== undefined && format !== null) {
    if (!isRecord(format)) {
      problems.push('"vita.format" must be an object; ignoring it.');
    } else {
      const { bulletMarker } = format;
      if (bulletMarker !== undefined && bulletMarker !== null) {
        if (typeof bulletMarker === 'string' && (FORMAT_BULLET_MARKERS as readonly string[]).includes(bulletMarker)) options.format.bulletMarker = bulletMarker as FormatOptions['bulletMarker'];
        else problems.push(`"vita.format.bulletMarker" must be one of ${FORMAT_BULLET_MARKERS.map((m) => `"${m}"`).join(', ')}; keeping each list's marker.`);
      }
    }
  }

  resolveSpelling(raw.spelling, options.spelling, problems);

  const match = raw.match;
  if (match !== undefined && match !== null) {
    if (!isRecord(match)) {
      problems.push('"vita.match" must be an object like { "job": "job.md" }; ignoring it.');
    } else if (match.job !== undefined && match.job !== null && match.job !== '') {
      if (typeof match.job === 'string' && match.job.trim().length > 0 && match.job.length <= 4096 && !/[\u0000-\u001f]/.test(match.job)) options.match.job = match.job.trim();
      else problems.push('"vita.match.job" must be the path of a job description (job.md, *.job.txt, job.json); ignoring it.');
    }
  }
  return { options, problems };
}

/** `vita.spelling`: `{ language: "en-US" | "en-GB", words: string[] }`; wrong values are named and dropped. */
function resolveSpelling(raw: unknown, spelling: VitaOptions['spelling'], problems: string[]): void {
  if (raw === undefined || raw === null) return;
  if (!isRecord(raw)) {
    problems.push('"vita.spelling" must be an object like { "language": "en-US", "words": ["Kubeflow"] }; ignoring it.');
    return;
  }
  const { language, words } = raw;
  if (language !== undefined && language !== null && language !== '') {
    if (typeof language === 'string' && SPELLING_LANGUAGES.includes(language as SpellingLanguage)) spelling.language = language as SpellingLanguage;
    else problems.push(`"vita.spelling.language" must be ${SPELLING_LANGUAGES.map((l) => `"${l}"`).join(' or ')}; using "en-US".`);
  }
  if (words !== undefined && words !== null) {
    if (!Array.isArray(words)) {
      problems.push('"vita.spelling.words" must be a list of words like ["Kubeflow", "Rijswijk"]; ignoring it.');
    } else {
      // Bounded: a list of a million words costs what MAX_SETTING_WORDS do, and one line.
      const read = words.length > MAX_SETTING_WORDS ? words.slice(0, MAX_SETTING_WORDS) : words;
      if (read.length < words.length) problems.push(`"vita.spelling.words" has ${words.length} entries; only the first ${MAX_SETTING_WORDS} are used.`);
      const valid = new Set<string>();
      let invalid = 0;
      for (const word of read) {
        const trimmed = typeof word === 'string' ? word.trim() : '';
        if (trimmed.length > 0 && dictionaryWordProblem(trimmed) === undefined) valid.add(trimmed);
        else invalid++;
      }
      if (invalid > 0) problems.push(`"vita.spelling.words": every entry must be one word (a string without spaces or invisible characters, at most ${MAX_DICTIONARY_WORD_LENGTH} long); ignoring ${invalid === 1 ? 'one other' : `${invalid} others`}.`);
      spelling.words = [...valid];
    }
  }
}

