/**
 * The protocol between the VS Code client and the language server, beyond LSP itself: command ids, custom requests
 * and the types they carry. The ONE module both sides import (the client imports no other server file), so that an
 * id is spelled once. Constants, types and one name test only: it imports nothing at run time (types of LSP and of the
 * model only).
 */
import type { Range } from 'vscode-languageserver-types';
import type { SectionKind } from './service/model/types';

/**
 * Files named `resume`/`cv` (any case) with `.md`, `.txt` or `.markdown` open in the `resume` language (package.json
 * `contributes.languages`: one outline, vita's, and "vita: Open Preview to the Side" for Markdown's preview); when a
 * user sets them back to Markdown or plain text (`files.associations`) vita still serves them. {@link isResumeFileName}
 * knows both (a test holds it to package.json).
 */
export const RESUME_FILE_GLOB = '**/{resume,Resume,RESUME,cv,CV,Cv}.{md,txt,markdown}';

/** The `resume` language's file extensions and names (package.json `contributes.languages`). */
export const RESUME_LANGUAGE_EXTENSIONS: readonly string[] = ['.resume', '.resume.md', '.resume.txt', '.cv.md'];
export const RESUME_LANGUAGE_FILENAMES: readonly string[] = ['resume', 'Resume', 'RESUME', 'cv', 'CV', 'Cv'].flatMap((base) => ['txt', 'md', 'markdown'].map((extension) => `${base}.${extension}`));

/** Whether vita serves a file by its name alone (the CLI's folder search; the editor's document selector). */
export function isResumeFileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (/^(?:resume|cv)\.(?:md|txt|markdown)$/.test(lower)) return true;
  return RESUME_LANGUAGE_FILENAMES.includes(name) || RESUME_LANGUAGE_EXTENSIONS.some((extension) => lower.endsWith(extension) && lower.length > extension.length);
}

/**
 * Every setting, as written without `vita.` (the keys of `.vita/config.json`); package.json contributes the same keys
 * with `vita.` (a test holds the two together).
 */
export const SETTING_KEYS: readonly string[] = [
  'files',
  'rules',
  'dates.today',
  'dates.style.month',
  'dates.style.separator',
  'dates.style.present',
  'dates.gapMonths',
  'maxFileSize',
  'format.bulletMarker',
  'summary.wordsPerPage',
  'spelling.language',
  'spelling.words',
  'inlayHints.durations',
  'match.job',
];

/**
 * Settings an untrusted workspace may not set (package.json `capabilities.untrustedWorkspaces.restrictedConfigurations`,
 * with `vita.`): VS Code ignores a workspace's values for them, and so does vita for a `.vita/config.json` there.
 */
export const RESTRICTED_SETTING_KEYS: readonly string[] = ['maxFileSize', 'spelling.words', 'files'];

/** The code action kind of "Fix All" (`editor.codeActionsOnSave: { "source.fixAll.vita": "explicit" }`). */
export const FIX_ALL_KIND = 'source.fixAll.vita';

/** Commands the client registers (palette entries and commands the server's code actions run). */
export const ClientCommands = {
  restartServer: 'vita.restartServer',
  fixAll: 'vita.fixAll',
  showSummary: 'vita.showSummary',
  /** "vita: Open Preview to the Side": Markdown's preview of a résumé that opens in the `resume` language. */
  showPreview: 'vita.showPreview',
  /** "vita: Show Résumé Timeline": a webview beside the editor, each dated entry a bar; a click reveals the entry. */
  showTimeline: 'vita.showTimeline',
  /** "vita: Match Résumé Against Job Description…": picks the job for the active résumé. */
  matchJob: 'vita.matchJob',
  /** `[{ word }]`: the word joins the global `vita.spelling.words` (a spelling quick fix; not in the palette). */
  addToUserDictionary: 'vita.addToUserDictionary',
  /** `[TermMatch]`: reveals the line that evidences a term, or the job's line for a missing one (the Job Match view). */
  revealMatchTerm: 'vita.revealMatchTerm',
} as const;

/** Client commands that are not in the palette (run by code actions and views). */
export const INTERNAL_CLIENT_COMMANDS: readonly string[] = [ClientCommands.addToUserDictionary, ClientCommands.revealMatchTerm];

/** Commands the server executes (`workspace/executeCommand`). */
export const ServerCommands = {
  /** `[{ uri, version? }]` → {@link ApplyFixAllResult}: every safe fix, through `workspace/applyEdit`. */
  applyFixAll: 'vita.applyFixAll',
  /** `[{ uri, word }]` → `{ added }`: the word goes to `.vita/words.txt` of the document's workspace folder. */
  addToWorkspaceDictionary: 'vita.addToWorkspaceDictionary',
} as const;

/** The longest word the dictionaries take (`.vita/words.txt`, `vita.spelling.words` through the quick fix). */
export const MAX_DICTIONARY_WORD_LENGTH = 100;

/**
 * Why `word` cannot go to a dictionary ("Add to workspace / user dictionary"), or undefined when it can: one token of
 * at most {@link MAX_DICTIONARY_WORD_LENGTH} characters with nothing a reader cannot see — no space, control
 * character (U+0085 included), format character (U+200B, U+202E and the other bidi controls, U+FEFF, U+00AD),
 * other default-ignorable code point (U+034F, variation selectors), U+FFFD or lone surrogate. The server, the
 * client's command and the words file all ask this one question.
 */
export function dictionaryWordProblem(word: string): string | undefined {
  if (word.length === 0) return 'is empty';
  if (word.length > MAX_DICTIONARY_WORD_LENGTH) return `is longer than ${MAX_DICTIONARY_WORD_LENGTH} characters`;
  const hidden = /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u.exec(word);
  if (!hidden) return undefined;
  const code = `U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (/[\p{Zs}\t\n\v\f\r]/u.test(hidden[0])) return `holds a space (${code})`;
  return /[\ud800-\udfff]/.test(hidden[0]) ? `holds a broken character (${code})` : `holds an invisible or control character (${code})`;
}

export interface ApplyFixAllParams {
  uri: string;
  version?: number;
}

export interface ApplyFixAllResult {
  /** Fixes applied (0 when the document changed, is unknown, or the client refused the edit). */
  applied: number;
}

/** What the client tells the server at `initialize` (`initializationOptions`). */
export interface InitializationOptions {
  /** The client runs {@link ClientCommands.addToUserDictionary}: the server may offer that quick fix. */
  userDictionaryCommand?: boolean;
  /**
   * False in an untrusted workspace (VS Code's workspace trust): a `.vita/config.json` there may not set the
   * restricted settings (`maxFileSize`, `spelling.words`, `files`).
   */
  workspaceTrusted?: boolean;
}

/** `vita/summary` `{ uri }` → {@link SummaryResult} | null: the status item and "vita: Show Résumé Summary". */
export const SummaryRequest = 'vita/summary';
export interface SummaryParams {
  uri: string;
}
export interface SummaryResult {
  summary: ResumeSummary;
  /** The summary as Markdown, for the preview the command opens. */
  markdown: string;
}

/** `vita/serverInfo` → {@link ServerInfo}: which process serves this client (the restart test kills it). */
export const ServerInfoRequest = 'vita/serverInfo';
export interface ServerInfo {
  name: string;
  version: string;
  pid: number;
}

/** `vita/timeline` `{ uri }` → {@link TimelineResult} | null: the timeline view's drawing. */
export const TimelineRequest = 'vita/timeline';
export interface TimelineParams {
  uri: string;
  /** The width to draw for, in CSS pixels (the view's); 480–1600, default 900. */
  width?: number;
}
export interface TimelineResult {
  /** An SVG: one `<g class="bar" data-line="N">` per dated entry (N: the 0-based line of its title). */
  svg: string;
  /** How many entries are drawn. */
  entries: number;
  name?: string;
}

/**
 * `vita/match` `{ uri }` → {@link MatchSummary} | null: the résumé against its job description (`vita.match.job`, or
 * the one picked for it with "vita: Match Résumé Against Job Description…"); null when it has none.
 */
export const MatchRequest = 'vita/match';
export interface MatchParams {
  uri: string;
}
export interface MatchSummary {
  /** The job file's path and URI. */
  job: string;
  jobUri: string;
  /** The job's title, when it gives one. */
  title?: string;
  /** Share of the required terms evidenced, a listed one counting half (all terms when none is required); 0–1. */
  coverage: number;
  terms: TermMatch[];
  /** Why the job could not be read, when it could not (then `terms` is empty). */
  problem?: string;
}

/** What a résumé shows of a term: in an entry, a bullet or a sentence; only in a skills list; nowhere. */
export type TermStatus = 'evidenced' | 'listed' | 'missing';

/** One term of the match, in the JSON shape of `vita match --format json`. */
export interface TermMatch {
  term: string;
  aliases: string[];
  required: boolean;
  status: TermStatus;
  /** In the job file. */
  jobRange: Range;
  /** In the résumé: the mentions that decided the status (evidence for `evidenced`, the list for `listed`). */
  evidence: Range[];
}

// ---------------------------------------------------------------------------------------------
// The résumé summary (`vita/summary`, `vita summary --format json`)

export interface RangeSummary {
  /** Normalised: `Sep 2021 – Sep 2025`, `Jun 2021 – Present`, `May 2023`. */
  text: string;
  /** Months covered, both ends included; undefined when the range is invalid or reversed. */
  months?: number;
  /** `4 yrs 1 mo`. */
  duration?: string;
  ongoing: boolean;
  approximate: boolean;
  /** A lone date, not a range. */
  single: boolean;
  expected: boolean;
}

export interface EntrySummary {
  section: string;
  sectionKind: SectionKind;
  name: string;
  organisation?: string;
  role?: string;
  location?: string;
  /** The entry's own range, or the span its sub-entries cover (`derived`). */
  range?: RangeSummary & { derived?: boolean };
  /** Bullets of the entry and its sub-entries. */
  bullets: number;
  /** Bullets that carry a number: a percentage, an amount, a multiplier, a count, a time. */
  quantified: number;
  /** 0-based line of the entry's title. */
  line: number;
  children: EntrySummary[];
}

export interface EducationSummary {
  degree?: string;
  organisation?: string;
  range?: RangeSummary;
}

export interface SkillMention {
  skill: string;
  mentions: number;
}

export interface ResumeSummary {
  name?: string;
  /** Union of the experience entries' intervals: concurrent roles are counted once. */
  experienceMonths: number;
  experience: string;
  /** Entries in experience sections. */
  roles: number;
  /** Distinct organisations among them (case, punctuation and legal suffixes ignored). */
  employers: number;
  education: EducationSummary[];
  words: number;
  wordsPerPage: number;
  /** words / wordsPerPage, one decimal. */
  pages: number;
  /**
   * Findings by kind (`spelling`, `dates`, `formatting`, …): errors, warnings and infos, what the Problems panel lists
   * and `vita check` counts as problems.
   */
  findings: Record<string, number>;
  /** Their total: the one count the status item, the hover, the summary and `vita check` all give. */
  findingsTotal: number;
  /** Hints (writing suggestions, the editor's faint dots), counted apart. */
  hints: number;
  topSkills: SkillMention[];
  entries: EntrySummary[];
}

