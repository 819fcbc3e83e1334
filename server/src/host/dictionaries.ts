/**
 * Loads the spelling dictionaries (dist/dictionaries/, built by scripts/build-dictionaries.mjs) and builds spelling
 * engines for the server and the CLI. File I/O lives here, never in the service: the engine is handed bytes.
 *
 * - The dictionary files are read once per process, lazily, on the first engine asked for.
 * - An engine is built per (language, user words, workspace words) and kept; a handful of combinations at most.
 * - en_US and en_GB are one trie (en.vtrie, each word flagged with its languages), so British spellings
 *   (`analysed`, `organisation`) pass in either language; `vita.spelling.language` picks the words suggestions
 *   come from.
 * - The tries are used as read (one Buffer each, no decoding): see service/spelling/flatTrie.ts.
 * - Missing or unreadable dictionaries: `load` answers undefined, the problem is reported once through `onProblem`
 *   and spelling stays off; nothing throws.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SpellingLanguage } from '../service/context';
import { createSpellingEngine, type SpellingDictionaryData, type SpellingDictionaryKind, type SpellingEngine } from '../service/spelling/index';

/** Where the build writes the dictionaries: next to dist/server.js and dist/cli.js. */
export function defaultDictionariesDir(): string {
  return join(__dirname, 'dictionaries');
}

interface Manifest {
  files: { file: string; kind: SpellingDictionaryKind; languages?: Record<string, number> }[];
}

/** Reads every dictionary file the manifest lists. Throws with a readable message when something is missing. */
export function readDictionaryFiles(dir: string): SpellingDictionaryData[] {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`the spelling dictionaries are missing (${manifestPath}); spelling is off. Build them with: npm run build:dictionaries`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  if (!Array.isArray(manifest.files)) throw new Error(`${manifestPath} lists no dictionary files; spelling is off.`);
  return manifest.files.map((f) => ({
    name: f.file.replace(/\.(vtrie|txt)$/, ''),
    kind: f.kind,
    ...(f.languages ? { languages: f.languages } : {}),
    data: f.kind === 'casing' || f.kind === 'phrases' || f.kind === 'confusables' ? readFileSync(join(dir, f.file), 'utf8') : readFileSync(join(dir, f.file)),
  }));
}

/** What an engine is built from, besides the dictionary files. */
export interface SpellingSetup {
  language: SpellingLanguage;
  /** `vita.spelling.words` and the workspace's `.vita/words.txt`, as written. */
  words: readonly string[];
}

export interface SpellingLoader {
  /** The engine for this setup, or undefined when the dictionaries cannot be read (reported once). */
  load(setup: SpellingSetup): SpellingEngine | undefined;
  /** Whether the dictionaries were read successfully (false before the first `load` and after a failure). */
  readonly available: boolean;
}

/** How many engines (word-list combinations) are kept; the dictionary bytes are shared by all. */
const MAX_ENGINES = 4;

export function createSpellingLoader(options: { dir?: string; onProblem?: (message: string) => void } = {}): SpellingLoader {
  const dir = options.dir ?? defaultDictionariesDir();
  let files: SpellingDictionaryData[] | undefined;
  let failed = false;
  const engines = new Map<string, SpellingEngine>();
  return {
    get available() {
      return files !== undefined;
    },
    load(setup) {
      if (failed) return undefined;
      if (!files) {
        try {
          files = readDictionaryFiles(dir);
        } catch (error) {
          failed = true;
          options.onProblem?.(error instanceof Error ? error.message : String(error));
          return undefined;
        }
      }
      const words = [...new Set(setup.words)].sort();
      const key = `${setup.language}\n${words.join('\n')}`;
      let engine = engines.get(key);
      if (engine) {
        // Most recently used last.
        engines.delete(key);
        engines.set(key, engine);
        return engine;
      }
      try {
        // en_US first: it is the language suggestions come from unless the user writes British English.
        const ordered = [...files].sort((a, b) => rank(a.name) - rank(b.name));
        engine = createSpellingEngine(ordered, { words, suggestFrom: setup.language === 'en-GB' ? 'en_gb' : 'en_us' });
      } catch (error) {
        failed = true;
        options.onProblem?.(`the spelling dictionaries in ${dir} cannot be read (${error instanceof Error ? error.message : String(error)}); spelling is off. Rebuild them with: npm run build:dictionaries -- --force`);
        return undefined;
      }
      engines.set(key, engine);
      if (engines.size > MAX_ENGINES) engines.delete(engines.keys().next().value!);
      return engine;
    },
  };
}

const rank = (name: string): number => (name === 'en' || name === 'en_us' ? 0 : name === 'en_gb' ? 1 : 2);

/**
 * Reads a words file (`.vita/words.txt`) through `read`, caching by modification time and size, so that a check
 * costs one `stat` and edits made outside vita are seen on the next check.
 */
export function createWordsFileCache(read: (path: string) => readonly string[]): (path: string) => readonly string[] {
  const cache = new Map<string, { stamp: string; words: readonly string[] }>();
  return (path) => {
    let stamp: string;
    try {
      const stat = statSync(path);
      stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      cache.delete(path);
      return [];
    }
    const cached = cache.get(path);
    if (cached && cached.stamp === stamp) return cached.words;
    let words: readonly string[];
    try {
      words = read(path);
    } catch {
      words = [];
    }
    cache.set(path, { stamp, words });
    return words;
  };
}

/** The workspace words file of a folder: `<folder>/.vita/words.txt`. */
export function workspaceWordsPath(folder: string): string {
  return join(folder, '.vita', 'words.txt');
}
