/**
 * The spelling pass the rules run: tokenizer words → `isKnown` → `classifyUnknown` (and `brandCasing`). Suggestions
 * are not computed here: a finding carries a thunk the rule calls when it builds `data.suggestions`.
 */
import type { Word, WordContext } from '../model/types';
import type { WordList } from '../model/wordList';
import type { SpellingEngine, WordLookUp } from './engine';

export interface SpellingIssue {
  word: Word;
  /** `typo`: a likely misspelling (rule `spelling`); `casing`: a brand in the wrong case (rule `spelling-casing`). */
  kind: 'typo' | 'casing';
  /** For typos, the typo-versus-name score; 1 for casing. */
  score: number;
  /** For casing, the right spelling; for a stray glyph, the word without it. */
  replacement?: string;
}

export interface SpellingCheckOptions {
  /** Report unknown words scored as names too (kind `typo`, score below 0.5): for a strict mode. Default false. */
  includeNames?: boolean;
  /** Words not to check at all, by their text. */
  skip?: (text: string) => boolean;
  /** Contexts whose words are checked for brand casing only (an unknown one is taken as a name). */
  casingOnly?: (context: WordContext) => boolean;
}

/** The issues of `words`, in their order. A word object is made only for a word with an issue. */
export function checkSpelling(engine: SpellingEngine, words: WordList, options: SpellingCheckOptions = {}): SpellingIssue[] {
  const issues: SpellingIssue[] = [];
  const { skip, casingOnly } = options;
  // Each distinct spelling is looked up once.
  const { ids, texts } = words.spellings();
  const lookUps: (WordLookUp | undefined)[] = new Array(texts.length);
  const skipped: (boolean | undefined)[] = skip ? new Array(texts.length) : [];
  /** Per spelling: the word without a glued glyph, null when there is none. */
  const glyphSplits: (string | null | undefined)[] = [];
  for (let i = 0; i < words.length; i++) {
    const id = ids[i];
    const text = texts[id];
    if (skip && (skipped[id] ??= skip(text))) continue;
    const { casing, known } = (lookUps[id] ??= engine.lookUp(text));
    if (casing !== undefined) {
      issues.push({ word: words.at(i)!, kind: 'casing', score: 1, replacement: casing });
      continue;
    }
    if (known) continue;
    const context = words.context(i);
    if (casingOnly?.(context)) continue;
    const verdict = engine.classifyUnknown(text, context);
    if (verdict.verdict === 'typo' || options.includeNames) {
      const replacement = (glyphSplits[id] ??= engine.splitGluedGlyph(text) ?? null) ?? undefined;
      issues.push({ word: words.at(i)!, kind: 'typo', score: verdict.score, replacement });
    }
  }
  return issues;
}
