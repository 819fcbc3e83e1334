/**
 * Loads the built spelling dictionaries (dist/dictionaries/, made by `npm run build:dictionaries`) for tests and
 * measurements. File I/O lives here, never in the engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpellingDictionaryData, SpellingDictionaryKind } from '../../server/src/service/spelling';

export interface DictionaryManifest {
  files: { file: string; kind: SpellingDictionaryKind; bytes: number; languages?: Record<string, number> }[];
}

export function dictionariesDir(): string {
  // Tests run bundled from out/test/unit/ or /tmp: look from the working directory (the repository root).
  return join(process.cwd(), 'dist', 'dictionaries');
}

/**
 * Reads the dictionaries; `british: false` leaves en_GB out (en.vtrie holds both languages: only its en_US flag is
 * used). Throws, telling how to build them, when they are missing.
 */
export function loadSpellingDictionaries(options: { british?: boolean } = {}): SpellingDictionaryData[] {
  const dir = dictionariesDir();
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(
      `Spelling dictionaries are missing (${manifestPath}). Build them first: npm run build:dictionaries`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as DictionaryManifest;
  return manifest.files.map((f) => {
    const languages =
      f.languages && options.british === false ? Object.fromEntries(Object.entries(f.languages).filter(([name]) => name !== 'en_gb')) : f.languages;
    return {
      name: f.file.replace(/\.(vtrie|txt)$/, ''),
      kind: f.kind,
      ...(languages ? { languages } : {}),
      data: f.kind === 'casing' || f.kind === 'phrases' || f.kind === 'confusables' ? readFileSync(join(dir, f.file), 'utf8') : new Uint8Array(readFileSync(join(dir, f.file))),
    };
  });
}
