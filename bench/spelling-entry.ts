// The spelling engine for the benchmark, bundled by bench/run.mjs into out/bench/spelling.cjs only when the engine
// (server/src/service/spelling/) and the host's loader (server/src/host/dictionaries.ts) exist. It builds the engine
// exactly as the server and the CLI do: the dictionaries in dist/dictionaries/, read once, through the same loader.
import { createSpellingLoader } from '../server/src/host/dictionaries';
import type { VitaOptions } from '../server/src/service/context';
import type { SpellingEngine } from '../server/src/service/spelling/index';

export function loadSpellingEngine(dictionaryDir: string, options: VitaOptions): SpellingEngine {
  const loader = createSpellingLoader({
    dir: dictionaryDir,
    onProblem: (message) => {
      throw new Error(message);
    },
  });
  const engine = loader.load({ language: options.spelling.language, words: options.spelling.words });
  if (!engine) throw new Error(`no spelling engine from ${dictionaryDir}`);
  return engine;
}
