import type { SkipRegion, TextSpan } from './types';

/** Inline regions that are not prose: code spans, LaTeX, URLs, emails. One pass per line, in order. */
const INLINE_PATTERN = new RegExp(
  [
    '(?<code>`+)[^`]*?\\k<code>', // code span
    '(?<latex>\\$[^$\\n]{1,80}?\\$|\\\\[a-zA-Z]+(?:\\{[^{}\\n]*\\})?|\\\\\\$)', // $\checkmark$, \textbf{x}, \$
    '(?<email>(?<![\\w.+-])[\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})',
    '(?<url>(?:https?://|ftp://|www\\.)[^\\s<>()\\[\\]"\'`]+|(?<![\\w@.-])(?:[a-z0-9-]{1,63}\\.)+(?:com|org|net|io|dev|me|edu|ai|co|app|info|page|site|xyz|tech)(?:/[^\\s<>()\\[\\]"\'`]*)?(?![\\w@]))',
  ].join('|'),
  'gu',
);

/**
 * What every {@link INLINE_PATTERN} match holds: a code tick, `$`, a backslash, `@`, the `:` of `https://` or
 * `ftp://`, `www.`, or a dot before a lower-case letter (a bare domain's TLD). Prose without one (most lines) skips
 * the big pattern.
 */
const MAY_BE_INLINE = /[`$\\@:]|www\.|\.[a-z]/;

/** Trailing punctuation that ends a sentence rather than a URL. */
const URL_TRAILING = /[.,;:!?*_]+$/;

/** What {@link scanInline} gives for a line without inline regions (most lines): one list, frozen, for all. */
const NO_REGIONS: readonly SkipRegion[] = Object.freeze([]);

export function scanInline(text: string, start: number, end: number): readonly SkipRegion[] {
  const slice = text.slice(start, end);
  if (!MAY_BE_INLINE.test(slice)) return NO_REGIONS;
  const regions: SkipRegion[] = [];
  INLINE_PATTERN.lastIndex = 0;
  for (let match = INLINE_PATTERN.exec(slice); match !== null; match = INLINE_PATTERN.exec(slice)) {
    const groups = match.groups ?? {};
    let matched = match[0];
    let kind: SkipRegion['kind'];
    if (groups.code !== undefined) kind = 'code-span';
    else if (groups.latex !== undefined) kind = 'latex';
    else if (groups.email !== undefined) kind = 'email';
    else {
      kind = 'url';
      matched = matched.replace(URL_TRAILING, '');
    }
    if (matched.length === 0) continue;
    regions.push({ kind, start: start + match.index, end: start + match.index + matched.length });
  }
  return regions;
}

/** The target a link region should open. */
export function linkTarget(text: string, region: SkipRegion): string | undefined {
  const value = text.slice(region.start, region.end);
  if (region.kind === 'email') return `mailto:${value}`;
  if (region.kind !== 'url') return undefined;
  if (/^(?:https?|ftp):\/\//i.test(value)) return value;
  return `https://${value}`;
}

const PHONE_PATTERN = /(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?|\d{2,4}[\s.-])\d{2,4}[\s.-]?\d{2,5}(?![\w.%])/g;

/** Phone numbers in text[start, end): `+1 (555) 010-2030`, `555.010.2030`, `+44 20 7946 0958`. */
export function findPhones(text: string, start: number, end: number): TextSpan[] {
  const phones: TextSpan[] = [];
  const slice = text.slice(start, end);
  PHONE_PATTERN.lastIndex = 0;
  for (let match = PHONE_PATTERN.exec(slice); match !== null; match = PHONE_PATTERN.exec(slice)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    // A year range such as 2019-2021 is not a phone number.
    if (/^(19|20)\d\d\s*[-–]\s*(19|20)\d\d$/.test(match[0].trim())) continue;
    phones.push({ text: match[0], start: start + match.index, end: start + match.index + match[0].length });
  }
  return phones;
}
