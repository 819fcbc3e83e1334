/**
 * The host: what both faces of vita — the language server and the CLI — need from the machine, built in ONE place.
 * For a file it gives the service context (options from explicit settings and the nearest `.vita/config.json`, the
 * spelling engine with the user's, the config's and the nearest `.vita/words.txt`'s words), applies the size gate
 * before anything is parsed, and reports rule errors. The server and the CLI only say how to tell the user.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ServiceContext, VitaOptions } from '../service/context';
import { resolveSettings } from '../service/settings';
import type { SpellingEngine } from '../service/spelling/index';
import { configFileGlobs, CONFIG_FILE, mergeSettings, nearestVitaFile, readConfigFile, WORDS_FILE } from './config';
import { createSpellingLoader, createWordsFileCache } from './dictionaries';
import { readWordsFile } from './wordsFile';
import { decodeText, FileReadError, notTextReason, readRegularFile } from './files';
import { JsonSyntaxError, jobFormatOf, parseJob, type JobDescription } from '../service/match/index';

export interface HostOptions {
  /** Where the spelling dictionaries are; default: next to the bundle (dist/dictionaries). */
  dictionariesDir?: string;
  /** A problem the user should hear of (missing dictionaries); each is told once. */
  onProblem(message: string): void;
  /** A rule threw and was skipped; each rule is told once. */
  onRuleError(ruleId: string, error: unknown): void;
}

/** Where a file stands: what `setup` needs besides the settings. */
export interface FilePlace {
  /** The file's path, when it has one on disk (an untitled buffer or stdin without --stdin-filepath has none). */
  path?: string;
  /** The workspace folder holding it: `.vita/` files are looked for up to here, not above. */
  folder?: string;
  /** False in an untrusted workspace: the config file may not set restricted keys. */
  trusted?: boolean;
}

/** The options of one file, and what they came from. */
export interface FileSetup {
  options: VitaOptions;
  /** Broken values of the settings and of the config file, one line each. */
  problems: string[];
  /** The `.vita/config.json` that applies, if any. */
  configFile?: string;
  /** Its `files` globs. */
  configGlobs: string[];
  /** The `.vita/words.txt` whose words spelling accepts, if any. */
  wordsFile?: string;
  /** The job description of `match.job` (its absolute path), read and parsed; `problem` when it cannot be. */
  job?: { path: string; description?: JobDescription; problem?: string };
}

export interface Host {
  /** The options of a file: defaults ← nearest `.vita/config.json` ← `explicit` (settings the user set, CLI options). */
  setup(place: FilePlace, explicit: unknown, now?: Date): FileSetup;
  /** The service context for a file with this setup: its options, its spelling engine, rule-error reporting. */
  context(setup: FileSetup): ServiceContext;
  /** The spelling engine for a setup (undefined when the dictionaries cannot be read; told once). */
  spelling(setup: FileSetup): SpellingEngine | undefined;
  /** The size gate: whether a text of `length` characters may be parsed under these options. */
  withinSizeLimit(length: number, options: VitaOptions): boolean;
  /** Warms the spelling engine's suggestion walk (when idle, after the first check). */
  warmUpSpelling(): void;
}

/** A job description is a page or two: a larger file is refused. */
const MAX_JOB_BYTES = 1024 * 1024;

export function createHost(hostOptions: HostOptions): Host {
  const spellingLoader = createSpellingLoader({ dir: hostOptions.dictionariesDir, onProblem: hostOptions.onProblem });
  const wordsOf = createWordsFileCache(readWordsFile);
  /** Parsed job descriptions by path, kept while the file's size and modification time stay the same. */
  const jobs = new Map<string, { stamp: string; description?: JobDescription; problem?: string }>();
  const readJob = (path: string): { description?: JobDescription; problem?: string } => {
    try {
      const { bytes, truncated, size, mtimeMs } = readRegularFile(path, MAX_JOB_BYTES);
      const stamp = `${size}:${mtimeMs}`;
      const cached = jobs.get(path);
      if (cached && cached.stamp === stamp) return cached;
      let result: { description?: JobDescription; problem?: string };
      const notText = truncated ? 'is larger than 1 MB' : notTextReason(bytes);
      if (notText) result = { problem: `the job description ${path} ${notText}` };
      else {
        try {
          result = { description: parseJob(decodeText(bytes), { format: jobFormatOf(path) }) };
        } catch (error) {
          result = { problem: `the job description ${path} ${error instanceof JsonSyntaxError ? `is not valid JSON (${error.message})` : `cannot be read (${(error as Error).message})`}` };
        }
      }
      jobs.set(path, { stamp, ...result });
      if (jobs.size > 16) jobs.delete(jobs.keys().next().value!);
      return result;
    } catch (error) {
      jobs.delete(path);
      return { problem: `cannot read the job description ${path}: ${error instanceof FileReadError ? error.reason : (error as Error).message}` };
    }
  };
  const failedRules = new Set<string>();
  const onRuleError = (ruleId: string, error: unknown) => {
    if (failedRules.has(ruleId)) return;
    failedRules.add(ruleId);
    hostOptions.onRuleError(ruleId, error);
  };
  let warmed = false;

  // The engine of a setup, kept while its words file is unchanged: a check does not sort and join the user's words
  // (100,000 of them) again to find its engine.
  const engines = new WeakMap<FileSetup, { fileWords: readonly string[]; engine: SpellingEngine | undefined }>();
  const spelling = (setup: FileSetup): SpellingEngine | undefined => {
    const fileWords = setup.wordsFile ? wordsOf(setup.wordsFile) : NO_WORDS;
    const kept = engines.get(setup);
    if (kept && kept.fileWords === fileWords) return kept.engine;
    const { language, words } = setup.options.spelling;
    const engine = spellingLoader.load({ language, words: fileWords.length > 0 ? [...words, ...fileWords] : words });
    if (engine) engines.set(setup, { fileWords, engine });
    return engine;
  };

  return {
    setup(place, explicit, now) {
      const from = place.path ? dirname(place.path) : place.folder;
      const configPath = from ? nearestVitaFile(from, CONFIG_FILE, place.folder) : undefined;
      const config = configPath ? readConfigFile(configPath, { trusted: place.trusted }) : undefined;
      const raw = config ? mergeSettings(config.settings, explicit) : explicit;
      const { options, problems } = resolveSettings(raw, now);
      // Each broken value is named where it was written: the config file's apart from the settings'.
      const configProblems = config ? [...config.problems, ...resolveSettings(config.settings, now).problems.map((problem) => `${config.path}: ${problem}`)] : [];
      const settingsProblems = config ? resolveSettings(explicit, now).problems : problems;
      const jobPath = options.match.job ? (isAbsolute(options.match.job) ? options.match.job : resolve(place.folder ?? from ?? '.', options.match.job)) : undefined;
      const job = jobPath ? { path: jobPath, ...readJob(jobPath) } : undefined;
      return {
        options,
        problems: [...configProblems, ...settingsProblems, ...(job?.problem ? [job.problem] : [])],
        ...(job ? { job } : {}),
        ...(configPath ? { configFile: configPath } : {}),
        configGlobs: config ? configFileGlobs(config) : [],
        ...(from ? withWordsFile(nearestVitaFile(from, WORDS_FILE, place.folder)) : {}),
      };
    },
    context(setup) {
      // The job is read again (a stat, and the bytes of a page or two; parsed only when it changed), so an edit of
      // the job file shows at the next check.
      const job = setup.job ? readJob(setup.job.path).description : undefined;
      return { options: setup.options, onRuleError, spelling: spelling(setup), ...(job ? { job } : {}) };
    },
    spelling,
    withinSizeLimit(length, options) {
      return length <= options.maxFileSize;
    },
    warmUpSpelling() {
      if (warmed) return;
      const engine = spellingLoader.load({ language: 'en-US', words: [] });
      if (!engine) return;
      warmed = true;
      engine.warmUp();
    },
  };
}

const NO_WORDS: readonly string[] = [];

function withWordsFile(path: string | undefined): { wordsFile?: string } {
  return path ? { wordsFile: path } : {};
}
