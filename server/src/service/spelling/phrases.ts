/**
 * Brands written as several words or with a case boundary inside (`Visual Studio Code`, `WebAssembly`) as phrases
 * the check pass looks for: `Web Assembly` and `visual studio Code` are the brand written otherwise. The phrases are
 * read from the brand-casing list (casing.txt). The build reads them once (scripts/build-dictionaries.mjs writes
 * phrases.txt with this module, so there is one reading), and the engine loads that file as it is: reading thousands
 * of casing lines with Unicode patterns cost a first check tens of milliseconds. An engine given no phrases.txt (tests,
 * a list built in memory) reads the casing lines itself, with the same function.
 */
import { splitCamelCase, wordCase } from './casing';

/** A brand as a phrase: its words in lower case, its preferred spelling, whether it is one word split at its case. */
export interface CasingPhrase {
  words: string[];
  preferred: string;
  /** One word with capitals inside (`WebAssembly`): its words are the two parts of that word. */
  joined: boolean;
}

/** The phrase a casing line's preferred spelling makes, if any: two to four words, or one word of two camel parts. */
export function casingPhraseOf(preferred: string): CasingPhrase | undefined {
  if (!/^[\p{L} ]+$/u.test(preferred)) return undefined;
  if (preferred.includes(' ')) {
    const words = preferred.split(/ +/).map((w) => w.toLowerCase());
    return words.length >= 2 && words.length <= 4 ? { words, preferred, joined: false } : undefined;
  }
  if (wordCase(preferred) !== 'mixed') return undefined;
  const parts = splitCamelCase(preferred);
  return parts.length === 2 && parts.every((part) => part.length >= 2) ? { words: parts.map((w) => w.toLowerCase()), preferred, joined: true } : undefined;
}

/** The phrases of a casing list (casing.txt: a line is the preferred spelling, then tab-separated others). */
export function phrasesOfCasingText(text: string): CasingPhrase[] {
  const phrases: CasingPhrase[] = [];
  for (const line of text.split('\n')) {
    const phrase = casingPhraseOf(line.replace(/\r$/, '').split('\t')[0]);
    if (phrase) phrases.push(phrase);
  }
  return phrases;
}

/** phrases.txt: a line a phrase — its preferred spelling, `1` when joined else `0`, its words — tab-separated. */
export function encodePhrases(phrases: readonly CasingPhrase[]): string {
  return phrases.map((p) => `${p.preferred}\t${p.joined ? 1 : 0}\t${p.words.join(' ')}\n`).join('');
}

/** The phrases of a phrases.txt (see {@link encodePhrases}). */
export function decodePhrases(text: string): CasingPhrase[] {
  const phrases: CasingPhrase[] = [];
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    const [preferred, joined, words] = line.split('\t');
    phrases.push({ words: words.split(' '), preferred, joined: joined === '1' });
  }
  return phrases;
}
