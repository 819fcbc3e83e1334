/**
 * The matcher's vocabulary, built once from data files bundled with the code (esbuild's `text` loader):
 *
 *   dictionaries/match/terms.txt      requirement terms of many fields with their aliases (ours)
 *   dictionaries/match/generic.txt    words that are never a term by themselves, acronyms that name no skill (ours)
 *   dictionaries/resume-tech.txt      vita's brand list: tools with their official casing, recognised as terms too
 *   dictionaries/resume-companies.txt employers, never terms (a brand that is also a company is left out)
 *   dictionaries/resume-places.txt    places, never terms
 *
 * See each file's header for its source and licence.
 */
import companiesText from '../../../../dictionaries/resume-companies.txt';
import placesText from '../../../../dictionaries/resume-places.txt';
import techText from '../../../../dictionaries/resume-tech.txt';
import genericText from '../../../../dictionaries/match/generic.txt';
import termsText from '../../../../dictionaries/match/terms.txt';
import { foldWord, tokenize, type Token } from './tokens';

/** How a spelling compares with the text's tokens. */
export const enum SpellingMode {
  /** Folded forms (`norm`): case, plurals and verb forms. */
  Loose = 0,
  /** As written, case included (`Go`, `Excel`). */
  Exact = 1,
  /** Lower case, no folding of forms (`budgeting`). */
  Lower = 2,
}

export interface Spelling {
  /** As written in the data (markers removed). */
  text: string;
  /** The tokens to compare, in the form {@link mode} says. */
  tokens: string[];
  mode: SpellingMode;
  /** `~administer medications`: two words in this order with up to this many words between them, in one clause. */
  gap?: number;
  /** An acronym: compared in lower case, unfolded, but its last word may take a plural `s` (`IEPs`, `VLOOKUPs`). */
  acronym?: boolean;
}

/** Words a `~` spelling may have between its two words ("administer oral and IV medications"). */
export const SPELLING_GAP = 3;

export interface Concept {
  id: number;
  /** The canonical spelling. */
  term: string;
  spellings: Spelling[];
  source: 'vocabulary' | 'brand';
  /** A brand written as a plain capitalised word (`Teams`, `Linear`): not a term at the start of a sentence. */
  plainWord?: boolean;
}

export interface IndexEntry {
  concept: Concept;
  spelling: Spelling;
}

export interface Vocabulary {
  concepts: Concept[];
  /** Entries by the folded form of their first token, longest first. */
  index: Map<string, IndexEntry[]>;
  /** Generic words, lower case (see {@link isGeneric}). */
  generic: Set<string>;
  /** Acronyms that name no skill (`US`, `PTO`, `CEO`). */
  stopAcronyms: Set<string>;
  /** Places and employers' names, lower case, whole and word by word. */
  places: Set<string>;
  companies: Set<string>;
}

/** The lines of a data file: comments and blank lines dropped. */
function dataLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.length > 0 && !trimmed.startsWith('#')) lines.push(trimmed);
  }
  return lines;
}

/** A spelling as written in terms.txt (`=Go`, `!budgeting`, `k8s`) → its tokens in the form it compares. */
export function makeSpelling(written: string, mode?: SpellingMode): Spelling {
  let text = written;
  let spellingMode = mode ?? SpellingMode.Loose;
  if (mode === undefined && text.startsWith('~')) {
    const spelling = makeSpelling(text.slice(1));
    return spelling.tokens.length === 2 ? { ...spelling, gap: SPELLING_GAP } : spelling;
  }
  if (mode === undefined && text.startsWith('=')) {
    text = text.slice(1);
    spellingMode = SpellingMode.Exact;
  } else if (mode === undefined && text.startsWith('!')) {
    text = text.slice(1);
    spellingMode = SpellingMode.Lower;
  } else if (mode === undefined && !/\p{Ll}/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text)) {
    // An acronym (`FACS`, `CI/CD`) compares in any case but is never folded: `facs` is not `facing`.
    const spelling = makeSpelling(text, SpellingMode.Lower);
    return { ...spelling, acronym: true };
  }
  // One plain word (most brands and many terms): no need for the tokenizer.
  if (/^[A-Za-z][a-z0-9]*$|^[A-Z0-9]+$/.test(text)) {
    const lower = text.toLowerCase();
    return { text, tokens: [spellingMode === SpellingMode.Exact ? text : spellingMode === SpellingMode.Lower ? lower : foldWord(lower)], mode: spellingMode };
  }
  const tokens = tokenize(text);
  return { text, tokens: tokens.map((t) => tokenForm(t, spellingMode)), mode: spellingMode };
}

export function tokenForm(token: Token, mode: SpellingMode): string {
  return mode === SpellingMode.Exact ? token.raw : mode === SpellingMode.Lower ? token.lower : token.norm;
}

/** The folded form of a spelling's first token: its key in an index. */
export function indexKey(spelling: Spelling): string {
  return spelling.mode === SpellingMode.Loose ? spelling.tokens[0] : foldWord(spelling.tokens[0].toLowerCase());
}

export function addToIndex(index: Map<string, IndexEntry[]>, concept: Concept, spelling: Spelling): void {
  if (spelling.tokens.length === 0) return;
  const key = indexKey(spelling);
  let list = index.get(key);
  if (!list) index.set(key, (list = []));
  list.push({ concept, spelling });
}

export function sortIndex(index: Map<string, IndexEntry[]>): void {
  for (const list of index.values()) list.sort(bySpelling);
}

/** Longest spellings first; of two as long, the one without a gap. */
export function bySpelling(a: { spelling: Spelling }, b: { spelling: Spelling }): number {
  return b.spelling.tokens.length - a.spelling.tokens.length || (a.spelling.gap ?? 0) - (b.spelling.gap ?? 0);
}

const CLAUSE_BREAK = /[.;:!?()\n•|]/;

/**
 * Where the spelling ends when `tokens[i…]` carry it (the index past its last token), or -1. A spelling with a gap
 * may skip up to `gap` words before its second word, within one clause of `text` (the text the tokens index).
 */
export function matchEnd(tokens: readonly Token[], i: number, end: number, spelling: Spelling, text: string): number {
  const n = spelling.tokens.length;
  if (i + n > end) return -1;
  if (spelling.gap) {
    if (tokenForm(tokens[i], spelling.mode) !== spelling.tokens[0]) return -1;
    for (let k = i + 1; k < end && k <= i + 1 + spelling.gap; k++) {
      if (CLAUSE_BREAK.test(text.slice(tokens[k - 1].end, tokens[k].start))) return -1;
      if (tokenForm(tokens[k], spelling.mode) === spelling.tokens[1]) return k + 1;
    }
    return -1;
  }
  for (let k = 0; k < n; k++) {
    const form = tokenForm(tokens[i + k], spelling.mode);
    if (form === spelling.tokens[k]) continue;
    if (spelling.acronym && k === n - 1 && form.length === spelling.tokens[k].length + 1 && form.endsWith('s') && form.startsWith(spelling.tokens[k])) continue;
    return -1;
  }
  return i + n;
}

/** The longest entry of `index` whose spelling starts at `tokens[i]` (and ends before `end`), with where it ends. */
export function longestAt(index: Map<string, IndexEntry[]>, tokens: readonly Token[], i: number, end: number, text: string): { entry: IndexEntry; end: number } | undefined {
  const list = index.get(tokens[i].norm);
  if (!list) return undefined;
  for (const entry of list) {
    const stop = matchEnd(tokens, i, end, entry.spelling, text);
    if (stop >= 0) return { entry, end: stop };
  }
  return undefined;
}

let built: Vocabulary | undefined;

/** The vocabulary, built on first use (~1–2 ms) and kept. */
export function vocabulary(): Vocabulary {
  return (built ??= buildVocabulary());
}

function buildVocabulary(): Vocabulary {
  const generic = new Set<string>();
  const stopAcronyms = new Set<string>();
  for (const line of dataLines(genericText)) {
    if (/[A-Z]/.test(line)) stopAcronyms.add(line);
    generic.add(line.toLowerCase());
  }
  const places = new Set<string>();
  for (const line of dataLines(placesText)) {
    const lower = line.toLowerCase();
    places.add(lower);
    for (const part of lower.split(/[\s,]+/)) if (part.length > 2) places.add(part);
  }
  const companies = new Set<string>();
  for (const line of dataLines(companiesText)) companies.add(line.toLowerCase());

  const concepts: Concept[] = [];
  const index = new Map<string, IndexEntry[]>();
  /** Lower-case spellings already taken (the first concept keeps a spelling). */
  const taken = new Set<string>();
  for (const line of dataLines(termsText)) {
    if (line.startsWith('[')) continue;
    const written = line.split('|').map((part) => part.trim()).filter((part) => part.length > 0);
    if (written.length === 0) continue;
    const exactTwins = new Set(written.filter((w) => w.startsWith('=')).map((w) => w.slice(1).toLowerCase()));
    const term = written[0].replace(/^[=!]/, '');
    const concept: Concept = { id: concepts.length, term, spellings: [], source: 'vocabulary' };
    for (const w of written) {
      // A loose spelling with an exact twin (`Sketch | =Sketch`) is only the exact one.
      if (!/^[=!]/.test(w) && exactTwins.has(w.toLowerCase())) continue;
      const spelling = makeSpelling(w);
      if (spelling.tokens.length === 0) continue;
      concept.spellings.push(spelling);
      taken.add(spelling.text.toLowerCase());
    }
    concepts.push(concept);
    for (const spelling of concept.spellings) addToIndex(index, concept, spelling);
  }
  // vita's brand list: names with a capital, a digit or a symbol (lower-case entries are words like `failover`).
  for (const line of dataLines(techText)) {
    if (!/[A-Z0-9+#.]/.test(line) || line.endsWith("'")) continue;
    const lower = line.toLowerCase();
    if (taken.has(lower) || companies.has(lower) || places.has(lower) || generic.has(lower)) continue;
    taken.add(lower);
    // Distinctive: an inner capital, a digit or a symbol (`GitHub`, `S3`, `Node.js`): any case matches.
    const distinctive = /.[A-Z]|[0-9+#.]/.test(line) || /\s/.test(line);
    const spelling = makeSpelling(line, distinctive ? SpellingMode.Lower : SpellingMode.Exact);
    if (spelling.tokens.length === 0) continue;
    const concept: Concept = { id: concepts.length, term: line, spellings: [spelling], source: 'brand', plainWord: !distinctive };
    concepts.push(concept);
    addToIndex(index, concept, spelling);
  }
  sortIndex(index);
  return { concepts, index, generic, stopAcronyms, places, companies };
}

/** Whether a token is a generic word: as written, or as the plural of one (`patients`). */
export function isGeneric(vocab: Vocabulary, token: Token): boolean {
  return vocab.generic.has(token.lower) || (token.lower.endsWith('s') && vocab.generic.has(token.lower.slice(0, -1)));
}
