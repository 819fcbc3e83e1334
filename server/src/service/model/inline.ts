import type { SkipRegion, TextSpan } from './types';

/** Which inline marks a line may hold, by the markup it is written in. */
export type InlineMarkup = 'markdown' | 'org' | 'rst' | 'plain';

/** An HTML attribute (CommonMark's raw HTML grammar). */
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\s]+|'[^']*'|"[^"]*"))?)`;

/** Inline regions every markup shares, after the code span (whose pattern differs: rST literals take two ticks). */
const SHARED = [
  '(?<latex>\\$[^$\\n]{1,80}?\\$|\\\\[a-zA-Z]+(?:\\{[^{}\\n]*\\})?|\\\\\\$)', // $\checkmark$, \textbf{x}, \$
  '(?<email>(?<![\\w.+-])[\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})',
  '(?<url>(?:https?://|ftp://|www\\.)[^\\s<>()\\[\\]"\'`]+|(?<![\\w@.-])(?:[a-z0-9-]{1,63}\\.)+(?:com|org|net|io|dev|me|edu|ai|co|app|info|page|site|xyz|tech)(?:/[^\\s<>()\\[\\]"\'`]*)?(?![\\w@]))',
];

const MARKDOWN_CODE = '(?<code>`+)[^`]*?\\k<code>';

/** Org-mode: =verbatim= and ~code~ (with Org's borders), link targets, export snippets, footnote references. */
const ORG = [
  "(?<orgcode>(?<=^|[\\s\\-({'\"])(?:=[^\\s=](?:[^=\\n]*?[^\\s=])?=|~[^\\s~](?:[^~\\n]*?[^\\s~])?~)(?=$|[\\s\\-.,;:!?')}\\[\"]))",
  '(?<orglink>\\[\\[[^\\]\\n]*\\](?:\\[|\\])|\\]\\])', // [[target][ … ]]: the target and the brackets
  '(?<orgsnippet>@@[\\w-]+:.*?@@)',
  '(?<orgfootnote>\\[fn:[^\\]\\n]*\\])',
];

/** reStructuredText: ``literals``, `text <url>`_ (the target), :roles:, footnote references. */
const RST = [
  '(?<code>``)[^`]+?``',
  '(?<rstlink>`[^`\\n]*?<[^>\\n]+>`__?)',
  '(?<rstrole>:[A-Za-z][\\w.+-]*:(?=`))',
  '(?<rstfootnote>\\[(?:#[\\w-]*|\\d+|\\*)\\]_)',
];

const PATTERNS: Record<InlineMarkup, RegExp> = {
  markdown: new RegExp([MARKDOWN_CODE, ...SHARED].join('|'), 'gu'),
  plain: new RegExp([MARKDOWN_CODE, ...SHARED].join('|'), 'gu'),
  org: new RegExp([...ORG, MARKDOWN_CODE, ...SHARED].join('|'), 'gu'),
  rst: new RegExp([...RST, ...SHARED].join('|'), 'gu'),
};

/**
 * What every pattern's match holds: a code tick, `$`, a backslash, `@`, the `:` of `https://` or `ftp://`, `www.`,
 * or a dot before a lower-case letter (a bare domain's TLD); in Org also `=`, `~`, `]`. Prose without one (most lines)
 * skips the big pattern.
 */
const MAY_BE_INLINE: Record<InlineMarkup, RegExp> = {
  markdown: /[`$\\@:]|www\.|\.[a-z]/,
  plain: /[`$\\@:]|www\.|\.[a-z]/,
  org: /[`$\\@:=~\]]|www\.|\.[a-z]/,
  rst: /[`$\\@:\]]|www\.|\.[a-z]/,
};

/**
 * Markup that may stand inside any line, read by a pattern of its own (after a cheap test for its first characters):
 * HTML comments, tags (their attributes with them) and entities, Liquid/Jinja/Hugo tags, Pandoc attributes, and a
 * profile written as its site and handle (`github/ada-example`: a link's label). It may overlap what the big pattern
 * found (a URL in a tag's attribute): skip regions may nest.
 */
const MARKUP_PARTS = [
    '(?<comment><!--.*?-->)',
    `(?<tag></?[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*\\s*/?>)`,
    '(?<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\\d{1,7}|#[xX][0-9a-fA-F]{1,6});)',
    '(?<template>\\{%.*?%\\}|\\{\\{.*?\\}\\}|\\{#.*?#\\})',
    '(?<attr>\\{(?:[.#][^{}\\n]*|-|[A-Za-z][\\w-]*=[^{}\\n]*)\\})',
    '(?<profile>(?<![\\w@./-])(?:github|gitlab|bitbucket|linkedin|twitter|medium|behance|dribbble|kaggle|orcid|scholar|researchgate|instagram|youtube)/[\\w.-]*\\w)',
];
/** Markdown links: what follows the text, `](url "title")` or `][label]`, is not prose (the text is). */
const LINK_TAIL = '(?<linktail>\\]\\((?:<[^<>\\n]*>|[^\\s()]*)(?:[ \\t]+(?:"[^"\\n]*"|\'[^\'\\n]*\'|\\([^()\\n]*\\)))?[ \\t]*\\)|\\]\\[[^\\]\\n]*\\])';
const MARKUP: Record<InlineMarkup, RegExp> = {
  markdown: new RegExp([LINK_TAIL, ...MARKUP_PARTS].join('|'), 'gi'),
  plain: new RegExp([LINK_TAIL, ...MARKUP_PARTS].join('|'), 'gi'),
  org: new RegExp(MARKUP_PARTS.join('|'), 'gi'),
  rst: new RegExp(MARKUP_PARTS.join('|'), 'gi'),
};
/**
 * The first characters of {@link MARKUP}'s matches: `<!`/`</`/`<a`, `&x`/`&#`, `{%`, `{{`, `{#`, `{.`, `{-`, `{a=`, a
 * slash after a letter, `](` or `][`.
 */
const MAY_BE_MARKUP = /<[!/A-Za-z]|&[#A-Za-z]|\{[%{#.-]|\{[A-Za-z][\w-]*=|[a-z]\/|\][([]/;

/** Trailing punctuation that ends a sentence rather than a URL. */
const URL_TRAILING = /[.,;:!?*_]+$/;

/** What {@link scanInline} gives for a line without inline regions (most lines): one list, frozen, for all. */
const NO_REGIONS: readonly SkipRegion[] = Object.freeze([]);

/** The kind of skip region each named group makes. */
const GROUP_KINDS: Record<string, SkipRegion['kind']> = {
  code: 'code-span',
  profile: 'url',
  orgcode: 'code-span',
  latex: 'latex',
  email: 'email',
  comment: 'comment',
  tag: 'html-tag',
  entity: 'html-tag',
  template: 'markup',
  attr: 'markup',
  linktail: 'markup',
  orglink: 'markup',
  orgsnippet: 'markup',
  orgfootnote: 'markup',
  rstrole: 'markup',
  rstfootnote: 'markup',
};

/** Inline regions that are not prose in text[start, end): one pass of the big pattern, one of {@link MARKUP}. */
export function scanInline(text: string, start: number, end: number, markup: InlineMarkup = 'markdown'): readonly SkipRegion[] {
  const slice = text.slice(start, end);
  const inline = MAY_BE_INLINE[markup].test(slice);
  const marks = MAY_BE_MARKUP.test(slice);
  if (!inline && !marks) return NO_REGIONS;
  const regions: SkipRegion[] = [];
  if (inline) scanWith(PATTERNS[markup], slice, start, regions);
  if (marks) scanWith(MARKUP[markup], slice, start, regions);
  return regions;
}

function scanWith(pattern: RegExp, slice: string, start: number, regions: SkipRegion[]): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(slice); match !== null; match = pattern.exec(slice)) {
    const groups = match.groups ?? {};
    let matched = match[0];
    let kind: SkipRegion['kind'] | undefined;
    for (const name in groups) {
      if (groups[name] !== undefined && name !== 'code') {
        kind = GROUP_KINDS[name];
        if (name === 'rstlink') {
          // `Rally <https://…>`_: the text is prose, the tick and the target are not.
          const target = matched.lastIndexOf('<');
          regions.push({ kind: 'markup', start: start + match.index, end: start + match.index + 1 });
          regions.push({ kind: 'url', start: start + match.index + target, end: start + match.index + matched.length });
          kind = undefined;
          matched = '';
        }
        break;
      }
    }
    if (groups.code !== undefined) kind = 'code-span';
    if (matched.length === 0) continue;
    if (kind === undefined) {
      kind = 'url';
      matched = matched.replace(URL_TRAILING, '');
    }
    if (matched.length === 0) continue;
    regions.push({ kind, start: start + match.index, end: start + match.index + matched.length });
  }
}

/** The target a link region should open. */
export function linkTarget(text: string, region: SkipRegion): string | undefined {
  const value = text.slice(region.start, region.end);
  if (region.kind === 'email') return `mailto:${value}`;
  if (region.kind !== 'url') return undefined;
  if (/^(?:https?|ftp):\/\//i.test(value)) return value;
  // `github/ada`: a label, not an address (no host) — nothing to open.
  if (!/^[^/]*\./.test(value)) return undefined;
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
