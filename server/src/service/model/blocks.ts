/**
 * Pass 1 of the parser: what each line is (blank, heading, bullet, fence, table, text, or not content at all) and the
 * regions inside lines that are not prose. One pass over the lines in document order, with a little state (an open
 * fence, HTML block, comment, drawer or directive block, the paragraph a setext underline would close).
 *
 * Three markups are read: Markdown as CommonMark reads it (ATX and setext headings, fences, the seven kinds of HTML
 * block with CommonMark's start and end conditions, thematic breaks, link reference definitions), plus what static
 * site pages and Pandoc add (YAML/TOML front matter, Liquid/Jinja tags, fenced divs, attributes); Org-mode (`*`
 * headings, `#+KEY:` lines, drawers, blocks, COMMENT and `:noexport:` subtrees); and reStructuredText (section
 * adornments with or without overlines, explicit markup blocks, line blocks, literal blocks). Plain text and text
 * converted from PDF are read as Markdown that uses none of it, plus page furniture (page numbers, running headers
 * and footers) around form feeds. Which markup a text is written in is told by its own marks ({@link detectMarkup}).
 *
 * Nothing here keeps a third-party parser's tokens: test/unit/blocks.test.ts holds the Markdown block structure to a
 * reference CommonMark parser (markdown-it) over the fixtures and fuzzed input.
 */
import { asciiFirst } from './asciiFirst';
import { scanInline, type InlineMarkup } from './inline';
import type { Heading, Line, Markup, MetaField, SkipRegion, Span, TextSpan } from './types';
import { isSpace } from './words';

/** Lines between two places where parsing may pause (a power of two minus one, for a mask). */
export const LINES_PER_STEP = 1023;

/**
 * What a line is. `comment` is any line that holds nothing a reader reads: an HTML, Org, rST or Liquid comment, a
 * directive or keyword line, a drawer, a link reference definition, a line of tags only, page furniture (see
 * {@link LineInfo.hidden}). `underline` is a setext/rST underline or overline, or a line a heading above continues
 * onto (the heading's first line carries the whole heading).
 */
export type LineKind = 'blank' | 'heading' | 'underline' | 'bullet' | 'fence' | 'comment' | 'table' | 'break' | 'text' | 'front-matter';


/** Why a `comment` line holds nothing to read. */
export type HiddenReason =
  | 'html-comment' // <!-- … -->
  | 'html' // tags, entities only (`</div>`, `<br>`, `&nbsp;`), a <style>/<script> block
  | 'comment' // Org `# …`, rST `.. …`, Liquid `{% comment %}`, an Org COMMENT or :noexport: subtree
  | 'markup' // Liquid/Jinja tags alone, Org `#+KEY:` lines and drawers, rST directives, Pandoc `:::` fences
  | 'link-definition' // [label]: url "title"
  | 'page'; // a page number or a running header/footer of text converted from PDF

export interface LineInfo {
  kind: LineKind;
  line: Line;
  /**
   * Offsets of the line's content without indentation, trailing blanks (zero-width spaces too), markers that only
   * frame it (an rST line block's `| `, leading and trailing HTML tags: `<dt>Title</dt>` → `Title`). A heading written
   * over several lines carries the whole heading here, on its first line.
   */
  contentStart: number;
  contentEnd: number;
  heading?: Heading;
  bullet?: { marker: TextSpan; contentStart: number; indent: number };
  /** A line that is one bold phrase (`**Education**`). */
  boldOnly?: boolean;
  /** A leading bold phrase (`**Alibaba Group** Software Engineer`). */
  leadingBold?: Span;
  /** Inside a fenced block whose text is prose (```` ```text ````, untagged): the line is read as résumé text. */
  proseFence?: boolean;
  /** CommonMark: the line belongs to a raw HTML block (its tags are skip regions, its text the content). */
  html: boolean;
  /** For a `comment` line: why it holds nothing to read. */
  hidden: HiddenReason | undefined;
  /**
   * A line of bullet glyphs only (`●`, `◦`: PDF debris, the glyph came apart from its text) or a list marker alone (an
   * empty list item). Its kind is `blank`.
   */
  loneGlyph: boolean;
}

export interface LineScan {
  infos: LineInfo[];
  skipRegions: SkipRegion[];
  markup: Markup;
  meta: MetaField[];
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)/;
/** Bullet markers, including the glyphs PDF converters leave (`•`, `▪`, `◦`, `●`, `■`, ``). */
/** Markdown markers need a space after them (`*March 2021*` is emphasis); PDF glyphs may be glued (`•Designed`). */
export const BULLET = asciiFirst(/^([ \t]*)(?:([-*+]|\d{1,2}[.)])[ \t]+|([•▪◦●■□➢►‣⁃∙·\uf0b7\uf0a7])(?:[ \t\u200b]+|(?=[\p{L}\p{N}])))/u);
/** A list marker alone on its line: an empty list item. */
const LONE_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]*$/;
/** A line of bullet glyphs only, maybe with blanks and zero-width spaces between them. */
const LONE_GLYPHS = /^[•▪◦●■□➢►‣⁃∙·\uf0b7\uf0a7\s\u200b]+$/;
export const PROSE_FENCE_INFO: ReadonlySet<string> = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'markdown', 'md']);

// HTML blocks (CommonMark 0.31, §4.6), by the kind of their start condition.
const HTML_RAW_START = /^<(script|pre|style|textarea)(?=[\s>]|$)/i; // 1
const HTML_RAW_END = /<\/(?:script|pre|style|textarea)>/i;
const HTML_BLOCK_TAGS = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(' '),
);
const HTML_TAG_NAME = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/; // 6, when the name is a block tag
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const HTML_COMPLETE_TAG = new RegExp(`^(?:<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*\\s*/?>|</[A-Za-z][A-Za-z0-9-]*\\s*>)\\s*$`); // 7
/**
 * One tag, comment or entity at a position (sticky): what a line of HTML is made of besides its text. Matched in the
 * whole text from a line's offset, so it never crosses a line break (nothing after an unclosed quote or comment is
 * searched).
 */
const LINE_ATTRIBUTE = `(?:[ \\t]+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:[ \\t]*=[ \\t]*(?:[^"'=<>\`\\s]+|'[^'\\n]*'|"[^"\\n]*"))?)`;
const HTML_PIECE = new RegExp(`<[A-Za-z][A-Za-z0-9-]*${LINE_ATTRIBUTE}*[ \\t]*/?>|</[A-Za-z][A-Za-z0-9-]*[ \\t]*>|<!--.*?-->|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\\d{1,7}|#[xX][0-9a-fA-F]{1,6});`, 'y');
/** `<h2>Experience</h2>`: a heading written in HTML. */
const HTML_HEADING = /^<h([1-6])(?:\s[^>]*)?>(.*?)<\/h\1\s*>$/i;

/** `[label]: destination "title"` (one line; the label not blank). */
const LINK_DEFINITION = /^ {0,3}\[(?:[^[\]\\]|\\.){0,998}[^\s[\]\\](?:[^[\]\\]|\\.){0,998}\]:[ \t]*(?:<[^<>\n]*>|[^\s<][^\s]*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;
/** A line of Liquid/Jinja/Hugo tags only: `{% include base_path %}`, `{{ page.title }}`, `{# note #}`. */
const TEMPLATE_ONLY = /^(?:\s*(?:\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}))+\s*$/;
const LIQUID_COMMENT_OPEN = /^\s*\{%-?\s*comment\s*-?%\}/;
const LIQUID_COMMENT_CLOSE = /\{%-?\s*endcomment\s*-?%\}/;
/** A Pandoc fenced div: `::: {.section}`, `:::`. */
const PANDOC_DIV = /^ {0,3}:{3,}(?:\s.*)?$/;

// Org-mode
const ORG_HEADING = /^(\*+)[ \t]+(.*?)[ \t]*$/;
const ORG_KEYWORD = /^[ \t]*#\+([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$/d;
const ORG_BLOCK = /^[ \t]*#\+(begin|end)_(\w+)/i;
const ORG_DRAWER = /^[ \t]*:([\w-]+):[ \t]*$/;
const ORG_TAGS = /[ \t]+(:[\w@#%:]+:)[ \t]*$/;
const ORG_PLANNING = /^[ \t]*(?:SCHEDULED|DEADLINE|CLOSED):/;
/** Org blocks whose content is code or export text, never prose. */
const ORG_CODE_BLOCKS = new Set(['src', 'example', 'export', 'latex', 'html', 'verbatim', 'ascii', 'comment']);

// reStructuredText
/** Characters an rST section adornment may be made of (every printable ASCII punctuation mark). */
const RST_ADORNMENT = /^([!-/:-@[-`{-~])\1*[ \t]*$/;
const RST_EXPLICIT = /^([ \t]*)\.\.(?:[ \t]+|$)(.*)$/;
const RST_DIRECTIVE = /^([\w:+.-]+)::(?:[ \t]|$)/;
/** Directives whose body is code, data or an image: never prose. */
const RST_HIDDEN_DIRECTIVES = new Set(
  'code code-block sourcecode highlight math raw image figure include literalinclude csv-table meta contents sectnum section-numbering header footer role default-role title index target-notes class'.split(' '),
);

/** Page numbers alone on a line: `3`, `Page 3`, `3 of 4`, `- 3 -`. */
const PAGE_NUMBER = /^(?:(?:page|p\.|seite|página|pagina)\s*)?\d{1,3}(?:\s*(?:\/|of|sur|de|von)\s*\d{1,3})?$|^[-–—]\s*\d{1,3}\s*[-–—]$/i;

/** Whether a character is blank at a line's edges: white space, a zero-width space or a word joiner. */
function isEdgeBlank(code: number): boolean {
  return isSpace(code) || code === 0x200b || code === 0x2060;
}

/** A space or a tab. */
function isBlankOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** The width of the indentation `raw[0, end)`, tabs to the next multiple of four (CommonMark's tab stops). */
function indentColumns(raw: string, end: number): number {
  let width = 0;
  for (let i = 0; i < end; i++) {
    const code = raw.charCodeAt(i);
    if (code === 0x09) width += 4 - (width % 4);
    else if (code !== 0x0c) width += 1; // a form feed takes no column
  }
  return width;
}

/** The width of the indentation `raw[0, end)` (spaces and tabs), a tab counting four. */
function indentWidth(raw: string, end: number): number {
  let width = 0;
  for (let i = 0; i < end; i++) width += raw.charCodeAt(i) === 0x09 ? 4 : 1;
  return width;
}

/** Whether `raw[0, end)` is spaces and tabs only. */
function onlyBlanksAndTabs(raw: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isBlankOrTab(raw.charCodeAt(i))) return false;
  return true;
}

/**
 * The markup a text is written in, told by marks no other markup makes: Org's `#+KEY:` lines and property drawers;
 * rST's explicit markup (`.. `), hyperlink references (`` `text <url>`_ ``), overlined titles, and underlines of
 * characters Markdown does not underline with. Everything else is Markdown (plain text included).
 */
export function detectMarkup(text: string, lines: readonly Line[]): Markup {
  let rst = text.indexOf('>`_') >= 0;
  // An Org outline without keywords: `* ` and `** ` headings, and none of Markdown's headings.
  let orgTop = 0;
  let orgSub = 0;
  let markdownHeadings = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].text;
    const first = raw.charCodeAt(0);
    if (first === 0x23 /* # */) {
      if (raw.charCodeAt(1) === 0x2b /* + */ && ORG_KEYWORD.test(raw)) return 'org';
      if (ATX.test(raw)) markdownHeadings++;
      continue;
    }
    if (first === 0x3a /* : */ && /^:PROPERTIES:[ \t]*$/i.test(raw)) return 'org';
    if (first === 0x2a /* * */) {
      const stars = /^(\*+) \S/.exec(raw);
      if (stars) {
        if (stars[1].length === 1) orgTop++;
        else orgSub++;
      }
    }
    if ((first === 0x3d || first === 0x2d) && i > 0 && lines[i - 1].text.trim().length > 0 && UNDERLINE.test(raw)) markdownHeadings++;
    if (rst) continue;
    if (first === 0x2e /* . */ && raw.charCodeAt(1) === 0x2e && raw.charCodeAt(2) === 0x20 && raw.length > 3 && !isSpace(raw.charCodeAt(3))) {
      rst = true;
      continue;
    }
    // An adornment: under a line of text no longer than itself, in a character Markdown does not underline with, or
    // over and under one.
    if (first < 0x21 || first > 0x7e || raw.length < 3 || !RST_ADORNMENT.test(raw)) continue;
    const length = raw.trimEnd().length;
    const previous = i > 0 ? lines[i - 1].text.trim() : '';
    const next = i + 1 < lines.length ? lines[i + 1].text.trim() : '';
    const after = i + 2 < lines.length ? lines[i + 2].text.trimEnd() : '';
    // (Not `---` over and under: in Markdown, a thematic break and a setext heading.)
    if (first !== 0x2d && next.length > 0 && next.length <= length && after === raw.trimEnd() && !RST_ADORNMENT.test(next)) rst = true;
    else if (first !== 0x3d && first !== 0x2d && first !== 0x60 && length >= 4 && previous.length > 0 && previous.length <= length && !RST_ADORNMENT.test(previous)) rst = true;
  }
  if (rst) return 'rst';
  return orgSub > 0 && orgTop >= 2 && markdownHeadings === 0 ? 'org' : 'markdown';
}

interface Paragraph {
  /** Its first line. */
  start: number;
  /** A list item's paragraph (lazy continuation lines): a setext underline does not close it into a heading. */
  lazy: boolean;
}

interface Fence {
  marker: string;
  start: number;
  info: string;
  prose: boolean;
  /** An Org block's name (`src`, `example`…), closed by `#+END_name`. */
  org?: string;
}

/** Reads a document's lines into {@link LineInfo}s. */
class BlockReader {
  readonly infos: LineInfo[] = [];
  readonly skipRegions: SkipRegion[] = [];
  readonly meta: MetaField[] = [];
  private frontMatterEnd = -1;
  private fence: Fence | undefined;
  /** An open raw HTML block: its kind (1–7) and, for kinds 1–5, the pattern that closes it. */
  private htmlBlock: { type: number; end?: RegExp; hideAll: boolean } | undefined;
  /** An HTML comment open inside an HTML block. */
  private htmlBlockComment = false;
  /** An open `<!--` comment (kind 2 HTML block), from this offset. */
  private commentStart: number | undefined;
  /** The open comment is a raw HTML block (not one indented four columns or more). */
  private commentInBlock = true;
  /** An open Liquid `{% comment %}` block, from this offset. */
  private liquidCommentStart: number | undefined;
  private paragraph: Paragraph | undefined;
  // Org-mode
  /** Inside an Org COMMENT or :noexport: subtree: hidden until a heading of this level or higher. */
  private orgHiddenLevel = 0;
  /** Inside an Org drawer, up to this line. */
  private orgDrawerEnd = -1;
  /** Per line of an Org text, the next `:END:` line and the next heading (for drawers, which must be closed). */
  private orgNextEnd: Int32Array | undefined;
  private orgNextHeading: Int32Array | undefined;
  /** Per Org block name, the lines that end such a block (`#+END_SRC`), in order. */
  private readonly orgBlockEnds = new Map<string, number[]>();
  // reStructuredText
  /** An explicit markup block (comment, directive…): lines indented past `indent` belong to it. */
  private rstBlock: { indent: number; hidden: boolean; reason: HiddenReason } | undefined;
  /** A literal block (after a paragraph ending in `::`): lines indented past `indent`. */
  private rstLiteral: { indent: number; started: boolean } | undefined;
  /** The last paragraph ended with `::`: an indented block after it is literal. */
  private rstLiteralNext = -1;
  /** Adornment styles in the order they first appear: their index is the heading level - 1. */
  private readonly rstStyles: string[] = [];
  /** Lines already classified by a look-ahead (an rST title's text and underline). */
  private decidedUpTo = -1;

  constructor(
    private readonly text: string,
    private readonly lines: readonly Line[],
    readonly markup: Markup,
  ) {}

  /** Front matter: `---` … `---`/`...` (YAML) or `+++` … `+++` (TOML) from the first line, keys inside. */
  readFrontMatter(): void {
    const lines = this.lines;
    if (lines.length < 3) return;
    const opening = lines[0].text.trimEnd();
    const yaml = opening === '---';
    if (!yaml && opening !== '+++') return;
    const keyLine = yaml ? /^[\w-]+[ \t]*:/ : /^[\w-]+[ \t]*=/;
    if (!keyLine.test(lines[1].text)) return;
    for (let i = 1; i < Math.min(lines.length, 400); i++) {
      const closing = lines[i].text.trimEnd();
      if (yaml ? closing === '---' || closing === '...' : closing === '+++') {
        this.frontMatterEnd = i;
        break;
      }
    }
    if (this.frontMatterEnd < 0) return;
    this.skipRegions.push({ kind: 'front-matter', start: 0, end: lines[this.frontMatterEnd].end });
    // Top-level keys with a value on their line (nested ones, `items:` lists of `- name:`, are not the page's).
    const field = yaml ? /^([A-Za-z_][\w-]*)[ \t]*:[ \t]+(.*?)[ \t]*$/d : /^([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.*?)[ \t]*$/d;
    for (let i = 1; i < this.frontMatterEnd; i++) {
      const match = field.exec(lines[i].text);
      if (match) this.addMeta(match[1], lines[i].start + match.indices![2][0], match[2]);
    }
  }

  /** A metadata value (quotes dropped) under its key. */
  private addMeta(key: string, start: number, raw: string): void {
    let value = raw;
    let at = start;
    const quote = value.charAt(0);
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      at += 1;
    }
    const trimmed = value.trim();
    if (trimmed.length === 0) return;
    at += value.indexOf(trimmed);
    this.meta.push({ key: key.toLowerCase(), value: { text: trimmed, start: at, end: at + trimmed.length } });
  }

  /** Prepares the look-ups an Org text needs (drawers must be closed before the next heading). */
  prepareOrg(): void {
    const count = this.lines.length;
    const nextEnd = new Int32Array(count + 1).fill(-1);
    const nextHeading = new Int32Array(count + 1).fill(count);
    for (let i = count - 1; i >= 0; i--) {
      const raw = this.lines[i].text;
      nextEnd[i] = /^[ \t]*:END:[ \t]*$/i.test(raw) ? i : nextEnd[i + 1];
      nextHeading[i] = raw.charCodeAt(0) === 0x2a && ORG_HEADING.test(raw) ? i : nextHeading[i + 1];
    }
    for (let i = 0; i < count; i++) {
      const raw = this.lines[i].text;
      const block = raw.indexOf('#+') >= 0 ? ORG_BLOCK.exec(raw) : null;
      if (!block || block[1].toLowerCase() !== 'end') continue;
      const name = block[2].toLowerCase();
      const ends = this.orgBlockEnds.get(name);
      if (ends) ends.push(i);
      else this.orgBlockEnds.set(name, [i]);
    }
    this.orgNextEnd = nextEnd;
    this.orgNextHeading = nextHeading;
  }

  /** Classifies one line (in order). */
  read(index: number): void {
    const line = this.lines[index];
    const raw = line.text;
    // Indentation and trailing blanks, without making trimmed copies.
    let indentLength = 0;
    while (indentLength < raw.length && isSpace(raw.charCodeAt(indentLength))) indentLength++;
    let contentLength = raw.length;
    while (contentLength > indentLength && isEdgeBlank(raw.charCodeAt(contentLength - 1))) contentLength--;
    while (indentLength < contentLength && isEdgeBlank(raw.charCodeAt(indentLength))) indentLength++;
    // Every field from the start: one object shape for all lines (fields added later would give each kind of line
    // its own shape, and the passes below would read them through slower, polymorphic accesses).
    const info: LineInfo = {
      kind: 'text',
      line,
      contentStart: line.start + indentLength,
      contentEnd: line.start + contentLength,
      heading: undefined,
      bullet: undefined,
      boldOnly: false,
      leadingBold: undefined,
      proseFence: false,
      html: false,
      hidden: undefined,
      loneGlyph: false,
    };
    this.infos.push(info);
    if (index <= this.decidedUpTo) {
      // Classified by a look-ahead already (an rST title): keep what was decided, which lives in `pending`.
      const decided = this.pending.get(index);
      if (decided) Object.assign(info, decided);
      this.pending.delete(index);
      return;
    }
    if (index <= this.frontMatterEnd) {
      info.kind = 'front-matter';
      return;
    }
    if (this.readOpenBlock(info, raw, indentLength)) return;
    if (info.contentStart === info.contentEnd) {
      this.blank(info);
      return;
    }
    if (this.markup === 'org') this.readOrg(info, raw, indentLength);
    else if (this.markup === 'rst') this.readRst(info, raw, indentLength);
    else this.readMarkdown(info, raw, indentLength, true);
  }

  /** Lines an rST look-ahead classified, by index, until their turn. */
  private readonly pending = new Map<number, Partial<LineInfo>>();

  private blank(info: LineInfo): void {
    info.kind = 'blank';
    this.paragraph = undefined;
  }

  /** Lines inside a block opened earlier (fence, HTML block, comment, drawer, directive): true when handled. */
  private readOpenBlock(info: LineInfo, raw: string, indentLength: number): boolean {
    const line = info.line;
    if (this.fence) {
      const fence = this.fence;
      const closed = fence.org ? this.orgBlockEnd(raw, fence.org) : this.fenceCloses(raw, fence);
      if (closed) {
        info.kind = 'fence';
        this.skipRegions.push({ kind: 'code-fence', start: fence.start, end: line.end, info: fence.info });
        this.fence = undefined;
        this.paragraph = undefined;
        return true;
      }
      if (fence.prose) {
        // A résumé inside a text fence is read as one: its lines are classified as the lines of a plain text.
        info.proseFence = true;
        if (info.contentStart === info.contentEnd) this.blank(info);
        else this.readMarkdown(info, raw, indentLength, false);
        return true;
      }
      info.kind = 'fence';
      return true;
    }
    if (this.commentStart !== undefined) {
      this.hide(info, 'html-comment');
      info.html = this.commentInBlock;
      const close = raw.indexOf('-->');
      if (close >= 0) {
        this.skipRegions.push({ kind: 'html-comment', start: this.commentStart, end: line.start + close + 3 });
        this.commentStart = undefined;
      }
      return true;
    }
    if (this.liquidCommentStart !== undefined) {
      this.hide(info, 'comment');
      const close = LIQUID_COMMENT_CLOSE.exec(raw);
      if (close) {
        this.skipRegions.push({ kind: 'comment', start: this.liquidCommentStart, end: line.start + close.index + close[0].length });
        this.liquidCommentStart = undefined;
      }
      return true;
    }
    if (this.htmlBlock) {
      const block = this.htmlBlock;
      if (block.end === undefined && info.contentStart === info.contentEnd) {
        // Kinds 6 and 7 end at a blank line (which is not theirs).
        this.htmlBlock = undefined;
        this.htmlBlockComment = false;
        return false;
      }
      this.htmlLine(info, raw, indentLength, block.hideAll);
      if (block.end && block.end.test(raw)) {
        this.htmlBlock = undefined;
        this.htmlBlockComment = false;
      }
      return true;
    }
    if (this.markup === 'org') {
      if (this.orgDrawerEnd >= line.index) {
        this.hide(info, 'markup');
        this.region('markup', info);
        const keyword = ORG_KEYWORD.exec(raw);
        if (keyword && keyword[2].length > 0) this.addMeta(keyword[1], line.start + keyword.indices![2][0], keyword[2]);
        return true;
      }
      if (this.orgHiddenLevel > 0) {
        const heading = raw.charCodeAt(0) === 0x2a ? ORG_HEADING.exec(raw) : null;
        if (heading && heading[1].length <= this.orgHiddenLevel) {
          this.orgHiddenLevel = 0;
          return false;
        }
        this.hide(info, 'comment');
        this.region('comment', info);
        return true;
      }
    }
    if (this.markup === 'rst') {
      const indent = indentColumns(raw, indentLength);
      const blank = info.contentStart === info.contentEnd;
      if (this.rstBlock) {
        if (blank || indent > this.rstBlock.indent) {
          if (blank) this.blank(info);
          else if (this.rstBlock.hidden) {
            this.hide(info, this.rstBlock.reason);
            this.region(this.rstBlock.reason === 'comment' ? 'comment' : 'markup', info);
          } else return false;
          return true;
        }
        this.rstBlock = undefined;
      }
      if (this.rstLiteral) {
        if (blank) {
          this.blank(info);
          return true;
        }
        if (indent > this.rstLiteral.indent) {
          info.kind = 'fence';
          this.skipRegions.push({ kind: 'code-fence', start: info.contentStart, end: info.contentEnd, info: 'literal' });
          this.rstLiteral.started = true;
          return true;
        }
        this.rstLiteral = undefined;
      }
      if (this.rstLiteralNext >= 0 && !blank) {
        // The first line after the `::` paragraph and its blank line: literal when indented past the paragraph.
        const paragraphIndent = this.rstLiteralNext;
        this.rstLiteralNext = -1;
        if (indent > paragraphIndent && info.line.index > 0 && this.infos[info.line.index - 1].kind === 'blank') {
          this.rstLiteral = { indent: paragraphIndent, started: true };
          info.kind = 'fence';
          this.skipRegions.push({ kind: 'code-fence', start: info.contentStart, end: info.contentEnd, info: 'literal' });
          return true;
        }
      }
    }
    return false;
  }

  /** Marks a line as holding nothing to read. */
  private hide(info: LineInfo, reason: HiddenReason): void {
    info.kind = 'comment';
    info.hidden = reason;
  }

  /** A skip region over a line's content. */
  private region(kind: SkipRegion['kind'], info: LineInfo): void {
    if (info.contentEnd > info.contentStart) this.skipRegions.push({ kind, start: info.contentStart, end: info.contentEnd });
  }

  private fenceCloses(raw: string, fence: Fence): boolean {
    const close = raw.charCodeAt(0) === 0x60 || raw.charCodeAt(0) === 0x7e || raw.charCodeAt(0) === 0x20 ? FENCE.exec(raw) : null;
    return close !== null && close[1][0] === fence.marker[0] && close[1].length >= fence.marker.length && close[2] === '' && raw.slice(close[0].length).trim() === '';
  }

  private orgBlockEnd(raw: string, name: string): boolean {
    const match = ORG_BLOCK.exec(raw);
    return match !== null && match[1].toLowerCase() === 'end' && match[2].toLowerCase() === name;
  }

  // --- Markdown ------------------------------------------------------------------------------------

  /**
   * A Markdown (or plain text) line outside any open block. `blocks`: whether Markdown's block marks that a text
   * fence turns off are read (fences, HTML blocks, link definitions, Liquid and Pandoc lines).
   */
  private readMarkdown(info: LineInfo, raw: string, indentLength: number, blocks: boolean): void {
    const line = info.line;
    const first = raw.charCodeAt(indentLength);
    const indent = indentColumns(raw, indentLength);
    const paragraph = this.paragraph;
    if (indent <= 3) {
      // Each pattern needs a particular first character: most lines (prose, entries) are tested by none.
      if (blocks && (first === 0x60 || first === 0x7e)) {
        const open = FENCE.exec(raw);
        if (open && !(open[1][0] === '`' && raw.indexOf('`', open[0].length) >= 0)) {
          const fenceInfo = open[2].toLowerCase();
          this.fence = { marker: open[1], start: line.start, info: fenceInfo, prose: PROSE_FENCE_INFO.has(fenceInfo) };
          info.kind = 'fence';
          this.paragraph = undefined;
          return;
        }
      }
      if (blocks && first === 0x3c && this.htmlBlockStart(info, raw, indentLength, paragraph !== undefined)) return;
      if (first === 0x23) {
        const atx = ATX.exec(raw);
        if (atx) {
          this.atxHeading(info, raw, atx);
          return;
        }
      }
      if ((first === 0x3d || first === 0x2d) && paragraph && !paragraph.lazy && UNDERLINE.test(raw)) {
        this.setextHeading(info, paragraph.start, raw.charCodeAt(indentLength) === 0x3d ? 1 : 2);
        return;
      }
      if ((first === 0x2d || first === 0x2a || first === 0x5f) && BREAK.test(raw)) {
        info.kind = 'break';
        this.paragraph = undefined;
        return;
      }
      if (blocks && first === 0x5b && !paragraph && LINK_DEFINITION.test(raw)) {
        this.hide(info, 'link-definition');
        this.region('link-definition', info);
        return;
      }
    }
    if (blocks && indent > 3 && first === 0x3c && raw.startsWith('<!--', indentLength)) {
      this.commentLine(info, raw, indentLength, false);
      return;
    }
    if (first === 0x7c) {
      info.kind = 'table';
      this.paragraph = undefined;
      return;
    }
    if (blocks && first === 0x7b && raw.indexOf('}', indentLength) > 0) {
      if (LIQUID_COMMENT_OPEN.test(raw) && !LIQUID_COMMENT_CLOSE.test(raw)) {
        this.hide(info, 'comment');
        this.liquidCommentStart = info.contentStart;
        this.paragraph = undefined;
        return;
      }
      if (TEMPLATE_ONLY.test(raw)) {
        // Rendered, the tag leaves an empty line: it ends a paragraph.
        this.hide(info, 'markup');
        this.region('markup', info);
        this.paragraph = undefined;
        return;
      }
    }
    if (blocks && first === 0x3a && PANDOC_DIV.test(raw)) {
      this.hide(info, 'markup');
      this.region('markup', info);
      this.paragraph = undefined;
      return;
    }
    if (this.bulletLine(info, raw, indentLength, first)) return;
    if (!paragraph && indent <= 3 && LONE_MARKER.test(raw)) {
      // An empty list item (`-`, `1.` alone): no text, and no paragraph for an underline to close.
      info.kind = 'blank';
      info.loneGlyph = true;
      this.paragraph = undefined;
      return;
    }
    if (first === 0x25 && blocks && line.index <= 2 && /^% /.test(raw) && this.infos.every((earlier) => earlier === info || earlier.line.text.startsWith('% '))) {
      // A Pandoc title block: `% Title`, `% Author`, `% Date`.
      info.contentStart = line.start + 2;
    }
    this.textLine(info, raw, paragraph, first);
  }

  /** A line of text: a paragraph's first or next line. */
  private textLine(info: LineInfo, raw: string, paragraph: Paragraph | undefined, first: number): void {
    info.kind = 'text';
    if (first === 0x3c || raw.charCodeAt(info.contentEnd - info.line.start - 1) === 0x3e || raw.indexOf('&', info.contentStart - info.line.start) >= 0) {
      // Tags at the edges frame the text (`<br>2019 – 2020<br>`); a line of tags and entities only holds no text.
      if (!this.trimTags(info)) {
        this.hide(info, 'html');
        if (!paragraph) this.paragraph = { start: info.line.index, lazy: false };
        return;
      }
    }
    if (!paragraph) this.paragraph = { start: info.line.index, lazy: false };
    this.boldParts(info);
  }

  /** `**Education**`, `**Alibaba Group** Software Engineer`. */
  private boldParts(info: LineInfo): void {
    const first = this.text.charCodeAt(info.contentStart);
    if (first !== 0x2a && first !== 0x5f) return;
    const bold = /^(\*\*|__)(.+?)\1/.exec(this.text.slice(info.contentStart, info.contentEnd));
    if (!bold) return;
    const boldSpan = { start: info.contentStart, end: info.contentStart + bold[0].length };
    info.leadingBold = boldSpan;
    info.boldOnly = /^[\s:]*$/.test(this.text.slice(boldSpan.end, info.contentEnd));
  }

  /** Bullets: `- `, `* `, `+ ` after blanks (most), then the others (`1.`, PDF glyphs) by {@link BULLET}. */
  private bulletLine(info: LineInfo, raw: string, indentLength: number, first: number): boolean {
    const line = info.line;
    if ((first === 0x2d || first === 0x2a || first === 0x2b) && indentLength + 1 < raw.length && isBlankOrTab(raw.charCodeAt(indentLength + 1)) && onlyBlanksAndTabs(raw, indentLength)) {
      let contentOffset = indentLength + 2;
      while (contentOffset < raw.length && isBlankOrTab(raw.charCodeAt(contentOffset))) contentOffset++;
      const markerStart = line.start + indentLength;
      info.kind = 'bullet';
      info.bullet = { marker: { text: raw[indentLength], start: markerStart, end: markerStart + 1 }, contentStart: line.start + contentOffset, indent: indentWidth(raw, indentLength) };
      this.paragraph = { start: line.index, lazy: true };
      return true;
    }
    if (first >= 0x80 && LONE_GLYPHS.test(raw)) {
      info.kind = 'blank';
      info.loneGlyph = true;
      this.paragraph = undefined;
      return true;
    }
    const bullet = first === 0x2d || first === 0x2a || first === 0x2b || (first >= 0x30 && first <= 0x39) || first >= 0x80 ? BULLET.exec(raw) : null;
    if (!bullet) return false;
    const markerStart = line.start + bullet[1].length;
    const marker = bullet[2] ?? bullet[3];
    const contentStart = line.start + bullet[0].length;
    info.kind = 'bullet';
    info.bullet = { marker: { text: marker, start: markerStart, end: markerStart + marker.length }, contentStart, indent: indentWidth(raw, bullet[1].length) };
    this.paragraph = { start: line.index, lazy: true };
    return true;
  }

  private atxHeading(info: LineInfo, raw: string, atx: RegExpExecArray): void {
    const line = info.line;
    info.kind = 'heading';
    const level = atx[1].length;
    let start = line.start + atx[0].length;
    let end = line.start + raw.replace(/[ \t]+#+[ \t]*$/, '').trimEnd().length;
    if (/^#+[ \t]*$/.test(raw.slice(atx[0].length))) end = start; // `## ##`: an empty heading
    if (end < start) end = start;
    ({ start, end } = stripHeadingMarkup(this.text, start, end));
    info.heading = { style: 'atx', level, start: line.start, end: line.end, text: this.text.slice(start, end), textSpan: { start, end } };
    this.paragraph = undefined;
  }

  /**
   * A setext underline closing the paragraph that began at `startLine` (CommonMark: every line of the paragraph is
   * the heading's). The first line carries the heading; the others become `underline` lines.
   */
  private setextHeading(info: LineInfo, startLine: number, level: number): void {
    const first = this.infos[startLine];
    const last = this.infos[info.line.index - 1];
    const { start, end } = stripHeadingMarkup(this.text, first.contentStart, last.contentEnd);
    first.kind = 'heading';
    first.heading = { style: 'setext', level, start: first.line.start, end: info.line.end, text: this.text.slice(start, end), textSpan: { start, end } };
    first.contentEnd = Math.max(first.contentEnd, last.contentEnd);
    first.boldOnly = false;
    first.leadingBold = undefined;
    for (let i = startLine + 1; i < info.line.index; i++) this.infos[i].kind = 'underline';
    info.kind = 'underline';
    this.paragraph = undefined;
  }

  // --- HTML ----------------------------------------------------------------------------------------

  /** Opens a raw HTML block at this line when one starts here (CommonMark's seven start conditions). */
  private htmlBlockStart(info: LineInfo, raw: string, indentLength: number, inParagraph: boolean): boolean {
    const rest = raw.slice(indentLength);
    let type = 0;
    let end: RegExp | undefined;
    if (HTML_RAW_START.test(rest)) {
      type = 1;
      end = HTML_RAW_END;
    } else if (rest.startsWith('<!--')) {
      // Kind 2: a comment. Its text is hidden (and read for `vita-` directives).
      this.commentLine(info, raw, indentLength, true);
      return true;
    } else if (rest.startsWith('<?')) {
      type = 3;
      end = /\?>/;
    } else if (/^<![A-Za-z]/.test(rest)) {
      type = 4;
      end = />/;
    } else if (rest.startsWith('<![CDATA[')) {
      type = 5;
      end = /\]\]>/;
    } else {
      const name = HTML_TAG_NAME.exec(rest);
      if (name && HTML_BLOCK_TAGS.has(name[1].toLowerCase())) type = 6;
      else if (!inParagraph && HTML_COMPLETE_TAG.test(rest)) type = 7;
    }
    if (type === 0) return false;
    this.paragraph = undefined;
    const hideAll = type === 1 ? !/^<pre/i.test(rest) : type !== 6 && type !== 7;
    this.htmlBlock = { type, end, hideAll };
    this.htmlBlockComment = false;
    this.htmlLine(info, raw, indentLength, hideAll);
    if (end && end.test(rest)) this.htmlBlock = undefined;
    return true;
  }

  /**
   * A line that opens an HTML comment: hidden, and so are the lines up to the one that closes it. `block`: a raw
   * HTML block of CommonMark's (indented four columns or more, CommonMark reads it as code or text, but a
   * `vita-disable` comment set at a nested bullet's indentation is still a comment).
   */
  private commentLine(info: LineInfo, raw: string, indentLength: number, block: boolean): void {
    this.paragraph = undefined;
    this.hide(info, 'html-comment');
    info.html = block;
    this.commentInBlock = block;
    const close = raw.indexOf('-->', indentLength + 4);
    if (close >= 0) {
      this.skipRegions.push({ kind: 'html-comment', start: info.contentStart, end: info.line.start + close + 3 });
      const after = raw.slice(close + 3).trim();
      // Text after the comment on its line is still the block's (kind 2 ends with the line that closes it).
      if (after.length > 0) this.skipRegions.push({ kind: 'html-tag', start: info.line.start + close + 3, end: info.contentEnd });
    } else this.commentStart = info.contentStart;
  }

  /** A line of a raw HTML block: its text between the tags, or nothing to read. */
  private htmlLine(info: LineInfo, raw: string, indentLength: number, hideAll: boolean): void {
    info.html = true;
    if (info.contentStart === info.contentEnd) {
      info.kind = 'blank';
      return;
    }
    if (hideAll) {
      this.hide(info, 'html');
      this.region('html-tag', info);
      return;
    }
    const heading = raw.charCodeAt(indentLength + 1) === 0x68 || raw.charCodeAt(indentLength + 1) === 0x48 ? HTML_HEADING.exec(raw.slice(indentLength, info.contentEnd - info.line.start)) : null;
    if (!this.trimTags(info)) {
      this.hide(info, 'html');
      this.region('html-tag', info);
      return;
    }
    info.kind = 'text';
    if (heading) {
      const { start, end } = stripHeadingMarkup(this.text, info.contentStart, info.contentEnd);
      info.kind = 'heading';
      info.heading = { style: 'atx', level: Number(heading[1]), start: info.line.start, end: info.line.end, text: this.text.slice(start, end), textSpan: { start, end } };
      return;
    }
    this.boldParts(info);
  }

  /**
   * Narrows a line's content to the text between the HTML tags, comments and entities at its edges, and hides a
   * comment that opens inside an HTML block until it closes. False when no text is left.
   */
  private trimTags(info: LineInfo): boolean {
    const text = this.text;
    let start = info.contentStart;
    let end = info.contentEnd;
    let firstText = -1;
    let lastText = -1;
    let at = start;
    while (at < end) {
      if (this.htmlBlockComment) {
        // Searched within the line only (an unclosed comment must not make each line search the rest of the text).
        const found = text.slice(at, end).indexOf('-->');
        const close = found < 0 ? -1 : at + found;
        if (close < 0) {
          this.skipRegions.push({ kind: 'comment', start: at, end });
          at = end;
          break;
        }
        this.skipRegions.push({ kind: 'comment', start: at, end: close + 3 });
        this.htmlBlockComment = false;
        at = close + 3;
        continue;
      }
      const code = text.charCodeAt(at);
      if (code === 0x3c || code === 0x26) {
        HTML_PIECE.lastIndex = at;
        const piece = HTML_PIECE.exec(text);
        if (piece && at + piece[0].length <= end) {
          at += piece[0].length;
          continue;
        }
        if (info.html && code === 0x3c && text.startsWith('<!--', at)) {
          this.htmlBlockComment = true;
          continue;
        }
      }
      if (!isEdgeBlank(code)) {
        if (firstText < 0) firstText = at;
        lastText = at + 1;
      }
      at++;
    }
    if (firstText < 0) return false;
    start = firstText;
    end = lastText;
    info.contentStart = start;
    info.contentEnd = end;
    return true;
  }

  // --- Org-mode ------------------------------------------------------------------------------------

  private readOrg(info: LineInfo, raw: string, indentLength: number): void {
    const line = info.line;
    const first = raw.charCodeAt(indentLength);
    if (indentLength === 0 && first === 0x2a) {
      const heading = ORG_HEADING.exec(raw);
      if (heading) {
        this.orgHeading(info, heading);
        return;
      }
    }
    if (first === 0x23) {
      const block = raw.charCodeAt(indentLength + 1) === 0x2b ? ORG_BLOCK.exec(raw) : null;
      if (block) {
        const name = block[2].toLowerCase();
        this.hide(info, 'markup');
        this.region('markup', info);
        const ends = this.orgBlockEnds.get(name);
        const closed = ends !== undefined && ends[ends.length - 1] > line.index;
        if (block[1].toLowerCase() === 'begin' && ORG_CODE_BLOCKS.has(name) && closed) {
          this.fence = { marker: '#+', start: line.start, info: name, prose: false, org: name };
          info.kind = 'fence';
          info.hidden = undefined;
        }
        return;
      }
      const keyword = raw.charCodeAt(indentLength + 1) === 0x2b ? ORG_KEYWORD.exec(raw) : null;
      if (keyword) {
        this.hide(info, 'markup');
        this.region('markup', info);
        if (keyword[2].length > 0) this.addMeta(keyword[1], line.start + keyword.indices![2][0], keyword[2]);
        return;
      }
      if (indentLength + 1 >= raw.length || isBlankOrTab(raw.charCodeAt(indentLength + 1))) {
        this.hide(info, 'comment');
        this.region('comment', info);
        return;
      }
    }
    if (first === 0x3a) {
      const drawer = ORG_DRAWER.exec(raw);
      if (drawer && drawer[1].toUpperCase() !== 'END' && this.orgNextEnd && this.orgNextHeading) {
        const end = this.orgNextEnd[line.index + 1];
        if (end >= 0 && end < this.orgNextHeading[line.index + 1]) {
          this.orgDrawerEnd = end;
          this.hide(info, 'markup');
          this.region('markup', info);
          return;
        }
      }
      if (raw.charCodeAt(indentLength + 1) === 0x20 || indentLength + 1 === raw.length) {
        // A fixed-width line (`: text`): shown as code.
        info.kind = 'fence';
        this.skipRegions.push({ kind: 'code-fence', start: info.contentStart, end: info.contentEnd, info: 'fixed-width' });
        return;
      }
    }
    if ((first === 0x53 || first === 0x44 || first === 0x43) && ORG_PLANNING.test(raw)) {
      this.hide(info, 'markup');
      this.region('markup', info);
      return;
    }
    if (first === 0x7c) {
      // A table row; a rule row (`|---+---|`) is a break in it.
      info.kind = /^\|[-+:]+\|?$/.test(raw.slice(indentLength).trimEnd()) && raw.indexOf('+') > 0 ? 'break' : 'table';
      this.paragraph = undefined;
      return;
    }
    if (first === 0x2d && /^-{5,}[ \t]*$/.test(raw.slice(indentLength))) {
      info.kind = 'break';
      this.paragraph = undefined;
      return;
    }
    if (this.bulletLine(info, raw, indentLength, first)) return;
    this.textLine(info, raw, this.paragraph, first);
  }

  /** `** TODO Title [#A] :tag:` → a heading of level 2 titled `Title`; COMMENT and `:noexport:` hide its subtree. */
  private orgHeading(info: LineInfo, match: RegExpExecArray): void {
    const line = info.line;
    const level = match[1].length;
    let title = match[2];
    let titleStart = line.start + match[0].indexOf(title, match[1].length);
    const tags = ORG_TAGS.exec(title);
    const hiddenTag = tags !== null && /:noexport:/i.test(tags[1]);
    if (tags) title = title.slice(0, tags.index);
    const keyword = /^(?:TODO|DONE)[ \t]+/.exec(title);
    if (keyword) {
      title = title.slice(keyword[0].length);
      titleStart += keyword[0].length;
    }
    const priority = /^\[#[A-Za-z0-9]\][ \t]+/.exec(title);
    if (priority) {
      title = title.slice(priority[0].length);
      titleStart += priority[0].length;
    }
    const { start, end } = stripHeadingMarkup(this.text, titleStart, titleStart + title.length);
    info.kind = 'heading';
    info.heading = { style: 'atx', level, start: line.start, end: line.end, text: this.text.slice(start, end), textSpan: { start, end } };
    if (tags) this.skipRegions.push({ kind: 'markup', start: titleStart + title.length, end: info.contentEnd });
    if (hiddenTag || /^COMMENT(?:\s|$)/.test(title)) this.orgHiddenLevel = level;
    this.paragraph = undefined;
  }

  // --- reStructuredText ----------------------------------------------------------------------------

  private readRst(info: LineInfo, raw: string, indentLength: number): void {
    const line = info.line;
    const first = raw.charCodeAt(indentLength);
    const indent = indentColumns(raw, indentLength);
    if (first === 0x2e && raw.charCodeAt(indentLength + 1) === 0x2e) {
      const explicit = RST_EXPLICIT.exec(raw);
      if (explicit) {
        this.rstExplicit(info, explicit, indent);
        return;
      }
    }
    if (first >= 0x21 && first <= 0x7e && RST_ADORNMENT.test(raw) && this.rstAdornment(info, raw, indentLength)) return;
    if (first === 0x7c && (raw.charCodeAt(indentLength + 1) === 0x20 || indentLength + 1 === raw.length)) {
      // A line block (`| text`): its text after the bar.
      let start = indentLength + 1;
      while (start < raw.length && isBlankOrTab(raw.charCodeAt(start))) start++;
      info.contentStart = Math.min(line.start + start, info.contentEnd);
      this.textLine(info, raw, this.paragraph, first);
      this.paragraph = undefined;
      return;
    }
    if (first === 0x2b && /^\+[-=+]+\+?$/.test(raw.slice(indentLength).trimEnd())) {
      info.kind = 'break'; // a grid table's border
      this.paragraph = undefined;
      return;
    }
    if (this.bulletLine(info, raw, indentLength, first)) return;
    if (first === 0x3a && line.index < 40 && this.rstStyles.length <= 1) {
      // Docinfo at the top (`:Author: Ada Example`): metadata, and a header line too.
      const field = /^:([A-Za-z][\w -]*):[ \t]+(.+?)[ \t]*$/.exec(raw);
      if (field) {
        this.addMeta(field[1], line.start + raw.indexOf(field[2], field[1].length + 2), field[2]);
        info.contentStart = line.start + raw.indexOf(field[2], field[1].length + 2);
      }
    }
    this.textLine(info, raw, this.paragraph, first);
    if (raw.trimEnd().endsWith('::')) this.rstLiteralNext = indent;
  }

  /** `.. comment`, `.. directive:: args`, `.. _target: url`, `.. |sub| image:: x`, `.. [1] footnote`. */
  private rstExplicit(info: LineInfo, match: RegExpExecArray, indent: number): void {
    const body = match[2];
    this.paragraph = undefined;
    if (body.startsWith('[')) {
      // A footnote or citation: its text is prose.
      const label = /^\[[^\]]+\][ \t]*/.exec(body);
      if (label) {
        this.skipRegions.push({ kind: 'markup', start: info.contentStart, end: info.line.start + match[1].length + 3 + label[0].length });
        info.contentStart = Math.min(info.line.start + match[0].length - body.length + label[0].length, info.contentEnd);
        this.textLine(info, info.line.text, undefined, 0x2e);
        this.rstBlock = { indent, hidden: false, reason: 'markup' };
        return;
      }
    }
    const directive = RST_DIRECTIVE.exec(body);
    if (directive) {
      this.hide(info, 'markup');
      this.region('markup', info);
      const name = directive[1].toLowerCase();
      this.rstBlock = { indent, hidden: RST_HIDDEN_DIRECTIVES.has(name), reason: 'markup' };
      return;
    }
    const target = body.startsWith('_') || body.startsWith('|');
    this.hide(info, target ? 'markup' : 'comment');
    this.region(target ? 'markup' : 'comment', info);
    this.rstBlock = { indent, hidden: true, reason: target ? 'markup' : 'comment' };
  }

  /**
   * An adornment line: the overline of a title (text and the same underline follow), the underline of the
   * paragraph above, or a transition. False when it is none of them (then it is text).
   */
  private rstAdornment(info: LineInfo, raw: string, indentLength: number): boolean {
    const line = info.line;
    const adornment = raw.trimEnd();
    const char = adornment[indentLength];
    const index = line.index;
    // Overline, title, underline.
    if (indentLength === 0 && index + 2 < this.lines.length) {
      const title = this.lines[index + 1].text;
      const under = this.lines[index + 2].text.trimEnd();
      if (under === adornment && title.trim().length > 0 && !RST_ADORNMENT.test(title) && title.trimEnd().length <= adornment.length) {
        const level = this.rstLevel(`${char}o`);
        let start = this.lines[index + 1].start;
        while (start < this.lines[index + 1].end && isEdgeBlank(this.text.charCodeAt(start))) start++;
        const titleSpan = stripHeadingMarkup(this.text, start, this.lines[index + 1].start + title.trimEnd().length);
        info.kind = 'heading';
        info.contentStart = titleSpan.start;
        info.contentEnd = titleSpan.end;
        info.heading = { style: 'setext', level, start: line.start, end: this.lines[index + 2].end, text: this.text.slice(titleSpan.start, titleSpan.end), textSpan: titleSpan };
        this.pending.set(index + 1, { kind: 'underline' });
        this.pending.set(index + 2, { kind: 'underline' });
        this.decidedUpTo = index + 2;
        this.paragraph = undefined;
        return true;
      }
    }
    // The underline of the paragraph above: the title is the paragraph (a title wrapped over lines too).
    const paragraph = this.paragraph;
    if (paragraph && indentLength === 0) {
      const last = this.infos[index - 1];
      const width = last.contentEnd - last.line.start;
      if (adornment.length >= width || adornment.length >= 4) {
        const level = this.rstLevel(`${char}u`);
        const first = this.infos[paragraph.start];
        const { start, end } = stripHeadingMarkup(this.text, first.contentStart, last.contentEnd);
        first.kind = 'heading';
        first.contentEnd = Math.max(first.contentEnd, last.contentEnd);
        first.boldOnly = false;
        first.leadingBold = undefined;
        first.heading = { style: 'setext', level, start: first.line.start, end: line.end, text: this.text.slice(start, end), textSpan: { start, end } };
        for (let i = paragraph.start + 1; i < index; i++) this.infos[i].kind = 'underline';
        info.kind = 'underline';
        this.paragraph = undefined;
        this.rstLiteralNext = -1;
        return true;
      }
    }
    if (adornment.length >= 4 && (index === 0 || this.infos[index - 1].kind === 'blank')) {
      info.kind = 'break'; // a transition
      this.paragraph = undefined;
      return true;
    }
    return false;
  }

  /** The level of an adornment style: the order in which styles first appear. */
  private rstLevel(style: string): number {
    let at = this.rstStyles.indexOf(style);
    if (at < 0) at = this.rstStyles.push(style) - 1;
    return Math.min(at + 1, 6);
  }

  // --- after the lines -----------------------------------------------------------------------------

  /** Closes what the end of the text leaves open. */
  finish(): void {
    const end = this.text.length;
    if (this.fence) this.skipRegions.push({ kind: 'code-fence', start: this.fence.start, end, info: this.fence.info });
    if (this.commentStart !== undefined) this.skipRegions.push({ kind: 'html-comment', start: this.commentStart, end });
    if (this.liquidCommentStart !== undefined) this.skipRegions.push({ kind: 'comment', start: this.liquidCommentStart, end });
  }

  /**
   * Text converted from PDF: page numbers alone at a page's end or start, and lines repeated at the top or the bottom
   * of several pages (a running header or footer), hold nothing to read. Pages are told by form feeds.
   */
  pageFurniture(): void {
    if (this.text.indexOf('\f') < 0) return;
    const infos = this.infos;
    // Per page, its first two and last two lines that hold anything: where page furniture stands.
    const tops: number[][] = [];
    const bottoms: number[][] = [];
    let page: number[] = [];
    const closePage = () => {
      if (page.length > 0) {
        tops.push(page.slice(0, 2));
        bottoms.push(page.slice(-2));
      }
      page = [];
    };
    for (let i = 0; i < infos.length; i++) {
      if (infos[i].line.text.indexOf('\f') >= 0) closePage();
      const kind = infos[i].kind;
      if (kind === 'blank' || kind === 'comment' || kind === 'front-matter') continue;
      page.push(i);
    }
    closePage();
    if (tops.length < 2) return;
    const key = (i: number) => this.text.slice(infos[i].contentStart, infos[i].contentEnd).replace(/\s+/g, ' ').replace(/\d+/g, '#').toLowerCase();
    // A line repeated at the edges of two pages or more is a running header or footer (the first page's top is
    // left alone: it holds the name, which a running header may repeat).
    const pagesOf = new Map<string, Set<number>>();
    const note = (i: number, p: number) => {
      const k = key(i);
      const pages = pagesOf.get(k);
      if (pages) pages.add(p);
      else pagesOf.set(k, new Set([p]));
    };
    for (let p = 0; p < tops.length; p++) {
      if (p > 0) for (const i of tops[p]) note(i, p);
      for (const i of bottoms[p]) note(i, p);
    }
    const hideIfFurniture = (i: number) => {
      const info = infos[i];
      if (info.kind === 'comment') return;
      const value = this.text.slice(info.contentStart, info.contentEnd).trim();
      if (!PAGE_NUMBER.test(value) && !((pagesOf.get(key(i))?.size ?? 0) >= 2 && value.length <= 80)) return;
      info.heading = undefined;
      info.bullet = undefined;
      this.hide(info, 'page');
      this.region('markup', info);
    };
    for (let p = 0; p < tops.length; p++) {
      if (p > 0) for (const i of tops[p]) hideIfFurniture(i);
      for (const i of bottoms[p]) hideIfFurniture(i);
    }
  }

  /** Inline regions (code spans, LaTeX, URLs, emails, tags, attributes…) on every line that holds prose. */
  inlineRegions(index: number): void {
    const info = this.infos[index];
    const kind = info.kind;
    if (kind === 'blank' || kind === 'front-matter' || kind === 'underline') return;
    if (kind === 'comment' && info.hidden !== 'link-definition') return;
    if (kind === 'fence' && !info.proseFence) return;
    const inline: InlineMarkup = this.markup === 'markdown' && !info.proseFence ? 'markdown' : info.proseFence ? 'plain' : this.markup;
    const regions = scanInline(this.text, info.contentStart, info.contentEnd, inline);
    for (let i = 0; i < regions.length; i++) this.skipRegions.push(regions[i]);
  }

  /** URLs and emails in the metadata's contact values (for the header; front matter is otherwise not read). */
  metaRegions(): void {
    for (const field of this.meta) {
      if (!CONTACT_META_KEYS.has(field.key)) continue;
      const regions = scanInline(this.text, field.value.start, field.value.end, 'plain');
      for (let i = 0; i < regions.length; i++) if (regions[i].kind === 'url' || regions[i].kind === 'email') this.skipRegions.push(regions[i]);
    }
  }
}

/** Metadata keys whose values are ways to reach the person. */
export const CONTACT_META_KEYS: ReadonlySet<string> = new Set([
  'email', 'e-mail', 'mail', 'phone', 'telephone', 'tel', 'mobile', 'website', 'web', 'url', 'homepage', 'home',
  'site', 'github', 'gitlab', 'linkedin', 'twitter', 'mastodon', 'orcid', 'scholar', 'google_scholar', 'researchgate',
  'bluesky', 'x',
]);

/**
 * Pass 1: every line's kind and content, the regions that are not prose, and the document's metadata. Yields every
 * {@link LINES_PER_STEP} lines.
 */
export function* classifyLines(text: string, lines: Line[]): Generator<void, LineScan, void> {
  const markup = detectMarkup(text, lines);
  const reader = new BlockReader(text, lines, markup);
  reader.readFrontMatter();
  if (markup === 'org') reader.prepareOrg();
  // Indexed loops in the generators: a for…of there allocates an iterator result per line (V8 does not elide it
  // across a yield), ~4 MB per 10,000-line parse.
  for (let index = 0; index < lines.length; index++) {
    if ((index & LINES_PER_STEP) === LINES_PER_STEP) yield;
    reader.read(index);
  }
  reader.finish();
  reader.pageFurniture();
  for (let index = 0; index < lines.length; index++) {
    if ((index & LINES_PER_STEP) === LINES_PER_STEP) yield;
    reader.inlineRegions(index);
  }
  reader.metaRegions();
  const skipRegions = reader.skipRegions;
  skipRegions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { infos: reader.infos, skipRegions, markup, meta: reader.meta };
}

/**
 * Drops what frames a heading's text: blanks and zero-width spaces, emphasis, a trailing colon or `:-`, Pandoc
 * attributes (`{#id .class}`): `**Education**:` → `Education`.
 */
export function stripHeadingMarkup(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  for (let changed = true; changed && e > s; ) {
    changed = false;
    while (e > s && (isEdgeBlank(text.charCodeAt(e - 1)) || text[e - 1] === ':')) {
      e--;
      changed = true;
    }
    // `Skills:-`, `Skills :–`
    if (e - s > 2 && (text[e - 1] === '-' || text[e - 1] === '–') && text[e - 2] === ':') {
      e -= 2;
      changed = true;
      continue;
    }
    while (s < e && isEdgeBlank(text.charCodeAt(s))) {
      s++;
      changed = true;
    }
    if (text[e - 1] === '}') {
      const open = text.lastIndexOf('{', e - 1);
      if (open > s && /^\{(?:[#.][^{}]*|-|[\w-]+=[^{}]*)\}$/.test(text.slice(open, e)) && isEdgeBlank(text.charCodeAt(open - 1))) {
        e = open;
        changed = true;
        continue;
      }
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
