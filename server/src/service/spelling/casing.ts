/**
 * Orders words as people read a word list: case-insensitively, then by code point for a stable tie-break. Not
 * `localeCompare`: that loads ICU's collator on its first call (≈ 10 ms of a cold start) and depends on the locale.
 */
export function compareWords(a: string, b: string): number {
  return compareCaseless(a, b, false);
}

/**
 * As {@link compareWords}, but a lower-case spelling first (`software` before `Software`), as a collator orders
 * them: the spelling engine's last tie-break between equally ranked suggestions.
 */
export function compareWordsLowerFirst(a: string, b: string): number {
  return compareCaseless(a, b, true);
}

function compareCaseless(a: string, b: string, lowerFirst: boolean): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  const byCode = a < b ? -1 : a > b ? 1 : 0;
  return lowerFirst ? -byCode : byCode;
}

/** How a word is capitalised. */
export type WordCase = 'lower' | 'title' | 'upper' | 'mixed' | 'none';

export function wordCase(word: string): WordCase {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  let index = 0;
  for (const ch of word) {
    const isUpper = ch !== ch.toLowerCase();
    const isLower = ch !== ch.toUpperCase();
    if (isUpper) {
      upper++;
      if (index === 0) firstUpper = true;
    } else if (isLower) lower++;
    index++;
  }
  if (upper === 0) return lower === 0 ? 'none' : 'lower';
  if (lower === 0) return upper > 1 || index === 1 ? 'upper' : 'title';
  if (upper === 1 && firstUpper) return 'title';
  return 'mixed';
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function uncapitalise(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}

/**
 * Writes a suggestion the way the misspelt word was written: `Softerware` → `Software`, `SYSTEN` → `SYSTEM`.
 * A suggestion with capitals of its own (a brand, a name) keeps them.
 */
export function applyCase(suggestion: string, like: string): string {
  const target = wordCase(like);
  const own = wordCase(suggestion);
  if (own === 'mixed' || own === 'upper') return target === 'upper' ? suggestion.toUpperCase() : suggestion;
  if (target === 'upper' && [...like].length > 1) return suggestion.toUpperCase();
  if (target === 'title' || target === 'upper' || (target === 'mixed' && like[0] !== like[0].toLowerCase())) {
    return capitalise(suggestion);
  }
  return suggestion;
}

/** Splits `camelCase`, `PascalCase` and `XMLHttpRequest` into their parts; one part when there is nothing to split. */
export function splitCamelCase(word: string): string[] {
  return word
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1\u0000$2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1\u0000$2')
    .split('\u0000')
    .filter((part) => part.length > 0);
}
