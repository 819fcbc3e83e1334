/** The spelling engine, pure: see engine.ts. The tokenizer lives in ../model/words.ts. */
export {
  createSpellingEngine,
  casingKey,
  type SpellingDictionaryData,
  type SpellingDictionaryKind,
  type SpellingEngine,
  type SpellingEngineOptions,
  type UnknownWordVerdict,
} from './engine';
export { classifyScore, typoThreshold } from './classify';
export { applyCase, splitCamelCase, wordCase, type WordCase } from './casing';
export { checkSpelling, type SpellingIssue, type SpellingCheckOptions } from './check';
