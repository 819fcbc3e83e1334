/**
 * Other languages inside names and titles. A word of French, Spanish, German, Italian, Portuguese, Dutch, Romanian
 * or Latin (`Laboratoire`, `normale`, `Doctorat`) is no English typo where the words around it read as that
 * language: a run such as `Laboratoire Ondes et Lumière`, `Licence d'Économie`, `Universidad de los Andes`. Alone
 * in English prose the same word is checked as English (`Recommandation Platform` is `Recommendation`).
 *
 * The evidence is read from the words of the same line around the word (a few words each side, within a clause):
 * a function word of those languages that English does not use (`et`, `für`, `und`, `della`, `și`…), an elided
 * article (`d'`, `l'`, `dell'`), or another word of the foreign list that is no English word (`conseil` beside
 * `Doctorat`, `Université`). A place name with a macron nearby (`Festival of Coulour Wānaka`) is no such evidence.
 */
import type { SpellingEngine } from './engine';

/** Function words of the eight languages that are not English words (`de`, `la`, `van` are names' particles too). */
const FOREIGN_FUNCTION_WORDS = new Set([
  // French
  'de', 'du', 'des', 'la', 'le', 'les', 'et', 'aux', 'au', 'sur', 'pour', 'dans', 'à',
  // Spanish, Portuguese
  'del', 'los', 'las', 'el', 'y', 'da', 'do', 'dos', 'das', 'e', 'em', 'para', 'na', 'no', 'nos', 'nas',
  // Italian
  'di', 'della', 'dello', 'delle', 'dei', 'degli', 'alla', 'alle', 'il',
  // German
  'der', 'die', 'das', 'dem', 'den', 'und', 'für', 'fur', 'von', 'zur', 'zum', 'im', 'am',
  // Dutch
  'van', 'het', 'voor', 'en', 'te', 'op',
  // Romanian
  'și', 'şi', 'din', 'pentru', 'al', 'ale',
  // Māori and Polynesian place names use `te`; Latin mottos `et`, `cum`.
  'cum',
]);

/** Function words that are also English words: evidence only beside another sign of the language. */
const SHARED_WITH_ENGLISH = new Set(['die', 'am', 'en', 'no', 'a', 'e', 'il', 'al', 'do', 'on', 'in', 'te', 'la', 'le', 'de', 'el', 'na']);

/** How far (in characters) evidence is looked for on each side of the word, within its line. */
const REACH = 48;

/** Letters English words do not use: accented and other Latin letters (`è`, `ñ`, `ā`, `ț`), not curly quotes. */
export function hasForeignLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    // Latin-1 Supplement letters through Latin Extended-B, and Latin Extended Additional (`ạ`, `ế`).
    if ((code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff)) return true;
  }
  return false;
}

/**
 * Whether the words around `text[start, end)` (same line, same clause, up to {@link REACH} characters each side)
 * read as another language. The word itself counts when it carries an elided article (`d'Économie`).
 */
export function foreignEvidence(engine: SpellingEngine, text: string, start: number, end: number): boolean {
  const self = text.slice(start, end);
  if (/^(?:d|l|dell|dall|nell|sull|all|qu)['’]\p{L}/iu.test(self) && engine.isForeignWord(self)) return true;
  let from = start;
  while (from > 0 && start - from < REACH && !isClauseBreak(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < REACH && !isClauseBreak(text.charCodeAt(to))) to++;
  let shared = 0;
  let strong = false;
  // The window's words, scanned by hand (letters and marks, an inner apostrophe): no pattern per call.
  for (let at = from; at < to; ) {
    if (!isLetter(text.charCodeAt(at))) {
      at++;
      continue;
    }
    let stop = at;
    while (stop < to && (isLetter(text.charCodeAt(stop)) || ((text.charCodeAt(stop) === 0x27 || text.charCodeAt(stop) === 0x2019) && stop + 1 < to && isLetter(text.charCodeAt(stop + 1))))) stop++;
    const tokenStart = at;
    at = stop;
    if (tokenStart === start) continue;
    const token = text.slice(tokenStart, stop);
    const lower = token.toLowerCase();
    if (FOREIGN_FUNCTION_WORDS.has(lower)) {
      if (SHARED_WITH_ENGLISH.has(lower)) shared++;
      else strong = true;
    } else if (/^(?:d|l|dell|dall|nell|sull|all|qu)['’]\p{L}/iu.test(token)) strong = true;
    else if (token.length > 3 && engine.isForeignWord(token) && !engine.isEnglishWord(token)) strong = true;
    if (strong) return true;
  }
  // Two particles shared with English (`de la`, `van den`) make a name or a foreign phrase.
  return shared >= 2;
}

/** A letter or combining mark by code (ASCII letters at once; others through the Unicode classes). */
function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return /[\p{L}\p{M}]/u.test(String.fromCharCode(code));
}

/** Where a clause ends within a line: the line's end, a sentence stop, a bullet or a cell or field separator. */
function isClauseBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2e || code === 0x3b || code === 0x21 || code === 0x3f || code === 0x7c || code === 0x2022 || code === 0x28 || code === 0x29;
}
