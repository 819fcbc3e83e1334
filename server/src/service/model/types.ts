/**
 * The résumé document model. Pure data: every node carries offsets into `ResumeDocument.text`
 * (UTF-16 code units, as JavaScript strings are). Nothing here knows about LSP.
 */

import type { WordList } from './wordList';

// Words are defined with their list (wordList.ts imports nothing from here).
export type { Word, WordContext } from './wordList';

/** A half-open range of offsets `[start, end)` into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** A piece of the text with where it stands. */
export interface TextSpan extends Span {
  text: string;
}

/** One text edit, in document offsets: what fixes, Fix All and Format Document produce. */
export interface OffsetEdit extends Span {
  newText: string;
}

/** A calendar date without time zone: what "today" is for date rules and durations. */
export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** How month names are written: `Aug`, `Aug.`, `August`. */
export type MonthStyle = 'short' | 'short-period' | 'long';

/**
 * `vita.dates.style`: the style date-style asks for, its fixes write and Format Document writes. A missing key
 * follows the document's dominant style.
 */
export interface DateStyleOptions {
  month?: MonthStyle;
  /** `–`, `-`, `—` or `to`. */
  separator?: string;
  /** The word for an open end: `Present`, `Current`, `Now`, `Ongoing`, `To date` (as written). */
  present?: string;
}

export interface Line {
  /** 0-based line number. */
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character, before the line break. */
  end: number;
  /** Offset just past the line break (== end on the last line). */
  next: number;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Dates

/** How a date was written; `date-format` compares families, `date-style` compares styles within one. */
export type DateFamily = 'month-name' | 'numeric' | 'iso' | 'year-only' | 'season' | 'open';

export type DatePrecision = 'day' | 'month' | 'season' | 'quarter' | 'year';

/** One side of a range: `Sep 2021`, `2019/12`, `Present`, `Summer 2020`. */
export interface DatePoint extends TextSpan {
  family: DateFamily;
  /** Present / Current / Now / Today / Ongoing / To date. */
  open: boolean;
  year?: number;
  /** 1–12 */
  month?: number;
  day?: number;
  precision?: DatePrecision;
  /**
   * First and last month covered, as absolute month numbers (year * 12 + month - 1), so that
   * `2019 – 2019` spans Jan–Dec 2019. Undefined for open points and invalid ones.
   */
  firstMonth?: number;
  lastMonth?: number;
  /** Approximate: a season, quarter, or Early/Mid/Late. */
  approximate?: boolean;
  /** The month token as written (`Aug`, `August`, `Aug.`, `08`), with its span, for style rules and fixes. */
  monthToken?: TextSpan;
  /** Set when the point does not make a valid date: a message for `date-invalid`. */
  invalid?: string;
  /** For a misspelled month name: the month it most likely means (1–12). */
  suggestedMonth?: number;
  /** `03/04/2020`: both readings are possible. */
  ambiguous?: boolean;
}

/** A date range (or a single date standing for one) found in the text. */
export interface DateRange {
  /**
   * Offsets from the start point to the end point, a qualifier next to them included (for a split range, only
   * what stands on the start point's line). Not `extends Span`: `start`/`end` name the points.
   */
  span: Span;
  /** The text of `span` (for a split range, the start point's text only). */
  text: string;
  start: DatePoint;
  /** Missing for a single date (`2019`, `May 2023`). */
  end?: DatePoint;
  /**
   * The separator as written (`–`, `-`, `to`, `,` before an open word), when there is one. None for `2019/20` (one
   * season of two years) and for two dates side by side (`OCTOBER 6, 2008 December 9, 2013`).
   */
  separator?: TextSpan;
  /** The end sits on another line (PDF layout: `#### 2025/09 Platform` … `- now Designed`). */
  split: boolean;
  /** Ends in Present / Current / …, in a separator with nothing after, or opens with `Since` (`Since March 2022`). */
  open: boolean;
  /** Carries `Expected`, `Anticipated`, `Exp.`, `(expected)`. */
  expected: boolean;
  /** The qualifier as written, with its span: `Expected`, `(expected)`, or `Since` (then `expected` is false). */
  qualifier?: TextSpan;
}

// ---------------------------------------------------------------------------------------------
// Structure

export type ContactKind = 'email' | 'phone' | 'url' | 'handle' | 'location' | 'link-text';

export interface ContactItem extends TextSpan {
  kind: ContactKind;
  /** For emails and URLs: the target a link should open (`mailto:…`, `https://…`). */
  target?: string;
}

export interface Header extends Span {
  /** The person's name, when the document starts with one. */
  name?: TextSpan;
  contacts: ContactItem[];
  /** Lines of the header that are neither the name nor contact lines (a tagline). */
  lines: TextSpan[];
}

export type SectionKind =
  | 'summary'
  | 'experience'
  | 'education'
  | 'skills'
  | 'projects'
  | 'publications'
  | 'awards'
  | 'certifications'
  | 'volunteering'
  | 'languages'
  | 'interests'
  | 'references'
  | 'contact'
  | 'other';

export type HeadingStyle = 'atx' | 'setext' | 'caps' | 'bold' | 'plain';

export interface Heading extends Span {
  style: HeadingStyle;
  /** 1–6 for ATX and setext headings; 0 for the others. */
  level: number;
  /** The heading's words without Markdown markers (`#`, `**`) and trailing colon. */
  text: string;
  /** Span of `text` in the document. */
  textSpan: Span;
}

export interface Bullet extends Span {
  /** `-`, `*`, `+`, `•`, `▪`, `◦`, `1.` … */
  marker: TextSpan;
  /** The bullet's text after the marker and its spaces, up to the end of its last line. */
  content: TextSpan;
  /** Indentation width (in characters) of the marker. */
  indent: number;
  /** Lines the bullet covers (continuation lines included). */
  firstLine: number;
  lastLine: number;
}

/** A paragraph line inside a section that is neither a bullet nor an entry title. */
export interface Paragraph extends TextSpan {
  line: number;
}

export type EntryFieldKind = 'organisation' | 'role' | 'location';

export interface Entry extends Span {
  /** The title line as written (without heading markers). */
  title: TextSpan;
  heading?: Heading;
  organisation?: TextSpan;
  /**
   * The part of the organisation the entry names apart from it (a department, a section, a lab): `Department of Public
   * Health` over `University of Example` on the next line, `Kim Lab` under `Research Assistant, Example University`.
   * A unit written beside its organisation (`Department of Physics, Example University`) is part of `organisation`.
   */
  unit?: TextSpan;
  role?: TextSpan;
  location?: TextSpan;
  /** The entry's own date range, possibly found on the next line or split across lines. */
  dateRange?: DateRange;
  bullets: Bullet[];
  paragraphs: Paragraph[];
  /** Sub-entries (projects under a role, as in PDF-converted résumés). */
  children: Entry[];
  /** 0-based lines the entry covers. */
  firstLine: number;
  lastLine: number;
}

export interface Section extends Span {
  heading: Heading;
  kind: SectionKind;
  /** The heading's text normalised (lower case, single spaces): `work experience`. */
  key: string;
  entries: Entry[];
  /** Bullets directly in the section, outside every entry (a skills list). */
  bullets: Bullet[];
  paragraphs: Paragraph[];
  firstLine: number;
  lastLine: number;
}

/**
 * A region the checkers must not read as prose: code fences, code spans, URLs, LaTeX, comments, markup. `html-comment`
 * is a `<!-- … -->` block (where `vita-` directives live); `comment` any other comment (an HTML comment inside a line,
 * Org `#`, rST `..`, Liquid `{% comment %}`, an Org COMMENT subtree); `html-tag` a tag with its attributes or an entity;
 * `markup` a Liquid/Jinja tag, a Pandoc attribute or fenced div, an Org keyword line, drawer, link target or snippet,
 * an rST directive or role, page furniture of PDF text; `link-definition` a Markdown `[label]: url "title"` line.
 */
export interface SkipRegion extends Span {
  kind: 'code-fence' | 'code-span' | 'url' | 'email' | 'latex' | 'html-comment' | 'front-matter' | 'comment' | 'html-tag' | 'markup' | 'link-definition';
  /** For code fences: the info string (`python`, `text`, ``). */
  info?: string;
}

/**
 * An inline directive in an HTML comment on its own line: `<!-- vita-disable rule-id -->`, `<!-- vita-enable -->`,
 * `<!-- vita-disable-next-line rule-id -->`. No id means every rule.
 */
export interface Directive extends Span {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** The rule ids named, as written; empty for every rule. */
  rules: string[];
  /** 0-based line of the comment's end: `disable`/`enable` act after it, `disable-next-line` on the line after it. */
  line: number;
}

/**
 * `<!-- vita-words: Abhishek Rijswijk -->`: words this file spells correctly, whatever the dictionaries say
 * (the spelling rules accept them anywhere in the file). A comment on its own line, anywhere.
 */
export interface WordsDirective extends Span {
  /** The words, as written (separated by spaces or commas). */
  words: string[];
  /** 0-based line of the comment's end. */
  line: number;
}

/** A key of the document's metadata: YAML/TOML front matter, Org `#+KEY:` lines, rST docinfo fields. */
export interface MetaField {
  /** In lower case: `name`, `author`, `email`, `title`… */
  key: string;
  value: TextSpan;
}

/** The markup a document is written in; plain text and text converted from PDF are `markdown` without its marks. */
export type Markup = 'markdown' | 'org' | 'rst';

export interface ResumeDocument {
  text: string;
  lines: Line[];
  header: Header;
  sections: Section[];
  /** Every date range in the document, in order (inside entries or not). */
  dateRanges: DateRange[];
  /** Every bullet in the document, in order. */
  bullets: Bullet[];
  /** Every heading in the document, in order (sections, entries and others). */
  headings: Heading[];
  /** Every word outside skip regions, in order, with its context (in columns: see wordList.ts). */
  words: WordList;
  skipRegions: SkipRegion[];
  /** The markup the document is written in (told by its own marks). */
  markup: Markup;
  /** Top-level metadata: front matter keys, Org `#+KEY:` lines, rST docinfo (top-level keys with a value, in order). */
  metadata: MetaField[];
  /** `vita-disable` / `vita-enable` / `vita-disable-next-line` comments, in order. */
  directives: Directive[];
  /** `vita-words` comments, in order. */
  wordDirectives: WordsDirective[];
}
