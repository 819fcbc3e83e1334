import { findDateRanges } from './dates';
import { findDirectives, findWordDirectives } from './directives';
import { findPhones, linkTarget, scanInline } from './inline';
import { splitLines } from './lines';
import { SectionWalker } from './entries';
import { looksLikeRole } from './fields';
import { sectionKey, sectionKind } from './sections';
import { runToEnd } from '../slices';
import { firstIndexWith, overlapsSorted, SpanIndex } from './spans';
import type {
  Bullet,
  ContactItem,
  DateRange,
  Header,
  Heading,
  Line,
  ResumeDocument,
  Section,
  SkipRegion,
  Span,
  TextSpan,
  WordContext,
} from './types';
import { asciiFirst } from './asciiFirst';
import { isSpace, tokenizeWords } from './words';
import { WordList } from './wordList';

/**
 * Parses a résumé into its model in a few linear passes:
 *  1. lines are classified (blank, heading, bullet, fence, comment, table, text) and inline skip regions found;
 *  2. section headings are picked out of the heading candidates; what comes before the first is the header;
 *  3. each section is walked once to find its entries (titles, dates on the same or the next line, split
 *     PDF-layout ranges), bullets and paragraphs;
 *  4. words are read with the context of where they stand.
 */
export function parseResume(text: string): ResumeDocument {
  return runToEnd(parseSteps(text));
}

/** Lines between two places where parsing may pause (a power of two minus one, for a mask). */
const LINES_PER_STEP = 1023;

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
// Pass 1: lines

type LineKind = 'blank' | 'heading' | 'underline' | 'bullet' | 'fence' | 'comment' | 'table' | 'break' | 'text' | 'front-matter';

interface LineInfo {
  kind: LineKind;
  line: Line;
  /** Offsets of the line's content without indentation and trailing spaces. */
  contentStart: number;
  contentEnd: number;
  heading?: Heading;
  bullet?: { marker: TextSpan; contentStart: number; indent: number };
  /** A line that is one bold phrase (`**Education**`). */
  boldOnly?: boolean;
  /** A leading bold phrase (`**Alibaba Group** Software Engineer`). */
  leadingBold?: Span;
  /** Fence info string for fence content lines whose prose should be checked. */
  proseFence?: boolean;
}

interface LineScan {
  infos: LineInfo[];
  skipRegions: SkipRegion[];
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)/;
/** Bullet markers, including the glyphs PDF converters leave (`•`, `▪`, `◦`, `●`, `■`, ``). */
/** Markdown markers need a space after them (`*March 2021*` is emphasis); PDF glyphs may be glued (`•Designed`). */
export const BULLET = asciiFirst(/^([ \t]*)(?:([-*+]|\d{1,2}[.)])[ \t]+|([•▪◦●■□➢►‣⁃∙·\uf0b7\uf0a7])(?:[ \t]+|(?=[\p{L}\p{N}])))/u);
/** A heading in capitals: `WORK EXPERIENCE`, `R&D`. */
const CAPS_HEADING = asciiFirst(/^[\p{Lu}][\p{Lu}\s&/'’-]*[\p{Lu}]$/u);
const PROSE_FENCE_INFO = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'markdown', 'md']);

function* classifyLines(text: string, lines: Line[]): Generator<void, LineScan, void> {
  const infos: LineInfo[] = [];
  const skipRegions: SkipRegion[] = [];
  let fence: { marker: string; start: number; info: string; prose: boolean } | undefined;
  let commentStart: number | undefined;
  let frontMatterEnd = -1;

  // Front matter: `---` on the first line, closed by `---` or `...` within 60 lines, `key: value` inside.
  if (lines.length > 2 && /^---\s*$/.test(lines[0].text)) {
    for (let i = 1; i < Math.min(lines.length, 60); i++) {
      if (/^(---|\.\.\.)\s*$/.test(lines[i].text)) {
        if (i > 1 && /^[\w-]+\s*:/.test(lines[1].text)) frontMatterEnd = i;
        break;
      }
    }
    if (frontMatterEnd > 0) skipRegions.push({ kind: 'front-matter', start: 0, end: lines[frontMatterEnd].end });
  }

  // Indexed loops in the generators: a for…of there allocates an iterator result per line (V8 does not elide it
  // across a yield), ~4 MB per 10,000-line parse.
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if ((line.index & LINES_PER_STEP) === LINES_PER_STEP) yield;
    const raw = line.text;
    // Indentation and trailing blanks (`\s`, as trimStart/trimEnd see them), without making trimmed copies.
    let indentLength = 0;
    while (indentLength < raw.length && isSpace(raw.charCodeAt(indentLength))) indentLength++;
    let contentLength = raw.length;
    while (contentLength > indentLength && isSpace(raw.charCodeAt(contentLength - 1))) contentLength--;
    const contentStart = line.start + indentLength;
    // A line of spaces only is blank: its content is empty, not reversed (start past end).
    const contentEnd = line.start + contentLength;
    // Every field from the start: one object shape for all lines (fields added later would give each kind of line
    // its own shape, and the passes below would read them through slower, polymorphic accesses).
    const info: LineInfo = { kind: 'text', line, contentStart, contentEnd, heading: undefined, bullet: undefined, boldOnly: false, leadingBold: undefined, proseFence: false };
    infos.push(info);

    if (line.index <= frontMatterEnd) {
      info.kind = 'front-matter';
      continue;
    }
    if (fence) {
      info.kind = 'fence';
      info.proseFence = fence.prose;
      const close = FENCE.exec(raw);
      if (close && close[1][0] === fence.marker[0] && close[1].length >= fence.marker.length && close[2] === '') {
        skipRegions.push({ kind: 'code-fence', start: fence.start, end: line.end, info: fence.info });
        fence = undefined;
        info.proseFence = false;
      }
      continue;
    }
    if (commentStart !== undefined) {
      info.kind = 'comment';
      const close = raw.indexOf('-->');
      if (close >= 0) {
        skipRegions.push({ kind: 'html-comment', start: commentStart, end: line.start + close + 3 });
        commentStart = undefined;
      }
      continue;
    }
    if (contentStart === contentEnd) {
      info.kind = 'blank';
      continue;
    }
    // Each pattern below needs a particular first character: most lines (prose, entries) are tested by none.
    const first = raw.charCodeAt(indentLength);
    const fenceOpen = first === 0x60 || first === 0x7e ? FENCE.exec(raw) : null;
    if (fenceOpen) {
      const fenceInfo = fenceOpen[2].toLowerCase();
      fence = { marker: fenceOpen[1], start: line.start, info: fenceInfo, prose: PROSE_FENCE_INFO.has(fenceInfo) };
      info.kind = 'fence';
      continue;
    }
    // HTML comments: whole-line ones (and ones that open here) are not prose.
    if (first === 0x3c && raw.startsWith('<!--', indentLength)) {
      info.kind = 'comment';
      const close = raw.indexOf('-->', raw.indexOf('<!--') + 4);
      if (close >= 0) skipRegions.push({ kind: 'html-comment', start: contentStart, end: line.start + close + 3 });
      else commentStart = contentStart;
      continue;
    }

    const atx = first === 0x23 ? ATX.exec(raw) : null;
    if (atx) {
      info.kind = 'heading';
      const level = atx[1].length;
      let start = line.start + atx[0].length;
      let end = line.start + raw.replace(/[ \t]+#+[ \t]*$/, '').trimEnd().length;
      if (end < start) end = start;
      ({ start, end } = stripHeadingMarkup(text, start, end));
      info.heading = { style: 'atx', level, start: line.start, end: line.end, text: text.slice(start, end), textSpan: { start, end } };
      continue;
    }
    if ((first === 0x3d || first === 0x2d) && UNDERLINE.test(raw)) {
      const previous = infos[line.index - 1];
      if (previous && previous.kind === 'text' && !previous.leadingBold?.start) {
        // Setext: the previous paragraph line becomes the heading.
        const level = raw.trim()[0] === '=' ? 1 : 2;
        const { start, end } = stripHeadingMarkup(text, previous.contentStart, previous.contentEnd);
        previous.kind = 'heading';
        previous.heading = { style: 'setext', level, start: previous.line.start, end: line.end, text: text.slice(start, end), textSpan: { start, end } };
        info.kind = 'underline';
        continue;
      }
    }
    if ((first === 0x2d || first === 0x2a || first === 0x5f) && BREAK.test(raw)) {
      info.kind = 'break';
      continue;
    }
    if (first === 0x7c) {
      info.kind = 'table';
      continue;
    }
    // `- `, `* `, `+ ` after spaces and tabs (most bullets) are read here; BULLET reads the others the same way.
    if ((first === 0x2d || first === 0x2a || first === 0x2b) && indentLength + 1 < raw.length && isBlankOrTab(raw.charCodeAt(indentLength + 1)) && onlyBlanksAndTabs(raw, indentLength)) {
      let contentOffset = indentLength + 2;
      while (contentOffset < raw.length && isBlankOrTab(raw.charCodeAt(contentOffset))) contentOffset++;
      const markerStart = line.start + indentLength;
      info.kind = 'bullet';
      info.bullet = {
        marker: { text: raw[indentLength], start: markerStart, end: markerStart + 1 },
        contentStart: line.start + contentOffset,
        indent: indentWidth(raw, indentLength),
      };
      continue;
    }
    const bullet = first === 0x2d || first === 0x2a || first === 0x2b || (first >= 0x30 && first <= 0x39) || first >= 0x80 ? BULLET.exec(raw) : null;
    if (bullet) {
      const markerStart = line.start + bullet[1].length;
      const marker = bullet[2] ?? bullet[3];
      info.kind = 'bullet';
      info.bullet = {
        marker: { text: marker, start: markerStart, end: markerStart + marker.length },
        contentStart: line.start + bullet[0].length,
        indent: indentWidth(raw, bullet[1].length),
      };
      continue;
    }
    const bold = first === 0x2a || first === 0x5f ? /^(\*\*|__)(.+?)\1/.exec(raw.slice(indentLength)) : null;
    if (bold) {
      const boldSpan = { start: contentStart, end: contentStart + bold[0].length };
      info.leadingBold = boldSpan;
      info.boldOnly = /^[\s:]*$/.test(text.slice(boldSpan.end, contentEnd));
    }
  }
  if (fence) skipRegions.push({ kind: 'code-fence', start: fence.start, end: text.length, info: fence.info });
  if (commentStart !== undefined) skipRegions.push({ kind: 'html-comment', start: commentStart, end: text.length });

  // Inline regions (code spans, LaTeX, URLs, emails) on every line that holds prose.
  for (let index = 0; index < infos.length; index++) {
    const info = infos[index];
    if ((info.line.index & LINES_PER_STEP) === LINES_PER_STEP) yield;
    if (info.kind === 'blank' || info.kind === 'comment' || info.kind === 'front-matter' || info.kind === 'underline') continue;
    if (info.kind === 'fence' && !info.proseFence) continue;
    pushAll(skipRegions, scanInline(text, info.contentStart, info.contentEnd));
  }
  skipRegions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { infos, skipRegions };
}

/** A space or a tab (BULLET's `[ \t]`). */
function isBlankOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Whether `raw[0, end)` is spaces and tabs only. */
function onlyBlanksAndTabs(raw: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isBlankOrTab(raw.charCodeAt(i))) return false;
  return true;
}

/** The width of the indentation `raw[0, end)` (spaces and tabs), a tab counting four. */
function indentWidth(raw: string, end: number): number {
  let width = 0;
  for (let i = 0; i < end; i++) width += raw.charCodeAt(i) === 0x09 ? 4 : 1;
  return width;
}

/** The kinds of line whose words are read (and fenced blocks of prose). */
const PROSE_KINDS: ReadonlySet<LineKind> = new Set<LineKind>(['heading', 'bullet', 'text', 'table']);

/** `target.push(...items)` without spreading: a spread of a huge array (one long line) overflows the call stack. */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}

/** Drops emphasis around a heading's text and a trailing colon: `**Education**:` → `Education`. */
function stripHeadingMarkup(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  for (let changed = true; changed && e > s; ) {
    changed = false;
    while (e > s && /[\s:]/.test(text[e - 1])) {
      e--;
      changed = true;
    }
    while (s < e && /\s/.test(text[s])) {
      s++;
      changed = true;
    }
    const pair = text.slice(s, s + 2);
    if ((pair === '**' || pair === '__') && text.slice(e - 2, e) === pair && e - s > 4) {
      s += 2;
      e -= 2;
      changed = true;
    } else if ((text[s] === '*' || text[s] === '_') && text[e - 1] === text[s] && e - s > 2) {
      s += 1;
      e -= 1;
      changed = true;
    }
  }
  return { start: s, end: e };
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

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
    scan: LineScan,
  ) {
    this.infos = scan.infos;
    this.skipRegions = scan.skipRegions;
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
      directives: findDirectives(this.text, this.lines, this.skipRegions),
      wordDirectives: findWordDirectives(this.text, this.lines, this.skipRegions),
    };
  }

  private rangesOutsideSkips(ranges: readonly DateRange[]): DateRange[] {
    if (ranges.length === 0) return NO_RANGES;
    this.skipIndex ??= new SpanIndex(this.skipRegions);
    const skips = this.skipIndex;
    return ranges.filter((range) => !skips.overlaps(range.span.start, range.span.end));
  }

  /** Skip regions (sorted by start, possibly nested) for overlap queries in O(log n). */
  private skipIndex: SpanIndex | undefined;

  // --- sections ------------------------------------------------------------------------------

  /** Heading text of a line that could start a section, with its style. */
  private headingCandidate(info: LineInfo): Heading | undefined {
    if (info.heading) return info.heading;
    if (info.kind !== 'text') return undefined;
    const { start, end } = stripHeadingMarkup(this.text, info.contentStart, info.contentEnd);
    const value = this.text.slice(start, end);
    if (value.length === 0 || value.length > 60) return undefined;
    const base = { start: info.line.start, end: info.line.end, text: value, textSpan: { start, end }, level: 0 };
    if (info.boldOnly) return { ...base, style: 'bold' };
    if (CAPS_HEADING.test(value) && value.split(/\s+/).length <= 6) return { ...base, style: 'caps' };
    if (sectionKind(value) !== undefined && !/[.!?]$/.test(this.text.slice(info.contentStart, info.contentEnd))) {
      return { ...base, style: 'plain' };
    }
    return undefined;
  }

  /** Lines that start sections, in order. Marks those lines' headings. */
  private findSectionHeadings(): number[] {
    const starts: number[] = [];
    let currentLevel = 0; // ATX/setext level of the current section's heading, 0 when not ATX
    const anyKnown = this.infos.some((info) => {
      const candidate = this.headingCandidate(info);
      return candidate !== undefined && sectionKind(candidate.text) !== undefined;
    });
    for (const info of this.infos) {
      const candidate = this.headingCandidate(info);
      if (!candidate) continue;
      const known = sectionKind(candidate.text) !== undefined;
      let isSection = known;
      if (!isSection && starts.length > 0) {
        const short = !/[,|•–—]|\s-\s|\d/.test(candidate.text) && candidate.text.split(/\s+/).length <= 4;
        if (candidate.style === 'caps') {
          // ALL-CAPS lines are sections, unless they are ATX headings deeper than the section's own.
          isSection = !(candidate.level > 0 && currentLevel > 0 && candidate.level > currentLevel);
        } else if (candidate.level > 0 && currentLevel > 0) {
          isSection = short && candidate.level <= currentLevel && !looksLikeRole(candidate.text);
        }
      } else if (!isSection && !anyKnown && candidate.level > 0 && info.line.index > 0) {
        // No known section names at all: second-level Markdown headings stand for sections.
        isSection = candidate.level === 2;
      }
      if (!isSection) continue;
      info.heading = candidate;
      if (info.kind === 'text') info.kind = 'heading';
      starts.push(info.line.index);
      currentLevel = candidate.level;
    }
    return starts;
  }

  // --- header --------------------------------------------------------------------------------

  private *buildHeader(endLine: number): Generator<void, Header, void> {
    const contacts: ContactItem[] = [];
    const others: TextSpan[] = [];
    let name: TextSpan | undefined;
    let lastLine = -1;
    for (let i = 0; i < endLine; i++) {
      if ((i & LINES_PER_STEP) === LINES_PER_STEP) yield;
      const info = this.infos[i];
      if (info.kind === 'blank' || info.kind === 'comment' || info.kind === 'front-matter' || info.kind === 'underline' || info.kind === 'break') continue;
      lastLine = i;
      const span = info.heading ? info.heading.textSpan : stripHeadingMarkup(this.text, info.contentStart, info.contentEnd);
      const value = this.text.slice(span.start, span.end);
      const lineContacts = this.contactsIn(info.contentStart, info.contentEnd);
      if (!name && lineContacts.length === 0 && value.split(/\s+/).length <= 5 && !/[@\d|•:]/.test(value) && /\p{L}/u.test(value)) {
        name = { text: value, ...span };
        this.lineContext[i] = 'name';
        continue;
      }
      pushAll(contacts, lineContacts);
      if (lineContacts.length === 0) others.push({ text: value, ...span });
      this.lineContext[i] = lineContacts.length > 0 ? 'contact' : 'text';
    }
    const start = this.lines[0].start;
    const end = lastLine >= 0 ? this.infos[lastLine].line.end : start;
    return { start, end, name, contacts, lines: others };
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
    const kind = sectionKind(heading.text) ?? 'other';
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
    for (let index = 0; index < this.infos.length; index++) {
      const info = this.infos[index];
      if ((info.line.index & LINES_PER_STEP) === LINES_PER_STEP) yield;
      if (!PROSE_KINDS.has(info.kind) && !(info.kind === 'fence' && info.proseFence)) continue;
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
    }
    words.trim();
    return words;
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
