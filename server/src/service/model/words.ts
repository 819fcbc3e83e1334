import type { Word, WordContext } from './types';

// Placeholder tokenizer: letters with inner apostrophes, dots and hyphens. The spelling work replaces it.
const WORD = /[\p{L}][\p{L}\p{M}'’.-]*[\p{L}\p{M}]|[\p{L}]/gu;

export function tokenizeWords(text: string, start: number, end: number, context: WordContext): Word[] {
  const words: Word[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let match = WORD.exec(slice); match !== null; match = WORD.exec(slice)) {
    words.push({ text: match[0], start: start + match.index, end: start + match.index + match[0].length, context });
  }
  return words;
}
