import { classifyLines, CONTACT_META_KEYS, LINES_PER_STEP, PROSE_FENCE_INFO, stripHeadingMarkup, type LineInfo, type LineKind, type LineScan } from './blocks';
import { findDateRanges } from './dates';
import { findDirectives, findWordDirectives } from './directives';
import { findPhones, linkTarget } from './inline';
import { splitLines } from './lines';
import { SectionWalker } from './entries';
import { looksLikeRole } from './fields';
import { headingSectionKind, sectionKey, sectionKind } from './sections';
import { runToEnd } from '../slices';
import { firstIndexWith, overlapsSorted, SpanIndex } from './spans';
import type {
  Bullet,
  ContactItem,
  DateRange,
  Header,
  Heading,
  HeadingStyle,
  Line,
  Markup,
  MetaField,
  ResumeDocument,
  Section,
  SectionKind,
  SkipRegion,
  Span,
  TextSpan,
  WordContext,
} from './types';
import { asciiFirst } from './asciiFirst';
import { tokenizeWords } from './words';
import { WordList } from './wordList';

export { BULLET } from './blocks';
export type { LineInfo, LineKind } from './blocks';

/**
 * Parses a résumé into its model in a few linear passes:
 *  1. lines are classified (blank, heading, bullet, fence, comment, table, text) as their markup reads them
 *     (Markdown, Org-mode, reStructuredText: blocks.ts) and inline skip regions found;
 *  2. section headings are picked out of the heading candidates (by level, the title, the shapes of plain-text and
 *     PDF-layout headings); what comes before the first is the header (with the front matter's name and contacts);
 *  3. each section is walked once to find its entries (titles, dates on the same or the next line, split
 *     PDF-layout ranges), bullets and paragraphs;
 *  4. words are read with the context of where they stand.
 */
export function parseResume(text: string): ResumeDocument {
  return runToEnd(parseSteps(text));
}

/**
 * {@link parseResume} in steps: the generator yields every {@link LINES_PER_STEP} lines of each pass and returns the
 * model, so that a server can parse a big document in slices (`slices.ts`) and answer other requests meanwhile.
 */
export function* parseSteps(text: string): Generator<void, ResumeDocument, void> {
  const lines = splitLines(text);
  yield;
  const scan = yield* classifyLines(text, lines);
  const builder = new StructureBuilder(text, lines, scan);
  return yield* builder.build();
}

// ---------------------------------------------------------------------------------------------
// Pass 1 (lines) is in blocks.ts. Helpers of the passes below:

/** The kinds of line whose words are read (and fenced blocks of prose). */
const PROSE_KINDS: ReadonlySet<LineKind> = new Set<LineKind>(['heading', 'bullet', 'text', 'table']);

/** `target.push(...items)` without spreading: a spread of a huge array (one long line) overflows the call stack. */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}

// ---------------------------------------------------------------------------------------------
// Pass 2: what a heading line looks like

/** A heading in capitals: `WORK EXPERIENCE`, `R&D`, `LEADERSHIP / POSITIONS OF RESPONSIBILITY`. */
const CAPS_HEADING = asciiFirst(/^[\p{Lu}][\p{Lu}\s&/'’-]*[\p{Lu}]$/u);

/** A line in capitals short enough for a heading (up to six words; up to three parts of four joined by `/`). */
function isCapsHeading(value: string): boolean {
  // (Zero-width spaces left inside by a PDF converter do not count.)
  if (value.indexOf('\u200b') >= 0) value = value.replace(/\u200b/g, '');
  if (value.length > 90 || !CAPS_HEADING.test(value)) return false;
  const words = value.split(/\s+/).filter((word) => word !== '/' && word !== '|');
  return words.length <= 6 || (value.includes('/') && words.length <= 12);
}

/** `OBJECTIVE: Careful…`, `REFERENCES Gladly Supplied`: a heading in capitals, then the line's text. */
const INLINE_CAPS_HEADING = asciiFirst(/^([\p{Lu}][\p{Lu}&/'’ -]*[\p{Lu}])[ \t]*(:?)[ \t]+(\S.*)$/u);

/** An upper-case letter (by its code; beyond ASCII, any letter that has a lower case). */
function isUpperCode(code: number): boolean {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase();
}

/** Where the first run of three spaces in text[start, end) begins, or -1 (bounded: never searches past `end`). */
function columnGap(text: string, start: number, end: number): number {
  let run = 0;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 0x20) {
      if (++run === 3) return i - 2;
    } else run = 0;
  }
  return -1;
}

/** The columns of a PDF layout line: text[start, end) split at runs of three or more spaces. */
function layoutCells(text: string, start: number, end: number): Span[] {
  const cells: Span[] = [];
  let cellStart = start;
  for (let at = columnGap(text, start, end); at >= 0; at = columnGap(text, at, end)) {
    if (at > cellStart) cells.push({ start: cellStart, end: at });
    let next = at;
    while (next < end && (text.charCodeAt(next) === 0x20 || text.charCodeAt(next) === 0x09)) next++;
    cellStart = next;
    at = next;
  }
  if (cellStart < end) cells.push({ start: cellStart, end });
  return cells;
}

/** How a piece of text ends a unit: a sentence's end, a date or figure, an email address or a link. */
const ENDS_A_UNIT = /(?:[.!?:;\d]["'”’)]*|@\S+|\.[a-z]{2,}(?:\/\S*)?)$/;

/** A line of HTML that opens a cell of a table or an item of a list (`<td>`, `<li >`, `<dt>`…). */
const CELL_TAG = /^\s*(?:<[^>]*>\s*)*?<(?:td|th|li|dd|dt|option|caption|tr)[\s>/]/i;

/** A heading short enough to name a section: a few words, no digits, commas, bars or dashes between parts. */
function isShortHeading(text: string): boolean {
  return !/[,|•–—]|\s-\s|\d/.test(text) && text.split(/\s+/).length <= 4;
}

/** A line a reader reads (not blank, hidden, an underline or a break). */
function isContent(info: LineInfo): boolean {
  const kind = info.kind;
  return kind === 'text' || kind === 'bullet' || kind === 'table' || kind === 'fence';
}

/** What a document may call itself at its top, which is nobody's name. */
const DOCUMENT_TITLE = /^(?:my\s+)?(?:r[eé]sum[eé]|cv|full\s+cv|curriculum\s+vit(?:ae|æ)|vita|about(?:\s+me)?|home|welcome|contact(?:\s+me)?)$/i;
/** A heading that names the document (`Résumé (plain text)`, `CV — Ada Example`): its title. */
const DOCUMENT_TITLE_START = /^(?:my\s+)?(?:r[eé]sum[eé]|cv|curriculum\s+vit(?:ae|æ))(?![\p{L}\p{N}])/iu;
const DOCUMENT_WORDS = new Set(['resume', 'résumé', 'cv', 'curriculum', 'vitae', 'vita', 'about', 'portfolio', 'page', 'home', 'welcome']);
/** Words inside names written in lower case: `Ludwig van Beethoven`, `Ana de la Cruz`. */
const NAME_PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'ten', 'bin', 'binti', 'bint', 'al', 'el', 'y', 'e', 'st.']);
/** Metadata keys that hold the person's name. */
const NAME_META_KEYS: ReadonlySet<string> = new Set(['name', 'author', 'fullname', 'full_name', 'full-name']);

/** A line that may be the person's name at the top of a résumé. */
function mayBeName(value: string): boolean {
  if (value.length === 0 || value.length > 60 || value.split(/\s+/).length > 5) return false;
  if (/[@\d|•:]/.test(value) || /[.!?,;]$/.test(value) || DOCUMENT_TITLE.test(value) || DOCUMENT_TITLE_START.test(value)) return false;
  return /^[\p{Lu}]/u.test(value);
}

/** Two to five capitalised words (initials, particles allowed), none a section's or a document's: a person's name. */
function looksLikePersonName(value: string): boolean {
  const words = value.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5 || /[\d@|:/()]/.test(value) || sectionKind(value) !== undefined) return false;
  return words.every((word) => {
    const lower = word.toLowerCase();
    if (NAME_PARTICLES.has(lower)) return true;
    if (DOCUMENT_WORDS.has(lower)) return false;
    return /^\p{Lu}(?:[\p{L}\p{M}'’-]*|\.(?:\p{Lu}\.)*)$/u.test(word);
  });
}

/** A line that could start a section. */
interface HeadingCandidate {
  heading: Heading;
  /** The kind of section its text names, when it names one. */
  kind: SectionKind | undefined;
  /** It shares its line with other text (a column of a PDF layout, `OBJECTIVE: text`). */
  shared: boolean;
  /** Where its text starts, in characters from the start of the line. */
  column: number;
}

// ---------------------------------------------------------------------------------------------
// Passes 2–4: structure and words

/** The date ranges of a line without any. */
const NO_RANGES: DateRange[] = Object.freeze([]) as unknown as DateRange[];

interface ContextSpan extends Span {
  context: WordContext;
}

class StructureBuilder {
  private readonly infos: LineInfo[];
  private readonly skipRegions: SkipRegion[];
  private readonly dateRanges: DateRange[] = [];
  private readonly bullets: Bullet[] = [];
  private readonly headings: Heading[] = [];
  /** Per line, the context words on it get, unless a field span says otherwise. */
  private readonly lineContext: (WordContext | undefined)[];
  private readonly fieldSpans: ContextSpan[] = [];
  /** Date ranges found per line (lone end points of split ranges removed once paired). */
  private readonly lineRanges: DateRange[][] = [];

  private readonly markup: Markup;
  /** The document's metadata: front matter, Org keywords, rST docinfo. */
  private readonly meta: MetaField[];

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
    scan: LineScan,
  ) {
    this.infos = scan.infos;
    this.skipRegions = scan.skipRegions;
    this.markup = scan.markup;
    this.meta = scan.meta;
    this.lineContext = new Array(lines.length).fill(undefined);
  }

  /** The date ranges of every line, outside skip regions. */
  private *findLineRanges(): Generator<void, void, void> {
    for (let index = 0; index < this.infos.length; index++) {
      const info = this.infos[index];
      if ((info.line.index & LINES_PER_STEP) === LINES_PER_STEP) yield;
      const kind = info.kind;
      const prose = !(kind === 'blank' || kind === 'fence' || kind === 'comment' || kind === 'front-matter' || kind === 'underline' || kind === 'break');
      const found = prose ? findDateRanges(this.text, info.contentStart, info.contentEnd) : NO_RANGES;
      // Most lines have none: they share one empty list (frozen: ranges are only ever removed from a line's list).
      this.lineRanges.push(found.length === 0 ? NO_RANGES : this.rangesOutsideSkips(found));
    }
  }

  *build(): Generator<void, ResumeDocument, void> {
    yield* this.findLineRanges();
    const sectionStarts = this.findSectionHeadings();
    yield;
    const firstSectionLine = sectionStarts.length > 0 ? sectionStarts[0] : this.lines.length;
    const header = yield* this.buildHeader(firstSectionLine);
    const sections: Section[] = [];
    for (let i = 0; i < sectionStarts.length; i++) {
      const end = i + 1 < sectionStarts.length ? sectionStarts[i + 1] : this.lines.length;
      sections.push(yield* this.buildSection(sectionStarts[i], end));
    }
    // Indexed loops (a for…of in a generator allocates an iterator result per element).
    for (let i = 0; i < this.infos.length; i++) if (this.infos[i].heading) this.headings.push(this.infos[i].heading!);
    // A heading that shares its line (a layout column's, `OBJECTIVE: text`) leaves the line's words to be read as text.
    for (let i = 0; i < this.sharedHeadingLines.length; i++) {
      const info = this.infos[this.sharedHeadingLines[i]];
      info.heading = undefined;
      info.kind = 'text';
      this.lineContext[info.line.index] = 'text';
    }
    for (let i = 0; i < this.lineRanges.length; i++) pushAll(this.dateRanges, this.lineRanges[i]);
    this.dateRanges.sort((a, b) => a.span.start - b.span.start);
    this.bullets.sort((a, b) => a.start - b.start);
    return {
      text: this.text,
      lines: this.lines,
      header,
      sections,
      dateRanges: this.dateRanges,
      bullets: this.bullets,
      headings: this.headings,
      words: yield* this.readWords(),
      skipRegions: this.skipRegions,
      markup: this.markup,
      metadata: this.meta,
      directives: findDirectives(this.text, this.lines, this.skipRegions),
      wordDirectives: findWordDirectives(this.text, this.lines, this.skipRegions),
    };
  }

  private rangesOutsideSkips(ranges: readonly DateRange[]): DateRange[] {
    if (ranges.length === 0) return NO_RANGES;
    // A prose fence (a résumé in a ```text block) is read as a résumé: its dates are dates.
    this.skipIndex ??= new SpanIndex(this.skipRegions.filter((region) => region.kind !== 'code-fence' || !PROSE_FENCE_INFO.has(region.info ?? '')));
    const skips = this.skipIndex;
    return ranges.filter((range) => !skips.overlaps(range.span.start, range.span.end));
  }

  /** Skip regions (sorted by start, possibly nested) for overlap queries in O(log n). */
  private skipIndex: SpanIndex | undefined;

  // --- sections ------------------------------------------------------------------------------

  /** A line that could start a section: its heading, what it names, whether it shares its line with other text. */
  private headingCandidate(info: LineInfo): HeadingCandidate | undefined {
    if (info.heading) return { heading: info.heading, kind: sectionKind(info.heading.text), shared: false, column: 0 };
    // The text of a cell of an HTML table, list or definition list is not a heading (an `<h2>` is, above; a `<p>`
    // or `<div>` that holds only a section's name is one).
    if (info.html && CELL_TAG.test(info.line.text)) return undefined;
    if (info.kind === 'bullet') return this.layoutHeading(info, info.bullet!.contentStart, info.contentEnd, true);
    if (info.kind !== 'text') return undefined;
    const text = this.text;
    const { start, end } = stripHeadingMarkup(text, info.contentStart, info.contentEnd);
    const value = text.slice(start, end);
    if (value.length === 0) return undefined;
    const line = info.line;
    const column = start - line.start;
    const base = { start: line.start, end: line.end, text: value, textSpan: { start, end }, level: 0 };
    if (info.boldOnly && value.length <= 60) return { heading: { ...base, style: 'bold' }, kind: sectionKind(value), shared: false, column };
    // Two columns of a PDF layout on one line (`EDUCATION        MEMBERSHIPS`), a heading and its text
    // (`OBJECTIVE: Careful…`): a heading that shares its line.
    const gap = value.length > 12 ? value.indexOf('   ') : -1;
    if (gap < 0 && isCapsHeading(value)) return { heading: { ...base, style: 'caps' }, kind: sectionKind(value), shared: false, column };
    if (gap < 0 && value.length <= 60 && !/[.!?]$/.test(text.slice(info.contentStart, info.contentEnd))) {
      const kind = sectionKind(value);
      if (kind !== undefined) return { heading: { ...base, style: 'plain' }, kind, shared: false, column };
    }
    if (gap >= 0) return this.layoutHeading(info, start, end);
    return this.inlineHeading(info, start, end);
  }

  /**
   * A heading in a column of a PDF layout line: the first cell when it names a section (`Employment      Strengths`),
   * else the last cell when it does (`   - Built a tool…          AWARDS`, a sidebar's heading).
   */
  private layoutHeading(info: LineInfo, start: number, end: number, lastOnly = false): HeadingCandidate | undefined {
    const text = this.text;
    const line = info.line;
    if (end - start < 12 || columnGap(text, start, end) < 0) return undefined;
    const cells = layoutCells(text, start, end);
    if (cells.length < 2) return undefined;
    const cell = (span: Span): HeadingCandidate | undefined => {
      const { start: s, end: e } = stripHeadingMarkup(text, span.start, span.end);
      const value = text.slice(s, e);
      if (value.length === 0 || value.length > 60 || /[.!?]$/.test(value)) return undefined;
      const kind = sectionKind(value);
      if (kind === undefined) return undefined;
      const style: HeadingStyle = isCapsHeading(value) ? 'caps' : 'plain';
      return { heading: { style, level: 0, start: line.start, end: line.end, text: value, textSpan: { start: s, end: e } }, kind, shared: true, column: s - line.start };
    };
    return (lastOnly ? undefined : cell(cells[0])) ?? cell(cells[cells.length - 1]);
  }

  /**
   * A heading in capitals that the line's text follows: `OBJECTIVE: Careful, curious…`, `REFERENCES Gladly
   * Supplied`. After a colon any text may follow; without one, a few words that are not in capitals.
   */
  private inlineHeading(info: LineInfo, start: number, end: number): HeadingCandidate | undefined {
    const text = this.text;
    const second = text.charCodeAt(start + 1);
    if (!isUpperCode(text.charCodeAt(start)) || !isUpperCode(second)) return undefined;
    const match = INLINE_CAPS_HEADING.exec(text.slice(start, end));
    if (!match) return undefined;
    const rest = match[3];
    if (match[2] !== ':' && (/\d/.test(rest) || rest.split(/\s+/).length > 3 || isCapsHeading(rest))) return undefined;
    const kind = sectionKind(match[1]);
    // `CONTACT: ada@example.com | …` labels the header's contact line; it opens no section.
    if (kind === undefined || kind === 'contact') return undefined;
    const line = info.line;
    const textSpan = { start, end: start + match[1].length };
    return { heading: { style: 'caps', level: 0, start: line.start, end: line.end, text: match[1], textSpan }, kind, shared: true, column: start - line.start };
  }

  /** Lines that start sections, in order. Marks those lines' headings. */
  private findSectionHeadings(): number[] {
    const infos = this.infos;
    const candidates: (HeadingCandidate | undefined)[] = new Array(infos.length);
    let anyKnown = false;
    /** The highest level (smallest number) of the Markdown, Org or rST headings that name a section. */
    let sectionLevel = 0;
    /** How far the known headings of a plain text are indented, at the least. */
    let knownIndent = Infinity;
    let firstHeading = -1;
    let contentBefore = false;
    /** Known headings of a plain text, and those with space above them (a blank line, or no text in their columns). */
    let plainKnown = 0;
    let plainFree = 0;
    for (let i = 0; i < infos.length; i++) {
      const info = infos[i];
      const candidate = this.headingCandidate(info);
      candidates[i] = candidate;
      if (candidate && candidate.kind !== undefined) {
        anyKnown = true;
        const level = candidate.heading.level;
        if (level > 0) sectionLevel = sectionLevel === 0 ? level : Math.min(sectionLevel, level);
        else if (!candidate.shared) {
          knownIndent = Math.min(knownIndent, candidate.column);
          plainKnown++;
          if (this.hasSpaceAbove(i, candidate)) plainFree++;
        }
      }
      if (firstHeading < 0 && !contentBefore) {
        if (info.heading) firstHeading = i;
        else if (isContent(info)) contentBefore = true;
      }
    }
    const titleLine = firstHeading >= 0 && this.isTitle(firstHeading, candidates[firstHeading]!, sectionLevel) ? firstHeading : -1;
    this.titleLine = titleLine;
    // Wrapped lines are told from headings only where the headings stand apart (most of the known ones have space
    // above them); in a text without blank lines, a heading right under a line of text is still a heading.
    this.headingsStandApart = plainKnown > 0 && plainFree * 3 >= plainKnown * 2;

    const starts: number[] = [];
    let currentLevel = 0; // ATX/setext level of the current section's heading, 0 when not ATX
    for (let i = 0; i < infos.length; i++) {
      let candidate = candidates[i];
      if (!candidate || i === titleLine) continue;
      const info = infos[i];
      if (info.kind === 'underline') continue; // the second line of a heading joined above
      const heading = candidate.heading;
      const level = heading.level;
      let isSection = false;
      if (level > 0) {
        if (candidate.kind !== undefined) isSection = true;
        else {
          const siblingOfKnown = sectionLevel > 0 && level <= sectionLevel;
          const siblingOfCurrent = starts.length > 0 && currentLevel > 0 && level <= currentLevel;
          if (siblingOfKnown || siblingOfCurrent) isSection = isShortHeading(heading.text) && !looksLikeRole(heading.text);
          // No known section names at all: second-level Markdown headings stand for sections.
          else if (!anyKnown && i > 0) isSection = level === 2;
        }
      } else {
        const joined = this.joinedHeading(i, candidate);
        if (joined) candidate = joined;
        if (candidate.kind !== undefined) isSection = this.standsAlone(i, candidate);
        else if (candidate.heading.style === 'caps' && starts.length > 0 && !candidate.shared) {
          // A line in capitals that names no known section: a heading when it stands like the known ones.
          // A word of five capitals or fewer alone is an acronym (a tool, an organisation: `QGIS`, `CRIU`).
          const acronym = !/\s/.test(heading.text) && heading.text.length <= 5;
          isSection = !acronym && this.standsAlone(i, candidate) && !this.inCapsBlock(i) && candidate.column <= knownIndent + 1;
        }
        if (isSection && joined) this.applyJoin(i, joined);
      }
      if (!isSection) continue;
      info.heading = candidate.heading;
      if (info.kind === 'text') info.kind = 'heading';
      if (candidate.shared) this.sharedHeadingLines.push(i);
      starts.push(i);
      currentLevel = candidate.heading.level;
    }
    return starts;
  }

  /** The line of the document's title (a name or a page title), not a section; -1 when there is none. */
  private titleLine = -1;
  /** Most known headings of the plain text have room above them (see findSectionHeadings). */
  private headingsStandApart = false;
  /** Section heading lines that share their line with other text (its words are read as the line's, not the heading's). */
  private readonly sharedHeadingLines: number[] = [];

  /**
   * Whether the document's first heading, with nothing to read above it, is its title rather than a section: it names
   * no section and stands above the sections' level, reads as a person's name, or has nothing under it (a page's
   * `# About` before the sections).
   */
  private isTitle(line: number, candidate: HeadingCandidate, sectionLevel: number): boolean {
    if (candidate.kind !== undefined) return false;
    const level = candidate.heading.level;
    if (sectionLevel > 0 && level < sectionLevel) return true;
    if (looksLikePersonName(candidate.heading.text) || DOCUMENT_TITLE_START.test(candidate.heading.text)) return true;
    for (let i = line + 1; i < this.infos.length; i++) {
      const info = this.infos[i];
      if (info.heading) return true;
      if (isContent(info)) return false;
    }
    return true;
  }

  /**
   * Whether a heading of a plain text stands on its own: not a line wrapped from the text above it (text right above
   * in the same columns that does not end a sentence: `Computer` / `Skills`, a column's `… Online` / `Certification`),
   * not one more label of a list of labels (`LinkedIn: …` / `Portfolio:`).
   */
  private standsAlone(line: number, candidate: HeadingCandidate): boolean {
    if (line === 0) return true;
    const above = this.infos[line - 1];
    if (above.kind !== 'text' && above.kind !== 'bullet' && above.kind !== 'table') return true;
    const text = this.text;
    const info = this.infos[line];
    const raw = text.slice(info.contentStart, info.contentEnd);
    const aboveText = text.slice(above.contentStart, above.contentEnd);
    if (raw.endsWith(':') && /^[\p{L}][\p{L} .'’-]{0,30}:\s+\S/u.test(aboveText)) return false;
    // A line in capitals under a line of text is no wrap of it (a block of capitals is told apart by inCapsBlock).
    if (candidate.heading.style === 'caps' && !candidate.shared) return true;
    return !this.headingsStandApart || this.hasRoomAbove(line, candidate);
  }

  /** Whether the line above leaves room for a heading here: blank, or no unfinished text in the heading's columns. */
  private hasRoomAbove(line: number, candidate: HeadingCandidate): boolean {
    if (this.hasSpaceAbove(line, candidate)) return true;
    const above = this.infos[line - 1];
    const text = this.text;
    const from = candidate.heading.textSpan.start - this.infos[line].line.start;
    const to = candidate.heading.textSpan.end - this.infos[line].line.start;
    const aboveFrom = above.contentStart - above.line.start;
    const aboveTo = above.contentEnd - above.line.start;
    // A short line (a name, a title) is no wrapped line; nor is a bullet's text under which the heading stands at or
    // left of the bullet's marker.
    if (aboveTo - aboveFrom < 40) return true;
    if (above.bullet && from <= above.bullet.marker.start - above.line.start) return true;
    // The text above in the heading's column (its cells over the heading, and one set just right of it, such as a
    // right-aligned year): a sentence's end, a date or figure (an entry's end) or an address there leaves room for a
    // heading under it.
    const cells = layoutCells(text, above.contentStart, above.contentEnd);
    return cells.some((cell) => cell.end - above.line.start > from && cell.start - above.line.start <= to + 6 && ENDS_A_UNIT.test(text.slice(cell.start, cell.end).trimEnd()));
  }

  /** Whether nothing stands right above a heading in its columns: a blank line, or text in other columns only. */
  private hasSpaceAbove(line: number, candidate: HeadingCandidate): boolean {
    if (line === 0) return true;
    const above = this.infos[line - 1];
    if (above.kind !== 'text' && above.kind !== 'bullet' && above.kind !== 'table') return true;
    const start = this.infos[line].line.start;
    const from = candidate.heading.textSpan.start - start;
    const to = candidate.heading.textSpan.end - start;
    return above.contentEnd - above.line.start <= from || above.contentStart - above.line.start >= to;
  }

  /** Whether a line in capitals runs on from or into another line of capitals (no blank line between): a block. */
  private inCapsBlock(line: number): boolean {
    const above = line > 0 ? this.infos[line - 1] : undefined;
    const below = line + 1 < this.infos.length ? this.infos[line + 1] : undefined;
    const capsWords = (info: LineInfo | undefined, atEnd: boolean): boolean => {
      if (!info || info.kind === 'blank' || info.kind === 'comment' || info.kind === 'heading') return false;
      const words = this.text.slice(info.contentStart, info.contentEnd).split(/\s+/).map((word) => word.replace(/[^\p{L}]/gu, '')).filter((word) => word.length > 0);
      const edge = atEnd ? words.slice(-2) : words.slice(0, 2);
      return edge.length === 2 && edge.every((word) => word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase());
    };
    return capsWords(above, true) || capsWords(below, false);
  }

  /**
   * A heading wrapped onto the next line: `Honours` / `& Prizes`, `Invited Talks &` / `seminars` (the
   * next line continues it when it starts with `&`, `and` or a small letter, or this one ends with `&`, `and`, `,`, `/`).
   */
  private joinedHeading(line: number, candidate: HeadingCandidate): HeadingCandidate | undefined {
    if (candidate.shared || line + 1 >= this.infos.length) return undefined;
    const next = this.infos[line + 1];
    if (next.kind !== 'text' || next.contentEnd - next.contentStart > 40) return undefined;
    const text = this.text;
    const value = candidate.heading.text;
    const nextText = text.slice(next.contentStart, next.contentEnd);
    const continues = /^(?:&|and\s|\p{Ll})/u.test(nextText) || /(?:\s&|\sand|[,/])$/.test(value);
    if (!continues || nextText.split(/\s+/).length > 4 || /[.!?]$/.test(nextText)) return undefined;
    const { start, end } = stripHeadingMarkup(text, candidate.heading.textSpan.start, next.contentEnd);
    const joined = text.slice(start, end);
    const kind = sectionKind(joined);
    if (kind === undefined) return undefined;
    return { heading: { ...candidate.heading, end: next.line.end, text: joined, textSpan: { start, end } }, kind, shared: false, column: candidate.column };
  }

  /** The line after a joined heading is the heading's. */
  private applyJoin(line: number, joined: HeadingCandidate): void {
    const info = this.infos[line];
    info.contentEnd = joined.heading.textSpan.end;
    this.infos[line + 1].kind = 'underline';
  }

  // --- header --------------------------------------------------------------------------------

  private *buildHeader(endLine: number): Generator<void, Header, void> {
    const contacts: ContactItem[] = [];
    const others: TextSpan[] = [];
    let name: TextSpan | undefined;
    let lastLine = -1;
    // The title heading, when it is a name; else a name in the metadata (front matter, `#+AUTHOR:`, docinfo).
    if (this.titleLine >= 0 && this.titleLine < endLine) {
      const heading = this.infos[this.titleLine].heading!;
      if (looksLikePersonName(heading.text)) name = { text: heading.text, ...heading.textSpan };
    }
    for (const field of this.meta) if (!name && NAME_META_KEYS.has(field.key)) name = field.value;
    for (const field of this.meta) {
      if (!name && field.key === 'title' && looksLikePersonName(field.value.text)) name = field.value;
      if (CONTACT_META_KEYS.has(field.key)) pushAll(contacts, this.contactsIn(field.value.start, field.value.end));
    }
    // The name is looked for at the top: in the first few lines, before any heading but the title.
    let nameLines = 0;
    for (let i = 0; i < endLine; i++) {
      if ((i & LINES_PER_STEP) === LINES_PER_STEP) yield;
      const info = this.infos[i];
      if (info.kind === 'blank' || info.kind === 'comment' || info.kind === 'front-matter' || info.kind === 'underline' || info.kind === 'break') continue;
      if (info.kind === 'fence' && !info.proseFence) continue;
      lastLine = i;
      const span = info.heading ? info.heading.textSpan : stripHeadingMarkup(this.text, info.contentStart, info.contentEnd);
      const lineContacts = this.contactsIn(info.contentStart, info.contentEnd);
      if (info.heading && i !== this.titleLine) nameLines = Infinity;
      if (!name && nameLines++ < 6 && !info.html) {
        // A layout line: the name is its first column (`Jane Doe        Springfield, IL`), whatever the other columns
        // hold (`JANE DOE        jane@example.com`: the address is a contact of the header all the same).
        const cells = layoutCells(this.text, span.start, span.end);
        const first = cells.length > 1 ? stripHeadingMarkup(this.text, cells[0].start, cells[0].end) : span;
        const value = this.text.slice(first.start, first.end);
        const read = cells.length > 1 ? value : this.text.slice(info.contentStart, info.contentEnd);
        if (!lineContacts.some((item) => item.start < first.end) && !/:\S*$|:\s/.test(read) && mayBeName(value)) {
          name = { text: value, ...first };
          this.lineContext[i] = 'name';
          if (lineContacts.length > 0) pushAll(contacts, lineContacts);
          else if (first.end < span.end) others.push({ text: this.text.slice(first.end, span.end).trim(), ...span });
          continue;
        }
      }
      if (name && name.start >= info.contentStart && name.end <= info.contentEnd) {
        this.lineContext[i] = 'name';
        continue;
      }
      pushAll(contacts, lineContacts);
      if (lineContacts.length === 0) others.push({ text: this.text.slice(span.start, span.end), ...span });
      this.lineContext[i] = lineContacts.length > 0 ? 'contact' : 'text';
    }
    contacts.sort((a, b) => a.start - b.start);
    // A link's text and its target name the same address once (`[ada@example.com](mailto:ada@example.com)`).
    const seen = new Set<string>();
    const unique = contacts.filter((item) => {
      const key = `${item.kind} ${item.text}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    });
    const start = this.lines[0].start;
    const end = lastLine >= 0 ? this.infos[lastLine].line.end : start;
    return { start, end, name, contacts: unique, lines: others };
  }

  /** Emails, URLs, phones and handles in text[start, end). */
  private contactsIn(start: number, end: number): ContactItem[] {
    // Linear in the line: regions are sorted by start (binary search to the line), links and phones found on one
    // line do not overlap each other, so overlap checks are binary searches too.
    const links: ContactItem[] = [];
    for (let i = firstIndexWith(this.skipRegions, (region) => region.start >= start); i < this.skipRegions.length; i++) {
      const region = this.skipRegions[i];
      if (region.start >= end) break;
      if (region.end > end) continue;
      if (region.kind === 'email' || region.kind === 'url') {
        links.push({ kind: region.kind, text: this.text.slice(region.start, region.end), start: region.start, end: region.end, target: linkTarget(this.text, region) });
      }
    }
    const phones: ContactItem[] = [];
    for (const phone of findPhones(this.text, start, end)) {
      if (!overlapsSorted(links, phone.start, phone.end)) phones.push({ kind: 'phone', ...phone });
    }
    const items: ContactItem[] = [...links, ...phones];
    const slice = this.text.slice(start, end);
    for (const match of slice.matchAll(/(?<![\w.])@[A-Za-z0-9_][\w.-]*/g)) {
      const s = start + (match.index ?? 0);
      if (!overlapsSorted(links, s, s + 1) && !overlapsSorted(phones, s, s + 1)) items.push({ kind: 'handle', text: match[0], start: s, end: s + match[0].length });
    }
    return items.sort((a, b) => a.start - b.start);
  }

  // --- sections and entries -----------------------------------------------------------------

  private *buildSection(startLine: number, endLine: number): Generator<void, Section, void> {
    const headingInfo = this.infos[startLine];
    const heading = headingInfo.heading!;
    this.lineContext[startLine] = 'heading';
    // The heading is one already: a modifier vita does not list leaves the kind its head noun names.
    const kind = headingSectionKind(heading.text) ?? 'other';
    let lastLine = startLine;
    for (let i = endLine - 1; i > startLine; i--) {
      const k = this.infos[i].kind;
      if (k !== 'blank') {
        lastLine = i;
        break;
      }
    }
    const section: Section = {
      heading,
      kind,
      key: sectionKey(heading.text),
      entries: [],
      bullets: [],
      paragraphs: [],
      start: heading.start,
      end: this.infos[lastLine].line.end,
      firstLine: startLine,
      lastLine,
    };
    yield* new SectionWalker(this, section, startLine + (heading.style === 'setext' ? 2 : 1), lastLine + 1).walk();
    return section;
  }

  // Helpers the section walker uses.
  info(line: number): LineInfo {
    return this.infos[line];
  }
  sourceText(): string {
    return this.text;
  }
  rangesOn(line: number): DateRange[] {
    return this.lineRanges[line];
  }
  replaceRange(line: number, old: DateRange, replacement: DateRange | undefined): void {
    const ranges = this.lineRanges[line];
    const index = ranges.indexOf(old);
    if (index < 0) return;
    if (replacement) ranges[index] = replacement;
    else ranges.splice(index, 1);
  }
  removeRangeAt(line: number, offset: number): void {
    const ranges = this.lineRanges[line];
    const index = ranges.findIndex((range) => range.span.start <= offset && offset < Math.max(range.span.end, range.span.start + 1));
    if (index >= 0) ranges.splice(index, 1);
  }
  setLineContext(line: number, context: WordContext): void {
    this.lineContext[line] = context;
  }
  addField(span: Span | undefined, context: WordContext): void {
    if (span) this.fieldSpans.push({ start: span.start, end: span.end, context });
  }
  addBullet(bullet: Bullet): void {
    this.bullets.push(bullet);
  }
  lineCount(): number {
    return this.lines.length;
  }

  // --- words ---------------------------------------------------------------------------------

  private *readWords(): Generator<void, WordList, void> {
    const words = new WordList(this.text, 1024);
    const fields = this.fieldSpans.sort((a, b) => a.start - b.start);
    const reader: WordReader = { text: this.text, words, fields, fieldIndex: 0 };
    let skipIndex = 0;
    const skips = this.skipRegions.filter((region) => region.kind !== 'code-fence' || !PROSE_FENCE_INFO.has(region.info ?? ''));
    // Reused for every line: the holes (skip regions, date ranges, the bullet marker) in a line.
    const holes: Span[] = [];
    // Words of the previous prose line that end it (or a column of it) with a hyphen: `archi-`.
    const hyphenated: number[] = [];
    let hyphenatedLine = -1;
    for (let index = 0; index < this.infos.length; index++) {
      const info = this.infos[index];
      if ((info.line.index & LINES_PER_STEP) === LINES_PER_STEP) yield;
      if (!PROSE_KINDS.has(info.kind) && !(info.kind === 'fence' && info.proseFence)) continue;
      const firstWord = words.length;
      const lineContext = this.lineContext[info.line.index] ?? 'text';
      // Pieces of the line outside skip regions and date ranges.
      holes.length = 0;
      while (skipIndex < skips.length && skips[skipIndex].end <= info.contentStart) skipIndex++;
      for (let i = skipIndex; i < skips.length && skips[i].start < info.contentEnd; i++) holes.push(skips[i]);
      const ranges = this.lineRanges[info.line.index];
      for (let i = 0; i < ranges.length; i++) holes.push(ranges[i].span);
      if (info.bullet) holes.push(info.bullet.marker);
      if (holes.length > 1) holes.sort(byStart);
      let cursor = info.heading ? Math.max(info.contentStart, info.heading.textSpan.start) : info.contentStart;
      const lineEnd = info.heading ? Math.min(info.contentEnd, info.heading.textSpan.end) : info.contentEnd;
      while (reader.fieldIndex < fields.length && fields[reader.fieldIndex].end <= info.contentStart) reader.fieldIndex++;
      for (let h = 0; h < holes.length; h++) {
        const hole = holes[h];
        if (hole.start > cursor) readPiece(reader, cursor, Math.min(hole.start, lineEnd), lineContext);
        cursor = Math.max(cursor, hole.end);
      }
      if (cursor < lineEnd) readPiece(reader, cursor, lineEnd, lineContext);
      if (hyphenatedLine === index - 1 && hyphenated.length > 0) linkHyphenBreaks(this.text, words, hyphenated, firstWord);
      hyphenated.length = 0;
      hyphenatedLine = index;
      for (let w = firstWord; w < words.length; w++) if (endsWithBreakHyphen(this.text, words.end(w), info.contentEnd)) hyphenated.push(w);
    }
    words.trim();
    return words;
  }
}

/**
 * Whether the word ending at `end` is cut by a hyphen at the end of its line or of a column of it (`archi-` then the
 * line's end, or `recom-` then a gap of blanks before the other column): line-end hyphenation in text from a PDF.
 */
function endsWithBreakHyphen(text: string, end: number, lineEnd: number): boolean {
  if (end >= lineEnd || text.charCodeAt(end) !== 0x2d) return false;
  if (end + 1 === lineEnd) return true;
  return end + 3 <= lineEnd && text.charCodeAt(end + 1) === 0x20 && text.charCodeAt(end + 2) === 0x20;
}

/**
 * Links each hyphen-cut word of the previous line to where its rest may stand on this line (the words from
 * `firstWord` on): the line's first word, and the first word after each gap of three blanks or more (a second
 * column). A few candidates each; the spelling pass keeps the one that makes a known word.
 */
function linkHyphenBreaks(text: string, words: WordList, hyphenated: readonly number[], firstWord: number): void {
  let starts = 0;
  for (let w = firstWord; w < words.length && starts < 3; w++) {
    const start = words.start(w);
    const columnStart = w === firstWord || (start >= 3 && text.charCodeAt(start - 1) === 0x20 && text.charCodeAt(start - 2) === 0x20 && text.charCodeAt(start - 3) === 0x20);
    if (!columnStart) continue;
    starts++;
    for (const h of hyphenated) words.addHyphenBreak(h, w);
  }
}

/** Spans in document order. */
function byStart(a: Span, b: Span): number {
  return a.start - b.start;
}

/** What {@link readPiece} reads into, and the field spans (sorted) with the first one that may still matter. */
interface WordReader {
  text: string;
  words: WordList;
  fields: ContextSpan[];
  fieldIndex: number;
}

/** The words of a piece of a line, split where field spans (organisation, role, location) begin and end. */
function readPiece(reader: WordReader, start: number, end: number, lineContext: WordContext): void {
  if (end <= start) return;
  const { text, words, fields } = reader;
  let at = start;
  for (let i = reader.fieldIndex; i < fields.length && fields[i].start < end; i++) {
    const field = fields[i];
    if (field.end <= at) continue;
    if (field.start > at) tokenizeWords(text, at, field.start, lineContext, words);
    const fieldEnd = Math.min(field.end, end);
    tokenizeWords(text, Math.max(at, field.start), fieldEnd, field.context, words);
    at = fieldEnd;
  }
  if (at < end) tokenizeWords(text, at, end, lineContext, words);
}
