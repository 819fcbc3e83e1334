/**
 * The spelling pass the rules run: tokenizer words → `isKnown` → `classifyUnknown` (and `brandCasing`), read with
 * where each word stands: a run of words in another language (`Laboratoire Ondes et Lumière`), a Latin binomial
 * (`Gammarus pulex`), a surname after an initial, a company after `at`, a word cut by a line-end hyphen
 * (`archi-` / `tecture`), a brand of two words (`MS office`, `Web Assembly`). Suggestions are not computed here:
 * the rules ask the engine for them when a finding needs them.
 */
import type { Word, WordContext } from '../model/types';
import type { WordList } from '../model/wordList';
import { wordCase } from './casing';
import type { PhraseRule, SpellingEngine, WordLookUp } from './engine';
import { typoThreshold } from './classify';
import { foreignEvidence, hasForeignLetters } from './foreign';

export interface SpellingIssue {
  word: Word;
  /**
   * `typo`: a likely misspelling (rule `spelling`); `casing`: a brand in the wrong case (rule `spelling-casing`);
   * `glued`: two words a PDF converter glued together (`datadriven`; rule `spelling-glued`, a hint).
   */
  kind: 'typo' | 'casing' | 'glued';
  /** For typos, the typo-versus-name score; 1 for casing and glued words. */
  score: number;
  /** For casing, the right spelling; for a stray glyph, the word without it; for a phrase typo, the right word. */
  replacement?: string;
  /** Suggestions known when checking (phrases, glued words), best first; others are asked of the engine. */
  suggestions?: string[];
}

export interface SpellingCheckOptions {
  /** Report unknown words scored as names too (kind `typo`, score below 0.5): for a strict mode. Default false. */
  includeNames?: boolean;
  /** Words not to check at all, by their text. */
  skip?: (text: string) => boolean;
  /**
   * Contexts whose capitalised words are checked for brand casing only (an unknown one is taken as a name); their
   * lower-case words are checked as everywhere else (`mutliple` in a header is no name).
   */
  casingOnly?: (context: WordContext) => boolean;
}

/** The issues of `words`, in document order. A word object is made only for a word with an issue. */
export function checkSpelling(engine: SpellingEngine, words: WordList, options: SpellingCheckOptions = {}): SpellingIssue[] {
  // Each distinct spelling is looked up once.
  const { ids, texts } = words.spellings();
  const pass: Pass = {
    engine,
    words,
    text: words.text,
    ids,
    texts,
    options,
    issues: [],
    lookUps: new Array(texts.length),
    glyphSplits: [],
    lowers: new Array(texts.length),
    shapes: new Array(texts.length),
  };
  const joined = joinHyphenBreaks(engine, words, texts, ids);
  scanWords(pass, joined ?? EMPTY);
  if (words.acronyms.length > 0 && acronymIssues(engine, words, pass.issues, options.skip) > 0) pass.issues.sort((a, b) => a.word.start - b.word.start);
  return pass.issues;
}

const EMPTY: ReadonlySet<number> = new Set();

/**
 * The hot loop, kept small (most words are known and plain): each spelling is looked up at its first occurrence;
 * the occurrences of the others (unknown, brands, phrases' last words, short words) go to `checkWord`.
 */
function scanWords(pass: Pass, joined: ReadonlySet<number>): void {
  const { words, ids, texts } = pass;
  const skip = pass.options.skip;
  const anyJoined = joined.size > 0;
  /** Per spelling: 1 when every occurrence is a known word with nothing to look at around it (most), 2 else. */
  const plain = new Uint8Array(texts.length);
  const count = words.length;
  for (let i = 0; i < count; i++) {
    const id = ids[i];
    let state = plain[id];
    if (state === PLAIN || (anyJoined && joined.has(i))) continue;
    if (state === UNSEEN) {
      const word = texts[id];
      plain[id] = state = skip !== undefined && skip(word) ? PLAIN : stateOf(pass, id, word);
      if (state === PLAIN) continue;
    }
    // A known word that may end a phrase: only when the word before it is one of the phrases' (rarely).
    if (state === PHRASE_END && !pass.lookUps[id]!.phrases!.has(wordBeforeOf(pass, i))) continue;
    checkWord(pass, i, id);
  }
}

/** States of a spelling in {@link scanWords}. */
const UNSEEN = 0;
const PLAIN = 1;
const PHRASE_END = 2;
const SPECIAL = 3;

/** Looks spelling `id` up: plain (nothing to do), a known word that may end a phrase, or one for `checkWord`. */
function stateOf(pass: Pass, id: number, word: string): number {
  const found = (pass.lookUps[id] = pass.engine.lookUp(word));
  if (found.casing !== undefined || !found.known || found.listBrand !== undefined || found.toolBrand !== undefined) return SPECIAL;
  if (word.length <= 2 && (word === 'i' || isAbbreviationStart(word))) return SPECIAL;
  return found.phrases !== undefined ? PHRASE_END : PLAIN;
}

/** The word before word `i` in lower case: the list's when one blank away, else the raw text's (`MS`). */
function wordBeforeOf(pass: Pass, i: number): string {
  const { words, text, ids, texts, lowers } = pass;
  const start = words.start(i);
  if (i > 0 && words.end(i - 1) === start - 1 && text.charCodeAt(start - 1) === 0x20) {
    const previous = ids[i - 1];
    return (lowers[previous] ??= texts[previous].toLowerCase());
  }
  return wordBefore(text, start);
}

/** One spelling pass's state: the words, the per-spelling look-ups, the issues found. */
interface Pass {
  engine: SpellingEngine;
  words: WordList;
  text: string;
  ids: Int32Array;
  texts: string[];
  options: SpellingCheckOptions;
  issues: SpellingIssue[];
  lookUps: (WordLookUp | undefined)[];
  /** Per spelling: the word without a glued glyph, null when there is none. */
  glyphSplits: (string | null | undefined)[];
  /** Per spelling: in lower case (for phrases). */
  lowers: (string | undefined)[];
  /** Per spelling: how it is capitalised. */
  shapes: (ReturnType<typeof wordCase> | undefined)[];
}

/** Word `i` (spelling `id`), which is not a plain known word: phrases, casing, typos, where it stands. */
function checkWord(pass: Pass, i: number, id: number): void {
  const { engine, words, text, texts, issues } = pass;
  const word = texts[id];
  const look = pass.lookUps[id]!;
  const rules = look.phrases;
  if (rules !== undefined) {
    // Only the phrases whose word before this one is the word written before it (most words have none).
    const candidates = rules.get(wordBeforeOf(pass, i));
    if (candidates !== undefined && phraseIssue(words, i, candidates, issues)) return;
  }
  if (word.length === 1 && word === 'i') {
    issues.push({ word: words.at(i)!, kind: 'casing', score: 1, replacement: 'I' });
    return;
  }
  const { casing, known } = look;
  if (casing !== undefined) {
    if (!casingIsProse(engine, words, i, word) || isNameNotAcronym(engine, words, i, word, casing)) return;
    issues.push({ word: words.at(i)!, kind: 'casing', score: 1, replacement: casing });
    return;
  }
  if (word.length === 2 && isAbbreviationStart(word)) {
    const abbreviation = latinAbbreviation(words, i, word);
    if (abbreviation !== undefined) {
      issues.push(abbreviation);
      return;
    }
  }
  if (known) {
    // A brand among English words, by where it stands: in a list of tools (`Stata, SPSS, Latex` → `LaTeX`), or
    // where a tool is named (`retouched in photoshop` → `Photoshop`).
    const { listBrand, toolBrand } = look;
    if (listBrand !== undefined && inToolList(text, words.start(i), words.end(i))) issues.push({ word: words.at(i)!, kind: 'casing', score: 1, replacement: listBrand });
    else if (toolBrand !== undefined && isToolSlot(text, words.start(i))) issues.push({ word: words.at(i)!, kind: 'casing', score: 1, replacement: toolBrand });
    return;
  }
  checkUnknown(pass, i, id, word);
}

/** An unknown word: a name, a glued pair, or a typo, read with where it stands. */
function checkUnknown(pass: Pass, i: number, id: number, word: string): void {
  const { engine, words, text, options, issues, shapes, glyphSplits } = pass;
  const { casingOnly } = options;
  const shape = (shapes[id] ??= wordCase(word));
  const context = words.context(i);
  if (casingOnly?.(context) && shape !== 'lower') return;
  // A known word written with its accents or a diaeresis (`pâtisserie`, `coördinated`): a spelling, not a typo.
  if (hasForeignLetters(word) && engine.isKnown(withoutAccents(word))) return;
  // The verdict first (cached per spelling and context): most unknown words are names and end here; where the
  // word stands is read only for typos and glued words.
  const compound = engine.compound(word);
  const verdict = engine.classifyUnknown(word, context);
  if (verdict.verdict !== 'typo' && compound?.kind !== 'glued' && !options.includeNames) return;
  if (standsAsName(engine, words, i, word, shape)) return;
  if (isLigatureDebris(engine, text, words.start(i), words.end(i), word)) return;
  if (compound?.kind === 'glued') {
    issues.push({ word: words.at(i)!, kind: 'glued', score: 1, suggestions: compound.splits });
    return;
  }
  const score = verdict.verdict === 'typo' ? verdict.score + positionEvidence(words, i, shape) : verdict.score;
  if (score >= typoThreshold || options.includeNames) {
    let split = glyphSplits[id];
    if (split === undefined) glyphSplits[id] = split = engine.splitGluedGlyph(word) ?? null;
    const replacement = split ?? undefined;
    issues.push({ word: wrongPart(engine, words.at(i)!), kind: 'typo', score: Math.max(0, Math.min(1, score)), replacement });
  }
}

/**
 * Words in capitals the word list leaves out: a known misspelling of an acronym (`HIPPA` → `HIPAA`) and a brand
 * with inner capitals flattened to capitals in a list of tools (`Taught LATEX, Excel, R`). Returns how many.
 */
function acronymIssues(engine: SpellingEngine, words: WordList, issues: SpellingIssue[], skip: ((text: string) => boolean) | undefined): number {
  const text = words.text;
  const spans = words.acronyms;
  let added = 0;
  const seen = new Map<string, { meant: string | undefined; brand: string | undefined }>();
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k];
    const end = spans[k + 1];
    const word = text.slice(start, end);
    let verdict = seen.get(word);
    if (verdict === undefined) seen.set(word, (verdict = skip?.(word) ? { meant: undefined, brand: undefined } : { meant: engine.confusableOf(word), brand: engine.brandOf(word) }));
    if (verdict.meant === undefined && verdict.brand === undefined) continue;
    const index = words.firstAtOrAfter(end) - 1;
    const context: WordContext = index >= 0 ? words.context(index) : 'text';
    const meant = verdict.meant;
    if (meant !== undefined && meant !== word) {
      issues.push({ word: { start, end, text: word, context }, kind: 'typo', score: 0.9, replacement: meant, suggestions: [meant] });
      added++;
      continue;
    }
    const brand = verdict.brand;
    if (brand === undefined || !inToolList(text, start, end)) continue;
    issues.push({ word: { start, end, text: word, context }, kind: 'casing', score: 1, replacement: brand });
    added++;
  }
  return added;
}

/**
 * The misspelled part of a hyphenated word when it has exactly one (`scrapper` of `web-scrapper`): the finding
 * underlines that part and its suggestions are that part's. Otherwise the word itself.
 */
function wrongPart(engine: SpellingEngine, word: Word): Word {
  if (!word.text.includes('-')) return word;
  let wrong: Word | undefined;
  let offset = 0;
  for (const part of word.text.split('-')) {
    if (part.length > 0 && !engine.isKnown(part) && !/^\p{Lu}{2,5}s?$/u.test(part)) {
      if (wrong) return word;
      wrong = { start: word.start + offset, end: word.start + offset + part.length, text: part, context: word.context };
    }
    offset += part.length + 1;
  }
  return wrong ?? word;
}

// ---------------------------------------------------------------------------------------------
// Line-end hyphenation

/**
 * Joins the words a line-end hyphen cut (`archi-` / `tecture`, `recom-` / `piled` across a column gap) when the
 * joined word, or the two with their hyphen (`pre-existing`), is known: both parts are then checked no further.
 * Returns the indices of the words so joined; undefined when the document has no such pair.
 */
function joinHyphenBreaks(engine: SpellingEngine, words: WordList, texts: readonly string[], ids: Int32Array): Set<number> | undefined {
  const pairs = words.hyphenBreaks;
  if (pairs.length === 0) return undefined;
  const joined = new Set<number>();
  // A pair joins when the word it makes is known (`architecture`; in two columns, the column whose word makes one);
  // with its hyphen kept (`pre-existing`) only when the first part is no word alone (else both parts are fine).
  for (const withHyphen of [false, true]) {
    for (let p = 0; p < pairs.length; p += 2) {
      const first = pairs[p];
      const next = pairs[p + 1];
      if (joined.has(first) || joined.has(next)) continue;
      const a = texts[ids[first]];
      const b = texts[ids[next]];
      // The rest of a cut word goes on in lower case (`tecture`); a capital starts another word (`More`).
      if (b[0] === b[0].toUpperCase()) continue;
      const known = withHyphen ? !engine.isKnown(a) && engine.isKnown(`${a}-${b}`) : engine.isKnown(a + b);
      if (known) {
        joined.add(first);
        joined.add(next);
      }
    }
  }
  return joined;
}

// ---------------------------------------------------------------------------------------------
// Where a word stands

/** The word before word `i` on the same line, with only blanks (or emphasis markers) between; else -1. */
function adjacentBefore(words: WordList, i: number): number {
  if (i === 0) return -1;
  const text = words.text;
  for (let k = words.end(i - 1); k < words.start(i); k++) {
    const code = text.charCodeAt(k);
    if (code !== 0x20 && code !== 0x2a && code !== 0x5f) return -1;
  }
  return i - 1;
}

/** The word without accents (`Wānaka` → `Wanaka`); ASCII words as they are. */
function withoutAccents(word: string): string {
  return hasForeignLetters(word) ? word.normalize('NFD').replace(/\p{M}+/gu, '') : word;
}

/** The raw token (letters, marks, apostrophes, a final dot) just before `offset` on its line, skipping blanks. */
function tokenBefore(text: string, offset: number): string {
  let end = offset;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x2a)) end--;
  let start = end;
  while (start > 0 && end - start < 40) {
    const code = text.charCodeAt(start - 1);
    if (!isWordCode(code) && code !== 0x27 && code !== 0x2019 && code !== 0x2e) break;
    start--;
  }
  return text.slice(start, end);
}

/** The raw token just after `offset` on its line, skipping blanks and emphasis. */
function tokenAfter(text: string, offset: number): string {
  let start = offset;
  while (start < text.length && (text.charCodeAt(start) === 0x20 || text.charCodeAt(start) === 0x2a)) start++;
  let end = start;
  while (end < text.length && end - start < 40 && isWordCode(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

/** Words that follow a company's name: `Thesys Technologies`, `Virtuozzo company`, `CENTURA HEALTH`. */
const ORGANISATION_WORDS = new Set([
  'inc', 'ltd', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'sa', 'sas', 'srl', 'bv', 'nv', 'ab', 'oy', 'pty', 'pvt', 'corp',
  'corporation', 'company', 'co', 'group', 'technologies', 'technology', 'systems', 'labs', 'lab', 'solutions',
  'consulting', 'software', 'analytics', 'partners', 'capital', 'media', 'health', 'healthcare', 'pharma',
  'pharmaceuticals', 'therapeutics', 'networks', 'holdings', 'ventures', 'industries', 'enterprises', 'studios',
  'games', 'interactive', 'digital', 'hospital', 'clinic', 'foundation', 'institute', 'bank', 'associates',
  'agency', 'motors', 'airlines', 'energy', 'logistics', 'robotics', 'biosciences', 'bio', 'ai',
]);

/**
 * An unknown word that is a name by where it stands, whatever the dictionaries say: a word of a run of words in
 * another language (`Licence d'Économie`, `École normale supérieure`, `Université Grenobles Alpes`), a Latin
 * binomial's second word (`Gammarus pulex`), a surname after an initial or a given name (`Ernest F. Hollings`), a
 * company before a company word or after `at` (`Thesys Technologies`, `at Thesys`).
 */
function standsAsName(engine: SpellingEngine, words: WordList, i: number, word: string, shape: string): boolean {
  const text = words.text;
  const start = words.start(i);
  const end = words.end(i);
  // Letters English does not use (`Wānaka`, `Constanța`, `Trojańska`): another language or a name, not an English typo.
  if (hasForeignLetters(word) && !engine.isEnglishWord(withoutAccents(word))) return true;
  if (engine.isForeignWord(word) || shape !== 'lower') {
    if (foreignEvidence(engine, text, start, end)) return true;
  }
  if (shape === 'lower') {
    const before = adjacentBefore(words, i);
    if (before >= 0 && isBinomial(engine, words, before, i)) return true;
    return false;
  }
  // Capitalised: a name's or a company's place.
  const previous = tokenBefore(text, start);
  if (/^\p{Lu}\.$/u.test(previous)) return true; // an initial: `Ernest F. Hollings`
  const before = adjacentBefore(words, i);
  if (before >= 0 && engine.isPersonName(words.textOf(before))) return true; // `Sarah Okonkwo`
  if (/^(?:at|@)$/i.test(previous)) return true; // `Engineer at Thesys`
  const next = tokenAfter(text, end);
  if (next.length > 0 && ORGANISATION_WORDS.has(next.toLowerCase()) && (wordCase(next) !== 'lower' || next.toLowerCase() === 'company')) return true;
  if (/^\p{Lu}{2,5}$/u.test(next) && shape !== 'upper' && !engine.isEnglishWord(next)) return true; // `Thesys CAT`
  return false;
}

/**
 * A Latin binomial: a capitalised genus that is no common English word, then an unknown lower-case epithet
 * (`Rhizoglyphus robini`, `Gammarus pulex`): in italics always, otherwise when the epithet has a Latin ending.
 */
function isBinomial(engine: SpellingEngine, words: WordList, genus: number, epithet: number): boolean {
  const genusText = words.textOf(genus);
  const epithetText = words.textOf(epithet);
  if (wordCase(genusText) !== 'title' || genusText.length < 4 || epithetText.length < 3) return false;
  if (engine.isEnglishWord(genusText) && engine.frequencyTier(genusText) <= 3) return false;
  const text = words.text;
  const openBefore = text.charCodeAt(words.start(genus) - 1);
  const closeAfter = text.charCodeAt(words.end(epithet));
  const italic = (openBefore === 0x2a || openBefore === 0x5f) && (closeAfter === 0x2a || closeAfter === 0x5f);
  return italic || LATIN_ENDING.test(epithetText);
}

/** Endings of Latin species epithets: `robini`, `pulex`, `melanogaster`, `vulgaris`, `coli`, `sapiens`. */
const LATIN_ENDING = /(?:i|ii|ae|us|um|a|is|es|ex|ix|ax|ensis|oides|orum|arum|ster|ens|ans)$/;

/**
 * Evidence from where a word the engine scores as a typo stands, added to its score. A capitalised word in an
 * entry line's slots, right after or before a field separator (`Computer Science — Thinkful`, `Engineer | Acme`,
 * `Overhacked (nwHacks) | GitHub`), or an item of a list of names (`team, Servier.`, `Quillon, Tidewright, Marlowe`) is a proper noun rather
 * than a common word mistyped. In running prose a capitalised typo keeps its score (`the payments Systen
 * written in Go`, `migrations to Kubernete`): a sentence or a title is where typos of common words and brands stand.
 */
function positionEvidence(words: WordList, i: number, shape: string): number {
  if (shape !== 'title' && shape !== 'upper') return 0;
  const text = words.text;
  let k = words.start(i) - 1;
  while (k >= 0 && text.charCodeAt(k) === 0x20) k--;
  const separator = text.charCodeAt(k);
  if (separator === 0x2014 || separator === 0x7c || separator === 0xb7 || separator === 0x40) return -0.3;
  // Right before one, at the head of an entry line (`Overhacked (nwHacks) | GitHub | Devpost`): a name's slot too.
  let e = words.end(i);
  while (e < text.length && text.charCodeAt(e) === 0x20) e++;
  if (text.charCodeAt(e) === 0x28) {
    const close = text.indexOf(')', e);
    const lineEnd = text.indexOf('\n', e);
    if (close > 0 && (lineEnd < 0 || close < lineEnd)) {
      e = close + 1;
      while (e < text.length && text.charCodeAt(e) === 0x20) e++;
    }
  }
  const follower = text.charCodeAt(e);
  if (follower === 0x2014 || follower === 0x7c || follower === 0xb7) return -0.3;
  if (separator === 0x2c) {
    // An item of a comma-separated list that ends where the word ends: `…, Servier.` or `…, Geneious`.
    let e = words.end(i);
    while (e < text.length && text.charCodeAt(e) === 0x20) e++;
    const after = e < text.length ? text.charCodeAt(e) : 0x0a;
    if (after === 0x2c || after === 0x2e || after === 0x0a || after === 0x0d || after === 0x3b) return -0.25;
  }
  return 0;
}

/**
 * A person's name is never re-cased: on the name line a capitalised word stays as written (`Md`, `Ada`), and
 * anywhere a Title-case word that is a person's name or an English word is not an acronym's lower form (`Ada` is
 * not `ADA`, the Americans with Disabilities Act). An acronym is still mended where it is written in lower case or
 * mixed (`hipaa`, `Hipaa` → HIPAA) unless the word is itself a name.
 */
function isNameNotAcronym(engine: SpellingEngine, words: WordList, i: number, word: string, casing: string): boolean {
  const shape = wordCase(word);
  if (shape === 'lower') return false;
  if (words.context(i) === 'name') return true;
  const acronym = casing.length > 1 && casing === casing.toUpperCase() && /\p{Lu}/u.test(casing);
  return acronym && shape === 'title' && (engine.isPersonName(word) || engine.isEnglishWord(word));
}

/**
 * Whether a brand casing finding belongs here: not a lower-case word of another language's run (`normale` of
 * `École normale supérieure`), nor a part of a path or handle (`github/jane`, `linkedin/jane`).
 */
function casingIsProse(engine: SpellingEngine, words: WordList, i: number, word: string): boolean {
  const text = words.text;
  const start = words.start(i);
  const end = words.end(i);
  if (wordCase(word) === 'lower') {
    if (text.charCodeAt(end) === 0x2f || text.charCodeAt(start - 1) === 0x2f) return false;
    const context = words.context(i);
    if (context === 'link') return false;
    if (engine.isForeignWord(word) && (hasForeignLetters(word) || foreignEvidence(engine, text, start, end))) return false;
  }
  return true;
}

/**
 * Whether `text[start, end)` is an item of a comma-separated list of several items on its line (`Software: Stata,
 * Python, R, SPSS, Latex`): where a capitalised English word names a tool.
 */
function inToolList(text: string, start: number, end: number): boolean {
  const after = text.charCodeAt(end);
  const commaBefore = start >= 2 && text.charCodeAt(start - 1) === 0x20 && text.charCodeAt(start - 2) === 0x2c;
  if (!commaBefore && after !== 0x2c) {
    // The last item: `…, SPSS, and Latex`.
    if (start < 6 || text.charCodeAt(start - 1) !== 0x20) return false;
    const last = text.charCodeAt(start - 2);
    if (last !== 0x64 && last !== 0x72 && last !== 0x26) return false; // `and`, `or`, `&`
    if (!/,\s+(?:and|or|&)\s+$/.test(text.slice(Math.max(0, start - 8), start))) return false;
  }
  let commas = 0;
  for (let k = start - 1; k >= 0 && text.charCodeAt(k) !== 0x0a && commas < 2; k--) if (text.charCodeAt(k) === 0x2c) commas++;
  for (let k = end; k < text.length && text.charCodeAt(k) !== 0x0a && commas < 2; k++) if (text.charCodeAt(k) === 0x2c) commas++;
  return commas >= 2;
}

/** Whether the word at `start` follows `in`, `with`, `using` or `via`: where a tool is named. */
function isToolSlot(text: string, start: number): boolean {
  if (start < 3 || text.charCodeAt(start - 1) !== 0x20) return false;
  return endsWithWord(text, start - 1, 'in') || endsWithWord(text, start - 1, 'with') || endsWithWord(text, start - 1, 'using') || endsWithWord(text, start - 1, 'via');
}

/** Whether `text` before `end` is the word `word` (ASCII, any case) standing alone. Reads in place. */
function endsWithWord(text: string, end: number, word: string): boolean {
  const from = end - word.length;
  if (from < 0) return false;
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(from + k) | 0x20) !== word.charCodeAt(k)) return false;
  return from === 0 || !isWordCode(text.charCodeAt(from - 1));
}

/** Ligatures a PDF converter may drop (`O ce` for `Office`, `e ective` for `effective`). */
const LIGATURES = ['ffi', 'ffl', 'ff', 'fi', 'fl'];

/**
 * A piece of a word whose ligature the converter dropped, leaving a blank: the piece with the letters or piece
 * beside it and a ligature makes a known word (`O ce` → `Office`). Debris, not a typo.
 */
function isLigatureDebris(engine: SpellingEngine, text: string, start: number, end: number, word: string): boolean {
  // The pieces are short: `O ce`, `e ective`, `sta`.
  if (end - start > 8) return false;
  if (text.charCodeAt(start - 1) === 0x20) {
    let from = start - 1;
    while (from > 0 && start - 1 - from < 5 && isWordCode(text.charCodeAt(from - 1))) from--;
    const before = text.slice(from, start - 1);
    if (before.length > 0 && before.length <= 4 && LIGATURES.some((ligature) => engine.isKnown(before + ligature + word))) return true;
  }
  if (end >= text.length || text.charCodeAt(end) === 0x20) {
    let to = end + 1;
    while (to < text.length && to - end < 8 && isWordCode(text.charCodeAt(to))) to++;
    const after = text.slice(end + 1, to);
    if (LIGATURES.some((ligature) => engine.isKnown(word + ligature + after))) return true;
  }
  return false;
}

/** `eg`, `ie` or `al` in any case, by code: the words {@link latinAbbreviation} looks at. */
function isAbbreviationStart(word: string): boolean {
  const a = word.charCodeAt(0) | 0x20;
  const b = word.charCodeAt(1) | 0x20;
  return (a === 0x65 && b === 0x67) || (a === 0x69 && b === 0x65) || (a === 0x61 && b === 0x6c);
}

/**
 * Latin abbreviations with the dots in the wrong place: `eg.` (`e.g.`), `ie.` (`i.e.`), `et. al.` (`et al.`).
 * The finding covers the abbreviation with its dots; its one suggestion is the right form.
 */
function latinAbbreviation(words: WordList, i: number, word: string): SpellingIssue | undefined {
  const text = words.text;
  const start = words.start(i);
  const end = words.end(i);
  const lower = word.toLowerCase();
  const context = words.context(i);
  if ((lower === 'eg' || lower === 'ie') && (text.charCodeAt(end) === 0x2e || text.charCodeAt(end) === 0x2c)) {
    const right = lower === 'eg' ? 'e.g.' : 'i.e.';
    const stop = text.charCodeAt(end) === 0x2e ? end + 1 : end;
    return { word: { start, end: stop, text: text.slice(start, stop), context }, kind: 'typo', score: 0.9, replacement: right, suggestions: [right] };
  }
  if (lower === 'al' && text.slice(Math.max(0, start - 4), start).toLowerCase() === 'et. ') {
    const stop = text.charCodeAt(end) === 0x2e ? end + 1 : end;
    return { word: { start: start - 4, end: stop, text: text.slice(start - 4, stop), context }, kind: 'typo', score: 0.9, replacement: 'et al.', suggestions: ['et al.'] };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Phrases

/** The word (letters only, lower case) one or two blanks before `start`, or '' when there is none. */
function wordBefore(text: string, start: number): string {
  let end = start;
  while (end > 0 && start - end < 2 && text.charCodeAt(end - 1) === 0x20) end--;
  if (end === start) return '';
  let from = end;
  while (from > 0 && end - from < 40 && isWordCode(text.charCodeAt(from - 1))) from--;
  return from === end ? '' : text.slice(from, end).toLowerCase();
}

/** A letter or digit by code (ASCII letters and digits, any non-ASCII letter): NaN (before the text) is none. */
function isWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || (code >= 0xc0 && /\p{L}/u.test(String.fromCharCode(code)));
}

/**
 * A phrase that ends with word `i`, written wrong: a brand of several words in the wrong case (`MS office` →
 * `MS Office`), a brand written as two words (`Web Assembly` → `WebAssembly`), a phrase confusable (`Premier Pro`
 * → `Premiere`, `the extend of` → `extent`). Pushes the issue and answers true when one matched.
 */
function phraseIssue(words: WordList, i: number, rules: readonly PhraseRule[], issues: SpellingIssue[]): boolean {
  const text = words.text;
  for (const rule of rules) {
    // The phrase's words, read back from the raw text (acronyms such as `MS` are not in the word list).
    const spans: Array<[number, number]> = [[words.start(i), words.end(i)]];
    let at = words.start(i);
    let ok = true;
    for (let k = rule.words.length - 2; k >= 0 && ok; k--) {
      let end = at;
      while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
      const wanted = rule.words[k];
      // One or two blanks, then a word of the wanted length (checked before any copy is made).
      if (end === at || at - end > 2 || end < wanted.length || isWordCode(text.charCodeAt(end - wanted.length - 1))) {
        ok = false;
        break;
      }
      const start = end - wanted.length;
      if (text.slice(start, end).toLowerCase() !== wanted) ok = false;
      spans.unshift([start, end]);
      at = start;
    }
    if (!ok) continue;
    const written = spans.map(([s, e]) => text.slice(s, e));
    if (rule.kind === 'typo') {
      const [s, e] = spans[rule.wrong!];
      const wrong = text.slice(s, e);
      const right = wrong[0] === wrong[0].toUpperCase() ? rule.preferred.charAt(0).toUpperCase() + rule.preferred.slice(1) : rule.preferred;
      if (wrong === right) continue;
      issues.push({ word: { start: s, end: e, text: wrong, context: words.context(i) }, kind: 'typo', score: 0.9, replacement: right, suggestions: [right] });
      return true;
    }
    // A brand: one of the words must be capitalised (`after effects` in prose is English); a phrase in capitals
    // (`SAN ANTONIO`, `CLEVELAND CLINIC`) is a style, as a word in capitals is.
    if (!written.some((w) => wordCase(w) !== 'lower') || written.every((w) => wordCase(w) === 'upper')) continue;
    if (rule.joined) {
      // Written as two words: each capitalised (`Web Assembly`), never two lower-case words of a sentence.
      if (!written.every((w) => wordCase(w) === 'title' || wordCase(w) === 'upper')) continue;
      const [s] = spans[0];
      const e = spans[spans.length - 1][1];
      issues.push({ word: { start: s, end: e, text: text.slice(s, e), context: words.context(i) }, kind: 'casing', score: 1, replacement: rule.preferred });
      return true;
    }
    const preferredWords = rule.preferred.split(/ +/);
    const differing = written.map((w, k) => (w === preferredWords[k] ? -1 : k)).filter((k) => k >= 0);
    if (differing.length === 0) continue;
    const s = spans[differing[0]][0];
    const e = spans[differing[differing.length - 1]][1];
    const replacement = preferredWords.slice(differing[0], differing[differing.length - 1] + 1).join(' ');
    issues.push({ word: { start: s, end: e, text: text.slice(s, e), context: words.context(i) }, kind: 'casing', score: 1, replacement });
    return true;
  }
  return false;
}
