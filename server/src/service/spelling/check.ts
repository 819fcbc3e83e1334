/**
 * The spelling pass the rules run: tokenizer words → `isKnown` → `classifyUnknown` (and `brandCasing`). Suggestions
 * are not computed here: a finding carries a thunk the rule calls when it builds `data.suggestions`.
 */
import type { Word } from '../model/types';
import type { SpellingEngine } from './engine';

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
  /** Words not to check at all. */
  skip?: (word: Word) => boolean;
  /** Words checked for brand casing only (an unknown one is taken as a name). */
  casingOnly?: (word: Word) => boolean;
}

/** The issues of `words`, in their order. */
export function checkSpelling(engine: SpellingEngine, words: readonly Word[], options: SpellingCheckOptions = {}): SpellingIssue[] {
  const issues: SpellingIssue[] = [];
  const { skip, casingOnly } = options;
  for (const word of words) {
    if (skip?.(word)) continue;
    const { casing, known } = engine.lookUp(word.text);
    if (casing !== undefined) {
      issues.push({ word, kind: 'casing', score: 1, replacement: casing });
      continue;
    }
    if (known || casingOnly?.(word)) continue;
    const verdict = engine.classifyUnknown(word.text, word.context);
    if (verdict.verdict === 'typo' || options.includeNames) {
      issues.push({ word, kind: 'typo', score: verdict.score, replacement: engine.splitGluedGlyph(word.text) });
    }
  }
  return issues;
}
