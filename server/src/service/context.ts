import type { CalendarDate, DateStyleOptions } from './model/types';
import type { JobDescription } from './match/types';

export type { CalendarDate, DateStyleOptions, MonthStyle } from './model/types';

/** Severities as users write them in `vita.rules.<id>`. */
export type RuleSeverity = 'off' | 'hint' | 'info' | 'warning' | 'error';

/**
 * Typed, validated options for one document. `server/src/settings.ts` and the CLI are the only places that
 * turn raw settings into these; everything in the service reads only this.
 */
export interface VitaOptions {
  /** Per-rule severity overrides (`vita.rules.<rule-id>`). Missing ids use the rule's default. */
  rules: Record<string, RuleSeverity>;
  /** "Today" for date rules and open ranges (`vita.dates.today`, else the system date). */
  today: CalendarDate;
  /** Documents larger than this (in characters) are not checked (`vita.maxFileSize`). */
  maxFileSize: number;
  /** Date rules: `vita.dates.style` (how date-style writes dates) and `vita.dates.gapMonths` (date-gap). */
  dates: { style: DateStyleOptions; gapMonths: number };
  /** The résumé summary (hover, command, CLI): `vita.summary.wordsPerPage` for the page estimate. */
  summary: { wordsPerPage: number };
  /** Inlay hints: `vita.inlayHints.durations` shows the duration after each date range. */
  inlayHints: { durations: boolean };
  /** Format Document: `vita.format.bulletMarker` (dates follow `dates.style`, as the date-style rule does). */
  format: FormatOptions;
  /**
   * `vita.spelling.language` (the dictionary suggestions come from; British spellings pass in either) and
   * `vita.spelling.words` (the user's own words). The server and the CLI build the engine from these.
   */
  spelling: { language: SpellingLanguage; words: string[] };
  /**
   * `vita.match.job`: the job description to match the résumé against, as a path (relative to the workspace folder
   * or, without one, to the résumé's folder); empty for none. The host reads the file and hands the service
   * `ServiceContext.job`.
   */
  match: { job: string };
}

/** `vita.spelling.language`. */
export type SpellingLanguage = 'en-US' | 'en-GB';
export const SPELLING_LANGUAGES: readonly SpellingLanguage[] = ['en-US', 'en-GB'];

/**
 * How Format Document writes bullets. `keep`: each list keeps the marker most of its bullets use. Date ranges are
 * written in `vita.dates.style` (`DateStyleOptions`), the one date setting.
 */
export interface FormatOptions {
  bulletMarker: '-' | '*' | '•' | 'keep';
}

export const FORMAT_BULLET_MARKERS: readonly FormatOptions['bulletMarker'][] = ['-', '*', '•', 'keep'];

export function systemToday(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

export function defaultOptions(): VitaOptions {
  return {
    rules: {},
    today: systemToday(),
    maxFileSize: 1024 * 1024,
    dates: { style: {}, gapMonths: 6 },
    summary: { wordsPerPage: 500 },
    inlayHints: { durations: true },
    format: { bulletMarker: 'keep' },
    spelling: { language: 'en-US', words: [] },
    match: { job: '' },
  };
}

/** The part of the spelling engine other rules may ask (is this a word?). */
export interface WordLookup {
  isKnown(word: string): boolean;
}

/** What rules and features may use besides the document: options and shared engines. */
export interface ServiceContext {
  options: VitaOptions;
  /**
   * The spelling engine, when dictionaries are loaded (the server and the CLI load them). A bare `WordLookup`
   * (tests) serves `bullet-stray-glyph`; the `spelling` rules need the whole engine and stay silent without it.
   */
  spelling?: WordLookup;
  /** Called when a rule throws; the server logs it once per rule. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** The job description the résumé is matched against (`vita.match.job`, read by the host), if any. */
  job?: JobDescription;
}
