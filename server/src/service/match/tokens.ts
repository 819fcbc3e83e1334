/**
 * The matcher's tokens: words of a job description or a résumé with their offsets, their text as written and a
 * folded form that makes spellings of one term meet (case, light plural and verb forms, British and American
 * spellings). A hand scanner over one span of the text; no regular expression runs over the whole text.
 */

/** One token: `text.slice(start, end)` is `raw`. */
export interface Token {
  start: number;
  end: number;
  /** As written (a typographic apostrophe made straight). */
  raw: string;
  /** Lower case. */
  lower: string;
  /** Lower case with light word forms folded ({@link foldWord}): what loose spellings compare. */
  norm: string;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** Whether the character at `code` is a letter, digit or mark (ASCII answered without a pattern). */
export function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (code === 0x2019) return false;
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

function isSpaceOrStart(code: number): boolean {
  return code !== code /* NaN: start */ || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x28 /* ( */ || code === 0xa0;
}

/**
 * The tokens of `text[start, end)`: words (letters and digits joined by inner `.` or apostrophes, `C++`, `C#`,
 * `.NET`), and `/` and `&` as tokens of their own (`A/B`, `P&L`, `HTML/CSS`); hyphens and other punctuation
 * separate words (`month-end` is `month end`). Offsets are indices into `text`.
 */
export function tokenize(text: string, start = 0, end = text.length, into: Token[] = []): Token[] {
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === 0x2f /* / */ || code === 0x26 /* & */) {
      const raw = code === 0x26 ? '&' : '/';
      into.push({ start: i, end: i + 1, raw, lower: raw, norm: code === 0x26 ? 'and' : '/' });
      i++;
      continue;
    }
    const dotStart = code === 0x2e && i + 1 < end && isWordChar(text.charCodeAt(i + 1)) && isSpaceOrStart(i > start ? text.charCodeAt(i - 1) : NaN);
    if (!isWordChar(code) && !dotStart) {
      i++;
      continue;
    }
    const from = i;
    i++;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (isWordChar(c)) {
        i++;
        continue;
      }
      // Inner dots and apostrophes join letters (`Node.js`, `B.Sc`, `bachelor's`).
      if ((c === 0x2e || c === 0x27 || c === 0x2019) && i + 1 < end && isWordChar(text.charCodeAt(i + 1))) {
        i += 2;
        continue;
      }
      break;
    }
    // `C++`, `C#`, `Security+`: trailing pluses or a sharp not followed by a word character.
    if (i < end && text.charCodeAt(i) === 0x2b) {
      let j = i;
      while (j < end && j - i < 2 && text.charCodeAt(j) === 0x2b) j++;
      if (j >= end || !isWordChar(text.charCodeAt(j))) i = j;
    } else if (i < end && text.charCodeAt(i) === 0x23 && (i + 1 >= end || !isWordChar(text.charCodeAt(i + 1)))) {
      i++;
    }
    let raw = text.slice(from, i);
    if (raw.includes('\u2019')) raw = raw.replace(/\u2019/g, "'");
    const lower = raw.toLowerCase();
    into.push({ start: from, end: i, raw, lower, norm: foldWord(lower) });
  }
  return into;
}

/** British spellings written the American way (prefixes of lower-case words). */
const SPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ['paed', 'ped'],
  ['anaes', 'anes'],
  ['haem', 'hem'],
  ['gynae', 'gyne'],
  ['oesoph', 'esoph'],
  ['centre', 'center'],
  ['programme', 'program'],
  ['licence', 'license'],
  ['practise', 'practice'],
  ['defence', 'defense'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['analys', 'analyz'],
];

const folded = new Map<string, string>();

/**
 * A lower-case word with its light forms folded, the same way on both sides of a match: British `-ise`, `-isation`,
 * `-our` and a few stems written the American way; plurals (`-s`, `-es`, `-ies`), `-ing` and `-ed` dropped; a final
 * `e` and a final double consonant dropped. `testing`, `tests`, `tested` → `test`; `planning`, `plans` → `plan`;
 * `modelling`, `modeling`, `models` → `model`; `organised`, `organize` → `organiz`. Words shorter than four letters,
 * and words with digits or symbols, are left as they are (`go`, `aws`, `ga4`, `c++`).
 */
export function foldWord(lower: string): string {
  if (lower.length < 4) return lower;
  const known = folded.get(lower);
  if (known !== undefined) return known;
  let word = lower;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c < 0x61 || c > 0x7a) {
      folded.set(lower, word);
      return word;
    }
  }
  for (const [from, to] of SPELLINGS) {
    if (word.length < from.length) continue;
    const at = word.indexOf(from);
    if (at >= 0) word = word.slice(0, at) + to + word.slice(at + from.length);
  }
  // -isation, -ise, -ised, -ising, -ises → -iz… (not -wise, -rise, -cise, -vise and expertise, advertise:
  // likewise, enterprise, exercise, supervise).
  const ise = word.includes('is') ? /^(.{3,}?)is(ation|ations|e|ed|es|ing)$/.exec(word) : null;
  if (ise && (ise[2].startsWith('ation') || !/(?:w|r|c|v|expert|advert)$/.test(ise[1]))) word = `${ise[1]}iz${ise[2]}`;
  if (word.length >= 6 && word.endsWith('our')) word = `${word.slice(0, -3)}or`;
  else if (word.length >= 7 && word.endsWith('ours')) word = `${word.slice(0, -4)}ors`;
  // Plurals.
  if (word.endsWith('s')) {
    if (word.length >= 5 && word.endsWith('ies')) word = `${word.slice(0, -3)}y`;
    else if (word.length >= 5 && /(?:ss|x|ch|sh|z)es$/.test(word)) word = word.slice(0, -2);
    else if (!/(?:ss|us|is|ys)$/.test(word)) word = word.slice(0, -1);
  }
  // Verb forms.
  if (word.length >= 6 && word.endsWith('ing') && /[aeiouy]/.test(word.slice(0, -3))) word = word.slice(0, -3);
  else if (word.length >= 5 && word.endsWith('ed') && !word.endsWith('eed') && /[aeiouy]/.test(word.slice(0, -2))) word = word.slice(0, -2);
  if (word.length >= 5 && word.endsWith('e')) word = word.slice(0, -1);
  // A final double consonant (`plann`, `modell`, `bill`) once: `plan`, `model`, `bil` on both sides.
  const n = word.length;
  if (n >= 4 && word[n - 1] === word[n - 2] && !'aeiouys'.includes(word[n - 1])) word = word.slice(0, -1);
  folded.set(lower, word);
  return word;
}
