/**
 * The spelling engine: dictionary look-ups, brand casing, suggestions and the typo-versus-name score.
 * Pure: it is handed the dictionaries' bytes (built by scripts/build-dictionaries.mjs into dist/dictionaries/) and
 * reads no file. Everything that costs is lazy and cached per word: `isKnown` is a few trie look-ups; `suggest` and
 * `classifyUnknown` run only for words that are not known.
 */
import type { WordContext } from '../model/types';
import { applyCase, capitalise, compareWordsLowerFirst, splitCamelCase, uncapitalise, wordCase } from './casing';
import { classifyScore, maxTypoCost, type UnknownWordVerdict } from './classify';
import { childOf, flagsOf, flatTrieOfWords, isFlatTrie, readFlatTrie, type FlatTrie } from './flatTrie';
import { decodePhrases, phrasesOfCasingText } from './phrases';
import { searchTrie, singleEditsInTrie, weightedDistance } from './trieWalk';

/**
 * What a dictionary is for.
 * - `words`: a language (en_US, en_GB): accepted, suggested, and the reference for "is this an ordinary word".
 * - `terms`: brands, tools, companies, places, schools, field terms: accepted and suggested.
 * - `names`: people's names: accepted, never suggested for a typo.
 * - `foreign`: words of other languages that stand in names of schools, laboratories and places (`laboratoire`,
 *   `supérieure`): never accepted alone, only where the check pass finds a run of words in another language.
 * - `frequency`: frequency tiers, words written `1the`, `2abandon`, … (1 = most common, 4 = least).
 * - `casing`: text, one preferred brand spelling a line (`GitHub`, `VS Code`), then tab-separated accepted variants.
 * - `phrases`: text, the brands of `casing` written as phrases, as phrases.ts reads them at build time (optional:
 *   without it the engine reads them from `casing` on first use).
 * - `confusables`: text, `word -> meant` a line: real words that in a résumé are misspellings (`manger -> manager`);
 *   a line of several words is a phrase whose `[bracketed]` word is wrong there (`the [extend] of -> extent`).
 */
export type SpellingDictionaryKind = 'words' | 'terms' | 'names' | 'foreign' | 'frequency' | 'casing' | 'phrases' | 'confusables';

export interface SpellingDictionaryData {
  name: string;
  /** Defaults from the name: `en_*` → words, `names` → names, `frequency`, `casing`; anything else → terms. */
  kind?: SpellingDictionaryKind;
  /** A `.vtrie` file's bytes (flatTrie.ts), or a plain word list (one word a line) as a string. */
  data: Uint8Array | string;
  /**
   * For a `words` trie holding several languages (en.vtrie: en_US and en_GB), each language's flag bit:
   * `{ en_us: 1, en_gb: 2 }`. Without it the trie is one language, named `name`.
   */
  languages?: Readonly<Record<string, number>>;
}

export interface SpellingEngineOptions {
  /** Extra accepted words (user and workspace words), matched as written and with sentence capitals. */
  words?: readonly string[];
  /** Words never accepted even when a dictionary has them. */
  flagWords?: readonly string[];
  /** The language dictionary suggestions come from (`en_gb` for British users); default: the first `words` one. */
  suggestFrom?: string;
}

export interface SpellingEngine {
  /** Names of the dictionaries loaded, in the order given. */
  readonly dictionaries: readonly string[];
  /**
   * Whether a word is spelled correctly. Case matters where it carries meaning: a lower-case dictionary word may be
   * written capitalised (sentence start, title) or in capitals; `sOftware` is unknown. A brand written in the wrong
   * case is known here (its spelling is right): `brandCasing` reports the case. Possessives (`user's`), hyphenated
   * compounds (`Urbana-Champaign`, `end-to-end`), dotted names (`Node.js`) and camelCase (`DevTools`) are known when
   * the whole is or every part is.
   */
  isKnown(word: string): boolean;
  /** The right casing of a known brand written in the wrong case (`Github` → `GitHub`), else undefined. */
  brandCasing(word: string): string | undefined;
  /**
   * `brandCasing` and `isKnown` of a word at once, from one cache look-up (the spelling pass asks both of every
   * word: a 10,000-line document has 70,000).
   */
  lookUp(word: string): WordLookUp;
  /** Suggestions, best first, written in the case of `word`. Lazy: call it for findings only. */
  suggest(word: string, max?: number): string[];
  /**
   * For a stray PDF bullet glyph glued to a word (`Ocollaborated`): the word without the leading `o`/`O`, written
   * as it should stand (`Collaborated`), when the whole is unknown and the rest is known; else undefined.
   */
  splitGluedGlyph(word: string): string | undefined;
  /** Typo or name, with a score in [0, 1] (≥ 0.5: typo). Call for words `isKnown` rejected. */
  classifyUnknown(word: string, context: WordContext): UnknownWordVerdict;
  /** 1 (among the most common English words) … 4 (uncommon); 5 when not in the frequency list. */
  frequencyTier(word: string): number;
  /**
   * A word of another language that stands in names of schools, laboratories, degrees and places (`Laboratoire`,
   * `supérieure`, `d'Économie`: case, accents and an elided article are folded). Not a reason to accept the word
   * alone: the check pass accepts it inside a run of words that reads as another language.
   */
  isForeignWord(word: string): boolean;
  /**
   * The brand written with inner capitals whose key this word has, when the word is written otherwise (`Latex`,
   * `LATEX` → `LaTeX`): for English words that are also such a brand, which `brandCasing` leaves alone (the
   * check pass asks where the word stands in a list of tools).
   */
  brandOf(word: string): string | undefined;
  /**
   * The brand spelling with capitals of a lower-case word, even one that is also an English word (`photoshop` →
   * `Photoshop`, `docker` → `Docker`), for the check pass to use where a tool is named; else undefined.
   */
  brandFormOf(word: string): string | undefined;
  /** The word meant for a confusable (`manger` → `manager`, `hippa` → `HIPAA`), by lower-case spelling. */
  confusableOf(word: string): string | undefined;
  /** An ordinary English word (either language), in lower case: `docker`, `history`. */
  isEnglishWord(word: string): boolean;
  /** A given name or surname of the names dictionary that is not an English word (`Sarah`, `Oluwaseun`). */
  isPersonName(word: string): boolean;
  /**
   * A word built from known parts (`subteams`, `selftests`, `upstreamable`, `coldspots`): `accept`; two whole
   * words a PDF converter glued (`datadriven`, `lifehistory`): `glued` with the split spellings, best first; else
   * undefined. Never for a word one plain edit from a common word (`reknown` is `renown` mistyped).
   */
  compound(word: string): { kind: 'accept' } | { kind: 'glued'; splits: string[] } | undefined;
  /**
   * Phrases a word may end: brands of several words or written as one (`MS Office`, `WebAssembly`, `Uber Eats`)
   * and phrase confusables (`Premier Pro` → `Premiere Pro`, `the extend of` → `extent`). Keyed by the lower-case
   * last word; undefined when no phrase ends with it (most words).
   */
  phrasesEndingWith(lowerWord: string): readonly PhraseRule[] | undefined;
  /**
   * Runs a few suggestions and typo-or-name verdicts so that the first real ones are fast (the walks' code gets
   * compiled, the cost tables filled), then forgets them. Call it when idle, after the first diagnostics; it takes
   * about ten milliseconds.
   */
  warmUp(): void;
}

export type { UnknownWordVerdict } from './classify';

/** A phrase the check pass looks for, ending with a given word (see `phrasesEndingWith`). */
export interface PhraseRule {
  /** The phrase's words in lower case, in order (`['ms', 'office']`, `['web', 'assembly']`). */
  words: readonly string[];
  /**
   * `casing`: a brand; the words written otherwise than `preferred` (`MS office`, `Web Assembly`) are a
   * `spelling-casing` finding. `typo`: the word at `wrong` is a misspelling there (`Premier` of `Premier Pro`).
   */
  kind: 'casing' | 'typo';
  /** The right spelling of the whole phrase (`MS Office`, `WebAssembly`), or of the wrong word (`Premiere`). */
  preferred: string;
  /** For `typo`: the index of the wrong word in `words`. */
  wrong?: number;
  /** For `casing` of a brand written as one word (`WebAssembly`): written as two words, the words' split. */
  joined?: boolean;
}

export interface WordLookUp {
  /** As `brandCasing`. */
  casing: string | undefined;
  /** As `isKnown`. */
  known: boolean;
  /** For a known capitalised word, as `brandOf` (`Latex` → `LaTeX`), for a list of tools; else undefined. */
  listBrand: string | undefined;
  /** For a rare lower-case English word, its brand spelling (`photoshop` → `Photoshop`), for a tool's slot. */
  toolBrand: string | undefined;
  /** The phrases the word (in lower case) may end, by the word before it: `phrasesEndingWith`, grouped. */
  phrases: ReadonlyMap<string, readonly PhraseRule[]> | undefined;
}

/** One dictionary over a trie: the words whose flags share a bit with `mask`. Several may share a trie. */
interface LoadedTrie {
  name: string;
  kind: 'words' | 'terms' | 'names';
  trie: FlatTrie;
  mask: number;
  /** Exact, case-sensitive look-up. */
  has: (word: string) => boolean;
}

function loadedTrie(name: string, kind: LoadedTrie['kind'], trie: FlatTrie, mask = 0xff): LoadedTrie {
  return { name, kind, trie, mask, has: (word) => (flagsOf(trie, word) & mask) !== 0 };
}

const kindFromName = (name: string): SpellingDictionaryKind =>
  /^en[_-]/i.test(name)
    ? 'words'
    : name === 'names'
      ? 'names'
      : name === 'frequency'
        ? 'frequency'
        : name === 'casing' || name === 'phrases' || name === 'confusables' || name === 'foreign'
          ? name
          : 'terms';

function decode(data: Uint8Array | string): FlatTrie {
  if (typeof data === 'string') return flatTrieOfWords(wordLines(data));
  if (!isFlatTrie(data)) throw new Error('not a vita trie (.vtrie); rebuild the dictionaries');
  return readFlatTrie(data);
}

/** The start offset of every line of `text`, then its length: line i is text[starts[i], starts[i + 1]). */
function lineStarts(text: string): Uint32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Uint32Array(count + 1);
  let n = 0;
  starts[n++] = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
  starts[n] = text.length;
  return starts;
}

function wordLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/** Prefixes that make a hyphenated part acceptable on its own: `re-architected`, `co-founded`, `non-profit`. */
const hyphenPrefixes = new Set([
  're', 'co', 'non', 'pre', 'post', 'multi', 'sub', 'cross', 'inter', 'intra', 'semi', 'anti', 'self', 'ex', 'mid',
  'micro', 'macro', 'e', 'de', 'un', 'over', 'under', 'pro', 'bi', 'tri', 'uni', 'mis', 'out', 'up', 'auto', 'meta',
  'hyper', 'cyber', 'ultra', 'mega', 'nano', 'x', 'low', 'high', 'full', 'part', 'vice',
]);

/** Suffixes of dotted product names: `Node.js`, `Vue.js`, `ASP.NET`. */
const dottedSuffixes = new Set(['js', 'ts', 'net', 'io', 'ai', 'py', 'rb', 'go', 'rs', 'jl', 'sh']);

export function createSpellingEngine(
  dictionaries: readonly SpellingDictionaryData[],
  options: SpellingEngineOptions = {},
): SpellingEngine {
  const tries: LoadedTrie[] = [];
  let frequency: FlatTrie | undefined;
  let foreign: FlatTrie | undefined;
  /** Brand casing texts, each with its lines' start offsets (see `casingEntry`). */
  const casingTexts: Array<{ text: string; lines: Uint32Array }> = [];
  /** The brands' phrases as the build read them from the casing list (phrases.ts); without one, read here. */
  const phraseTexts: string[] = [];
  const confusableLines: string[] = [];
  for (const dictionary of dictionaries) {
    const kind = dictionary.kind ?? kindFromName(dictionary.name);
    if (kind === 'casing') {
      const text = typeof dictionary.data === 'string' ? dictionary.data : new TextDecoder().decode(dictionary.data);
      casingTexts.push({ text, lines: lineStarts(text) });
      continue;
    }
    if (kind === 'phrases') {
      phraseTexts.push(typeof dictionary.data === 'string' ? dictionary.data : new TextDecoder().decode(dictionary.data));
      continue;
    }
    if (kind === 'confusables') {
      for (const line of wordLines(typeof dictionary.data === 'string' ? dictionary.data : new TextDecoder().decode(dictionary.data))) confusableLines.push(line);
      continue;
    }
    const trie = decode(dictionary.data);
    if (kind === 'frequency') {
      frequency = trie;
      continue;
    }
    if (kind === 'foreign') {
      foreign = trie;
      continue;
    }
    if (kind === 'words' && dictionary.languages) {
      for (const [language, bit] of Object.entries(dictionary.languages)) tries.push(loadedTrie(language, kind, trie, bit));
    } else tries.push(loadedTrie(dictionary.name, kind, trie));
  }
  if (options.words?.length) {
    tries.push(loadedTrie('user-words', 'terms', flatTrieOfWords(options.words)));
  }
  const flagged = new Set(options.flagWords ?? []);
  /** Real words that mean another in a résumé, by lower-case spelling: `manger` → `manager`. */
  const confusables = new Map<string, string>();
  /** Phrase rules by their last word (lower case): phrase confusables here, brand phrases added lazily. */
  const phraseConfusables: PhraseRule[] = [];
  for (const line of confusableLines) {
    const [word, meant] = line.split(/\s*->\s*/);
    if (!word || !meant) continue;
    if (!/\s/.test(word.trim())) {
      confusables.set(word.toLowerCase(), meant);
      continue;
    }
    const words = word.trim().split(/\s+/);
    const wrong = words.findIndex((w) => w.startsWith('[') && w.endsWith(']'));
    if (wrong < 0) continue;
    phraseConfusables.push({ words: words.map((w) => w.replace(/^\[|\]$/g, '').toLowerCase()), kind: 'typo', preferred: meant.trim(), wrong });
  }
  const languageTries = tries.filter((t) => t.kind === 'words');
  // Suggestions come from one language (the first given, or `suggestFrom`) and the terms: walking en_US and en_GB
  // both would double the cost for the same words.
  const suggestionLanguage =
    languageTries.find((t) => t.name === options.suggestFrom) ?? languageTries[0];
  // The other languages sharing its trie (en_GB beside en_US) are walked at no extra cost, with their bits: a
  // British spelling is suggested to an American user when it is much closer (`Coulour` → `Colour`), ranked
  // lower than the user's own language.
  const sharedMask = languageTries.filter((t) => t.trie === suggestionLanguage?.trie).reduce((mask, t) => mask | t.mask, 0);
  const suggestionTries = tries
    .filter((t) => t.kind === 'terms' || t === suggestionLanguage)
    .map((t) => (t === suggestionLanguage ? loadedTrie(t.name, t.kind, t.trie, sharedMask) : t));
  /** A candidate only another language of the shared trie spells so (`colour` for en_US): ranked lower. */
  const otherLanguageOnly = (word: string): boolean =>
    suggestionLanguage !== undefined &&
    sharedMask !== suggestionLanguage.mask &&
    (flagsOf(suggestionLanguage.trie, word) & suggestionLanguage.mask) === 0 &&
    (flagsOf(suggestionLanguage.trie, word) & sharedMask) !== 0 &&
    !tries.some((t) => t.kind === 'terms' && t.has(word));

  /**
   * The preferred brand spelling for a key (lower case, no spaces) and the other spellings our lists accept. A
   * casing text has one line per key, sorted by key (scripts/build-dictionaries.mjs writes it so): a binary search
   * over the lines, no map of thousands of brands of which a résumé asks for a few. A later text wins.
   */
  const casingEntry = (key: string): { preferred: string; accepted: readonly string[] } | undefined => {
    for (let t = casingTexts.length - 1; t >= 0; t--) {
      const { text, lines } = casingTexts[t];
      let lo = 0;
      let hi = lines.length - 2;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        // The line without its break, and its first field, read in place: only the field is copied.
        const start = lines[mid];
        let end = lines[mid + 1];
        if (end > start && text.charCodeAt(end - 1) === 0x0a) {
          end--;
          if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
        }
        let fieldEnd = start;
        let blank = false;
        for (; fieldEnd < end; fieldEnd++) {
          const code = text.charCodeAt(fieldEnd);
          if (code === 0x09) break;
          // A blank, a control or a non-ASCII character: `casingKey` decides (it drops every `\s`).
          if (code <= 0x20 || code >= 0x80) blank = true;
        }
        const order = blank ? compareKeys(casingKey(text.slice(start, fieldEnd)), key) : compareAsciiKey(text, start, fieldEnd, key);
        if (order === 0) {
          const [preferred, ...accepted] = text.slice(start, end).split('\t');
          return { preferred, accepted };
        }
        if (order < 0) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return undefined;
  };

  // -------------------------------------------------------------------------------------------
  // Look-ups

  // Dictionaries sharing a trie (en_US and en_GB) are looked up once, with their bits together.
  const grouped = (list: readonly LoadedTrie[]): Array<{ trie: FlatTrie; mask: number }> => {
    const byTrie = new Map<FlatTrie, number>();
    for (const t of list) byTrie.set(t.trie, (byTrie.get(t.trie) ?? 0) | t.mask);
    return [...byTrie].map(([trie, mask]) => ({ trie, mask }));
  };
  const allLookups = grouped(tries);
  const languageLookups = grouped(languageTries);
  const termLookups = grouped(tries.filter((t) => t.kind === 'terms'));
  const nameLookups = grouped(tries.filter((t) => t.kind === 'names'));
  const hasIn = (lookups: ReadonlyArray<{ trie: FlatTrie; mask: number }>, word: string): boolean => {
    for (const l of lookups) if ((flagsOf(l.trie, word) & l.mask) !== 0) return true;
    return false;
  };
  const hasExact = (word: string): boolean => hasIn(allLookups, word);
  /** An ordinary English word as written (lower case): `docker`, `swift`, `zookeeper`. */
  const isLanguageWord = (word: string): boolean => hasIn(languageLookups, word);
  /** Any dictionary has the word in some casing (cspell keeps case-folded forms behind `~`). */
  const hasAnyCase = (word: string): boolean => {
    const lower = word.toLowerCase();
    return hasIn(allLookups, lower) || hasIn(allLookups, `~${lower}`) || hasIn(allLookups, capitalise(lower));
  };

  const knownCache = new Map<string, boolean>();

  const isKnownSimple = (word: string): boolean => {
    if (flagged.has(word) || confusables.has(word.toLowerCase())) return false;
    if (hasExact(word)) return true;
    switch (wordCase(word)) {
      case 'title':
        return hasExact(uncapitalise(word)) || hasExact(word.toLowerCase());
      case 'upper':
        return hasAnyCase(word);
      case 'mixed': {
        // `DevTools`, `HoneyChat`: every part known. Brands written in the wrong case are handled by brandCasing.
        const parts = splitCamelCase(word);
        return parts.length > 1 && parts.every((part) => part.length > 1 && isKnownSimple(part));
      }
      default:
        return false;
    }
  };

  const isKnown = (raw: string): boolean => {
    const cached = knownCache.get(raw);
    if (cached !== undefined) return cached;
    const word = straightApostrophes(raw);
    let known = isKnownSimple(word) || brandCasing(word) !== undefined;
    if (!known && /'s?$/i.test(word)) {
      const stem = word.replace(/'s?$/i, '');
      known = stem.length > 0 && isKnown(stem);
    }
    if (!known && word.includes('-')) {
      const parts = word.split('-').filter((p) => p.length > 0);
      known = parts.every((part, i) => hyphenPartAccepted(part, i, parts.length));
    }
    if (!known && word.includes('.')) {
      const parts = word.split('.');
      known = parts.every((part, i) => part.length > 0 && (isKnown(part) || (i > 0 && dottedSuffixes.has(part.toLowerCase()))));
    }
    knownCache.set(raw, known);
    return known;
  };

  /** A part of a hyphenated word that needs no check: a known word, an acronym, a prefix (`re-`, `co-`). */
  function hyphenPartAccepted(part: string, index: number, count: number): boolean {
    return (
      isKnown(part) ||
      /^\p{Lu}{2,5}s?$/u.test(part) || // an acronym: `Open-PAI`, `CCF-Tencent`
      (index < count - 1 && hyphenPrefixes.has(part.toLowerCase()))
    );
  }

  // -------------------------------------------------------------------------------------------
  // Brand casing

  const casingCache = new Map<string, string | null>();
  function brandCasing(word: string): string | undefined {
    let cached = casingCache.get(word);
    if (cached === undefined) casingCache.set(word, (cached = brandCasingUncached(word) ?? null));
    return cached ?? undefined;
  }

  /** CamelCase whose parts are words (`AfterEffects`, `DevTools`), not a word in random case (`sOftware`). */
  const isCamelOfWords = (word: string): boolean => {
    const parts = splitCamelCase(word);
    return parts.length > 1 && parts.every((part) => part.length > 1 && isKnownSimple(part));
  };

  const lookUpCache = new Map<string, WordLookUp>();
  function lookUp(raw: string): WordLookUp {
    let found = lookUpCache.get(raw);
    if (found === undefined) {
      const casing = brandCasing(straightApostrophes(raw));
      // Every field set, in one order: one object shape for the check pass's hot loop.
      found = { casing, known: casing !== undefined || isKnown(raw), listBrand: undefined, toolBrand: undefined, phrases: undefined };
      // What the check pass asks of a known word by where it stands, worked out once per spelling.
      if (found.known && casing === undefined) {
        const shape = wordCase(raw);
        if (shape !== 'lower') found.listBrand = brandOfUncached(raw);
        else if (raw.length >= 5 && frequencyTier(raw) === 5) {
          const form = brandFormOfUncached(raw);
          if (form !== undefined && !form.includes('.')) found.toolBrand = form;
        }
      }
      // A brand written as two words needs both capitalised (`Web Assembly`): a lower-case word ends none of those.
      const lowerCase = wordCase(raw) === 'lower';
      const rules = phraseIndex().get(raw.toLowerCase())?.filter((rule) => !(lowerCase && rule.joined));
      if (rules !== undefined && rules.length > 0) {
        const byBefore = new Map<string, PhraseRule[]>();
        for (const rule of rules) {
          const before = rule.words[rule.words.length - 2];
          const list = byBefore.get(before);
          if (list) list.push(rule);
          else byBefore.set(before, [rule]);
        }
        found.phrases = byBefore;
      }
      lookUpCache.set(raw, found);
    }
    return found;
  }

  function brandOfUncached(word: string): string | undefined {
    const entry = casingEntry(casingKey(word));
    if (entry === undefined || entry.preferred === word || entry.accepted.includes(word) || wordCase(entry.preferred) !== 'mixed') return undefined;
    // A brand made of English words (`HealthCare`) is the English word when written as one (`Healthcare`).
    const parts = splitCamelCase(entry.preferred);
    if (parts.every((part) => part.length >= 3 && isLanguageWord(part.toLowerCase()))) return undefined;
    return entry.preferred;
  }

  function brandFormOfUncached(word: string): string | undefined {
    const entry = casingEntry(casingKey(word));
    if (entry === undefined || entry.preferred === word || entry.accepted.includes(word) || wordCase(entry.preferred) === 'lower') return undefined;
    return entry.preferred.replace(/\./g, '') === word.replace(/\./g, '') ? undefined : entry.preferred;
  }

  function brandCasingUncached(word: string): string | undefined {
    const length = [...word].length;
    if (length < 2) return undefined;
    const shape = wordCase(word);
    if (shape === 'upper' || shape === 'none') return undefined;
    const entry = casingEntry(casingKey(word));
    if (entry === undefined || entry.preferred === word || entry.accepted.includes(word)) return undefined;
    const preferred = entry.preferred;
    // A short lower-case word whose only brand form is an acronym (`adn` → `ADN`) is a typo, not a brand, unless
    // our lists know it in lower case as a term (`css` → `CSS`).
    if (shape === 'lower' && length <= 3 && wordCase(preferred) === 'upper' && !hasIn(termLookups, word)) return undefined;
    // Two letters capitalised are a name's part (`Md` of a Bangladeshi name, Māori `Te`), not an acronym.
    if (shape === 'title' && length <= 2 && wordCase(preferred) === 'upper') return undefined;
    // Ordinary words are never brands: `docker`, `swift`, a sentence-initial `Zookeeper`; `sOftware` is a typo.
    // Written with inner capitals (`AfterEffects`), a word means the brand.
    if (isLanguageWord(word.toLowerCase()) && !(shape === 'mixed' && length >= 4 && isCamelOfWords(word))) return undefined;
    // Dots are punctuation, not casing: `Ph.D` and `Ph.D.`, `M.Sc` and `MSc` are the same spelling.
    if (word.replace(/\./g, '') === preferred.replace(/\./g, '')) return undefined;
    // A capitalised brand at a sentence start is right: `Kafka` at the start of a line.
    if (shape === 'title' && preferred === word) return undefined;
    return preferred;
  }

  // -------------------------------------------------------------------------------------------
  // Frequency

  const tierCache = new Map<string, number>();
  const frequencyTier = (word: string): number => {
    const lower = word.toLowerCase();
    let tier = tierCache.get(lower);
    if (tier !== undefined) return tier;
    tier = (frequency && flagsOf(frequency, lower)) || 5;
    tierCache.set(lower, tier);
    return tier;
  };

  // -------------------------------------------------------------------------------------------
  // Suggestions

  /** Frequency tier for ranking: words of our term lists (brands, places) count as tier 4 when unlisted. */
  const suggestionTier = (word: string): number => {
    const tier = frequencyTier(word);
    if (tier < 5) return tier;
    for (const t of tries) if (t.kind === 'terms' && t.has(word)) return 4;
    return 5;
  };

  interface Ranked {
    word: string;
    cost: number;
    score: number;
  }

  // The most common words (SCOWL size 10) stand well above the next tier: `sytem` is `system` before `stem`.
  const tierBonus = [0, 55, 35, 20, 5, -10];
  const maxTierBonus = Math.max(...tierBonus);

  const boundFor = (length: number): number => (length <= 4 ? 100 : length <= 6 ? 150 : length <= 10 ? 200 : 250);

  const rankedCache = new Map<string, Ranked[]>();
  /** The cost of two words run together (`aboutthe` → `about the`). */
  const runTogetherCost = 95;

  const rankCandidates = (typed: string, found: Map<string, number>): Ranked[] => {
    const typedShape = wordCase(typed);
    const typedHasApostrophe = typed.includes("'");
    const ranked: Ranked[] = [];
    const typedEnding = inflection(typed.toLowerCase());
    for (const [word, cost] of found) {
      if (flagged.has(word)) continue;
      let score = cost - tierBonus[suggestionTier(word)];
      const shape = wordCase(word);
      if (typedShape === 'lower' && shape !== 'lower') score += 20;
      if (!typedHasApostrophe && word.includes("'")) score += 80;
      if (word.includes(' ') !== typed.includes(' ')) score += 10;
      // People get a word's ending right: `attened` is `attended` rather than `attend`.
      if (typedEnding !== '' && !word.includes(' ') && inflection(word.toLowerCase()) !== typedEnding) score += 20;
      if (otherLanguageOnly(word)) score += 40;
      ranked.push({ word, cost, score });
    }
    ranked.sort((a, b) => a.score - b.score || a.cost - b.cost || compareWordsLowerFirst(a.word, b.word));
    // One entry per spelling (case-insensitively), keeping the best-ranked.
    const seen = new Set<string>();
    return ranked.filter((r) => {
      const key = r.word.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };

  /** How the suggestion dictionaries spell a lower-case string: `kubernetes` → `Kubernetes`; undefined if none. */
  const dictionarySpelling = (lower: string): string | undefined => {
    let folded = false;
    for (const t of suggestionTries) {
      if (t.has(lower)) return lower;
      folded ||= t.has(`~${lower}`);
    }
    if (!folded) return undefined;
    const title = capitalise(lower);
    for (const t of suggestionTries) if (t.has(title)) return title;
    const brand = casingEntry(lower)?.preferred;
    if (brand !== undefined) return brand;
    const upper = lower.toUpperCase();
    for (const t of suggestionTries) if (t.has(upper)) return upper;
    return undefined;
  };

  /** Two words run together: `aboutthe` → `about the` (both common words). */
  const runTogether = (word: string, length: number, found: Map<string, number>): void => {
    if (length < 5) return;
    const lower = word.toLowerCase();
    for (let i = 2; i <= length - 2; i++) {
      const a = lower.slice(0, i);
      const b = lower.slice(i);
      if (frequencyTier(a) <= 3 && frequencyTier(b) <= 3 && isKnown(a) && isKnown(b)) {
        const pair = `${a} ${b}`;
        if (!found.has(pair)) found.set(pair, runTogetherCost);
      }
    }
  };

  /** Ranked candidates for a word (lower-case search, dictionary spellings), for suggestions. */
  const candidates = (word: string): Ranked[] => {
    const cached = rankedCache.get(word);
    if (cached) return cached;
    const length = [...word].length;
    if (length < 2) return [];
    // Phase 1: every string one edit away, looked up (fast). Phase 2, only when that finds nothing: a bounded walk
    // of the tries up to the bound for the length.
    const found = singleEditCandidates(word);
    if (!hasOwnLanguageCandidate(found)) {
      for (const t of suggestionTries) searchTrie(t.trie, t.mask, word, boundFor(length), found, { strictFirstLetter: true });
    }
    runTogether(word, length, found);
    const ranked = rankCandidates(word, found);
    rankedCache.set(word, ranked);
    return ranked;
  };

  /** Some candidate is not only another language's spelling (an en_US word for an en_US user). */
  const hasOwnLanguageCandidate = (found: ReadonlyMap<string, number>): boolean => {
    for (const word of found.keys()) if (!otherLanguageOnly(word)) return true;
    return false;
  };

  const singleEditCandidates = (word: string): Map<string, number> => {
    const found = new Map<string, number>();
    // Every string one edit away that a suggestion dictionary holds as written in lower case or case-folded (`~`).
    const edits = new Set<string>();
    for (const t of suggestionTries) {
      singleEditsInTrie(t.trie, t.mask, word, 0, edits);
      const folded = t.trie.ascii[126] < 0 ? -1 : childOf(t.trie.nodes, 0, t.trie.ascii[126]);
      if (folded >= 0) singleEditsInTrie(t.trie, t.mask, word, folded, edits);
    }
    edits.delete(word.toLowerCase());
    for (const edit of edits) {
      const spelling = dictionarySpelling(edit);
      if (spelling !== undefined && !found.has(spelling)) found.set(spelling, weightedDistance(word, spelling));
    }
    return found;
  };

  /**
   * The best-ranked candidate `candidates` would give first among those `accept`s, found with less work: the walk
   * goes no further than `limit` (a costlier candidate could not make the word a typo) and widens from one edit
   * only as far as a candidate could still outrank the best found (a candidate's rank is at least its cost minus
   * the largest frequency bonus).
   */
  const nearest = (word: string, limit: number, accept: (candidate: Ranked) => boolean): Ranked | undefined => {
    const cached = rankedCache.get(word);
    if (cached) return cached.find(accept);
    const length = [...word].length;
    if (length < 2) return undefined;
    const found = singleEditCandidates(word);
    if (hasOwnLanguageCandidate(found)) {
      // Exactly what `candidates` computes: keep it for the suggestions.
      runTogether(word, length, found);
      const ranked = rankCandidates(word, found);
      rankedCache.set(word, ranked);
      return ranked.find(accept);
    }
    const bound = Math.min(boundFor(length), limit);
    // No word is one edit away (`singleEditCandidates` found none): what lies within one plain edit's cost would be
    // two cheap edits (two doubled letters), rare enough that a first walk to that reach seldom pays for itself.
    // Walking straight to the bound finds the same best candidate (see below) in one walk instead of two.
    let reach = bound;
    for (;;) {
      // Single edits into another language (`behaviour` for an American `behavour`) compete with the walk's words.
      const within = new Map<string, number>(found);
      for (const t of suggestionTries) searchTrie(t.trie, t.mask, word, reach, within, { strictFirstLetter: true });
      if (runTogetherCost <= limit) runTogether(word, length, within);
      const ranked = rankCandidates(word, within);
      // A walk to the full bound with the run-together pairs is exactly what `candidates` computes: keep it for the
      // suggestions (the CLI and the light bulb ask for them next), so the tries are not walked twice.
      if (reach === boundFor(length) && runTogetherCost <= limit) rankedCache.set(word, ranked);
      const best = ranked.find(accept);
      const needed = best === undefined ? bound : Math.min(bound, best.score + maxTierBonus);
      if (needed <= reach) return best;
      reach = needed;
    }
  };

  const splitGluedGlyph = (raw: string): string | undefined => {
    const word = straightApostrophes(raw);
    if (!/^[oO]\p{L}{3,}/u.test(word) || isKnown(word)) return undefined;
    const rest = word.slice(1);
    const restShape = wordCase(rest);
    if (restShape !== 'lower' && restShape !== 'title') return undefined;
    if (!isKnown(rest)) return undefined;
    // Such glyphs sit where a bullet starts: the word after one starts a sentence.
    return word[0] === 'O' ? capitalise(rest) : rest;
  };

  function suggest(raw: string, max = 5): string[] {
    const word = straightApostrophes(raw);
    const out: string[] = [];
    const push = (s: string): void => {
      if (s !== word && !out.includes(s)) out.push(s);
    };
    const casing = brandCasing(word);
    if (casing) push(casing);
    const meant = confusables.get(word.toLowerCase());
    if (meant) push(applyCase(meant, word));
    const glued = splitGluedGlyph(word);
    if (glued) push(glued);
    // A hyphenated word with misspelled parts: the whole with those parts corrected (`recieved-payments` →
    // `received-payments`), the first part's suggestions in turn.
    const parts = unknownHyphenParts(word);
    if (parts !== undefined) {
      const whole = word.split('-');
      const options = whole.map((part) => (parts.includes(part) ? suggest(part, max) : [part]));
      if (options.every((o) => o.length > 0)) {
        const first = options.findIndex((o, i) => o[0] !== whole[i]);
        for (const alternative of options[first] ?? []) push(options.map((o, i) => (i === first ? alternative : o[0])).join('-'));
      }
      if (out.length > 0) return out.slice(0, max);
    }
    for (const candidate of candidates(word)) {
      if (out.length >= max) break;
      push(applyCase(candidate.word, word));
    }
    return out.slice(0, max);
  }

  // -------------------------------------------------------------------------------------------
  // Typo or name

  /** Short words that do not make names: `Workedwith`, `Aboutthe` are words run together. */
  const functionWords = new Set(['the', 'and', 'with', 'for', 'from', 'into', 'our', 'this', 'that', 'was', 'are', 'has', 'have', 'its', 'not', 'but']);

  /** Two common words (≥ 3 letters, no function word) joined: `Northwind`, `Quillstone`. */
  const isNameCompound = (word: string): boolean => {
    const lower = word.toLowerCase();
    const length = lower.length;
    for (let i = 3; i <= length - 3; i++) {
      const a = lower.slice(0, i);
      const b = lower.slice(i);
      if (functionWords.has(a) || functionWords.has(b)) continue;
      if (frequencyTier(a) <= 3 && frequencyTier(b) <= 3 && isLanguageWord(a) && isLanguageWord(b)) return true;
    }
    return false;
  };

  /** The parts of a hyphenated word `isKnown` does not accept (`recieved` of `recieved-payments`); else undefined. */
  const unknownHyphenParts = (word: string): string[] | undefined => {
    if (!word.includes('-')) return undefined;
    const parts = word.split('-');
    if (parts.length < 2 || parts.some((p) => p.length === 0)) return undefined;
    const unknown = parts.filter((part, i) => !hyphenPartAccepted(part, i, parts.length));
    return unknown.length > 0 ? unknown : undefined;
  };

  /** Verdicts by context and word: a résumé repeats its names, and every keystroke checks the document again. */
  const verdictCache = new Map<string, UnknownWordVerdict>();

  const classifyUnknown = (raw: string, context: WordContext): UnknownWordVerdict => {
    const word = straightApostrophes(raw);
    const key = `${context}\u0000${word}`;
    let verdict = verdictCache.get(key);
    if (verdict === undefined) {
      verdict = classifyUncached(word, context);
      verdictCache.set(key, verdict);
    }
    return verdict;
  };

  const classifyUncached = (word: string, context: WordContext): UnknownWordVerdict => {
    if (isKnown(word)) return { verdict: 'name', score: 0 };
    if (confusables.has(word.toLowerCase())) return { verdict: 'typo', score: 0.9 };
    if (splitGluedGlyph(word)) return { verdict: 'typo', score: 0.95 };
    const shape = wordCase(word);
    // A capitalised word one edit from a brand written with inner capitals is that brand mistyped: `PostgeSQL`.
    if ((shape === 'mixed' || shape === 'title') && [...word].length >= 6 && nearBrand(word) !== undefined) return { verdict: 'typo', score: 0.8 };
    // A capitalised possessive names a person or a place: `Gloger's rule`, `O'Neil's`.
    if (shape === 'title' && /^\p{Lu}\p{Ll}+'s$/u.test(word)) return { verdict: 'name', score: 0 };
    // Words built from known parts (`subteams`, `selftests`), and two words a converter glued (a hint elsewhere).
    if (compound(word) !== undefined) return { verdict: 'name', score: 0 };
    // A hyphenated word is as misspelled as its worst part: `recieved-payments`.
    const parts = unknownHyphenParts(word);
    if (parts !== undefined) {
      let worst: UnknownWordVerdict = { verdict: 'name', score: 0 };
      for (const part of parts) {
        const verdict = classifyUnknown(part, context);
        if (verdict.score > worst.score) worst = verdict;
      }
      return worst;
    }
    // Only a dictionary word close enough to make this a typo matters: search no further (none: a name).
    let limit = maxTypoCost(word, context);
    if (limit < 0) return { verdict: 'name', score: 0 };
    // A capitalised word made of two common words (`Harbourline`, `Quillstone`, `Northwind`) reads as a name, not
    // as a missing space, unless a single word is closer than the space: run-together words are typos in lower
    // case only (`aboutthe`).
    const lower = wordCase(word) === 'lower';
    if (!lower && isNameCompound(word)) limit = Math.min(limit, runTogetherCost - 1);
    const best = nearest(word, limit, (c) => lower || !c.word.includes(' ') || c.word.split(' ').some((w) => functionWords.has(w)));
    return classifyScore({
      word,
      context,
      nearest: best && { word: best.word, cost: best.cost, tier: suggestionTier(best.word) },
    });
  };

  /** The brand with inner capitals (`PostgreSQL`) one plain edit or less from a capitalised word, if any. */
  const nearBrand = (word: string): string | undefined => {
    for (const [candidate, cost] of singleEditCandidates(word)) {
      if (cost <= 100 && wordCase(candidate) === 'mixed' && candidate.toLowerCase() !== word.toLowerCase()) return candidate;
    }
    return undefined;
  };

  // -------------------------------------------------------------------------------------------
  // Other languages, names and compounds

  const foreignCache = new Map<string, boolean>();
  const isForeignWord = (raw: string): boolean => {
    if (!foreign) return false;
    let cached = foreignCache.get(raw);
    if (cached === undefined) {
      const lower = straightApostrophes(raw).replace(ELIDED_ARTICLE, '').toLowerCase();
      cached = flagsOf(foreign, lower) !== 0 || flagsOf(foreign, `~${stripAccents(lower)}`) !== 0;
      foreignCache.set(raw, cached);
    }
    return cached;
  };

  const personCache = new Map<string, boolean>();
  const isPersonName = (word: string): boolean =>
    cachedIn(personCache, word, () => wordCase(word) === 'title' && hasIn(nameLookups, word) && !isLanguageWord(word.toLowerCase()));
  const englishCache = new Map<string, boolean>();
  const brandOfCache = new Map<string, string | undefined>();
  const brandFormCache = new Map<string, string | undefined>();

  /** A part of a compound: a word our dictionaries know in lower case (`teams`, `certifications`, `stream`). */
  const isPart = (lower: string): boolean => lower.length >= 4 && hasIn(allLookups, lower) && !functionWords.has(lower) && !compoundStopWords.has(lower);

  /**
   * A known word close enough that the word is a typo of it, not a compound: one plain edit away (`referal` →
   * `referral`, `archtype` → `archetype`), or two away and sharing its first four letters (`copywrite` →
   * `copyright`, `resteraunts` → `restaurants`).
   */
  const hasCloseWord = (word: string, rivalTier: number): boolean => {
    const lower = word.toLowerCase();
    // A rival worth the doubt: a word of the frequency lists or a name (`Queensland`), not a rare word (`subteens`
    // beside `subteams`), nor the word's own stem (`recertification` of `recertifications`), nor a split of it.
    const rival = (candidate: string): boolean =>
      !/[ -]/.test(candidate) &&
      !lower.startsWith(candidate.toLowerCase()) &&
      (frequencyTier(candidate) <= rivalTier || wordCase(candidate) !== 'lower');
    for (const [candidate, cost] of singleEditCandidates(word)) if (cost <= 100 && rival(candidate)) return true;
    // Two edits only in lower case: a capitalised compound of two words is a name (`Harbourline`, `Brightmoor`).
    if (wordCase(word) !== 'lower') return false;
    const head = lower.slice(0, 4);
    for (const candidate of candidates(word)) {
      if (candidate.cost <= 200 && candidate.word.toLowerCase().startsWith(head) && rival(candidate.word)) return true;
    }
    return false;
  };

  const compoundCache = new Map<string, ReturnType<SpellingEngine['compound']> | null>();
  const compound = (raw: string): ReturnType<SpellingEngine['compound']> => {
    let cached = compoundCache.get(raw);
    if (cached === undefined) compoundCache.set(raw, (cached = compoundUncached(straightApostrophes(raw)) ?? null));
    return cached ?? undefined;
  };

  const compoundUncached = (word: string): ReturnType<SpellingEngine['compound']> => {
    const shape = wordCase(word);
    if (shape !== 'lower' && shape !== 'title') return undefined;
    const lower = word.toLowerCase();
    if (lower.length < 7 || !/^[a-z]+$/.test(lower) || isKnown(word)) return undefined;
    let found: ReturnType<SpellingEngine['compound']>;
    let prefixed = false;
    // A known prefix and a common word: `subteams`, `minigames`, `recertifications`, `selftests`.
    for (const prefix of compoundPrefixes) {
      const base = lower.slice(prefix.length);
      if (base.length >= 4 && lower.startsWith(prefix) && isPart(base) && frequencyTier(base) <= 3) {
        found = { kind: 'accept' };
        prefixed = true;
        break;
      }
    }
    // The plural of a rare word the dictionaries list in the singular only: `recertifications`. Not of a common
    // mass noun (`softwares`, `informations` are errors).
    if (!found && /[^s]s$/.test(lower) && lower.length >= 9 && hasIn(allLookups, lower.slice(0, -1)) && frequencyTier(lower.slice(0, -1)) === 5) {
      found = { kind: 'accept' };
      prefixed = true;
    }
    // A known word and `-able`: `upstreamable`.
    if (!found) {
      for (const suffix of ['able', 'ability']) {
        const base = lower.slice(0, -suffix.length);
        // Not a misspelt `-ible` or a dropped `e` (`resistable`, `decideable`): those are typos of known words.
        const variants = [`${base}ible`, `${base.replace(/e$/, '')}able`, `${base.replace(/e$/, '')}ability`, `${base}ibility`];
        if (variants.some((variant) => variant !== lower && hasIn(allLookups, variant))) continue;
        if (lower.endsWith(suffix) && base.length >= 4 && isLanguageWord(base) && frequencyTier(base) <= 3) {
          found = { kind: 'accept' };
          break;
        }
      }
    }
    // Two whole words: `coldspots`, `jobserver` are words; `datadriven`, `lifehistory` lost a hyphen or a space.
    if (!found) {
      let best: [string, string] | undefined;
      for (let i = 4; i <= lower.length - 4; i++) {
        const a = lower.slice(0, i);
        const b = lower.slice(i);
        if (!isPart(a) || !isPart(b) || !isLanguageWord(a) || !isLanguageWord(b)) continue;
        if (!best || Math.min(a.length, b.length) > Math.min(best[0].length, best[1].length)) best = [a, b];
      }
      if (best) {
        const [a, b] = best;
        const participle = b.length >= 5 && /(?:ed|en)$/.test(b);
        if (participle || lower.length >= 11) {
          const hyphen = applyCase(`${a}-${b}`, word);
          const space = applyCase(`${a} ${b}`, word);
          found = { kind: 'glued', splits: participle ? [hyphen, space] : [space, hyphen] };
        } else if (frequencyTier(a) <= 3 && frequencyTier(b) <= 3) found = { kind: 'accept' };
      }
    }
    // A prefix and a common word (`sub` + `teams`) outweighs a rare look-alike (`subteens`); two words need more.
    if (found && hasCloseWord(word, prefixed ? 3 : 4)) return undefined;
    return found;
  };

  const phraseIndex = (): Map<string, PhraseRule[]> => {
    if (phrases) return phrases;
    phrases = new Map();
    const add = (rule: PhraseRule): void => {
      const last = rule.words[rule.words.length - 1];
      const list = phrases!.get(last);
      if (list) list.push(rule);
      else phrases!.set(last, [rule]);
    };
    for (const rule of phraseConfusables) add(rule);
    const casing = phraseTexts.length > 0 ? phraseTexts.flatMap(decodePhrases) : casingTexts.flatMap(({ text }) => phrasesOfCasingText(text));
    for (const { words, preferred, joined } of casing) add(joined ? { words, kind: 'casing', preferred, joined } : { words, kind: 'casing', preferred });
    return phrases;
  };
  let phrases: Map<string, PhraseRule[]> | undefined;

  const warmUp = (): void => {
    for (const word of ['experiance', 'managment', 'responsibilites', 'devlopment', 'comunication']) candidates(word);
    for (const word of ['Kuberx', 'Tshabalala', 'observabi', 'Harbourline']) classifyUnknown(word, 'text');
    rankedCache.clear();
    verdictCache.clear();
  };

  return {
    dictionaries: dictionaries.map((d) => d.name),
    warmUp,
    isKnown,
    brandCasing: (word) => brandCasing(straightApostrophes(word)),
    lookUp,
    suggest,
    splitGluedGlyph,
    classifyUnknown,
    frequencyTier,
    isForeignWord,
    isEnglishWord: (word) => cachedIn(englishCache, word, () => isLanguageWord(word.toLowerCase())),
    confusableOf: (word) => confusables.get(word.toLowerCase()),
    brandFormOf: (word) => cachedIn(brandFormCache, word, () => brandFormOfUncached(word)),
    brandOf: (word) => cachedIn(brandOfCache, word, () => brandOfUncached(word)),
    isPersonName,
    compound,
    phrasesEndingWith: (lowerWord) => phraseIndex().get(lowerWord),
  };
}

/** The value cached for `key`, computed once (undefined is a value too). */
function cachedIn<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}

/** An elided article or preposition before a word of another language: `d'Économie`, `l'Université`, `dell'Arte`. */
const ELIDED_ARTICLE = /^(?:d|l|dell|dall|nell|sull|all|qu)'(?=\p{L})/iu;

/** The word without accents: `supérieure` → `superieure`. */
function stripAccents(word: string): string {
  return /^[\x00-\x7f]*$/.test(word) ? word : word.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Prefixes a compound may start with: `subteams`, `minigames`, `recertifications`, `selftests`, `multicloud`. */
const compoundPrefixes = [
  'sub', 'mini', 'micro', 'macro', 'multi', 'self', 'non', 'pre', 'post', 'inter', 'intra', 'semi', 'anti', 'over',
  'under', 'cross', 'meta', 'hyper', 'cyber', 'ultra', 'mega', 'nano', 'super', 'counter', 're', 'co', 'un', 'de',
];

/** Words that do not make a compound with another (`everytime`, `eachother` are two words run together). */
const compoundStopWords = new Set([
  'every', 'each', 'any', 'some', 'thank', 'you', 'your', 'they', 'them', 'their', 'there', 'here', 'where', 'when',
  'what', 'which', 'who', 'how', 'all', 'also', 'well', 'more', 'most', 'much', 'many', 'other', 'another', 'such',
  'than', 'then', 'just', 'only', 'even', 'ever', 'never', 'very', 'into', 'onto', 'upon', 'about', 'over', 'under',
  'after', 'before', 'while', 'since', 'until', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must',
  'been', 'being', 'were', 'does', 'did', 'doing', 'done', 'one', 'two', 'three', 'less', 'least', 'none',
  // Endings that are words too: `beautyfull`, `publically`, `trustworthyness` are suffixes misspelt.
  'full', 'fully', 'ally', 'ness', 'able', 'ably', 'ible', 'ment', 'tion', 'sion', 'like', 'wise', 'ward', 'hood',
]);

/** The inflection a word ends with (`-ed`, `-ing`, `-s`), or '' when none: an ending typed is an ending meant. */
function inflection(lower: string): string {
  if (lower.length < 5) return '';
  if (lower.endsWith('ed')) return 'ed';
  if (lower.endsWith('ing')) return 'ing';
  return '';
}

/** Curly quotes and backticks as the dictionaries write apostrophes (`’`, `‘`, `` ` `` → `'`); most words have none. */
function straightApostrophes(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === 0x2019 || code === 0x2018 || code === 0x60) return word.replace(/[’‘`]/g, "'");
  }
  return word;
}

/** −1, 0 or 1 as `a` sorts before, with or after `b` (JavaScript's `<` on strings). */
export function compareKeys(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * {@link compareKeys} of `text[start, end)` in lower case (printable ASCII only: the caller checked) with `key`,
 * read in place.
 */
export function compareAsciiKey(text: string, start: number, end: number, key: string): number {
  let k = 0;
  for (let i = start; i < end; i++, k++) {
    let code = text.charCodeAt(i);
    // Dots are not part of a key (`Node.js` is keyed `nodejs`).
    if (code === 0x2e) {
      k--;
      continue;
    }
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    if (k >= key.length) return 1;
    const wanted = key.charCodeAt(k);
    if (code !== wanted) return code < wanted ? -1 : 1;
  }
  return k === key.length ? 0 : -1;
}

/** The key brand spellings are matched by: lower case, without spaces or dots (`VS Code`/`VSCode`, `Node.js`/`nodejs`). */
export function casingKey(word: string): string {
  return word.toLowerCase().replace(/[\s.]+/g, '');
}
