import type { RuleSeverity } from './rules/types';

/** A calendar date without time zone: what "today" is for date rules and durations. */
export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

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
}

export function systemToday(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

export function defaultOptions(): VitaOptions {
  return {
    rules: {},
    today: systemToday(),
    maxFileSize: 1024 * 1024,
  };
}

/** The part of the spelling engine other rules may ask (is this a word?). */
export interface WordLookup {
  isKnown(word: string): boolean;
}

/** What rules and features may use besides the document: options and shared engines. */
export interface ServiceContext {
  options: VitaOptions;
  /** The spelling engine, when dictionaries are loaded (the server and the CLI load them). */
  spelling?: WordLookup;
  /** Called when a rule throws; the server logs it once per rule. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}
