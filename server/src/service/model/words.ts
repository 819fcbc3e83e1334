import type { WordContext } from './types';
import { contextCode, WordList } from './wordList';

/**
 * The words of one line segment `text[start, end)`, with absolute offsets, for the spelling checker.
 *
 * Skipped: URLs and domains, emails, handles (`@x`), LaTeX commands and escapes (`$\checkmark$`, `\$`), code spans,
 * HTML tags, Markdown link targets (`[text](url)` keeps `text`), identifiers (`snake_case`, `a.b()`), anything with a
 * digit (`300K`, `99.95%`, `1.2ms`, `2x`, `95th`, `v1.2.3`, `x86`, `C++14`, phone numbers), ALL-CAPS acronyms up to
 * five letters (`DPDK`, `PCAOB`, `QPS`; longer capitals are checked, as in `WORK EXPERIENCE`) and single letters
 * (but a lower-case pronoun `i`, which the spelling pass writes `I`).
 *
 * Kept whole, since that is how dictionaries know them: hyphenated compounds (`Urbana-Champaign`), dotted names
 * (`Node.js`), `C++`/`C#`, possessives and contractions (`user's`), accented words (`résumé`), and camelCase
 * (`DevTools`; the engine splits it only when the whole is not a known brand). Markdown markers (`**`, `_`, `~~`)
 * are not part of words.
 *
 * The words are appended to `words` (a new list over `text` when not given), which is returned.
 */
export function tokenizeWords(text: string, start: number, end: number, context: WordContext, words: WordList = new WordList(text)): WordList {
  // Scanned in place (no copy of the segment, no string per word): `end` bounds every look-ahead, as the segment's
  // end bounded WORD's.
  const skip = skipRanges(text, start, end);
  const code = contextCode(context);
  let skipIndex = 0;
  for (let at = start; at < end; ) {
    let from = tokenStart(text, at, end);
    if (from < 0) break;
    at = tokenEnd(text, from, end);
    // Skip ranges are sorted; advance past those that end before this token.
    while (skipIndex < skip.length && skip[skipIndex][1] <= from) skipIndex++;
    if (skipIndex < skip.length && skip[skipIndex][0] < at) continue;
    // A trailing apostrophe is a closing quote or a plural possessive (`users'`): not part of the word.
    // Leading apostrophes are opening quotes.
    let last = at;
    while (last > from && isApostrophe(text.charCodeAt(last - 1))) last--;
    if (last === from) continue;
    while (isApostrophe(text.charCodeAt(from))) from++;
    if (!isCheckable(text, from, last, last < end ? text.charCodeAt(last) : -1) && !isPronounI(text, from, last, start, end)) {
      if (isAsciiAcronym(text, from, last)) words.addAcronym(from, last);
      continue;
    }
    words.pushCoded(from, last, code);
  }
  return words;
}

/**
 * A lower-case `i` standing as the pronoun (`then i led the team`): a word of its own between blanks, with a word
 * after it. Not an enumeration (`(i)`, `i.`, `i)`) or a letter in a formula. The spelling pass writes it `I`.
 */
function isPronounI(text: string, from: number, to: number, start: number, end: number): boolean {
  if (to - from !== 1 || text.charCodeAt(from) !== 0x69) return false;
  if (from > start && text.charCodeAt(from - 1) !== 0x20) return false;
  if (to + 1 >= end || text.charCodeAt(to) !== 0x20) return false;
  const next = text.charCodeAt(to + 1);
  return (next >= 0x61 && next <= 0x7a) || (next >= 0x41 && next <= 0x5a);
}

/** Two to five ASCII capitals (`QPS`, `LATEX`): an acronym the list leaves out. */
function isAsciiAcronym(text: string, from: number, to: number): boolean {
  if (to - from < 2 || to - from > 5) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x41 || code > 0x5a) return false;
  }
  return true;
}

/** `\s` of a JavaScript pattern, by code. */
export function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** `'` or `’`. */
function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/**
 * A word, as the pattern {@link WORD} describes it: letters (with marks), joined by inner apostrophes, hyphens or
 * dots followed by a letter, with an optional `++` or `#` (`C++`, `C#`). Digits are matched too so that a token
 * with a digit can be dropped whole. The tokenizer scans for it by hand ({@link tokenStart}, {@link tokenEnd}: same matches, no match
 * objects: a 10,000-line document has 70,000 words); the pattern stays as its specification, and a test holds the
 * two to the same answers.
 */
export const WORD = /['’]?[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*(?:\+\+|#(?![\p{L}\p{N}]))?['’]?/gu;

/** Classes of characters for the scanner: 0 other, 1 a letter or digit (`\p{L}`, `\p{N}`), 2 a mark (`\p{M}`). */
const OTHER = 0;
const LETTER = 1;
const MARK = 2;
/** Classes of the Basic Multilingual Plane, filled in as characters are met (255: not yet known). */
const bmpClass = new Uint8Array(0x10000).fill(255);
for (let c = 0; c < 0x80; c++) bmpClass[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? LETTER : OTHER;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK_CHARACTER = /^\p{M}$/u;

function classOf(code: number): number {
  if (code < 0x10000) {
    let known = bmpClass[code];
    if (known === 255) {
      const ch = String.fromCharCode(code);
      known = LETTER_OR_DIGIT.test(ch) ? LETTER : MARK_CHARACTER.test(ch) ? MARK : OTHER;
      bmpClass[code] = known;
    }
    return known;
  }
  const ch = String.fromCodePoint(code);
  return LETTER_OR_DIGIT.test(ch) ? LETTER : MARK_CHARACTER.test(ch) ? MARK : OTHER;
}

/**
 * The class of the character at `i` (< `limit`) and its length in UTF-16 units (2 for an astral one), as
 * class * 4 + length. A pair cut by `limit` is a lone surrogate, as it would be at the end of a slice.
 */
function charAt(text: string, i: number, limit: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return bmpClass[unit] * 4 + 1;
  if (unit < 0xd800 || unit > 0xdbff || i + 1 >= limit) return classOf(unit) * 4 + 1;
  const code = text.codePointAt(i)!;
  return code > 0xffff ? classOf(code) * 4 + 2 : classOf(unit) * 4 + 1;
}

/** Past `[\p{L}\p{M}\p{N}]*` from `i`, up to `limit`. */
function skipLettersAndMarks(text: string, i: number, limit: number): number {
  while (i < limit) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      if (bmpClass[unit] !== LETTER) break;
      i++;
      continue;
    }
    const c = charAt(text, i, limit);
    if (c >> 2 === OTHER) break;
    i += c & 3;
  }
  return i;
}

/** Whether the character at `i` is a letter or a digit (`\p{L}`, `\p{N}`; an astral one is read whole). */
export function isLetterOrDigit(text: string, i: number, limit = text.length): boolean {
  return i < limit && charAt(text, i, limit) >> 2 === LETTER;
}

/**
 * Where the first match of {@link WORD} in `text.slice(0, limit)` at or after `from` starts; −1 when there is none.
 */
export function tokenStart(text: string, from: number, limit = text.length): number {
  let i = from;
  while (i < limit) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (bmpClass[code] === LETTER) break;
      if (code === 0x27 && isLetterOrDigit(text, i + 1, limit)) break;
      i++;
      continue;
    }
    if (code === 0x2019 && isLetterOrDigit(text, i + 1, limit)) break;
    const c = charAt(text, i, limit);
    if (c >> 2 === LETTER) break;
    i += c & 3;
  }
  return i < limit ? i : -1;
}

/** Where the match of {@link WORD} that starts at `start` (as {@link tokenStart} found it) ends, within `limit`. */
export function tokenEnd(text: string, start: number, limit = text.length): number {
  let i = start;
  if (isApostrophe(text.charCodeAt(i))) i++;
  i = skipLettersAndMarks(text, i + (charAt(text, i, limit) & 3), limit);
  while (i < limit) {
    const code = text.charCodeAt(i);
    if (!((isApostrophe(code) || code === 0x2e || code === 0x2d) && isLetterOrDigit(text, i + 1, limit))) break;
    i = skipLettersAndMarks(text, i + 1 + (charAt(text, i + 1, limit) & 3), limit);
  }
  if (i + 1 < limit && text.charCodeAt(i) === 0x2b && text.charCodeAt(i + 1) === 0x2b) i += 2;
  else if (i < limit && text.charCodeAt(i) === 0x23 && !isLetterOrDigit(text, i + 1, limit)) i++;
  if (i < limit && isApostrophe(text.charCodeAt(i))) i++;
  return i;
}

/**
 * What every {@link SKIP} match holds: a code tick, a bracket, a dollar, a backslash, `@`, `:`, `/`, `_`, a dot
 * before a letter (`example.com`, `a.b()`), `www.`, or a call on a member that starts with a digit (`a.1()`). A dot
 * before a digit (`$1.2M`, `3.5%`) is not enough: figures are common in bullets and are never skipped for it.
 * Prose without any of these (most of a résumé) skips the big pattern; a property test holds this to SKIP.
 */
export const MAY_SKIP = /[`\]<$\\@:/_]|\.[^\s\d]|www\.|\.\d[\w$.]*\(/;

const NO_RANGES: ReadonlyArray<readonly [number, number]> = [];

/**
 * Whether `text[start, end)` holds a match of {@link MAY_SKIP}, read in place (no copy of the segment, no pattern
 * call: this runs for every piece of every line). A property test holds the two to the same answers.
 */
export function maySkip(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    switch (code) {
      case 0x60: // `
      case 0x5d: // ]
      case 0x3c: // <
      case 0x24: // $
      case 0x5c: // backslash
      case 0x40: // @
      case 0x3a: // :
      case 0x2f: // /
      case 0x5f: // _
        return true;
      case 0x2e: {
        // `.` before anything but a blank or a digit; `www.`; `.1x(`.
        if (i + 1 < end) {
          const next = text.charCodeAt(i + 1);
          if (!isSpace(next) && !(next >= 0x30 && next <= 0x39)) return true;
          if (next >= 0x30 && next <= 0x39) {
            let j = i + 2;
            while (j < end && isWordOrDollarOrDot(text.charCodeAt(j))) j++;
            if (j < end && text.charCodeAt(j) === 0x28) return true;
          }
        }
        if (i - 3 >= start && text.charCodeAt(i - 1) === 0x77 && text.charCodeAt(i - 2) === 0x77 && text.charCodeAt(i - 3) === 0x77) return true;
        break;
      }
      default:
        break;
    }
  }
  return false;
}

/** `[\w$.]` */
function isWordOrDollarOrDot(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x24 || code === 0x2e;
}

/** Regions of `text[start, end)` that are not prose: offsets in `text`, sorted, possibly overlapping. */
function skipRanges(text: string, start: number, end: number): ReadonlyArray<readonly [number, number]> {
  if (!maySkip(text, start, end)) return NO_RANGES;
  const segment = text.slice(start, end);
  const ranges: Array<[number, number]> = [];
  SKIP.lastIndex = 0;
  for (let match = SKIP.exec(segment); match !== null; match = SKIP.exec(segment)) {
    const groups = match.groups ?? {};
    if (groups.linkTarget !== undefined) {
      // `[text](url)`: only the `(url)` part is skipped.
      const targetStart = match.index + match[0].length - groups.linkTarget.length;
      ranges.push([start + targetStart, start + match.index + match[0].length]);
      continue;
    }
    ranges.push([start + match.index, start + match.index + match[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges;
}

export const SKIP = new RegExp(
  [
    '(?<code>`+)[^`]*?\\k<code>', // code span
    '\\]\\((?<linkTarget>[^()\\s]*(?:\\s+"[^"]*")?\\))', // [text](url "title")
    '<[^<>\\s]+(?:\\s[^<>]*)?>', // <https://…>, <br/>, <span class=…>
    '\\$[^$\\n]{1,80}?\\$', // $\checkmark$, $x^2$
    '\\\\[a-zA-Z]+(?:\\{[^{}\\n]*\\})?', // \textbf{…}, \checkmark
    '\\\\.', // \$ \_ \*
    '(?<![\\w.+-])[\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+', // email
    '(?<![\\w@])@[\\w.-]+', // @handle
    '(?:https?://|ftp://|mailto:|www\\.)[^\\s<>()\\[\\]"\'`]+', // URL
    // bare domain or path: github.com/x, linkedin.com/in/x, example.co.uk
    '(?<![\\w@.-])(?:[A-Za-z0-9-]{1,63}\\.)+(?:com|org|net|io|dev|me|edu|gov|ai|co|app|info|page|site|xyz|tech|ly|gg|so|sh|cn|uk|de|fr|nl|in|jp|kr|ca|au|us|eu|ch|se|no|fi|dk|es|it|pl|br|mx|sg|hk|tw|ru)\\b(?:/[^\\s<>()\\[\\]"\'`]*)?',
    '(?<![\\w-])[\\w-]+(?:/[\\w.-]+){2,}', // paths: src/service/model
    '\\b\\w+_\\w+\\b', // snake_case identifiers
    '(?<![\\w$.])[\\w$]+(?:\\.[\\w$]+)+\\(\\)', // calls: foo.bar()
  ].join('|'),
  'gu',
);

/** Whether `text[from, to)` is a word to check; `after`: the code of the character after it in its segment, −1 at the segment's end. */
function isCheckable(text: string, from: number, to: number, after: number): boolean {
  // ASCII tokens (nearly all) in one pass over their characters; others through the Unicode patterns below.
  const length = to - from;
  let letters = 0;
  let capitals = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return isCheckableUnicode(text.slice(from, to), after);
    if (code >= 0x30 && code <= 0x39) return false;
    if (code >= 0x41 && code <= 0x5a) {
      letters++;
      capitals++;
    } else if (code >= 0x61 && code <= 0x7a) letters++;
    else if (code === 0x2e) dots++;
  }
  if (letters < 2) return false;
  // ALL CAPS acronyms, with a plural `s` too (see isCheckableUnicode).
  if (capitals === length && length <= 5) return false;
  if (capitals === length - 1 && length >= 3 && length <= 6 && text.charCodeAt(to - 1) === 0x73) return false;
  if (dots === 0) return true;
  // Letters with dots: `M.S.`, `e.g.`, `a.m.` (letter, dot, letter, dot…).
  if (isLetterDotLetter(text, from, to)) return false;
  if (after === 0x28) return false;
  return true;
}

/** An ASCII token of the form `a.b` or `a.b.c`: letters at even positions, dots at odd ones. */
function isLetterDotLetter(text: string, from: number, to: number): boolean {
  if (to - from < 2) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if ((i - from) % 2 === 1 ? code !== 0x2e : !((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))) return false;
  }
  return true;
}

function isCheckableUnicode(token: string, after: number): boolean {
  if (/\p{N}/u.test(token)) return false;
  const letters = token.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  // ALL CAPS acronyms (`DPDK`, `PCAOB`, `QPS`, `R&D`'s parts); also with a plural `s` (`APIs`, `SLOs`).
  if (/^\p{Lu}{2,5}s?$/u.test(token)) return false;
  // Letters with dots: `M.S.`, `e.g.`, `a.m.`.
  if (/^(?:\p{L}\.)+\p{L}?$/u.test(token)) return false;
  // Part of a file name or a dotted identifier we did not catch: `README.md`.
  if (after === 0x28 && token.includes('.')) return false;
  return true;
}
