/**
 * Pass 3 of the parse: each section's lines walked once into entries (titles, organisation / role / location, dates
 * on the same line, the next line or split across lines), bullets and paragraphs. The walker reads the lines as pass 1
 * classified them ({@link WalkerLine}) and hands what it finds back to the builder ({@link EntryHost}).
 */
import { joinSplitRange, leadingDatePoint } from './dates';
import { entryFields, hasOrganisationTitleShape, isSeparatorOrBlank, looksLikeLocation, looksLikeRole } from './fields';
import type { Bullet, DateRange, Entry, Heading, Line, Paragraph, Section, Span, TextSpan, WordContext } from './types';

/** Lines between two places where the walk may pause (as the other passes: a power of two minus one, for a mask). */
const LINES_PER_STEP = 1023;

/** Sections whose lines may carry entries; in the others (skills, summary…) only headings make entries. */
const ENTRY_SECTIONS = new Set(['experience', 'education', 'projects', 'volunteering', 'awards', 'publications', 'certifications', 'other']);

/** What the walker reads of a line classified by pass 1. */
export interface WalkerLine {
  /** `blank`, `heading`, `bullet`, `table`, `fence`, `text`; the others (comments, breaks, underlines…) hold no entry. */
  kind: string;
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
}

/** What the walker asks of the structure builder and hands back to it. */
export interface EntryHost {
  info(line: number): WalkerLine;
  sourceText(): string;
  /** The date ranges found on a line (outside skip regions). */
  rangesOn(line: number): DateRange[];
  replaceRange(line: number, old: DateRange, replacement: DateRange | undefined): void;
  removeRangeAt(line: number, offset: number): void;
  setLineContext(line: number, context: WordContext): void;
  addField(span: Span | undefined, context: WordContext): void;
  addBullet(bullet: Bullet): void;
  lineCount(): number;
}

/** What a field's span loses at its ends: `[\s|•·,;:–—-]`. */
function isSpanTrim(code: number): boolean {
  return code === 0xb7 || isSeparatorOrBlank(code); // ·
}

/** What may stand around a date range on a date line besides a place: blanks, emphasis, separators, brackets. */
const LINE_SEPARATORS = /[\s*_|•·,;:–—()[\]-]+/g;

/** Walks one section's lines once, building its entries, bullets and paragraphs. */
export class SectionWalker {
  private readonly text: string;
  /** The current top-level entry and, under it, the current sub-entry. */
  private entry: Entry | undefined;
  private child: Entry | undefined;
  /** A text line that may turn out to be an entry title when a date line follows. */
  private pending: WalkerLine | undefined;
  /** An entry whose range is a lone start date, waiting for a split end on the next non-blank line. */
  private awaitingEnd: { entry: Entry; line: number } | undefined;
  /** Title readings already made, per entry (a role's title is asked about by each heading under it). */
  private readonly titleReadings = new Map<Entry, boolean>();
  /** The entry whose date came on its own line just now: the next short line may be its role (a degree). */
  private roleSlot: Entry | undefined;
  private lastBullet: Bullet | undefined;

  constructor(
    private readonly builder: EntryHost,
    private readonly section: Section,
    private readonly firstLine: number,
    private readonly endLine: number,
  ) {
    this.text = builder.sourceText();
  }

  *walk(): Generator<void, void, void> {
    const bulletContext: WordContext = this.section.kind === 'skills' ? 'skills' : 'bullet';
    const textContext: WordContext = this.section.kind === 'skills' ? 'skills' : 'text';
    for (let lineIndex = this.firstLine; lineIndex < this.endLine; lineIndex++) {
      if ((lineIndex & LINES_PER_STEP) === LINES_PER_STEP) yield;
      const info = this.builder.info(lineIndex);
      if (info.kind === 'blank' || info.kind === 'comment' || info.kind === 'underline' || info.kind === 'break' || info.kind === 'front-matter') continue;
      let contentStart = info.contentStart;

      // A split range's end at the start of this line (`- now Designed…`, `2016/03`).
      if (this.awaitingEnd) {
        const { entry, line } = this.awaitingEnd;
        this.awaitingEnd = undefined;
        const point = line !== lineIndex && info.kind !== 'heading' ? leadingDatePoint(this.text, info.contentStart, info.contentEnd) : undefined;
        if (point && entry.dateRange && !entry.dateRange.end) {
          const joined = joinSplitRange(entry.dateRange, point);
          this.builder.replaceRange(line, entry.dateRange, joined);
          this.builder.removeRangeAt(lineIndex, point.start);
          entry.dateRange = joined;
          this.extend(entry, lineIndex);
          contentStart = point.end;
          if (info.kind !== 'bullet') {
            // The rest of the line: nothing, or a bullet glued after the date (`2014/08 • Came up…`).
            const rest = this.text.slice(point.end, info.contentEnd);
            const glyph = /^\s*([•▪◦●■·\-*])\s+/.exec(rest);
            if (rest.trim().length === 0) continue;
            if (glyph) {
              const markerStart = point.end + rest.indexOf(glyph[1]);
              this.addBullet(info, { text: glyph[1], start: markerStart, end: markerStart + 1 }, point.end + glyph[0].length, 0, bulletContext);
              continue;
            }
          }
        }
      }

      if (info.kind === 'bullet') {
        this.pendingBeforeBullet();
        this.roleSlot = undefined;
        this.addBullet(info, info.bullet!.marker, info.bullet!.contentStart, info.bullet!.indent, bulletContext);
        continue;
      }
      // Indented continuation of the previous bullet.
      if (info.kind === 'text' && this.lastBullet && this.lastBullet.lastLine === lineIndex - 1 && info.contentStart - info.line.start >= 2) {
        this.lastBullet.end = info.contentEnd;
        this.lastBullet.content = { ...this.lastBullet.content, end: info.contentEnd, text: this.text.slice(this.lastBullet.content.start, info.contentEnd) };
        this.lastBullet.lastLine = lineIndex;
        this.builder.setLineContext(lineIndex, bulletContext);
        this.extendOwner(lineIndex);
        continue;
      }
      this.lastBullet = undefined;

      if (info.kind === 'heading' && info.heading) {
        this.pending = undefined;
        this.roleSlot = undefined;
        this.startEntryFromHeading(info);
        continue;
      }
      if (info.kind === 'table') {
        this.tableRow(info);
        continue;
      }
      if (info.kind === 'fence') {
        this.builder.setLineContext(lineIndex, 'text');
        this.extendOwner(lineIndex);
        continue;
      }
      this.textLine(info, contentStart, textContext);
    }
    if (this.pending) this.paragraph(this.pending, this.pending.contentStart, textContext);
  }

  // --- entries -------------------------------------------------------------------------------

  private newEntry(info: WalkerLine, titleSpan: Span, range: DateRange | undefined, heading?: Heading): Entry {
    const title = { text: this.text.slice(titleSpan.start, titleSpan.end), ...titleSpan };
    // The fields read from the title below are declared here, so that every entry has one object shape.
    const entry: Entry = {
      title,
      heading,
      organisation: undefined,
      role: undefined,
      location: undefined,
      dateRange: range,
      bullets: [],
      paragraphs: [],
      children: [],
      start: info.line.start,
      end: info.contentEnd,
      firstLine: info.line.index,
      lastLine: info.line.index,
    };
    // Fields: the title without its date range.
    const fieldSpan = this.withoutRange(titleSpan, range);
    const fields = entryFields(this.text, fieldSpan, info.leadingBold && info.leadingBold.start >= titleSpan.start ? info.leadingBold : undefined);
    entry.organisation = fields.organisation;
    entry.role = fields.role;
    entry.location = fields.location;
    this.builder.setLineContext(info.line.index, 'text');
    this.builder.addField(fields.organisation, 'organisation');
    this.builder.addField(fields.role, 'role');
    this.builder.addField(fields.location, 'location');
    if (range && !range.end && !range.open) this.awaitingEnd = { entry, line: info.line.index };
    return entry;
  }

  /** The part of a title before (or else after) its date range. */
  private withoutRange(span: Span, range: DateRange | undefined): Span {
    if (!range || range.span.end <= span.start || range.span.start >= span.end) return span;
    const before = { start: span.start, end: range.span.start };
    const after = { start: range.span.end, end: span.end };
    return this.text.slice(before.start, before.end).trim().length > 0 ? before : after;
  }

  private startEntryFromHeading(info: WalkerLine): void {
    const heading = info.heading!;
    const range = this.entryRange(info.line.index, heading.textSpan);
    const titleText = this.text.slice(heading.textSpan.start, heading.textSpan.end);
    const parent = this.entry;
    const withoutDate = range ? this.text.slice(this.withoutRange(heading.textSpan, range).start, this.withoutRange(heading.textSpan, range).end) : titleText;
    const deeperOrEqual = !parent?.heading || heading.level === 0 || parent.heading.level === 0 || heading.level >= parent.heading.level;
    // `### Org — Title` at the level of the role heading above is a sibling role, even when its title is unknown.
    const sibling = () => parent?.heading !== undefined && heading.level > 0 && heading.level === parent.heading.level && hasOrganisationTitleShape(withoutDate);
    // A sub-entry of a role: the cheap tests first, the title readings (pure, the costly part) only when they decide.
    let ownReading: boolean | undefined;
    const namesRole = () => (ownReading ??= looksLikeRole(withoutDate));
    let created: Entry;
    if (parent && deeperOrEqual && this.section.kind !== 'education' && this.titleNamesRole(parent) && !namesRole() && !sibling()) {
      created = this.child = this.newEntry(info, heading.textSpan, range, heading);
      parent.children.push(this.child);
      this.extend(parent, info.line.index);
    } else {
      created = this.entry = this.newEntry(info, heading.textSpan, range, heading);
      this.child = undefined;
      this.section.entries.push(this.entry);
    }
    // The reading of this title, when it was made of the whole title: the next heading asks it of its parent.
    if (ownReading !== undefined && withoutDate === created.title.text) this.titleReadings.set(created, ownReading);
  }

  /** Whether an entry's title reads as a role ({@link looksLikeRole}), read once per entry. */
  private titleNamesRole(entry: Entry): boolean {
    let reading = this.titleReadings.get(entry);
    if (reading === undefined) {
      reading = looksLikeRole(entry.title.text);
      this.titleReadings.set(entry, reading);
    }
    return reading;
  }

  /**
   * The range that dates an entry on this line: a range with an end, or a lone date at the start or the end
   * of the line. A year in the middle of prose does not date an entry.
   */
  private entryRange(line: number, span: Span): DateRange | undefined {
    const onLine = this.builder.rangesOn(line);
    if (onLine.length === 0) return undefined;
    const ranges = onLine.filter((range) => range.span.start >= span.start && range.span.end <= span.end);
    const withEnd = ranges.find((range) => range.end !== undefined || range.open);
    if (withEnd) return withEnd;
    const leading = ranges.find((range) => /^[\s*_([]*$/.test(this.text.slice(span.start, range.span.start)));
    if (leading) return leading;
    // A lone date at the end counts after a separator (`B.Com, 2016`, `| 2016`, `(2016)`), not in prose
    // (`Featured at Design Week 2020`).
    return ranges.find(
      (range) =>
        /^[\s*_)\].]*$/.test(this.text.slice(range.span.end, span.end)) &&
        /(?:[,|•–—(]|\s-|\s{2})\s*[*_]*$/.test(this.text.slice(span.start, range.span.start)),
    );
  }

  private textLine(info: WalkerLine, contentStart: number, textContext: WordContext): void {
    const line = info.line.index;
    const span = { start: contentStart, end: info.contentEnd };
    const range = this.entryRange(line, span);
    const owner = this.child ?? this.entry;
    const entrySection = ENTRY_SECTIONS.has(this.section.kind);

    if (range) {
      const restBefore = this.text.slice(span.start, range.span.start).replace(LINE_SEPARATORS, '');
      const restAfterSpan = { start: range.span.end, end: span.end };
      const restAfter = this.text.slice(restAfterSpan.start, restAfterSpan.end).trim();
      const restAfterEmpty = restAfter.replace(LINE_SEPARATORS, '').length === 0;
      let dateOnly = false;
      let location: TextSpan | undefined;
      if (restBefore.length === 0) {
        // `Mar 2005 – Jul 2007`, `Mar 2005 – Jul 2007 · Austin, TX`
        dateOnly = restAfterEmpty || looksLikeLocation(restAfter.replace(/^[\s|•·,–—-]+/, ''));
        location = restAfter.length > 0 ? this.trimSpan(restAfterSpan) : undefined;
      } else if (restAfterEmpty) {
        // `Austin, TX · Mar 2005 – Jul 2007`: the place first, then the dates.
        const before = this.trimSpan({ start: span.start, end: range.span.start });
        if (looksLikeLocation(before.text)) {
          dateOnly = true;
          location = before;
        }
      }
      if (dateOnly) {
        if (this.pending) {
          // `University of Illinois • Urbana, IL` … `August 2021 – May 2023`
          const title = this.pending;
          this.pending = undefined;
          this.entry = this.newEntry(title, { start: title.contentStart, end: title.contentEnd }, undefined);
          this.child = undefined;
          this.section.entries.push(this.entry);
          this.attachDate(this.entry, range, line, location);
          this.roleSlot = this.entry;
          return;
        }
        const ownerUndated = owner && (!owner.dateRange || (this.isLone(owner.dateRange) && !this.isLone(range)));
        if (owner && ownerUndated && owner.bullets.length === 0 && owner.children.length === 0) {
          // A full range on the next line beats a lone year in the title.
          this.attachDate(owner, range, line, location);
          this.roleSlot = owner;
          return;
        }
        if (!entrySection) {
          this.paragraph(info, contentStart, textContext);
          return;
        }
        // A date line on its own that no title precedes: an untitled entry.
        this.entry = this.newEntry(info, span, range);
        this.child = undefined;
        this.section.entries.push(this.entry);
        this.roleSlot = this.entry;
        return;
      }
      const leadingDate = restBefore.length === 0;
      if (leadingDate && owner && !owner.dateRange && owner.bullets.length === 0 && owner.children.length === 0 && owner.firstLine < line) {
        // `### Baidu Inc., Software Engineer` … `2016/03 Matrix platform…`: the date belongs to the heading.
        this.attachDate(owner, range, line, undefined);
        this.paragraph(info, range.span.end, textContext);
        return;
      }
      if (this.pending && this.pending.line.index === line - 1 && !leadingDate) {
        // `University of Madras, Chennai` / `Bachelor of Commerce, 2016`: the title, then its role and date.
        const title = this.pending;
        this.pending = undefined;
        this.entry = this.newEntry(title, { start: title.contentStart, end: title.contentEnd }, undefined);
        this.child = undefined;
        this.section.entries.push(this.entry);
        this.attachDate(this.entry, range, line, undefined);
        const roleSpan = this.withoutRange(span, range);
        if (!this.entry.role) {
          this.entry.role = this.trimSpan(roleSpan);
          this.builder.addField(this.entry.role, 'role');
        }
        this.builder.setLineContext(line, 'text');
        return;
      }
      if (this.pending) {
        this.paragraph(this.pending, this.pending.contentStart, textContext);
        this.pending = undefined;
      }
      // A dated line under a role is its sub-entry unless it names a role itself; the title readings (pure, the
      // costly part) only when the cheap tests leave them to decide.
      const underRole = () => this.entry !== undefined && this.entry.firstLine < line && this.titleNamesRole(this.entry);
      const namesRole = () => looksLikeRole(this.text.slice(this.withoutRange(span, range).start, this.withoutRange(span, range).end));
      if (leadingDate && this.section.kind !== 'education' && underRole() && !namesRole()) {
        this.child = this.newEntry(info, span, range);
        this.entry!.children.push(this.child);
        this.extend(this.entry!, line);
      } else if (entrySection || this.section.kind === 'summary') {
        this.entry = this.newEntry(info, span, range);
        this.child = undefined;
        this.section.entries.push(this.entry);
      } else {
        this.paragraph(info, contentStart, textContext);
      }
      return;
    }

    if (info.leadingBold && !info.boldOnly && entrySection) {
      // `**Tencent Inc** Software Engineer Intern – Product`
      if (this.pending) this.paragraph(this.pending, this.pending.contentStart, textContext);
      this.pending = undefined;
      this.entry = this.newEntry(info, span, undefined);
      this.child = undefined;
      this.section.entries.push(this.entry);
      return;
    }
    if (info.boldOnly && entrySection) {
      if (this.pending) this.paragraph(this.pending, this.pending.contentStart, textContext);
      this.pending = info;
      return;
    }
    if (this.roleSlot && !this.roleSlot.role && this.roleSlot.lastLine < line) {
      // `August 2021 – May 2023` … `Master of Science in Computer Science`
      const entry = this.roleSlot;
      this.roleSlot = undefined;
      const role = this.trimSpan({ start: contentStart, end: info.contentEnd });
      const segmentEnd = this.text.slice(role.start, role.end).search(/\s[•|]\s|\s[–—]\s/);
      entry.role = segmentEnd > 0 ? this.trimSpan({ start: role.start, end: role.start + segmentEnd }) : role;
      this.builder.addField(entry.role, 'role');
      this.builder.setLineContext(line, 'text');
      this.extend(entry, line);
      this.extendParentOf(entry, line);
      return;
    }
    this.roleSlot = undefined;
    if (entrySection && this.isTitleLike(info)) {
      if (this.pending) this.paragraph(this.pending, this.pending.contentStart, textContext);
      this.pending = info;
      return;
    }
    this.paragraph(info, contentStart, textContext);
  }

  private isLone(range: DateRange): boolean {
    return !range.end && !range.open;
  }

  /** A line short enough to be an entry title, not a sentence. */
  private isTitleLike(info: WalkerLine): boolean {
    const value = this.text.slice(info.contentStart, info.contentEnd);
    return value.split(/\s+/).length <= 24 && !/[.!?]$/.test(value);
  }

  /** A pending line followed by bullets is a dateless entry title when it starts a new block. */
  private pendingBeforeBullet(): void {
    if (!this.pending) return;
    const pending = this.pending;
    this.pending = undefined;
    const owner = this.child ?? this.entry;
    const value = this.text.slice(pending.contentStart, pending.contentEnd);
    if ((!owner || owner.bullets.length > 0) && value.split(/\s+/).length <= 15) {
      this.entry = this.newEntry(pending, { start: pending.contentStart, end: pending.contentEnd }, undefined);
      this.child = undefined;
      this.section.entries.push(this.entry);
    } else {
      this.paragraph(pending, pending.contentStart, this.section.kind === 'skills' ? 'skills' : 'text');
    }
  }

  private attachDate(entry: Entry, range: DateRange, line: number, location: Span | undefined): void {
    entry.dateRange = range;
    if (location && !entry.location) {
      entry.location = { text: this.text.slice(location.start, location.end), ...location };
      this.builder.addField(entry.location, 'location');
    }
    this.extend(entry, line);
    this.extendParentOf(entry, line);
    if (!range.end && !range.open) this.awaitingEnd = { entry, line };
  }

  private tableRow(info: WalkerLine): void {
    const line = info.line.index;
    const span = { start: info.contentStart, end: info.contentEnd };
    const range = this.entryRange(line, span);
    if (/^\|[\s:|-]+\|?$/.test(this.text.slice(span.start, span.end))) {
      this.extendOwner(line);
      return;
    }
    if (range && ENTRY_SECTIONS.has(this.section.kind)) {
      this.entry = this.newEntry(info, span, range);
      this.child = undefined;
      this.section.entries.push(this.entry);
      return;
    }
    this.paragraph(info, info.contentStart, this.section.kind === 'skills' ? 'skills' : 'text');
  }

  // --- bullets and paragraphs -----------------------------------------------------------------

  private addBullet(info: WalkerLine, marker: TextSpan, contentStart: number, indent: number, context: WordContext): void {
    const line = info.line.index;
    const bullet: Bullet = {
      marker,
      content: { text: this.text.slice(contentStart, info.contentEnd), start: contentStart, end: info.contentEnd },
      indent,
      start: marker.start,
      end: info.contentEnd,
      firstLine: line,
      lastLine: line,
    };
    this.builder.addBullet(bullet);
    this.builder.setLineContext(line, context);
    const owner = this.child ?? this.entry;
    if (owner) {
      owner.bullets.push(bullet);
      this.extendOwner(line);
    } else {
      this.section.bullets.push(bullet);
    }
    this.lastBullet = bullet;
  }

  private paragraph(info: WalkerLine, start: number, context: WordContext): void {
    const line = info.line.index;
    const paragraph: Paragraph = { text: this.text.slice(start, info.contentEnd), start, end: info.contentEnd, line };
    this.builder.setLineContext(line, context);
    const owner = this.child ?? this.entry;
    if (owner && owner.firstLine < line) {
      owner.paragraphs.push(paragraph);
      this.extendOwner(line);
    } else {
      this.section.paragraphs.push(paragraph);
    }
  }

  private trimSpan(span: Span): TextSpan {
    let { start, end } = span;
    while (start < end && isSpanTrim(this.text.charCodeAt(start))) start++;
    while (end > start && isSpanTrim(this.text.charCodeAt(end - 1))) end--;
    return { text: this.text.slice(start, end), start, end };
  }

  private extend(entry: Entry, line: number): void {
    if (line > entry.lastLine) {
      entry.lastLine = line;
      entry.end = this.builder.info(line).contentEnd;
    }
  }

  private extendParentOf(entry: Entry, line: number): void {
    if (this.entry && this.entry !== entry && this.entry.children.includes(entry)) this.extend(this.entry, line);
  }

  private extendOwner(line: number): void {
    if (this.child) this.extend(this.child, line);
    if (this.entry) this.extend(this.entry, line);
  }
}
