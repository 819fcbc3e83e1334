/**
 * Loads the built spelling dictionaries (dist/dictionaries/, made by `npm run build:dictionaries`) for tests and
 * measurements. File I/O lives here, never in the engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpellingDictionaryData, SpellingDictionaryKind } from '../../server/src/service/spelling';

export interface DictionaryManifest {
  files: { file: string; kind: SpellingDictionaryKind; bytes: number }[];
}

export function dictionariesDir(): string {
  // Tests run bundled from out/test/unit/ or /tmp: look from the working directory (the repository root).
  return join(process.cwd(), 'dist', 'dictionaries');
}

/** Reads the dictionaries; `british` adds en_GB. Throws, telling how to build them, when they are missing. */
export function loadSpellingDictionaries(options: { british?: boolean } = {}): SpellingDictionaryData[] {
  const dir = dictionariesDir();
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(
      `Spelling dictionaries are missing (${manifestPath}). Build them first: npm run build:dictionaries`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as DictionaryManifest;
  return manifest.files
    .filter((f) => options.british !== false || f.file !== 'en_gb.btrie')
    .map((f) => ({
      name: f.file.replace(/\.(btrie|txt)$/, ''),
      kind: f.kind,
      data: f.kind === 'casing' ? readFileSync(join(dir, f.file), 'utf8') : new Uint8Array(readFileSync(join(dir, f.file))),
    }));
}
