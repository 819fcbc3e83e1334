/**
 * The spelling engine: dictionary look-ups, brand casing, suggestions and the typo-versus-name score.
 * Pure: it is handed the dictionaries' bytes (built by scripts/build-dictionaries.mjs into dist/dictionaries/) and
 * reads no file. Everything that costs is lazy and cached per word: `isKnown` is a few trie look-ups; `suggest` and
 * `classifyUnknown` run only for words that are not known.
 */
import { buildITrieFromWords, decodeTrie, type ITrie } from 'cspell-trie-lib';
import type { WordContext } from '../model/types';
import { applyCase, capitalise, splitCamelCase, uncapitalise, wordCase } from './casing';
import { classifyScore, type UnknownWordVerdict } from './classify';
import { searchTrie, singleEdits, weightedDistance, type WalkNode } from './trieWalk';

/**
 * What a dictionary is for.
 * - `words`: a language (en_US, en_GB): accepted, suggested, and the reference for "is this an ordinary word".
 * - `terms`: brands, tools, companies, places, schools, field terms: accepted and suggested.
 * - `names`: people's names: accepted, never suggested for a typo.
 * - `frequency`: frequency tiers, words written `1the`, `2abandon`, … (1 = most common, 4 = least).
 * - `casing`: text, one preferred brand spelling a line (`GitHub`, `VS Code`), then tab-separated accepted variants.
 * - `confusables`: text, `word -> meant` a line: real words that in a résumé are misspellings (`manger -> manager`).
 */
export type SpellingDictionaryKind = 'words' | 'terms' | 'names' | 'frequency' | 'casing' | 'confusables';

export interface SpellingDictionaryData {
  name: string;
  /** Defaults from the name: `en_*` → words, `names` → names, `frequency`, `casing`; anything else → terms. */
  kind?: SpellingDictionaryKind;
  /** A `.btrie` file's bytes or any cspell trie format; for a string, also a plain word list (one word a line). */
  data: Uint8Array | string;
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
   * Runs a few suggestions so that the first real one is fast (the walk's code gets compiled and the upper trie
   * nodes decoded). Call it when the server is idle after start; it takes some tens of milliseconds.
   */
  warmUp(): void;
}

export type { UnknownWordVerdict } from './classify';

interface LoadedTrie {
  name: string;
  kind: 'words' | 'terms' | 'names';
  trie: ITrie;
  root: WalkNode;
  /** Exact, case-sensitive look-up: the fastest path cspell-trie-lib offers (no compound or case handling). */
  has: (word: string) => boolean;
}

/** How many trie nodes' children the suggestion walk keeps decoded, per trie, before it starts afresh (memory). */
const walkCacheNodes = 4_000;

function loadedTrie(name: string, kind: LoadedTrie['kind'], trie: ITrie): LoadedTrie {
  const rawRoot = trie.data.getRoot();
  const findExact = rawRoot.findExact?.bind(rawRoot);
  const budget = { left: walkCacheNodes };
  let root = cachedWalkNode(rawRoot as unknown as WalkNode, budget);
  return {
    name,
    kind,
    trie,
    get root() {
      if (budget.left <= 0) {
        budget.left = walkCacheNodes;
        root = cachedWalkNode(rawRoot as unknown as WalkNode, budget);
      }
      return root;
    },
    has: findExact ? (word) => findExact(word) && !trie.isForbiddenWord(word) : (word) => trie.has(word),
  };
}

/**
 * Wraps a trie node so that each node's children are read from the trie once: the suggestion walk passes the same
 * upper nodes for every word, and decoding them from cspell's binary trie is what costs. The budget bounds how many
 * nodes are kept; when it is spent, the trie's root is wrapped anew and the old wrappers are garbage.
 */
function cachedWalkNode(node: WalkNode, budget: { left: number }): WalkNode {
  let children: Array<readonly [string, WalkNode]> | undefined;
  return {
    eow: node.eow,
    entries() {
      if (children) return children;
      const entries = [...node.entries()].map(([key, child]) => [key, cachedWalkNode(child, budget)] as const);
      if (budget.left > 0) {
        budget.left--;
        children = entries;
      }
      return entries;
    },
  };
}

const kindFromName = (name: string): SpellingDictionaryKind =>
  /^en[_-]/i.test(name)
    ? 'words'
    : name === 'names'
      ? 'names'
      : name === 'frequency'
        ? 'frequency'
        : name === 'casing' || name === 'confusables'
          ? name
          : 'terms';

function decode(data: Uint8Array | string): ITrie {
  if (typeof data === 'string' && !/^\s*(?:#!\/usr\/bin\/env cspell-trie|TrieXv|TrieBlob)/.test(data)) {
    return buildITrieFromWords(wordLines(data));
  }
  return decodeTrie(data as Uint8Array<ArrayBuffer>);
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
  let frequency: ITrie | undefined;
  const casingLines: string[] = [];
  const confusableLines: string[] = [];
  for (const dictionary of dictionaries) {
    const kind = dictionary.kind ?? kindFromName(dictionary.name);
    if (kind === 'casing' || kind === 'confusables') {
      const lines = wordLines(typeof dictionary.data === 'string' ? dictionary.data : new TextDecoder().decode(dictionary.data));
      if (kind === 'casing') casingLines.push(...lines);
      else for (const line of lines) confusableLines.push(line);
      continue;
    }
    const trie = decode(dictionary.data);
    if (kind === 'frequency') {
      frequency = trie;
      continue;
    }
    tries.push(loadedTrie(dictionary.name, kind, trie));
  }
  if (options.words?.length) {
    tries.push(loadedTrie('user-words', 'terms', buildITrieFromWords(options.words)));
  }
  const flagged = new Set(options.flagWords ?? []);
  /** Real words that mean another in a résumé, by lower-case spelling: `manger` → `manager`. */
  const confusables = new Map<string, string>();
  for (const line of confusableLines) {
    const [word, meant] = line.split(/\s*->\s*/);
    if (word && meant) confusables.set(word.toLowerCase(), meant);
  }
  const languageTries = tries.filter((t) => t.kind === 'words');
  // Suggestions come from one language (the first given, or `suggestFrom`) and the terms: walking en_US and en_GB
  // both would double the cost for the same words.
  const suggestionLanguage =
    languageTries.find((t) => t.name === options.suggestFrom) ?? languageTries[0];
  const suggestionTries = tries.filter((t) => t.kind === 'terms' || t === suggestionLanguage);

  /** Preferred brand spellings by key (lower case, no spaces). Later lines (our lists) override earlier ones. */
  const casingByKey = new Map<string, { preferred: string; accepted: ReadonlySet<string> }>();
  for (const line of casingLines) {
    const [preferred, ...accepted] = line.split('\t');
    casingByKey.set(casingKey(preferred), { preferred, accepted: new Set(accepted) });
  }

  // -------------------------------------------------------------------------------------------
  // Look-ups

  const hasExact = (word: string): boolean => {
    for (const t of tries) if (t.has(word)) return true;
    return false;
  };
  /** An ordinary English word as written (lower case): `docker`, `swift`, `zookeeper`. */
  const isLanguageWord = (word: string): boolean => {
    for (const t of languageTries) if (t.has(word)) return true;
    return false;
  };
  /** Any dictionary has the word in some casing (cspell keeps case-folded forms behind `~`). */
  const hasAnyCase = (word: string): boolean => {
    const lower = word.toLowerCase();
    for (const t of tries) {
      if (t.has(lower) || t.has(`~${lower}`) || t.has(capitalise(lower))) return true;
    }
    return false;
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
    const word = raw.replace(/[’‘`]/g, "'");
    let known = isKnownSimple(word) || brandCasing(word) !== undefined;
    if (!known && /'s?$/i.test(word)) {
      const stem = word.replace(/'s?$/i, '');
      known = stem.length > 0 && isKnown(stem);
    }
    if (!known && word.includes('-')) {
      const parts = word.split('-').filter((p) => p.length > 0);
      known = parts.every(
        (part, i) =>
          isKnown(part) ||
          /^\p{Lu}{2,5}s?$/u.test(part) || // an acronym: `Open-PAI`, `CCF-Tencent`
          (i < parts.length - 1 && hyphenPrefixes.has(part.toLowerCase())),
      );
    }
    if (!known && word.includes('.')) {
      const parts = word.split('.');
      known = parts.every((part, i) => part.length > 0 && (isKnown(part) || (i > 0 && dottedSuffixes.has(part.toLowerCase()))));
    }
    knownCache.set(raw, known);
    return known;
  };

  // -------------------------------------------------------------------------------------------
  // Brand casing

  function brandCasing(word: string): string | undefined {
    if ([...word].length < 2) return undefined;
    const shape = wordCase(word);
    if (shape === 'upper' || shape === 'none') return undefined;
    const entry = casingByKey.get(casingKey(word));
    if (entry === undefined || entry.preferred === word || entry.accepted.has(word)) return undefined;
    const preferred = entry.preferred;
    // A short lower-case word whose only brand form is an acronym (`adn` → `ADN`) is a typo, not a brand.
    if (shape === 'lower' && [...word].length <= 3 && wordCase(preferred) === 'upper') return undefined;
    // Ordinary words are never brands: `docker`, `swift`, a sentence-initial `Zookeeper`; `sOftware` is a typo.
    if (isLanguageWord(word.toLowerCase())) return undefined;
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
    tier = 5;
    if (frequency) {
      for (let t = 1; t <= 4; t++) {
        if (frequency.has(`${t}${lower}`)) {
          tier = t;
          break;
        }
      }
    }
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

  const tierBonus = [0, 45, 35, 20, 5, -10];

  const boundFor = (length: number): number => (length <= 4 ? 100 : length <= 6 ? 150 : length <= 10 ? 200 : 250);

  const rankedCache = new Map<string, Ranked[]>();

  const rankCandidates = (typed: string, found: Map<string, number>): Ranked[] => {
    const typedShape = wordCase(typed);
    const typedHasApostrophe = typed.includes("'");
    const ranked: Ranked[] = [];
    for (const [word, cost] of found) {
      if (flagged.has(word)) continue;
      let score = cost - tierBonus[suggestionTier(word)];
      const shape = wordCase(word);
      if (typedShape === 'lower' && shape !== 'lower') score += 20;
      if (!typedHasApostrophe && word.includes("'")) score += 80;
      if (word.includes(' ') !== typed.includes(' ')) score += 10;
      ranked.push({ word, cost, score });
    }
    ranked.sort((a, b) => a.score - b.score || a.cost - b.cost || a.word.localeCompare(b.word));
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
    const brand = casingByKey.get(lower)?.preferred;
    if (brand !== undefined) return brand;
    const upper = lower.toUpperCase();
    for (const t of suggestionTries) if (t.has(upper)) return upper;
    return undefined;
  };

  /** Ranked candidates for a word (lower-case search, dictionary spellings). */
  const candidates = (word: string): Ranked[] => {
    const cached = rankedCache.get(word);
    if (cached) return cached;
    const found = new Map<string, number>();
    const length = [...word].length;
    if (length < 2) return [];
    // Phase 1: every string one edit away, looked up (fast). Phase 2, only when that finds nothing: a bounded walk
    // of the tries up to the bound for the length.
    for (const edit of singleEdits(word)) {
      const spelling = dictionarySpelling(edit);
      if (spelling !== undefined && !found.has(spelling)) found.set(spelling, weightedDistance(word, spelling));
    }
    if (found.size === 0) {
      for (const t of suggestionTries) searchTrie(t.root, word, boundFor(length), found, { strictFirstLetter: true });
    }
    // Two words run together: `aboutthe` → `about the`.
    if (length >= 5) {
      const lower = word.toLowerCase();
      for (let i = 2; i <= length - 2; i++) {
        const a = lower.slice(0, i);
        const b = lower.slice(i);
        if (frequencyTier(a) <= 3 && frequencyTier(b) <= 3 && isKnown(a) && isKnown(b)) {
          const pair = `${a} ${b}`;
          if (!found.has(pair)) found.set(pair, 95);
        }
      }
    }
    const ranked = rankCandidates(word, found);
    rankedCache.set(word, ranked);
    return ranked;
  };

  const splitGluedGlyph = (raw: string): string | undefined => {
    const word = raw.replace(/[’‘`]/g, "'");
    if (!/^[oO]\p{L}{3,}/u.test(word) || isKnown(word)) return undefined;
    const rest = word.slice(1);
    const restShape = wordCase(rest);
    if (restShape !== 'lower' && restShape !== 'title') return undefined;
    if (!isKnown(rest)) return undefined;
    // Such glyphs sit where a bullet starts: the word after one starts a sentence.
    return word[0] === 'O' ? capitalise(rest) : rest;
  };

  const suggest = (raw: string, max = 5): string[] => {
    const word = raw.replace(/[’‘`]/g, "'");
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
    for (const candidate of candidates(word)) {
      if (out.length >= max) break;
      push(applyCase(candidate.word, word));
    }
    return out.slice(0, max);
  };

  // -------------------------------------------------------------------------------------------
  // Typo or name

  const classifyUnknown = (raw: string, context: WordContext): UnknownWordVerdict => {
    const word = raw.replace(/[’‘`]/g, "'");
    if (isKnown(word)) return { verdict: 'name', score: 0 };
    if (confusables.has(word.toLowerCase())) return { verdict: 'typo', score: 0.9 };
    if (splitGluedGlyph(word)) return { verdict: 'typo', score: 0.95 };
    const best = candidates(word)[0];
    return classifyScore({
      word,
      context,
      nearest: best && { word: best.word, cost: best.cost, tier: suggestionTier(best.word) },
    });
  };

  const warmUp = (): void => {
    for (const word of ['experiance', 'managment', 'responsibilites', 'devlopment', 'comunication']) candidates(word);
    rankedCache.clear();
  };

  return {
    dictionaries: dictionaries.map((d) => d.name),
    warmUp,
    isKnown,
    brandCasing: (word) => brandCasing(word.replace(/[’‘`]/g, "'")),
    suggest,
    splitGluedGlyph,
    classifyUnknown,
    frequencyTier,
  };
}

/** The key brand spellings are matched by: lower case, without spaces (`VS Code` and `VSCode` share one). */
export function casingKey(word: string): string {
  return word.toLowerCase().replace(/\s+/g, '');
}
