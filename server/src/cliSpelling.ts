/**
 * Spelling for the CLI: one loader per process (the dictionaries are read on the first file checked), and the
 * words of the nearest `.vita/words.txt` above each file (the workspace dictionary the editor writes).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createSpellingLoader, createWordsFileCache, type SpellingLoader } from './dictionaries';
import type { VitaOptions } from './service/context';
import type { SpellingEngine } from './service/spelling/index';
import { readWordsFile } from './wordsFile';

let loader: SpellingLoader | undefined;
const wordsOf = createWordsFileCache(readWordsFile);

/** The nearest `.vita/words.txt` in the file's folder or above it. */
function nearestWordsFile(file: string): string | undefined {
  let dir = dirname(resolve(file));
  for (;;) {
    const candidate = join(dir, '.vita', 'words.txt');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The engine for one file, or undefined (the reason told once on stderr) when the dictionaries cannot be read. */
export function spellingForFile(file: string, options: VitaOptions): SpellingEngine | undefined {
  loader ??= createSpellingLoader({ onProblem: (message) => process.stderr.write(`vita: ${message}\n`) });
  const wordsFile = nearestWordsFile(file);
  const words = wordsFile ? [...options.spelling.words, ...wordsOf(wordsFile)] : options.spelling.words;
  return loader.load({ language: options.spelling.language, words });
}
