/**
 * Edit costs for spelling suggestions, in cspell's units (100 = one plain edit). Cheaper edits are the ones people
 * make when typing: a neighbouring key, a swapped pair, a doubled or missed double letter, a vowel for a vowel.
 */

/** QWERTY rows; two letters are neighbours when they touch on the keyboard. */
const rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

const neighbours = new Map<string, Set<string>>();
for (let r = 0; r < rows.length; r++) {
  for (let c = 0; c < rows[r].length; c++) {
    const ch = rows[r][c];
    const set = new Set<string>();
    for (const [dr, dc] of [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, -1], [1, 0]] as const) {
      const row = rows[r + dr];
      const other = row?.[c + dc];
      if (other) set.add(other);
    }
    neighbours.set(ch, set);
  }
}

const vowels = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Letters confused by sound rather than by finger. */
const soundAlike = new Set(['c:k', 'k:c', 'c:s', 's:c', 's:z', 'z:s', 'i:y', 'y:i', 'm:n', 'n:m', 'f:v', 'v:f', 'g:j', 'j:g']);

export function areKeyboardNeighbours(a: string, b: string): boolean {
  return neighbours.get(a)?.has(b) ?? false;
}

export const costs = {
  plain: 100,
  /** Swapping two neighbouring letters: `teh`. */
  transposition: 70,
  /** Typing a letter twice or missing a double letter: `occured`, `committment`. */
  doubled: 50,
  /** Any edit touching the first letter costs this much more: people rarely get the first letter wrong. */
  firstLetter: 40,
  /** Same letter without its accent: `resume` for `résumé`. */
  accent: 10,
} as const;

/** Strips accents from one lower-case letter. */
export function baseLetter(ch: string): string {
  // Asked for the same few letters many times (the walk's tables, the ASCII table below): normalising is costly
  // on a cold start (ICU), so each letter's answer is kept.
  let base = baseLetters.get(ch);
  if (base === undefined) {
    base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
    if (baseLetters.size < 4096) baseLetters.set(ch, base);
  }
  return base;
}

const baseLetters = new Map<string, string>();

/** Substitution costs between the 26 ASCII lower-case letters, precomputed: the walk asks millions of times. */
const asciiTable = new Uint8Array(26 * 26);
for (let a = 0; a < 26; a++) {
  for (let b = 0; b < 26; b++) {
    asciiTable[a * 26 + b] = slowSubstitutionCost(String.fromCharCode(97 + a), String.fromCharCode(97 + b));
  }
}

/** Cost of typing `typed` where `meant` belongs (both lower case). */
export function substitutionCost(typed: string, meant: string): number {
  if (typed === meant) return 0;
  const a = typed.charCodeAt(0) - 97;
  const b = meant.charCodeAt(0) - 97;
  if (a >= 0 && a < 26 && b >= 0 && b < 26 && typed.length === 1 && meant.length === 1) return asciiTable[a * 26 + b];
  if (typed.charCodeAt(0) < 128 && meant.charCodeAt(0) < 128) return costs.plain;
  return slowSubstitutionCost(typed, meant);
}

function slowSubstitutionCost(typed: string, meant: string): number {
  if (typed === meant) return 0;
  if (baseLetter(typed) === baseLetter(meant)) return costs.accent;
  if (vowels.has(typed) && vowels.has(meant)) return 75;
  if (areKeyboardNeighbours(typed, meant)) return 75;
  if (soundAlike.has(`${typed}:${meant}`)) return 80;
  return costs.plain;
}

/** Cost of an extra letter `typed` that was typed after `before` and before `after` (lower case, '' at edges). */
export function insertionCost(typed: string, before: string, after: string): number {
  if (typed === before || typed === after) return costs.doubled;
  // An extra vowel in a vowel cluster is spelling by ear: `amoung`, `maintainence`.
  if (vowels.has(typed) && (vowels.has(before) || vowels.has(after))) return 70;
  if (areKeyboardNeighbours(typed, before) || areKeyboardNeighbours(typed, after)) return 80;
  if (typed === "'" || typed === '-') return 60;
  return costs.plain;
}

/** Cost of leaving out the letter `meant` that follows `before` in the intended word. */
export function deletionCost(meant: string, before: string): number {
  if (meant === before) return costs.doubled;
  if (meant === "'" || meant === '-' || meant === ' ') return 60;
  if (vowels.has(meant)) return 80;
  // A missing letter is a more common slip than an extra one.
  return 95;
}
