/**
 * The spelling pass the rules run: tokenizer words → `isKnown` → `classifyUnknown` (and `brandCasing`), read with
 * where each word stands: a run of words in another language (`Laboratoire Ondes et Matière`), a Latin binomial
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
  const issues: SpellingIssue[] = [];
  const { skip, casingOnly } = options;
  // Each distinct spelling is looked up once.
  const { ids, texts } = words.spellings();
  const lookUps: (WordLookUp | undefined)[] = new Array(texts.length);
  const skipped: (boolean | undefined)[] = skip ? new Array(texts.length) : [];
  /** Per spelling: the word without a glued glyph, null when there is none. */
  const glyphSplits: (string | null | undefined)[] = [];
  /** Per spelling: the phrases it may end (null: none). */
  const phraseRules: (readonly PhraseRule[] | null | undefined)[] = new Array(texts.length);
  /** Per spelling: the brand with inner capitals an English word may stand for (null: none). */
  const brands: (string | null | undefined)[] = new Array(texts.length);
  const joined = joinHyphenBreaks(engine, words, texts, ids);

  for (let i = 0; i < words.length; i++) {
    if (joined?.has(i)) continue;
    const id = ids[i];
    const word = texts[id];
    if (skip && (skipped[id] ??= skip(word))) continue;
    const rules = (phraseRules[id] ??= engine.phrasesEndingWith(word.toLowerCase()) ?? null);
    if (rules !== null && phraseIssue(words, i, rules, issues)) continue;
    if (word === 'i') {
      issues.push({ word: words.at(i)!, kind: 'casing', score: 1, replacement: 'I' });
      continue;
    }
    const { casing, known } = (lookUps[id] ??= engine.lookUp(word));
    if (casing !== undefined) {
      if (!casingIsProse(engine, words, i, word)) continue;
      issues.push({ word: words.at(i)!, kind: 'casing', score: 1, replacement: casing });
      continue;
    }
    const abbreviation = latinAbbreviation(words, i, word);
    if (abbreviation !== undefined) {
      issues.push(abbreviation);
      continue;
    }
    const shape = wordCase(word);
    if (known) {
      // An English word that is also a brand with inner capitals, in a list of tools: `Stata, SPSS, Latex`.
      if (shape !== 'lower' && inToolList(words.text, words.start(i), words.end(i))) {
        const brand = (brands[id] ??= engine.brandOf(word) ?? null);
        if (brand !== null) issues.push({ word: words.at(i)!, kind: 'casing', score: 1, replacement: brand });
      } else if (shape === 'lower' && isToolSlot(words.text, words.start(i))) {
        // An uncommon English word that is a brand, where a tool is named: `retouched in photoshop`, `ran it in docker`.
        const brand = word.length >= 5 && engine.frequencyTier(word) === 5 ? engine.brandFormOf(word) : undefined;
        if (brand !== undefined && !brand.includes('.')) issues.push({ word: words.at(i)!, kind: 'casing', score: 1, replacement: brand });
      }
      continue;
    }
    const context = words.context(i);
    if (casingOnly?.(context) && shape !== 'lower') continue;
    if (standsAsName(engine, words, i, word, shape)) continue;
    if (isLigatureDebris(engine, words.text, words.start(i), words.end(i), word)) continue;
    const compound = engine.compound(word);
    if (compound?.kind === 'glued') {
      issues.push({ word: words.at(i)!, kind: 'glued', score: 1, suggestions: compound.splits });
      continue;
    }
    const verdict = engine.classifyUnknown(word, context);
    const score = verdict.verdict === 'typo' ? verdict.score + positionEvidence(words, i, shape) : verdict.score;
    if (score >= typoThreshold || options.includeNames) {
      const replacement = (glyphSplits[id] ??= engine.splitGluedGlyph(word) ?? null) ?? undefined;
      issues.push({ word: wrongPart(engine, words.at(i)!), kind: 'typo', score: Math.max(0, Math.min(1, score)), replacement });
    }
  }
  if (words.acronyms.length > 0 && acronymIssues(engine, words, issues, skip) > 0) issues.sort((a, b) => a.word.start - b.word.start);
  return issues;
}

/**
 * Words in capitals the word list leaves out: a known misspelling of an acronym (`HIPPA` → `HIPAA`) and a brand
 * with inner capitals flattened to capitals in a list of tools (`Taught LATEX, Excel, R`). Returns how many.
 */
function acronymIssues(engine: SpellingEngine, words: WordList, issues: SpellingIssue[], skip: ((text: string) => boolean) | undefined): number {
  const text = words.text;
  const spans = words.acronyms;
  let added = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k];
    const end = spans[k + 1];
    const word = text.slice(start, end);
    if (skip?.(word)) continue;
    const index = words.firstAtOrAfter(end) - 1;
    const context: WordContext = index >= 0 ? words.context(index) : 'text';
    const meant = engine.confusableOf(word);
    if (meant !== undefined && meant !== word) {
      issues.push({ word: { start, end, text: word, context }, kind: 'typo', score: 0.9, replacement: meant, suggestions: [meant] });
      added++;
      continue;
    }
    if (!inToolList(text, start, end)) continue;
    const brand = engine.brandOf(word);
    if (brand !== undefined) {
      issues.push({ word: { start, end, text: word, context }, kind: 'casing', score: 1, replacement: brand });
      added++;
    }
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
  for (let p = 0; p < pairs.length; p += 2) {
    const first = pairs[p];
    const next = pairs[p + 1];
    if (joined.has(first) || joined.has(next)) continue;
    const a = texts[ids[first]];
    const b = texts[ids[next]];
    if (engine.isKnown(a + b) || engine.isKnown(`${a}-${b}`)) {
      joined.add(first);
      joined.add(next);
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

/** The raw token (letters, marks, apostrophes, a final dot) just before `offset` on its line, skipping blanks. */
function tokenBefore(text: string, offset: number): string {
  let end = offset;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x2a)) end--;
  let start = end;
  while (start > 0 && /[\p{L}\p{M}'’.]/u.test(text[start - 1])) start--;
  return text.slice(start, end);
}

/** The raw token just after `offset` on its line, skipping blanks and emphasis. */
function tokenAfter(text: string, offset: number): string {
  let start = offset;
  while (start < text.length && (text.charCodeAt(start) === 0x20 || text.charCodeAt(start) === 0x2a)) start++;
  let end = start;
  while (end < text.length && /[\p{L}\p{M}]/u.test(text[end])) end++;
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
  if (hasForeignLetters(word) && !engine.isEnglishWord(word.normalize('NFD').replace(/\p{M}+/gu, ''))) return true;
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
 * `Overhacked (nwHacks) | GitHub`), or an item of a list of names (`team, Servier.`, `IQ-TREE, MEGA X, Geneious`) is a proper noun rather
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
  const before = start >= 2 ? text.slice(start - 2, start) : '';
  const after = text.charCodeAt(end);
  const lastItem = /,\s+(?:and|or|&)\s+$/.test(text.slice(Math.max(0, start - 8), start));
  if (before !== ', ' && after !== 0x2c && !lastItem) return false;
  let commas = 0;
  for (let k = start - 1; k >= 0 && text.charCodeAt(k) !== 0x0a && commas < 2; k--) if (text.charCodeAt(k) === 0x2c) commas++;
  for (let k = end; k < text.length && text.charCodeAt(k) !== 0x0a && commas < 2; k++) if (text.charCodeAt(k) === 0x2c) commas++;
  return commas >= 2;
}

/** Whether the word at `start` follows `in`, `with`, `using` or `via`: where a tool is named. */
function isToolSlot(text: string, start: number): boolean {
  return /(?:^|\s)(?:in|with|using|via)\s$/i.test(text.slice(Math.max(0, start - 7), start));
}

/** Ligatures a PDF converter may drop (`O ce` for `Office`, `e ective` for `effective`). */
const LIGATURES = ['ffi', 'ffl', 'ff', 'fi', 'fl'];

/**
 * A piece of a word whose ligature the converter dropped, leaving a blank: the piece with the letters or piece
 * beside it and a ligature makes a known word (`O ce` → `Office`). Debris, not a typo.
 */
function isLigatureDebris(engine: SpellingEngine, text: string, start: number, end: number, word: string): boolean {
  if (text.charCodeAt(start - 1) === 0x20) {
    let from = start - 1;
    while (from > 0 && /\p{L}/u.test(text[from - 1])) from--;
    const before = text.slice(from, start - 1);
    if (before.length > 0 && before.length <= 4 && LIGATURES.some((ligature) => engine.isKnown(before + ligature + word))) return true;
  }
  if (end >= text.length || text.charCodeAt(end) === 0x20) {
    let to = end + 1;
    while (to < text.length && /\p{L}/u.test(text[to])) to++;
    const after = text.slice(end + 1, to);
    if (LIGATURES.some((ligature) => engine.isKnown(word + ligature + after))) return true;
  }
  return false;
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
      if (end === at || at - end > 2) {
        ok = false;
        break;
      }
      let start = end;
      while (start > 0 && /[\p{L}\p{M}]/u.test(text[start - 1])) start--;
      if (start === end || text.slice(start, end).toLowerCase() !== rule.words[k]) ok = false;
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
