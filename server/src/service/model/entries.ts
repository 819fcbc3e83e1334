/**
 * Pass 3 of the parse: each section's lines walked once into entries (titles, organisation / role / location, dates
 * on the same line, the next line or split across lines), bullets and paragraphs. The walker reads the lines as pass 1
 * classified them ({@link WalkerLine}) and hands what it finds back to the builder ({@link EntryHost}).
 */
import { joinSplitRange, leadingDatePoint } from './dates';
import { entryFields, HONOUR_ENDING, hasOrganisationMarker, hasOrganisationTitleShape, isEventName, isSeparatorOrBlank, isUnitName, looksLikeDegree, looksLikeLocation, looksLikeName, looksLikeRole, namesIssuedCredential, splitTitle, titleSegments } from './fields';
import type { LineInfo } from './blocks';
import type { Bullet, DateRange, Entry, Heading, Paragraph, Section, Span, TextSpan, WordContext } from './types';

/** Lines between two places where the walk may pause (as the other passes: a power of two minus one, for a mask). */
const LINES_PER_STEP = 1023;

/** Sections whose lines may carry entries; in the others (skills, summary…) only headings make entries. */
const ENTRY_SECTIONS = new Set(['experience', 'education', 'projects', 'volunteering', 'awards', 'publications', 'certifications', 'other']);

/**
 * What the walker reads of a line classified by pass 1 (blocks.ts): its kind (`blank`, `heading`, `bullet`, `table`,
 * `fence`, `text`; the others — comments, breaks, underlines… — hold no entry), its content's offsets, its heading,
 * bullet and bold phrases.
 */
export type WalkerLine = Pick<LineInfo, 'kind' | 'line' | 'contentStart' | 'contentEnd' | 'heading' | 'bullet' | 'boldOnly' | 'leadingBold'>;

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
const LINE_SEPARATORS = /[\s*_|•·,;:.–—()[\]-]+/g;

/** HTML tags and entities left in a line (`<br>`, `</dt>`, `&nbsp;`): layout, not words of a title or a date line. */
const MARKUP_NOISE = /<\/?[A-Za-z][^<>]*>|&(?:nbsp|ensp|emsp|thinsp|amp|#\d+);|\{[#.][^{}]*\}|\\\\/g;

/** Whether a piece of a line holds nothing but separators, emphasis and HTML tags. */
function isOnlySeparators(piece: string): boolean {
  const plain = piece.indexOf('<') >= 0 || piece.indexOf('&') >= 0 ? piece.replace(MARKUP_NOISE, ' ') : piece;
  return plain.replace(LINE_SEPARATORS, '').length === 0;
}

/** A run of blanks that separates two cells of a line laid out in columns (`-layout` PDF text): a tab or 3+ spaces. */
const CELL_GAP = /\t\s*| {3,}/g;

/** Indentation from which a line laid out in columns is read as the right column only (a sidebar, a right date). */
const SIDE_INDENT = 20;

/** Most lines a title stack holds (`Org` / `Role - Place` / `Dates`). */
const STACK_LIMIT = 3;

/** How a line dates an entry: its range, the title beside it (none: a date line), a place beside the date. */
interface LineDates {
  range: DateRange;
  /** The title beside the date: the line without it, or the cells before a right-aligned date. */
  title?: Span;
  location?: TextSpan;
  /** A cell between a role's title and its right-aligned date that names the organisation (`Role   Acme, Town   2019`). */
  beside?: Span;
  /** The date opens the line (`2016/03 Matrix platform…`, `* 2019: Fellow…`). */
  leading: boolean;
}

/** A title-like line waiting for a date line or bullets (`Org` / `Role` / … / `Dates`). */
interface StackLine {
  info: WalkerLine;
  /** The line's text as a title: its first cell, without tags. */
  span: Span;
  /** The line reads as a place only (`San Antonio, TX`). */
  place: boolean;
  /** What the line names, read once when asked: an organisation, a role or degree. */
  names?: { organisation: boolean; role: boolean };
}

/** Walks one section's lines once, building its entries, bullets and paragraphs. */
export class SectionWalker {
  private readonly text: string;
  private readonly entrySection: boolean;
  /** The current top-level entry and, under it, the current sub-entry. */
  private entry: Entry | undefined;
  private child: Entry | undefined;
  /** Title-like lines that may turn out to be an entry's title when a date line or bullets follow. */
  private stack: StackLine[] = [];
  /** An entry whose range is a lone start date, waiting for a split end on the next non-blank line. */
  private awaitingEnd: { entry: Entry; line: number } | undefined;
  /** Title readings already made, per entry (a role's title is asked about by each heading under it). */
  private readonly titleReadings = new Map<Entry, boolean>();
  /**
   * An entry just dated: the next line may name what its title lacks (a role, an organisation). After a date line
   * (`date`) any next line may name its role (`2019 – 2021` / `Master of Science`); after a dated title, only the line
   * right below, when it reads as a title; after an undated role heading (`heading`), only the line right below, when
   * it opens with an organisation that says it is one (`Example University, Fall 2014, …`).
   */
  private slot: { entry: Entry; line: number; after: 'date' | 'title' | 'heading' } | undefined;
  private lastBullet: Bullet | undefined;
  /** Indentation of the outermost bullets of the list being read; undefined outside a list. */
  private listIndent: number | undefined;
  /** Entries read from list items (`* 2019: Fellow, Example University`), whose nested items are their bullets. */
  private readonly itemEntries = new Set<Entry>();
  /** The entry a list item made, while its continuation lines follow. */
  private itemEntry: { entry: Entry; line: number } | undefined;
  /** Entries whose organisation is a guess (a part of the title without any mark of one): a later line may name it. */
  private readonly guessedOrganisation = new Set<Entry>();
  /** Top-level entries without a date since the last dated one: a block of date lines below may date them in order. */
  private undated: Entry[] = [];
  /** Lines already read by a look-ahead (a block of date lines). */
  private readUntil = -1;
  /** The last line of a block of date lines already looked at in vain (each line is looked at once). */
  private blockSeenUntil = -1;
  /** Organisations whose roles are read under them (their children inherit their organisation). */
  private readonly groups = new Set<Entry>();
  /** The entry a form's title line opened (`Title:- …`), with the last line of the form read so far. */
  private formEntry: { entry: Entry; line: number } | undefined;
  /** The reStructuredText line block being read (`| Example College, Alma, MI 2008-2012` / `| *B.S., Physics*`). */
  private lineBlock: { entry: Entry | undefined; first: WalkerLine; span: Span; line: number } | undefined;

  constructor(
    private readonly builder: EntryHost,
    private readonly section: Section,
    private readonly firstLine: number,
    private readonly endLine: number,
  ) {
    this.text = builder.sourceText();
    this.entrySection = ENTRY_SECTIONS.has(section.kind);
  }

  *walk(): Generator<void, void, void> {
    const bulletContext: WordContext = this.section.kind === 'skills' ? 'skills' : 'bullet';
    const textContext: WordContext = this.section.kind === 'skills' ? 'skills' : 'text';
    for (let lineIndex = this.firstLine; lineIndex < this.endLine; lineIndex++) {
      if ((lineIndex & LINES_PER_STEP) === LINES_PER_STEP) yield;
      if (lineIndex <= this.readUntil) continue;
      const info = this.builder.info(lineIndex);
      if (!isReadKind(info.kind)) continue;
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
        this.bulletLine(info, textContext, bulletContext);
        continue;
      }
      // Indented continuation of the previous bullet, or of a list item that made an entry.
      if (info.kind === 'text' && indentOf(info) >= 2) {
        if (this.lastBullet && this.lastBullet.lastLine === lineIndex - 1) {
          this.lastBullet.end = info.contentEnd;
          this.lastBullet.content = { ...this.lastBullet.content, end: info.contentEnd, text: this.text.slice(this.lastBullet.content.start, info.contentEnd) };
          this.lastBullet.lastLine = lineIndex;
          this.builder.setLineContext(lineIndex, bulletContext);
          this.extendOwner(lineIndex);
          const owner = this.child ?? this.entry;
          if (owner && owner.bullets.length === 1 && owner.bullets[0] === this.lastBullet && owner.role && !owner.organisation) this.organisationInBullet(owner, this.lastBullet);
          continue;
        }
        if (this.itemEntry && this.itemEntry.line === lineIndex - 1) {
          const entry = this.itemEntry.entry;
          this.itemEntry.line = lineIndex;
          this.builder.setLineContext(lineIndex, 'text');
          this.extend(entry, lineIndex);
          // The item's date on its own line: the line below may name what the item lacks.
          if (entry.dateRange && entry.dateRange === this.dateLine(lineIndex)?.range) this.slot = { entry, line: lineIndex, after: 'date' };
          continue;
        }
        if (this.lineBlock && this.lineBlock.line === lineIndex - 1) {
          this.lineBlockRow(info, { start: info.contentStart, end: info.contentEnd }, textContext);
          continue;
        }
      }
      this.lastBullet = undefined;
      if (info.kind === 'text' && this.itemEntry && this.itemEntry.line === lineIndex - 1 && this.itemEntry.entry.dateRange && this.itemEntry.entry.dateRange === this.dateLine(lineIndex)?.range) {
        // The date line under a list item that made an entry (`- **Designer**` / `<br>2020 - 2022<br>`).
        const entry = this.itemEntry.entry;
        this.builder.setLineContext(lineIndex, 'text');
        this.extend(entry, lineIndex);
        this.itemEntry = undefined;
        this.slot = { entry, line: lineIndex, after: 'date' };
        continue;
      }
      this.itemEntry = undefined;
      if (info.kind !== 'text' || !this.isSideLine(info)) this.listIndent = undefined;

      if (info.kind === 'heading' && info.heading) {
        this.flushStack(textContext);
        this.slot = undefined;
        this.headingLine(info, textContext);
        continue;
      }
      if (info.kind === 'table' || (info.kind === 'text' && this.isLineBlockLine(info))) {
        this.flushStack(textContext);
        const row = this.text.slice(info.contentStart, info.contentEnd);
        if (this.isLineBlockLine(info)) this.lineBlockRow(info, /^\|/.test(row) ? this.trimSpan({ start: info.contentStart + 1, end: info.contentEnd }) : { start: info.contentStart, end: info.contentEnd }, textContext);
        else this.tableRow(info);
        continue;
      }
      this.lineBlock = undefined;
      if (info.kind === 'fence') {
        this.builder.setLineContext(lineIndex, 'text');
        this.extendOwner(lineIndex);
        continue;
      }
      this.textLine(info, contentStart, textContext);
    }
    this.flushStack(textContext);
  }

  // --- entries -------------------------------------------------------------------------------

  private newEntry(info: WalkerLine, titleSpan: Span, range: DateRange | undefined, heading?: Heading): Entry {
    const title = { text: this.text.slice(titleSpan.start, titleSpan.end), ...titleSpan };
    // The fields read from the title below are declared here, so that every entry has one object shape.
    const entry: Entry = {
      title,
      heading,
      organisation: undefined,
      unit: undefined,
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
    const bold = info.leadingBold && info.leadingBold.start >= titleSpan.start ? info.leadingBold : undefined;
    const fields = entryFields(this.text, fieldSpan, bold);
    entry.organisation = fields.organisation;
    entry.role = fields.role;
    entry.location = fields.location;
    if (this.section.kind === 'publications' && !bold) this.readVenue(entry, fieldSpan);
    // A guess: no mark of an organisation, or the name of an honour (`Example Institute Scholarship`): a line below may name it.
    if (fields.organisation && !bold && (!(hasOrganisationMarker(fields.organisation.text) && looksLikeName(fields.organisation.text)) || HONOUR_ENDING.test(fields.organisation.text))) this.guessedOrganisation.add(entry);
    this.builder.setLineContext(info.line.index, 'text');
    this.builder.addField(entry.organisation, 'organisation');
    this.builder.addField(entry.role, 'role');
    this.builder.addField(entry.location, 'location');
    if (range && !range.end && !range.open && info.kind !== 'bullet') this.awaitingEnd = { entry, line: info.line.index };
    return entry;
  }

  /**
   * A talk or a paper names its venue after its title (`*Title of the Talk*, Example Linux Fest`): the venue, not the
   * title, is where it was given.
   */
  private readVenue(entry: Entry, span: Span): void {
    const segments = titleSegments(this.text, span);
    if (entry.organisation?.start !== segments[0]?.start) return;
    // Only a title set apart (`*Title*`, `"Title"`) says where the venue starts; an author list or a paper's title alone
    // does not (its reference may say it: see referenceVenue).
    if (segments.length < 2 || !/^[*_"“`]/.test(this.text.slice(span.start, span.end).trimStart())) {
      entry.organisation = undefined;
      entry.role = undefined;
      this.guessedOrganisation.delete(entry);
      return;
    }
    for (let i = segments.length - 1; i > 0; i--) {
      const segment = segments[i];
      if (looksLikeLocation(segment.text) || !looksLikeName(segment.text) || /^[\d(]/.test(segment.text)) continue;
      entry.organisation = segment;
      if (entry.role === segment) entry.role = undefined;
      this.guessedOrganisation.delete(entry);
      return;
    }
  }

  /** A new top-level entry of the section. */
  private addEntry(entry: Entry): Entry {
    this.entry = entry;
    this.child = undefined;
    this.section.entries.push(entry);
    if (entry.dateRange) this.undated = [];
    else this.undated.push(entry);
    return entry;
  }

  /** The part of a title before (or else after) its date range. */
  private withoutRange(span: Span, range: DateRange | undefined): Span {
    if (!range || range.span.end <= span.start || range.span.start >= span.end) return span;
    const before = { start: span.start, end: range.span.start };
    const after = { start: range.span.end, end: span.end };
    if (isOnlySeparators(this.text.slice(before.start, before.end))) {
      // `(2019) Title`, `2020. B.S., Biology`: the bracket or stop closing the date is not the title's.
      while (after.start < after.end && /[\s)\].:,;|•–—-]/.test(this.text[after.start])) after.start++;
      return after;
    }
    // `Title (2019)`, `Title [2019`: the bracket opening the date is not the title's.
    while (before.end > before.start && /[\s([_*]/.test(this.text[before.end - 1])) before.end--;
    return before;
  }

  // --- headings ------------------------------------------------------------------------------

  private headingLine(info: WalkerLine, textContext: WordContext): void {
    const heading = info.heading!;
    const line = info.line.index;
    const range = this.entryRange(line, heading.textSpan);
    const parent = this.entry;
    // `#### Duties:`: a label, not an entry.
    if (!range && /^[*_\s]*:/.test(this.text.slice(heading.textSpan.end, info.contentEnd))) {
      this.paragraph(info, heading.textSpan.start, textContext);
      return;
    }
    // `### Registered Nurse • Float Pool` over `#### Harbor Hospital • Riverton, CO`: the organisation of the role above.
    if (!range && parent && !this.child && this.organisationLine(parent, info)) return;
    // Outside the sections that list entries (skills, summary…), an undated heading is a group of lines, not an entry.
    if (!range && !this.entrySection && !looksLikeRole(heading.text)) {
      this.entry = undefined;
      this.child = undefined;
      this.paragraph(info, heading.textSpan.start, textContext);
      return;
    }
    this.startEntryFromHeading(info, range);
  }

  private startEntryFromHeading(info: WalkerLine, range: DateRange | undefined): void {
    const heading = info.heading!;
    const titleText = this.text.slice(heading.textSpan.start, heading.textSpan.end);
    const parent = this.entry;
    const withoutDate = range ? this.text.slice(this.withoutRange(heading.textSpan, range).start, this.withoutRange(heading.textSpan, range).end) : titleText;
    // A heading at the level of an organisation's heading (or above it) is the next organisation, not one of its roles.
    const afterGroup = parent?.heading !== undefined && heading.level > 0 && heading.level <= parent.heading.level && parent.children.length > 0 && this.isOrganisationGroup(parent);
    const deeperOrEqual = !afterGroup && (!parent?.heading || heading.level === 0 || parent.heading.level === 0 || heading.level >= parent.heading.level);
    const deeper = parent?.heading !== undefined && heading.level > parent.heading.level && parent.heading.level > 0;
    // `### Org — Title` at the level of the role heading above is a sibling role, even when its title is unknown.
    const sibling = () => parent?.heading !== undefined && heading.level > 0 && heading.level === parent.heading.level && hasOrganisationTitleShape(withoutDate);
    // A sub-entry of a role: the cheap tests first, the title readings (pure, the costly part) only when they decide.
    let ownReading: boolean | undefined;
    const namesRole = () => (ownReading ??= looksLikeRole(withoutDate));
    let created: Entry;
    if (parent && deeper && this.isOrganisationGroup(parent)) {
      // `### Acme` over `#### Tech Lead` … `#### Engineer`: roles at the organisation above.
      created = this.child = this.newEntry(info, heading.textSpan, range, heading);
      this.inheritOrganisation(parent, created);
      parent.children.push(created);
      this.extend(parent, info.line.index);
      this.undated = [];
    } else if (parent && deeperOrEqual && this.section.kind !== 'education' && this.titleNamesRole(parent) && !namesRole() && !sibling()) {
      created = this.child = this.newEntry(info, heading.textSpan, range, heading);
      parent.children.push(this.child);
      this.extend(parent, info.line.index);
    } else {
      created = this.addEntry(this.newEntry(info, heading.textSpan, range, heading));
    }
    // A dated title, or a role without its organisation (`** Teaching Assistant` / `Example University, Fall 2014, …`):
    // the line right below may name what it lacks.
    if (range) this.slot = { entry: created, line: info.line.index, after: 'title' };
    else if (created.role && !created.organisation && this.entrySection) this.slot = { entry: created, line: info.line.index, after: 'heading' };
    // The reading of this title, when it was made of the whole title: the next heading asks it of its parent.
    if (ownReading !== undefined && withoutDate === created.title.text) this.titleReadings.set(created, ownReading);
  }

  /**
   * Whether an entry is an organisation that groups the roles below it: a heading without a date, a role, bullets or
   * sub-entries that are not roles, whose title reads as a name (`### Acme Corp`, `Harrow Health`).
   */
  private isOrganisationGroup(entry: Entry): boolean {
    if (!entry.heading || entry.dateRange || entry.bullets.length > 0) return false;
    if (entry.children.length > 0) return this.groups.has(entry);
    if (entry.role || !entry.organisation || this.section.kind === 'education') return false;
    return !this.titleNamesRole(entry) || hasOrganisationMarker(entry.organisation.text);
  }

  /** A role under an organisation heading works there, unless its own title names another organisation. */
  private inheritOrganisation(parent: Entry, child: Entry): void {
    if (parent.children.length === 0 && !parent.dateRange) this.groups.add(parent);
    if (child.organisation && !this.guessedOrganisation.has(child)) return;
    if (child.organisation && !child.role) child.role = child.organisation;
    child.organisation = parent.organisation;
    this.guessedOrganisation.delete(child);
  }

  /**
   * A heading right under an entry's heading (blank lines between at most), deeper, undated and naming no role,
   * when the entry names no organisation of its own: the entry's organisation line (`#### Harbor Hospital • Riverton`).
   */
  private organisationLine(entry: Entry, info: WalkerLine): boolean {
    const heading = info.heading!;
    if (!entry.heading || !heading.level || !entry.heading.level || heading.level <= entry.heading.level) return false;
    if (entry.bullets.length > 0 || entry.children.length > 0 || entry.paragraphs.length > 0 || !entry.role) return false;
    for (let line = entry.lastLine + 1; line < info.line.index; line++) if (this.builder.info(line).kind !== 'blank') return false;
    const fields = entryFields(this.text, heading.textSpan);
    if (!fields.organisation || fields.role || !looksLikeName(fields.organisation.text)) return false;
    // It says it is a place of work: `Employer • Town, ST` names the employer over a unit the title named; a marker
    // names one where the title only guessed; a bare name, where the title named none.
    if (entry.organisation && !this.guessedOrganisation.has(entry)) {
      if (!fields.location) return false;
    } else if (entry.organisation && !hasOrganisationMarker(fields.organisation.text) && !fields.location) {
      return false;
    }
    this.setOrganisation(entry, fields.organisation, fields.location);
    this.builder.setLineContext(info.line.index, 'text');
    this.extend(entry, info.line.index);
    return true;
  }

  /** Names an entry's organisation (and place), read from another line than its title. */
  private setOrganisation(entry: Entry, organisation: TextSpan, location: TextSpan | undefined): void {
    entry.organisation = organisation;
    this.guessedOrganisation.delete(entry);
    this.builder.addField(organisation, 'organisation');
    if (location && !entry.location) {
      entry.location = location;
      this.builder.addField(location, 'location');
    }
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

  // --- dates on a line -----------------------------------------------------------------------

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
    const leading = ranges.find((range) => /^[\s*_([]*$/.test(this.withoutMarkup(span.start, range.span.start)));
    if (leading) return leading;
    // A lone date at the end counts after a separator (`B.Com, 2016`, `| 2016`, `(2016)`, `, awarded 2020.`), not
    // in prose (`Featured at Design Week 2020`).
    return ranges.find(
      (range) =>
        /^[\s*_)\].]*$/.test(this.withoutMarkup(range.span.end, span.end)) &&
        /(?:^|[,|•–—(;]|\s-|\s{2})\s*(?:\p{Ll}+\s+)?[*_]*$/u.test(this.withoutMarkup(span.start, range.span.start)),
    );
  }

  /** The text between two offsets with HTML tags and entities blanked. */
  private withoutMarkup(start: number, end: number): string {
    const piece = this.text.slice(start, end);
    return piece.indexOf('<') >= 0 || piece.indexOf('&') >= 0 ? piece.replace(MARKUP_NOISE, ' ') : piece;
  }

  /**
   * How a line dates an entry, when it does: a date with a title beside it (`Engineer, Acme, 2019 – 2021`, or a
   * title and a right-aligned date in columns), or a date line (the date alone, or with a place: `Austin, TX · 2019`).
   */
  private lineDates(info: WalkerLine, start: number): LineDates | undefined {
    const line = info.line.index;
    const onLine = this.builder.rangesOn(line);
    if (onLine.length === 0) return undefined;
    const cells = this.cells(start, info.contentEnd);
    if (cells.length > 1) {
      // Columns: a cell that is a date (with a place before it at most) dates the cells before it; what follows it is
      // another column.
      for (let k = 0; k < cells.length; k++) {
        const cell = cells[k];
        const range = onLine.find((r) => r.span.start >= cell.start && r.span.end <= cell.end);
        if (!range || !isOnlySeparators(this.text.slice(range.span.end, cell.end))) continue;
        const before = this.trimSpan({ start: cell.start, end: range.span.start });
        if (before.text.length > 0 && !(looksLikeLocation(before.text) || (k > 0 && before.text.split(/\s+/).length <= 4 && !/\d/.test(before.text)))) continue;
        const location = before.text.length > 0 ? before : undefined;
        if (k === 0) return { range, location, leading: true };
        // Cells between the title and the date are places (`Title   Town, ST   2019`), or the organisation of a role
        // (`Engineer   Acme Corp, Town, ST   2019`: three columns); else the date is another column's.
        let between = true;
        for (let j = 1; j < k && between; j++) between = isPlaceCell(this.text.slice(cells[j].start, cells[j].end));
        if (between) {
          // The place cells are the entry's place, not its title's words (`Quillon Labs   Riverton, OR   2015 – 2017`).
          const place = k > 1 ? this.trimSpan({ start: cells[1].start, end: cells[k - 1].end }) : undefined;
          return { range, title: this.trimMarkup(cells[0]), location: location ?? place, leading: false };
        }
        if (k === 2 && this.organisationCell(cells[0], cells[1])) return { range, title: this.trimMarkup(cells[0]), location, beside: cells[1], leading: false };
        return undefined;
      }
    }
    const span = { start, end: info.contentEnd };
    const range = this.entryRange(line, span);
    if (!range) return undefined;
    const restBeforeEmpty = isOnlySeparators(this.text.slice(span.start, range.span.start));
    const restAfterSpan = { start: range.span.end, end: span.end };
    const restAfter = this.withoutMarkup(restAfterSpan.start, restAfterSpan.end).trim();
    const restAfterEmpty = isOnlySeparators(restAfter);
    if (restBeforeEmpty) {
      // `Mar 2005 – Jul 2007`, `Mar 2005 – Jul 2007 · Austin, TX`
      if (restAfterEmpty) return { range, leading: true };
      if (looksLikeLocation(restAfter.replace(/^[\s|•·,–—-]+/, ''))) return { range, location: this.trimSpan(restAfterSpan), leading: true };
      return { range, title: this.trimMarkup(span), leading: true };
    }
    if (restAfterEmpty) {
      // `Austin, TX · Mar 2005 – Jul 2007`: the place first, then the dates.
      const before = this.trimSpan({ start: span.start, end: range.span.start });
      if (looksLikeLocation(before.text)) return { range, location: before, leading: false };
    }
    return { range, title: this.trimMarkup(span), leading: false };
  }

  /**
   * Whether a cell beside a title that names a role only names its organisation, by a mark or a place after the name
   * (`Acme Corp, Town, ST`, `Harbor Bank`), not a sidebar's words (`Designers`).
   */
  private organisationCell(title: Span, cell: Span): boolean {
    const titleText = this.text.slice(title.start, title.end);
    if (!looksLikeRoleOnly(titleText)) return false;
    const fields = entryFields(this.text, cell);
    return fields.organisation !== undefined && !fields.role && looksLikeName(fields.organisation.text) && (hasOrganisationMarker(fields.organisation.text) || fields.location !== undefined);
  }

  /** The cells of a line laid out in columns: the pieces between runs of 3+ spaces or tabs. */
  private cells(start: number, end: number): Span[] {
    const piece = this.text.slice(start, end);
    if (piece.indexOf('   ') < 0 && piece.indexOf('\t') < 0) return [{ start, end }];
    const cells: Span[] = [];
    let last = 0;
    CELL_GAP.lastIndex = 0;
    for (let match = CELL_GAP.exec(piece); match !== null; match = CELL_GAP.exec(piece)) {
      if (match.index > last) cells.push({ start: start + last, end: start + match.index });
      last = match.index + match[0].length;
    }
    if (last < piece.length) cells.push({ start: start + last, end });
    return cells;
  }

  /**
   * Whether a line's date stands in a cell of its own after its title (`Example Co. - Designer      Town ST | 2019`): a
   * title a reader takes for an entry in any section (a sidebar heading of a two-column PDF may have started one).
   */
  private isColumnDate(info: WalkerLine, range: DateRange): boolean {
    const cells = this.cells(info.contentStart, info.contentEnd);
    return cells.length > 1 && range.span.start >= cells[1].start;
  }

  /** A line of the right column only (`-layout` PDF text: a sidebar beside the entries), read as no title. */
  private isSideLine(info: WalkerLine): boolean {
    return indentOf(info) >= SIDE_INDENT;
  }

  /** A date line (nothing but a date, and a place beside it): its range and place. */
  private dateLine(line: number): LineDates | undefined {
    const info = this.builder.info(line);
    if (info.kind !== 'text' && info.kind !== 'bullet') return undefined;
    const dates = this.lineDates(info, info.kind === 'bullet' ? info.bullet!.contentStart : info.contentStart);
    return dates && !dates.title ? dates : undefined;
  }

  // --- text lines ----------------------------------------------------------------------------

  private textLine(info: WalkerLine, contentStart: number, textContext: WordContext): void {
    const line = info.line.index;
    const owner = this.child ?? this.entry;
    if (this.entrySection && this.formLine(info, owner, textContext)) return;
    if (this.section.kind === 'publications' && this.publication(info, textContext)) return;
    let dates = this.lineDates(info, contentStart);
    // A year that opens a sentence (`2024 to further my studies`) dates nothing.
    if (dates && dates.leading && dates.title && this.isLone(dates.range) && /^[\s,]*\p{Ll}/u.test(this.text.slice(dates.range.span.end, info.contentEnd))) dates = undefined;

    if (dates && !dates.title) {
      this.dateOnlyLine(info, dates, contentStart, textContext);
      return;
    }
    if (dates) {
      const { range, title } = dates;
      if (dates.leading && owner && !owner.dateRange && owner.bullets.length === 0 && owner.children.length === 0 && owner.firstLine < line && this.stack.length === 0) {
        // `### Baidu Inc., Software Engineer` … `2016/03 Matrix platform…`: the date belongs to the heading.
        this.attachDate(owner, range, line, undefined);
        this.paragraph(info, range.span.end, textContext);
        return;
      }
      // A dated line under a title names its role (`Bachelor of Commerce, 2016`), unless it is a title of its own
      // (`Data Science — Example Academy      2018 – 2019`).
      const ownTitle = () => {
        const rest = this.withoutRange(title!, range);
        const { segments, strong } = splitTitle(this.text, rest);
        return strong && segments.length >= 2;
      };
      const stack = this.titleStack(line, 0);
      if (stack && !dates.leading && !ownTitle()) {
        // `University of Madras, Chennai` / `Bachelor of Commerce, 2016`: the title, then its role and date.
        const entry = this.entryFromStack(stack, range, line, dates.location);
        if (dates.beside) this.fillFields(entry, dates.beside);
        const roleSpan = this.trimSpan(this.withoutRange(title!, range));
        if (!entry.role && roleSpan.text.length > 0) {
          entry.role = roleSpan;
          this.builder.addField(entry.role, 'role');
        } else if (roleSpan.text.length > 0) {
          this.fillFields(entry, roleSpan);
        }
        this.builder.setLineContext(line, 'text');
        return;
      }
      this.flushStack(textContext);
      // A dated line under a role is its sub-entry unless it names a role itself; the title readings (pure, the
      // costly part) only when the cheap tests leave them to decide.
      const fieldSpan = this.withoutRange(title!, range);
      const underRole = () => this.entry !== undefined && this.entry.firstLine < line && this.titleNamesRole(this.entry);
      const namesRole = () => looksLikeRole(this.text.slice(fieldSpan.start, fieldSpan.end));
      if (dates.leading && this.section.kind !== 'education' && underRole() && !namesRole()) {
        this.child = this.newEntry(info, title!, range);
        this.entry!.children.push(this.child);
        this.extend(this.entry!, line);
      } else if (this.entry && this.itemEntries.has(this.entry) && this.entry.lastLine === line - 1 && this.entrySection) {
        // A dated line right under a list item that made an entry (a lazy continuation, `** Assistant Professor, 2019`):
        // one of its roles, at its organisation.
        const parent = this.entry;
        this.child = this.newEntry(info, title!, range);
        if (parent.organisation) this.inheritOrganisation(parent, this.child);
        parent.children.push(this.child);
        this.extend(parent, line);
      } else if (this.entrySection || this.section.kind === 'summary' || (!dates.leading && this.isColumnDate(info, range))) {
        const entry = this.addEntry(this.newEntry(info, title!, range));
        if (dates.beside) this.fillFields(entry, dates.beside);
        if (dates.location && !entry.location) this.setLocation(entry, dates.location);
        this.slot = { entry, line, after: 'title' };
      } else {
        this.paragraph(info, contentStart, textContext);
      }
      return;
    }

    // A line of the right column beside the entries: not part of a title, nor a title itself.
    if (this.isSideLine(info) && this.cells(info.contentStart, info.contentEnd).length === 1) {
      this.paragraph(info, contentStart, textContext);
      return;
    }
    if (info.leadingBold && !info.boldOnly && this.entrySection && !this.isLabel(info)) {
      // `**Tencent Inc** Software Engineer Intern – Product`
      this.flushStack(textContext);
      const entry = this.addEntry(this.newEntry(info, { start: contentStart, end: info.contentEnd }, undefined));
      this.slot = { entry, line, after: 'title' };
      return;
    }
    if (this.slot && (this.slot.after === 'date' || this.slot.line === line - 1) && this.fillFromLine(this.slot.entry, info, this.slot.after)) {
      this.slot = undefined;
      return;
    }
    this.slot = undefined;
    if (this.entrySection && this.isStackable(info, contentStart)) {
      this.pushStack(info, contentStart, textContext);
      return;
    }
    this.flushStack(textContext);
    this.paragraph(info, contentStart, textContext);
  }

  /** A line that is only a date (and a place): it dates the title above it, the entry above it, or a block of them. */
  private dateOnlyLine(info: WalkerLine, dates: LineDates, contentStart: number, textContext: WordContext): void {
    const line = info.line.index;
    const { range, location } = dates;
    if (this.isSideLine(info) && this.sideEntry(info, range)) return;
    const stack = this.titleStack(line);
    if (stack) {
      // `University of Illinois • Urbana, IL` … `August 2021 – May 2023`
      const entry = this.entryFromStack(stack, range, line, location);
      this.slot = { entry, line, after: 'date' };
      return;
    }
    // A place on the line above belongs to this date (`San Antonio, TX` / `Expected May 2026`).
    const place = this.stack.length > 0 && this.stack.every((s) => s.place) ? this.stack[this.stack.length - 1] : undefined;
    this.flushStack(textContext);
    const where = location ?? (place ? this.trimSpan(place.span) : undefined);
    if (this.datesBlock(line, where)) return;
    const owner = this.child ?? this.entry;
    const ownerUndated = owner && (!owner.dateRange || (this.isLone(owner.dateRange) && !this.isLone(range)));
    if (owner && ownerUndated && owner.bullets.length === 0 && owner.children.length === 0) {
      // A full range on the next line beats a lone year in the title.
      this.attachDate(owner, range, line, where);
      this.slot = { entry: owner, line, after: 'date' };
      return;
    }
    if (owner && !owner.dateRange && owner.children.length === 0 && !this.startsTitle(line)) {
      // A date left below its entry's lines (PDF text: the right column comes out after the bullets).
      this.attachDate(owner, range, line, where);
      return;
    }
    if (!this.entrySection) {
      this.paragraph(info, contentStart, textContext);
      return;
    }
    // A date line on its own that no title precedes: an untitled entry.
    const entry = this.addEntry(this.newEntry(info, this.trimMarkup({ start: contentStart, end: info.contentEnd }), range));
    this.slot = { entry, line, after: 'date' };
  }

  /**
   * A date alone in the right column (`-layout` PDF text), under the cells of that column on the lines right above it
   * (`Org - Title      Design Hackathon` / `Dates          Example Corp - Town` / `               Jan 2026`): the right
   * column's own entry, titled by its top cell, its fields read from the cells below. The left column's entry stays the
   * one its bullets belong to.
   */
  private sideEntry(info: WalkerLine, range: DateRange): boolean {
    // The left column's entry has its dates: this one is another column's (else it may be the left entry's own).
    const owner = this.child ?? this.entry;
    if (!this.entrySection || !owner?.dateRange) return false;
    const line = info.line.index;
    const column = range.span.start - info.line.start;
    const cells: Array<{ info: WalkerLine; span: Span }> = [];
    for (let i = line - 1; i >= this.firstLine && i >= line - STACK_LIMIT; i--) {
      const above = this.builder.info(i);
      if (above.kind !== 'text' && above.kind !== 'heading') break;
      const cell = this.cells(above.contentStart, above.contentEnd).find((c) => Math.abs(c.start - above.line.start - column) <= 3 && (c.start > above.contentStart || indentOf(above) >= SIDE_INDENT));
      if (!cell || this.builder.rangesOn(i).some((r) => r.span.start >= cell.start && r.span.end <= cell.end)) break;
      const value = this.text.slice(cell.start, cell.end);
      if (value.split(/\s+/).length > 10 || /[.!?:]$/.test(value) || !/^[\p{Lu}\p{N}]/u.test(value)) break;
      cells.unshift({ info: above, span: cell });
    }
    // The top cell may be the side column's section heading (`Accomplishment`): a title needs one more cell below it.
    if (cells.length === 0 || (cells.length === 1 && cells[0].info.kind === 'heading')) return false;
    const first = cells[0];
    if (isPlaceCell(this.text.slice(first.span.start, first.span.end))) return false;
    const entry = this.newEntry(first.info, first.span, undefined);
    for (let i = 1; i < cells.length; i++) this.fillFields(entry, cells[i].span);
    entry.dateRange = range;
    entry.firstLine = first.info.line.index;
    entry.start = first.span.start;
    entry.end = info.contentEnd;
    entry.lastLine = line;
    this.section.entries.push(entry);
    this.builder.setLineContext(line, 'text');
    return true;
  }

  /**
   * A paragraph of a list of publications (a reference over a few lines): an entry when it holds a date, titled by its
   * first line (`Doe, J. (2017). *Title of the paper*. Journal of Examples, 4.`).
   */
  private publication(info: WalkerLine, textContext: WordContext): boolean {
    const line = info.line.index;
    if (line > this.firstLine && this.builder.info(line - 1).kind !== 'blank') return false;
    let range: DateRange | undefined;
    let last = line;
    for (let i = line; i < this.endLine && i < line + 8; i++) {
      const next = this.builder.info(i);
      if (next.kind !== 'text') break;
      last = i;
      range ??= this.builder.rangesOn(i)[0];
    }
    if (!range) return false;
    this.flushStack(textContext);
    const entry = this.addEntry(this.newEntry(info, { start: info.contentStart, end: info.contentEnd }, range));
    this.awaitingEnd = undefined;
    for (let i = line + 1; i <= last; i++) this.builder.setLineContext(i, 'text');
    this.extend(entry, last);
    this.readUntil = last;
    this.referenceVenue(entry, line, last);
    return true;
  }

  /**
   * Where a paper or a talk appeared, read from its reference as a reader does: the phrase before one of its dates,
   * back to the stop, colon or semicolon before it (`… recovery. Example Journal of Medicine. 2020; 4(9).`, `Talk
   * presented at the Example annual meeting; May 2022;`), or the phrase a date ends with a colon after it (`EXAMPLE
   * 2024 Findings: authors`). Author lists (`Doe, J.`) and one-word phrases are no venue.
   */
  private referenceVenue(entry: Entry, firstLine: number, lastLine: number): void {
    const first = this.builder.info(firstLine);
    const itemStart = first.kind === 'bullet' ? first.bullet!.contentStart : first.contentStart;
    const end = this.builder.info(lastLine).contentEnd;
    if (this.setApartVenue(entry, itemStart, end, firstLine, lastLine)) return;
    if (entry.organisation) return;
    for (let line = firstLine; line <= lastLine; line++) {
      for (const range of this.builder.rangesOn(line)) {
        // The phrase on the date's own line first (`EXAMPLE 2024 Findings: authors`), then across the item's lines
        // (`… Example Journal of Coastal` / `Studies. 2020; 4(9).`).
        const venue = this.venueBefore(range, this.builder.info(line).contentStart, end) ?? this.venueBefore(range, itemStart, end);
        if (venue) {
          entry.organisation = venue;
          this.builder.addField(venue, 'organisation');
          // What appeared there: the title, listed beside its venue.
          if (!entry.role) {
            const title = this.trimSpan(this.withoutRange(entry.title, entry.dateRange));
            if (title.text.length > 0 && (title.end <= venue.start || title.start >= venue.end) && !AUTHORS.test(title.text)) entry.role = title;
          }
          return;
        }
      }
    }
  }

  /**
   * A reference whose title is set apart (`*Title*`, `"Title"`) names its venue right after it, over the item's lines
   * as written: `Doe, J. (2015). *Title.* Example Journal of` / `Tides, 12(3), 211.`, `*Title*, Example Linux` /
   * `Fest May 2013; …`, `Doe. "Title." Example Conf 2011.`. The venue runs to a date, a volume (`, 16`), a bracket, a
   * semicolon or a sentence's end; the title is listed beside it.
   */
  private setApartVenue(entry: Entry, itemStart: number, end: number, firstLine: number, lastLine: number): boolean {
    const text = this.text;
    // The first mark that opens a title: at the item's start or after a blank, a stop or a bracket (not inside a word).
    let open = -1;
    for (let i = itemStart; i < end && i < itemStart + 400; i++) {
      const code = text.charCodeAt(i);
      if (code !== 0x2a && code !== 0x22 && code !== 0x201c && code !== 0x5f) continue; // * " “ _
      const before = i > itemStart ? text.charCodeAt(i - 1) : 0x20;
      if (i > itemStart && !isSpaceCode(before) && before !== 0x28 && before !== 0x2e) continue;
      if (code === 0x5f && i > itemStart && !isSpaceCode(before)) continue;
      open = i;
      break;
    }
    if (open < 0) return false;
    const mark = text[open];
    let markEnd = open + 1;
    while (markEnd < end && text[markEnd] === mark && mark === '*') markEnd++;
    const closeMark = mark === '“' ? '”' : text.slice(open, markEnd);
    const close = text.indexOf(closeMark, markEnd + 1);
    if (close < 0 || close >= end) return false;
    // APA's article: the journal is the phrase set apart, a volume right after it (`Title. *Journal*, 94(2), 311–340.`);
    // the title is the plain sentence before it, after the year.
    if (/^[*_"”]*,\s*(?:\d|vol\b|no\.)/i.test(text.slice(close + closeMark.length, close + closeMark.length + 10))) return this.journalSetApart(entry, itemStart, open, markEnd, close, firstLine, lastLine);
    // The venue: after the mark and the stop or comma that ends the title.
    let start = close + closeMark.length;
    while (start < end && /[\s.,:*_"”]/.test(text[start])) start++;
    const lead = /^(?:[Ii]n:?\s+)(?=\p{Lu})/u.exec(text.slice(start, Math.min(end, start + 4)));
    if (lead) start += lead[0].length;
    let stop = end;
    let dateAt = end;
    for (let line = firstLine; line <= lastLine; line++) {
      for (const range of this.builder.rangesOn(line)) {
        if (range.span.start >= start && range.span.start < dateAt) dateAt = range.span.start;
      }
    }
    for (let i = start; i < stop; i++) {
      const code = text.charCodeAt(i);
      if (i >= dateAt || code === 0x3b || code === 0x28 || code === 0x5b || code === 0x60 || code === 0x3c) stop = i; // ; ( [ ` <
      else if (code === 0x2c && /^,\s*(?:\d|vol\b|pp\b|no\.)/i.test(text.slice(i, i + 6))) stop = i; // a volume: `, 16(1)`, `, vol. 3`
      else if ((code === 0x2e || code === 0x3f || code === 0x21) && (i + 1 >= end || isSpaceCode(text.charCodeAt(i + 1))) && /\p{L}{5,}$/u.test(text.slice(Math.max(start, i - 12), i))) stop = i;
    }
    const venue = this.trimSpan({ start, end: stop });
    const value = venue.text.replace(/[*_]/g, '').replace(/\s+/g, ' ');
    const words = value.split(' ');
    // A name, not a sentence: from a capital, short, most of its words capitalised (`BMC genomics` as written).
    const capitalised = words.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length;
    if (value.length === 0 || !/\p{L}/u.test(value) || words.length > 10 || !/^[\p{Lu}\p{N}]/u.test(value) || (words.length > 3 && capitalised * 2 < words.length) || AUTHORS.test(value)) return false;
    let titleEnd = close;
    while (titleEnd > markEnd && /[\s.,]/.test(text[titleEnd - 1])) titleEnd--;
    const title = this.trimSpan({ start: markEnd, end: titleEnd });
    entry.organisation = venue;
    this.guessedOrganisation.delete(entry);
    this.builder.addField(venue, 'organisation');
    // A place read from the title's own words is none (`*Title*, Example Linux Fest` read as a name and a place).
    if (entry.location && entry.location.start < stop && entry.location.end > itemStart) entry.location = undefined;
    if (title.text.length > 0) {
      entry.role = title;
      this.builder.addField(title, 'role');
    }
    return true;
  }

  /**
   * An article whose journal is set apart (`Doe, J. (2019). Title of the article. *Example Review*, 94(2), 311–340.`):
   * the journal is the venue, the sentence between the year and it the title.
   */
  private journalSetApart(entry: Entry, itemStart: number, open: number, markEnd: number, close: number, firstLine: number, lastLine: number): boolean {
    const venue = this.trimSpan({ start: markEnd, end: close });
    if (venue.text.length === 0 || !/^[\p{Lu}\p{N}]/u.test(venue.text) || !/\p{L}/u.test(venue.text) || venue.text.split(/\s+/).length > 12) return false;
    // The title starts after the year the authors' part ends with (`(2019). `), if one stands before the journal.
    let titleStart = -1;
    for (let line = firstLine; line <= lastLine; line++) {
      for (const range of this.builder.rangesOn(line)) if (range.span.end <= open && range.span.end > titleStart) titleStart = range.span.end;
    }
    entry.organisation = venue;
    this.guessedOrganisation.delete(entry);
    this.builder.addField(venue, 'organisation');
    if (titleStart >= itemStart) {
      while (titleStart < open && /[\s).,:]/.test(this.text[titleStart])) titleStart++;
      let titleEnd = open;
      while (titleEnd > titleStart && /[\s.,]/.test(this.text[titleEnd - 1])) titleEnd--;
      const title = this.trimSpan({ start: titleStart, end: titleEnd });
      if (title.text.length > 0 && !AUTHORS.test(title.text)) {
        entry.role = title;
        this.builder.addField(title, 'role');
      }
    }
    return true;
  }

  /** The venue phrase a date closes (with a colon after it) or follows, read back no further than `start`. */
  private venueBefore(range: DateRange, start: number, end: number): TextSpan | undefined {
    const text = this.text;
    const isBoundary = (i: number) => {
      const code = text.charCodeAt(i);
      if (code === 0x3b || code === 0x3a) return true; // ; :
      // A full stop before a blank, not an initial's (`Doe, J. (2019)`).
      return (code === 0x2e || code === 0x3f || code === 0x21) && i + 1 < end && isSpaceCode(text.charCodeAt(i + 1)) && !/(?:^|[\s,(])\p{Lu}$/u.test(text.slice(Math.max(start, i - 3), i));
    };
    let clauseStart = range.span.start;
    while (clauseStart > start && !isBoundary(clauseStart - 1)) clauseStart--;
    let clauseEnd = range.span.end;
    while (clauseEnd < end && !isBoundary(clauseEnd)) clauseEnd++;
    if (text[clauseEnd] === ':' && clauseStart < range.span.start) return this.venuePhrase({ start: clauseStart, end: clauseEnd });
    // The phrase before the date: in its clause, else the clause before it.
    let phraseEnd = range.span.start;
    while (phraseEnd > clauseStart && /[\s,(]/.test(text[phraseEnd - 1])) phraseEnd--;
    let phraseStart = clauseStart;
    if (phraseEnd <= phraseStart) {
      if (clauseStart <= start) return undefined;
      phraseEnd = clauseStart - 1;
      phraseStart = phraseEnd;
      while (phraseStart > start && !isBoundary(phraseStart - 1)) phraseStart--;
    } else {
      // A conference's acronym with its year (`EXCONF 2024 Ada Doe and Omar Roe`): the venue is both.
      const acronym = this.trimSpan({ start: phraseStart, end: phraseEnd });
      if (/^[A-Z][A-Z0-9&-]{1,11}$/.test(acronym.text) && text.slice(acronym.end, range.span.start) === ' ') return this.trimSpan({ start: acronym.start, end: range.span.end });
    }
    return this.venuePhrase({ start: phraseStart, end: phraseEnd });
  }

  /** A phrase that reads as a venue: two to ten words from a capital letter, no author list; lead-ins dropped. */
  private venuePhrase(span: Span): TextSpan | undefined {
    let { start, end } = span;
    const lead = /^\s*(?:(?:invited\s+)?(?:oral|poster|talk|seminar|paper|presentation|lecture)\s+)?(?:presented|given|delivered|published)\s+(?:at|in)\s+(?:the\s+)?/i.exec(this.text.slice(start, end));
    if (lead) start += lead[0].length;
    const venue = this.trimSpan({ start, end });
    const value = venue.text.replace(/[*_]/g, '').replace(/\s+/g, ' ');
    const words = value.split(' ');
    if (words.length < 2 || words.length > 10 || !/^[\p{Lu}\p{N}]/u.test(value)) return undefined;
    if (AUTHORS.test(value)) return undefined;
    return venue;
  }

  /** Whether the line after a date line (no blank between) starts a title: a date that opens an entry, not one closing it. */
  private startsTitle(line: number): boolean {
    if (line + 1 >= this.endLine) return false;
    const next = this.builder.info(line + 1);
    return next.kind === 'text' && this.isTitleLike(next, next.contentStart) && !this.dateLine(line + 1);
  }

  /**
   * A block of date lines (places and blanks between them) after as many undated entries: PDF text puts a column of
   * dates after the column of titles it stood beside. The dates go to the entries in order; any other count leaves
   * them alone.
   */
  private datesBlock(line: number, placeBefore: TextSpan | undefined): boolean {
    const count = this.undated.length;
    if (count < 2 || count > 16 || line <= this.blockSeenUntil) return false;
    const found: Array<{ line: number; dates: LineDates; place?: TextSpan }> = [];
    // Places stand before their dates (`Town, ST` / `May 2024`) when one stood before the first, else after them.
    const before = placeBefore !== undefined;
    let place: TextSpan | undefined = placeBefore;
    let last = line - 1;
    for (let i = line; i < this.endLine && found.length <= count; i++) {
      const info = this.builder.info(i);
      if (info.kind === 'blank') continue;
      const dates = this.dateLine(i);
      if (dates) {
        found.push({ line: i, dates, place: dates.location ?? place });
        place = undefined;
        last = i;
        continue;
      }
      const text = this.text.slice(info.contentStart, info.contentEnd);
      if (info.kind === 'text' && looksLikeLocation(text)) {
        const where = this.trimSpan({ start: info.contentStart, end: info.contentEnd });
        if (before) place = where;
        else if (found.length > 0 && !found[found.length - 1].place) found[found.length - 1].place = where;
        last = i;
        continue;
      }
      break;
    }
    if (found.length !== count) {
      this.blockSeenUntil = last;
      return false;
    }
    const entries = this.undated;
    this.undated = [];
    for (let i = 0; i < count; i++) {
      const entry = entries[i];
      entry.dateRange = found[i].dates.range;
      if (found[i].place && !entry.location) this.setLocation(entry, found[i].place!);
    }
    for (let i = line; i <= last; i++) if (this.builder.info(i).kind !== 'blank') this.builder.setLineContext(i, 'text');
    this.extend(entries[count - 1], last);
    this.readUntil = last;
    return true;
  }

  /** The stack of title lines whose last line stands right above `line` (`blanks` blank lines and side lines between at most). */
  private titleStack(line: number, blanks = 1): StackLine[] | undefined {
    if (this.stack.length === 0 || this.stack.every((s) => s.place)) return undefined;
    let gap = 0;
    for (let i = this.stack[this.stack.length - 1].info.line.index + 1; i < line; i++) {
      const info = this.builder.info(i);
      if (info.kind === 'blank') gap++;
      else if (!(info.kind === 'text' && this.isSideLine(info))) return undefined;
    }
    return gap <= blanks ? this.stack : undefined;
  }

  /** An entry titled by the first line of a stack, dated by `range` on `line`, its fields read from every stack line. */
  private entryFromStack(stack: StackLine[], range: DateRange | undefined, line: number, location: TextSpan | undefined): Entry {
    this.stack = [];
    const first = stack[0];
    const entry = this.addEntry(this.newEntry(first.info, first.span, undefined));
    for (let i = 1; i < stack.length; i++) {
      this.builder.setLineContext(stack[i].info.line.index, 'text');
      this.fillFields(entry, stack[i].span);
      this.extend(entry, stack[i].info.line.index);
    }
    if (range) this.attachDate(entry, range, line, location);
    else if (location) this.setLocation(entry, location);
    return entry;
  }

  /**
   * Fields read from another line of an entry (`Example Policy Lab` / `Research Assistant`, `Harbor Hospital, Riverton`):
   * what the entry lacks, and an organisation that names itself over one the title only guessed.
   */
  private fillFields(entry: Entry, span: Span, bold = false): boolean {
    const fields = entryFields(this.text, span);
    let filled = false;
    // Self-employment in the employer's place (`Freelance Designer` / `Independent Contractor, Portland, Oregon`).
    const own = fields.role ?? fields.organisation;
    if (!entry.organisation && entry.role && own && SELF_EMPLOYED.test(own.text) && own.start - span.start <= 2) {
      const place = this.trimSpan({ start: own.end, end: span.end });
      this.setOrganisation(entry, own, place.text.length > 0 && place.text.split(/\s+/).length <= 4 ? place : undefined);
      return true;
    }
    const marked = fields.organisation !== undefined && hasOrganisationMarker(fields.organisation.text);
    // A line in bold is a name as written (`**Example authorized dealer company - Town**`), when it says it is one.
    const names = fields.organisation !== undefined && (looksLikeName(fields.organisation.text) || (bold && marked)) && (marked || !fields.role);
    // `Dun and Bradstreet, Austin, TX` under `Lead Developer, Innovation Center`: a name and a place name the employer.
    const employerLine =
      fields.location !== undefined &&
      looksLikeLocation(fields.location.text) &&
      !fields.role &&
      entry.role !== undefined &&
      titleSegments(this.text, span).length <= 3;
    // `Design Hackathon` / `Example Corp - Town, Region`: a name and a place name who ran the event the title named.
    const eventHost = fields.location !== undefined && !fields.role && entry.organisation !== undefined && this.guessedOrganisation.has(entry) && isEventName(entry.organisation.text);
    const unitOf = entry.organisation !== undefined && !entry.unit && fields.organisation !== undefined && marked && !fields.role;
    if (unitOf && names && !this.guessedOrganisation.has(entry) && isUnitName(entry.organisation!.text) && !isUnitName(fields.organisation!.text)) {
      // The title named a unit (`Department of Public Health`), this line the organisation it is part of.
      entry.unit = entry.organisation;
      this.setOrganisation(entry, fields.organisation!, fields.location);
      filled = true;
    } else if (unitOf && entry.role !== undefined && !fields.location && isUnitName(fields.organisation!.text) && !isUnitName(entry.organisation!.text)) {
      // A unit under the organisation the title named beside its role (`Research Assistant, Example Program` / `Kim Lab`).
      entry.unit = fields.organisation;
      this.guessedOrganisation.delete(entry);
      this.builder.addField(entry.unit, 'organisation');
      filled = true;
    } else if (fields.organisation && names && (!entry.organisation || employerLine || eventHost || (this.guessedOrganisation.has(entry) && marked))) {
      // The guess was the title's own words: a program, a team (`Interactive Media Design` / `Algonquin College`).
      if (entry.organisation && !entry.role) {
        entry.role = entry.organisation;
        this.builder.addField(entry.role, 'role');
      }
      this.setOrganisation(entry, fields.organisation, fields.location);
      filled = true;
    }
    if (fields.role && !entry.role) {
      entry.role = fields.role;
      this.builder.addField(entry.role, 'role');
      filled = true;
    }
    if (fields.location && !entry.location) {
      this.setLocation(entry, fields.location);
      filled = true;
    }
    return filled;
  }

  /**
   * The line right after an entry's date: short, it names what the title lacks (`August 2021 – May 2023` /
   * `Master of Science`, `Production Artist - 2018 to Present` / `Airship, Portland, Oregon`).
   */
  private fillFromLine(entry: Entry, info: WalkerLine, after: 'date' | 'title' | 'heading'): boolean {
    const line = info.line.index;
    if (this.isLabel(info)) return false;
    const titleLike = this.isTitleLike(info, info.contentStart);
    const span = this.titleSpan(info, info.contentStart);
    if (after === 'heading') {
      // Under an undated role: only an organisation that opens the line and says it is one.
      const fields = entryFields(this.text, span);
      if (!titleLike || !fields.organisation || fields.role || fields.organisation.start - span.start > 2 || !hasOrganisationMarker(fields.organisation.text)) return false;
    }
    const needsOrganisation = !entry.organisation || this.guessedOrganisation.has(entry);
    // Under a unit (`…, Department of Public Health.`), a short line may name what it is part of (`Example University.`).
    const underUnit = !titleLike && entry.organisation !== undefined && !entry.unit && isUnitName(entry.organisation.text) && this.text.slice(span.start, span.end).split(/\s+/).length <= 8;
    if (((needsOrganisation && titleLike) || underUnit) && this.fillFields(entry, span, info.boldOnly === true)) {
      // An undated entry takes a date that follows the organisation it was named by (`Example University, Fall 2014, …`).
      if (!entry.dateRange && entry.organisation) {
        const organisationEnd = entry.organisation.end;
        const range = this.builder.rangesOn(line).find((r) => r.span.start >= organisationEnd && isOnlySeparators(this.text.slice(organisationEnd, r.span.start)));
        if (range) this.attachDate(entry, range, line, undefined);
      }
    } else if (!entry.role && (after === 'date' || (titleLike && (looksLikeRoleOnly(this.text.slice(span.start, span.end)) || looksLikeDegree(this.text.slice(span.start, span.end)))))) {
      // `August 2021 – May 2023` … `Master of Science in Computer Science`
      const role = this.trimSpan(span);
      const segmentEnd = this.text.slice(role.start, role.end).search(/\s[•|]\s|\s[–—]\s/);
      entry.role = segmentEnd > 0 ? this.trimSpan({ start: role.start, end: role.start + segmentEnd }) : role;
      this.builder.addField(entry.role, 'role');
    } else {
      return false;
    }
    this.stack = [];
    this.builder.setLineContext(line, 'text');
    this.extend(entry, line);
    this.extendParentOf(entry, line);
    return true;
  }

  private setLocation(entry: Entry, location: TextSpan): void {
    entry.location = location;
    this.builder.addField(location, 'location');
  }

  private isLone(range: DateRange): boolean {
    return !range.end && !range.open;
  }

  /** `**Duties:**`, `Key projects:`: a label over the lines below, never a title. */
  private isLabel(info: WalkerLine): boolean {
    return /:[*_\s]*$/.test(this.text.slice(info.contentStart, info.contentEnd));
  }

  /** A line short enough to be an entry title, not a sentence. */
  private isTitleLike(info: WalkerLine, start: number): boolean {
    // The cheap tests first: most lines that are not titles are sentences.
    const lastCode = this.text.charCodeAt(info.contentEnd - 1);
    if (lastCode === 0x2e || lastCode === 0x21 || lastCode === 0x3f) return false; // . ! ?
    if (this.isLabel(info)) return false;
    const span = this.titleSpan(info, start);
    const value = this.withoutMarkup(span.start, span.end).trim();
    return /[\p{L}\p{N}]/u.test(value) && value.split(/\s+/).length <= 24 && !/[.!?]$/.test(value) && !/^\p{Ll}/u.test(value);
  }

  /** A line that may stand in a title stack: a title, short, not a `Label: value` line (`GPA: 3.9`, `Coursework: …`). */
  private isStackable(info: WalkerLine, start: number): boolean {
    if (!this.isTitleLike(info, start)) return false;
    const span = this.titleSpan(info, start);
    const value = this.withoutMarkup(span.start, span.end).trim();
    return !/^[\p{L}][\p{L} ]{0,24}:-?\s/u.test(value) || namesIssuedCredential(value);
  }

  /**
   * A stack line that may stand above another one (`Org` / `Role`): short, or opening with a name (`Example College |
   * Tools: …`); a long line of prose (`Gained exposure to …`) is a title on its own at most.
   */
  private isShortTitle(item: StackLine): boolean {
    const value = this.withoutMarkup(item.span.start, item.span.end).trim();
    if (value.split(/\s+/).length <= 12) return true;
    const first = titleSegments(value, { start: 0, end: value.length })[0];
    return first !== undefined && looksLikeName(first.text);
  }

  /** A line's text as a title: its first cell (the rest of a `-layout` line is another column), without tags. */
  private titleSpan(info: WalkerLine, start: number): Span {
    const cells = this.cells(start, info.contentEnd);
    return this.trimMarkup(cells[0]);
  }

  /** A span without the HTML tags at its ends (`<dt>Designer - 2018 to Present</dt>`, `<br>2020 - 2022<br>`). */
  private trimMarkup(span: Span): Span {
    let { start, end } = span;
    if (this.text.indexOf('<', start) < 0 || this.text.indexOf('<', start) >= end) return span;
    for (let match = /^\s*<\/?[A-Za-z][^<>]*>\s*/.exec(this.text.slice(start, end)); match && start < end; match = /^\s*<\/?[A-Za-z][^<>]*>\s*/.exec(this.text.slice(start, end))) {
      start += match[0].length;
    }
    for (let match = /\s*<\/?[A-Za-z][^<>]*>\s*$/.exec(this.text.slice(start, end)); match && start < end; match = /\s*<\/?[A-Za-z][^<>]*>\s*$/.exec(this.text.slice(start, end))) {
      end -= match[0].length;
    }
    return start < end ? { start, end } : span;
  }

  /** A title-like line goes on the stack; a line that repeats what the stack already holds starts the next entry. */
  private pushStack(info: WalkerLine, start: number, textContext: WordContext): void {
    const span = this.titleSpan(info, start);
    const line: StackLine = { info, span, place: looksLikeLocation(this.text.slice(span.start, span.end)) };
    if (this.stack.length > 0 && (!this.titleStack(info.line.index, 0) || !this.stack.every((item) => this.isShortTitle(item)))) this.flushStack(textContext);
    if (this.stack.length > 0 && this.completesEntry(this.stack, line)) {
      // `The University of Utopia` / `MA in Economics` / `Fernvale State University` / …: undated entries, one after another
      // (or, when each line is an entry of its own, a list of them: see flushStack).
      this.flushStack(textContext);
    } else if (this.stack.length >= STACK_LIMIT) {
      const oldest = this.stack.shift()!;
      const rest = this.stack;
      this.stack = [oldest];
      this.flushStack(textContext);
      this.stack = rest;
    }
    this.stack.push(line);
  }

  /** Whether a stack already names an organisation and a role, and the next line names one of them again. */
  private completesEntry(stack: StackLine[], next: StackLine | undefined): boolean {
    if (stack.length < 2 || next?.place) return false;
    let role = false;
    let organisation = false;
    for (const item of stack) {
      const names = this.namesOf(item);
      organisation ||= names.organisation;
      role ||= names.role;
    }
    if (!role || !organisation) return false;
    if (!next) return true;
    const names = this.namesOf(next);
    return names.organisation || names.role;
  }

  /** Whether a stack line names an organisation (a marker, not a title) or a role or degree; read once per line. */
  private namesOf(item: StackLine): { organisation: boolean; role: boolean } {
    if (item.names) return item.names;
    const text = this.text.slice(item.span.start, item.span.end);
    const organisation = hasOrganisationMarker(text) && !looksLikeRoleOnly(text);
    item.names = { organisation, role: !organisation && (looksLikeRole(text) || looksLikeDegree(text)) };
    return item.names;
  }

  /**
   * The stack's lines become paragraphs, but a line naming a role (or degree) at an organisation, which is an undated
   * entry (`Harbor University — B.A. English`); before bullets, see {@link stackBeforeBullet}.
   */
  private flushStack(textContext: WordContext): void {
    const stack = this.stack;
    this.stack = [];
    const own = stack.map((item) => !item.place && (this.namesPlaceOfWork(item.span) || this.namesCredential(item.span)));
    if (stack.length >= 2 && this.entrySection && !own.every(Boolean) && this.completesEntry(stack, undefined)) {
      // `Fernvale State University` / `BS in Economics`: an organisation and a role (or degree), undated.
      this.entryFromStack(stack, undefined, stack[0].info.line.index, undefined);
      return;
    }
    for (let i = 0; i < stack.length; i++) {
      if (own[i]) this.entryFromStack(stack.slice(i, i + 1), undefined, stack[i].info.line.index, undefined);
      else this.paragraph(stack[i].info, stack[i].span.start, textContext);
    }
  }

  /** A stack followed by bullets is a dateless entry's title when it starts a new block. */
  private stackBeforeBullet(line: number, textContext: WordContext): void {
    if (this.stack.length === 0) return;
    const stack = this.titleStack(line);
    const owner = this.child ?? this.entry;
    const first = this.stack[0];
    const value = this.text.slice(first.span.start, first.span.end);
    if (stack && !stack.every((s) => s.place) && (!owner || owner.bullets.length > 0) && value.split(/\s+/).length <= 15) {
      this.entryFromStack(stack, undefined, line, undefined);
    } else {
      this.flushStack(textContext);
    }
  }

  private attachDate(entry: Entry, range: DateRange, line: number, location: Span | undefined): void {
    entry.dateRange = range;
    if (this.undated.includes(entry)) this.undated = [];
    if (location && !entry.location) this.setLocation(entry, { text: this.text.slice(location.start, location.end), ...location });
    this.extend(entry, line);
    this.extendParentOf(entry, line);
    if (!range.end && !range.open && !this.itemEntries.has(entry)) this.awaitingEnd = { entry, line };
  }

  // --- list items ----------------------------------------------------------------------------

  private bulletLine(info: WalkerLine, textContext: WordContext, bulletContext: WordContext): void {
    const line = info.line.index;
    this.stackBeforeBullet(line, textContext);
    this.slot = undefined;
    this.itemEntry = undefined;
    const bullet = info.bullet!;
    if (this.listIndent === undefined || bullet.indent < this.listIndent) this.listIndent = bullet.indent;
    const outermost = bullet.indent <= this.listIndent;
    const owner = this.child ?? this.entry;
    // Items of a list that made entries: the outermost ones are read as entries too, even after a role read under one.
    const inItemEntry = owner !== undefined && (this.itemEntries.has(owner) || (outermost && this.entry !== undefined && this.itemEntries.has(this.entry)));
    if (outermost && this.entrySection && (!owner || inItemEntry || this.isOrganisationGroup(owner))) {
      if (this.itemEntryFrom(info, owner && !inItemEntry ? owner : undefined)) return;
      if (inItemEntry) {
        // A plain item after items that made entries belongs to the section, not to the entry above.
        this.entry = undefined;
        this.child = undefined;
      }
    } else if (!outermost && inItemEntry && this.nestedItem(owner!, info)) {
      return;
    }
    this.addBullet(info, bullet.marker, bullet.contentStart, bullet.indent, bulletContext);
  }

  /**
   * A list item that is an entry: dated at its start (`* 2019 – 2021: Fellow, Example University`), at its end
   * (`- Teacher — Mon Primary School (2020–2021)`, `* PhD, Example University, 2017`, the end of a wrapped item), by a
   * nested item or the next line that holds only a date, or, in a list of publications, anywhere. Under an organisation
   * heading, such an item is one of its roles.
   */
  private itemEntryFrom(info: WalkerLine, group: Entry | undefined): Entry | undefined {
    const line = info.line.index;
    const bullet = info.bullet!;
    const span = { start: bullet.contentStart, end: info.contentEnd };
    let range = this.entryRange(line, span);
    let rangeLine = line;
    const last = this.itemLastLine(line);
    if (!range && last > line) {
      // The end of a wrapped item: `…, awarded` / `Summer 2022.`
      const end = this.builder.info(last);
      const found = this.entryRange(last, { start: end.contentStart, end: end.contentEnd });
      if (found && isOnlySeparators(this.text.slice(found.span.end, end.contentEnd))) {
        range = found;
        rangeLine = last;
      }
    }
    if (!range && !group) {
      // A list of dated things (`- Regional Nursing Conference 2025 • Omaha, NE`, `- Youth Orchestra 2016`): a date that
      // ends the item's name, before a separator or the end.
      range = this.builder.rangesOn(line).find(
        (r) => r.span.start >= span.start && r.span.end <= span.end && /^\s*(?:$|[:,;•|·(–—.]|-\s)/.test(this.withoutMarkup(r.span.end, span.end)),
      );
    }
    if (!range && this.section.kind === 'publications') {
      for (let i = line; i <= last && !range; i++) {
        const ranges = this.builder.rangesOn(i);
        if (ranges.length > 0) {
          range = ranges[0];
          rangeLine = i;
        }
      }
    }
    if (!range) {
      const below = this.dateBelowItem(line, bullet.indent);
      if (below) {
        range = below.dates.range;
        rangeLine = below.line;
      }
    }
    if (!range && !group && ((last === line && this.namesPlaceOfWork(span)) || this.fieldsBelow(line))) {
      const entry = this.newEntry(info, span, undefined);
      this.itemEntries.add(entry);
      this.addEntry(entry);
      this.itemEntry = { entry, line };
      return entry;
    }
    if (!range) return undefined;
    // Under an organisation, an item is a role by a date that opens it or a full range (`- 2019 – 2021: Tech Lead`), not
    // by a year at its end (`- Led the 2019 audit, 2019`).
    if (group && !(range.end || range.open || range.span.start - span.start <= 1)) return undefined;
    const entry = this.newEntry(info, span, range);
    this.itemEntries.add(entry);
    if (rangeLine !== line) this.extend(entry, rangeLine);
    if (last > line && /,\s*$/.test(this.text.slice(span.start, span.end)) && (!entry.organisation || this.guessedOrganisation.has(entry))) {
      // A title that goes on after a comma (`• Example Scholarship,` / `  Example University, awarded 2022.`).
      const next = this.builder.info(line + 1);
      const rest = this.trimSpan(this.withoutRange({ start: next.contentStart, end: next.contentEnd }, range));
      if (rest.text.length > 0) this.fillFields(entry, rest);
    }
    if (group) {
      this.inheritOrganisation(group, entry);
      group.children.push(entry);
      this.child = entry;
      this.extend(group, line);
    } else {
      this.addEntry(entry);
    }
    if (this.section.kind === 'publications') this.referenceVenue(entry, line, last);
    this.itemEntry = { entry, line };
    return entry;
  }

  /**
   * An undated list item that reads as an entry: a role or a degree beside an organisation (`- Outreach Volunteer •
   * Harbor Food Bank`, `* MSc Data Science - Example University - London`), in a section of jobs, studies or service.
   */
  private namesPlaceOfWork(span: Span): boolean {
    const kind = this.section.kind;
    if (kind !== 'experience' && kind !== 'education' && kind !== 'volunteering') return false;
    const text = this.text.slice(span.start, span.end);
    if (text.length > 160 || /[.!?]$/.test(text) || text.split(/\s+/).length > 14 || titleSegments(text, { start: 0, end: text.length }).length < 2) return false;
    const fields = entryFields(this.text, span);
    if (!fields.role || !fields.organisation || !looksLikeName(fields.organisation.text)) return false;
    if (kind === 'education') return looksLikeDegree(fields.role.text) && hasOrganisationMarker(fields.organisation.text);
    return looksLikeRoleOnly(fields.role.text);
  }

  /**
   * A title line in a list of certificates or awards that names one (`Digital Marketing Certificate - Example Academy`,
   * `Rising Star Award | Best Team Award`, `Excel Associate - Example Software`): an undated entry, though the list lost
   * its bullets (PDF text).
   */
  private namesCredential(span: Span): boolean {
    const kind = this.section.kind;
    if (kind !== 'certifications' && kind !== 'awards' && kind !== 'education') return false;
    const text = this.withoutMarkup(span.start, span.end).trim();
    if (text.split(/\s+/).length > 20 || /[.!?]$/.test(text)) return false;
    const parts = titleSegments(text, { start: 0, end: text.length }).length;
    // Among studies, a credential beside its issuer (`Real Estate License — Example Board`).
    if (kind === 'education') return parts >= 2 && /\b(?:licen[cs]es?|certificat(?:es?|ions?)|certified|diplomas?)\b/i.test(text);
    return CREDENTIAL.test(text) || parts >= 2;
  }

  /**
   * A line of a form (`Label: value`, `Label:- value`): a title label opens an entry (`Title:- …`, `Course name: …`),
   * an organisation or role label names that field of the entry above it, a date label (`Year:- 2024`) dates the
   * entry its form opened a few lines above.
   */
  private formLine(info: WalkerLine, owner: Entry | undefined, textContext: WordContext): boolean {
    const field = this.fieldOf(info);
    if (!field) return false;
    const line = info.line.index;
    const form = this.formEntry && this.formEntry.entry === owner && line - this.formEntry.line <= 4 ? this.formEntry.entry : undefined;
    if (field.kind === 'title') {
      // `1 ) Title:- Example paper title`, `Project name: Tide reader`: a form's first field opens its entry.
      if (form || (owner && owner.lastLine >= line - 1 && !owner.role && !owner.organisation)) return false;
      this.flushStack(textContext);
      const entry = this.addEntry(this.newEntry(info, field.value, undefined));
      // A title names what the entry is, not where: its organisation comes from its own label, if any.
      if (this.guessedOrganisation.has(entry)) {
        entry.organisation = undefined;
        this.guessedOrganisation.delete(entry);
      }
      this.formEntry = { entry, line };
      return true;
    }
    if (field.kind === 'date') {
      // `Year:- 2024`, `Duration: Jan 2020 – Mar 2021` under a form's entry: its date.
      const range = this.builder.rangesOn(line).find((r) => r.span.start >= field.value.start);
      if (!form || form.dateRange || !range) return false;
      this.flushStack(textContext);
      this.attachDate(form, range, line, undefined);
      this.builder.setLineContext(line, 'text');
      this.formEntry = { entry: form, line };
      return true;
    }
    if (!owner || (owner.lastLine < line - 1 && !form) || !this.labelledField(owner, field, line)) return false;
    if (form) this.formEntry = { entry: form, line };
    return true;
  }

  /**
   * A `Label: value` line that names a field of the entry above it (`Institution:- Example University`, `Role: Tutor`,
   * `Company: Example Corp`): what the entry lacks, or an organisation where its title only guessed one.
   */
  private labelledField(entry: Entry, field: { kind: string; value: TextSpan }, line: number): boolean {
    if (field.kind === 'organisation') {
      if (entry.organisation && !this.guessedOrganisation.has(entry)) return false;
      this.setOrganisation(entry, field.value, undefined);
      // A paper's venue (`Journal name:- …`): the title is listed beside it, as a reference's is.
      if (!entry.role && /^(?:\d{1,2}\s?[.)]\s*)?[*_]*(?:journal|venue|publisher|conference)/i.test(this.text.slice(this.builder.info(line).contentStart, field.value.start))) {
        entry.role = this.trimSpan(entry.title);
        this.builder.addField(entry.role, 'role');
      }
    } else {
      // A title, not a sentence that names one (`Position: nurse practitioner managing swab tests and …`).
      if (entry.role || field.value.text.split(/\s+/).length > 4) return false;
      entry.role = field.value;
      this.builder.addField(field.value, 'role');
    }
    this.builder.setLineContext(line, 'text');
    this.extend(entry, line);
    this.extendParentOf(entry, line);
    return true;
  }

  /**
   * A line that labels a field (`Institution:- Example University`, `Position: Charge Nurse`, `Title:- …`, `Year: 2024`),
   * numbered or not (`1 ) Title:- …`).
   */
  private fieldOf(info: WalkerLine): { kind: 'organisation' | 'role' | 'title' | 'date'; value: TextSpan } | undefined {
    if (info.kind !== 'text') return undefined;
    // A cheap gate before the pattern: a colon among the line's first characters.
    let colon = -1;
    for (let i = info.contentStart, end = Math.min(info.contentEnd, info.contentStart + 28); i < end && colon < 0; i++) if (this.text.charCodeAt(i) === 0x3a) colon = i;
    if (colon < 0) return undefined;
    const match = FIELD_LABEL.exec(this.text.slice(info.contentStart, info.contentEnd));
    if (!match) return undefined;
    const value = this.trimSpan({ start: info.contentStart + match[0].length, end: info.contentEnd });
    const kind = match[1] !== undefined ? 'organisation' : match[2] !== undefined ? 'role' : match[3] !== undefined ? 'title' : 'date';
    const words = value.text.split(/\s+/).length;
    if (value.text.length === 0 || words > (kind === 'title' ? 24 : 8) || (kind === 'organisation' && !/^[\p{Lu}\p{N}]/u.test(value.text))) return undefined;
    return { kind, value };
  }

  /** Whether the lines right below a list item label its organisation or role (`1) Course: …` / `Institution:- …`). */
  private fieldsBelow(line: number): boolean {
    for (let i = line + 1; i < this.endLine && i <= line + 3; i++) {
      const info = this.builder.info(i);
      if (info.kind !== 'text') return false;
      const field = this.fieldOf(info);
      if (field && (field.kind === 'organisation' || field.kind === 'role')) return true;
    }
    return false;
  }

  /** The last line of a list item's own text: its indented continuation lines. */
  private itemLastLine(line: number): number {
    let last = line;
    for (let i = line + 1; i < this.endLine; i++) {
      const info = this.builder.info(i);
      if (info.kind !== 'text' || indentOf(info) < 2 || this.isSideLine(info)) break;
      last = i;
    }
    return last;
  }

  /**
   * A date line among the first lines under a list item: a nested item that is only a date (`* Acme` / `  * Scope…` /
   * `  * July 2023 – Present`), or the next line, when it holds only a date (`- **Designer**` / `<br>2020 - 2022<br>`).
   */
  private dateBelowItem(line: number, indent: number): { line: number; dates: LineDates } | undefined {
    for (let i = line + 1, seen = 0; i < this.endLine && seen < 4; i++) {
      const info = this.builder.info(i);
      if (info.kind === 'blank') {
        if (seen === 0) return undefined;
        continue;
      }
      seen++;
      if (info.kind === 'bullet') {
        if (info.bullet!.indent <= indent) return undefined;
      } else if (!(info.kind === 'text' && (seen === 1 || indentOf(info) >= 2))) {
        return undefined;
      }
      const dates = this.dateLine(i);
      if (dates) return { line: i, dates };
    }
    return undefined;
  }

  /**
   * A nested item under an entry made from an item: the date line the entry was read from, or its first nested item
   * naming what the entry lacks (`* Summer 2022` / `  * Example Research Intern`).
   */
  private nestedItem(owner: Entry, info: WalkerLine): boolean {
    const line = info.line.index;
    const dates = this.dateLine(line);
    if (dates && owner.dateRange === dates.range) {
      this.builder.setLineContext(line, 'text');
      this.extendOwner(line);
      return true;
    }
    if (owner.bullets.length > 0 || owner.lastLine < line - 1 || dates) return false;
    const span = { start: info.bullet!.contentStart, end: info.contentEnd };
    const value = this.text.slice(span.start, span.end);
    if (value.split(/\s+/).length > 15 || !/^[\p{Lu}\p{N}]/u.test(value)) return false;
    const needsOrganisation = !owner.organisation || this.guessedOrganisation.has(owner);
    const fields = entryFields(this.text, span);
    const names = needsOrganisation && fields.organisation !== undefined && hasOrganisationMarker(value);
    const untitled = !owner.role && !owner.organisation;
    if (!names && !untitled) return false;
    if (!this.fillFields(owner, span)) return false;
    this.builder.setLineContext(line, 'text');
    this.extendOwner(line);
    return true;
  }

  // --- tables --------------------------------------------------------------------------------

  private tableRow(info: WalkerLine): void {
    const line = info.line.index;
    const span = { start: info.contentStart, end: info.contentEnd };
    if (/^\|[\s:|-]+\|?$/.test(this.text.slice(span.start, span.end))) {
      this.extendOwner(line);
      return;
    }
    const range = this.entryRange(line, span) ?? this.cellRange(line, span);
    if (range && this.entrySection) {
      const title = this.rowTitle(span, range);
      const entry = this.addEntry(this.newEntry(info, title, range));
      this.slot = { entry, line, after: 'title' };
      return;
    }
    this.paragraph(info, info.contentStart, this.section.kind === 'skills' ? 'skills' : 'text');
  }

  /** A line of a reStructuredText line block: `| ` opens it (kept in the line's content or not), no `|` closes it. */
  private isLineBlockLine(info: WalkerLine): boolean {
    const raw = info.line.text;
    return /^\s*\|(?:\s|$)/.test(raw) && !/\|\s*$/.test(raw);
  }

  /**
   * A line of a reStructuredText line block (`| ` lines, one entry per block): the block's first line titles the entry;
   * a date at the end of any of its lines dates it (`| Example College, Alma, MI 2008-2012`, `| *Workshop on X* 10/2013`);
   * the other lines name what the title lacks.
   */
  private lineBlockRow(info: WalkerLine, span: Span, textContext: WordContext): void {
    const line = info.line.index;
    const block = this.lineBlock && this.lineBlock.line === line - 1 ? this.lineBlock : undefined;
    const range = this.entryRange(line, span) ?? this.endingRange(line, span);
    if (block && range && block.entry?.dateRange && block.entry.dateRange !== range && this.entrySection) {
      // Another dated line in the block: a list of dated lines (`| Example Award 2008` / `| Example Fellow 2013-2015`).
      const entry = this.addEntry(this.newEntry(info, span, range));
      this.awaitingEnd = undefined;
      this.lineBlock = { entry, first: info, span, line };
      return;
    }
    if (block) {
      block.line = line;
      let entry = block.entry;
      if (!entry && range && this.entrySection) {
        entry = block.entry = this.addEntry(this.newEntry(block.first, block.span, undefined));
        this.builder.setLineContext(block.first.line.index, 'text');
      }
      if (entry) {
        if (range && !entry.dateRange) this.attachDate(entry, range, line, undefined);
        const rest = this.trimSpan(this.withoutRange(span, range));
        if (rest.text.length > 0 && rest.text.split(/\s+/).length <= 12) this.fillFields(entry, rest);
        this.builder.setLineContext(line, 'text');
        this.extend(entry, line);
        return;
      }
      this.paragraph(info, span.start, textContext);
      return;
    }
    // A block opening with a role (`| Contributor to **Example Project**,`) is an entry, dated or not; an address is not.
    if (this.entrySection && (range || looksLikeRoleOnly(this.text.slice(span.start, span.end)))) {
      const entry = this.addEntry(this.newEntry(info, span, range));
      this.awaitingEnd = undefined;
      this.lineBlock = { entry, first: info, span, line };
      return;
    }
    this.lineBlock = { entry: undefined, first: info, span, line };
    this.paragraph(info, span.start, textContext);
  }

  /** A date that ends a line, glued to the words before it (`Alma, MI 2008-2012`, `Finalist 2008`, `* 8/2013`). */
  private endingRange(line: number, span: Span): DateRange | undefined {
    const ranges = this.builder.rangesOn(line);
    for (let i = ranges.length - 1; i >= 0; i--) {
      const range = ranges[i];
      if (range.span.start >= span.start && range.span.end <= span.end && isOnlySeparators(this.text.slice(range.span.end, span.end))) return range;
    }
    return undefined;
  }

  /** A date that fills a short table cell (`| 2016 Dec | Co-chair, … |`, `| [2019-12-10 Tue] | … |`). */
  private cellRange(line: number, span: Span): DateRange | undefined {
    for (const range of this.builder.rangesOn(line)) {
      if (range.span.start < span.start || range.span.end > span.end) continue;
      const before = this.text.slice(span.start, range.span.start);
      const after = this.text.slice(range.span.end, span.end);
      const cellStart = before.lastIndexOf('|');
      const cellEnd = after.indexOf('|');
      if (cellStart >= 0 && cellEnd >= 0 && before.length - cellStart - 1 + cellEnd + range.text.length <= 24) return range;
    }
    return undefined;
  }

  /** A row's title: its cells but the date's, from the first to the last that holds text. */
  private rowTitle(span: Span, range: DateRange): Span {
    const row = this.text.slice(span.start, span.end);
    const pieces: Span[] = [];
    let last = 0;
    for (let i = 0; i <= row.length; i++) {
      if (i < row.length && row[i] !== '|') continue;
      const piece = this.trimSpan({ start: span.start + last, end: span.start + i });
      if (piece.text.length > 0 && !(piece.start <= range.span.start && range.span.end <= piece.end && isOnlySeparators(this.text.slice(piece.start, range.span.start) + this.text.slice(range.span.end, piece.end)))) {
        pieces.push(piece);
      }
      last = i + 1;
    }
    if (pieces.length === 0) return span;
    return { start: pieces[0].start, end: pieces[pieces.length - 1].end };
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
      // A role without its organisation whose first bullet says where (`• TA for Statistics at Example University.`).
      if (owner.bullets.length === 1 && owner.role && !owner.organisation) this.organisationInBullet(owner, bullet);
    } else {
      this.section.bullets.push(bullet);
    }
    this.lastBullet = bullet;
  }

  /** `… at (the) Example University` in a bullet: a run of capitalised words after `at`, with a marker among them. */
  private organisationInBullet(entry: Entry, bullet: Bullet): void {
    const { text: value, start } = bullet.content;
    AT_ORGANISATION.lastIndex = 0;
    for (let match = AT_ORGANISATION.exec(value); match !== null; match = AT_ORGANISATION.exec(value)) {
      let name = match[1];
      // Joiners may stand inside a name, not at its end (`University of Georgia and the …`).
      name = name.replace(/(\p{L}{4,})\.$/u, '$1').replace(/(?:\s+(?:of|and|for|the|de|&))+$/, '');
      if (name.split(/\s+/).length < 2 || !hasOrganisationMarker(name) || !looksLikeName(name)) continue;
      const from = start + match.index + match[0].length - match[1].length;
      entry.organisation = { text: this.text.slice(from, from + name.length), start: from, end: from + name.length };
      return;
    }
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

/**
 * The labels of an entry's fields written on lines of their own (a form): an organisation (group 1), a role (group 2),
 * a title (group 3) or a date (group 4), then `:` or `:-` (`Institution:- Example University`, `Company: Example Corp`,
 * `Position : Charge Nurse`, `1 ) Title:- …`, `Year:- 2024`).
 */
const FIELD_LABEL =
  /^(?:\d{1,2}\s?[.)]\s*)?[*_]*(?:(institution|organi[sz]ation|company|employer|university|school|college|hospital|agency|firm|client|journal(?: name)?|publisher|venue|conference)|(role|position|job title|designation)|(title|(?:project|course|paper|thesis)(?: name| title)?)|(year|dates?|duration|period))[*_]*\s*:-?[*_]*\s*/i;

/** Self-employment written where an employer stands (`Independent Contractor`, `Self-employed`, `Freelance`). */
const SELF_EMPLOYED = /^(?:self[- ]employed|freelancer?|independent(?:\s+(?:contractor|consultant|practitioner))?|sole (?:trader|proprietor))$/i;

/** Words that name a credential or an honour. */
const CREDENTIAL = /\b(?:certificates?|certifications?|certified|licen[cs]es?|award(?:ed)?|prize|scholarships?|fellowships?|specialization|specialisation|diploma|honou?rs?|medal|grant)\b/i;

/** `at (the) Example University of Somewhere`: where a bullet says the work was done. */
const AT_ORGANISATION = /\bat\s+(?:the\s+)?((?:\p{Lu}[\p{L}&.'-]*|of|and|for|the|de|&)(?:[ \t]+(?:\p{Lu}[\p{L}&.'-]*|of|and|for|the|de|&))*)/gu;

/** An author list (`Doe, J.,`, `Doe J, Roe A`, `… et al.`): a reference's authors, never its venue or its title. */
const AUTHORS = /\bet al\b|^\p{Lu}[\p{L}'-]+,?\s+(?:\p{Lu}\.?\s*){1,3}(?:[,;&]|$)|\p{Lu}\.,/u;

/** A blank (`\s`). */
function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}

/** The width of a line's indentation as written (pass 1 may start its content after a tag or a line-block bar). */
function indentOf(info: WalkerLine): number {
  const raw = info.line.text;
  let i = 0;
  while (i < raw.length && (raw.charCodeAt(i) === 0x20 || raw.charCodeAt(i) === 0x09)) i++;
  return i;
}

/** A cell of a line in columns that names a place (`Lakeview, MI`, `Detroit MI`, `Remote`). */
function isPlaceCell(text: string): boolean {
  const value = text.replace(/[\s|•·,]+$/, '').trim();
  return looksLikeLocation(value) || /^\p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]+)* [A-Z]{2}$/u.test(value);
}

/** The kinds of line the walker reads; the others (blank, comment, break, underline, front matter…) hold nothing. */
function isReadKind(kind: string): boolean {
  return kind === 'text' || kind === 'bullet' || kind === 'heading' || kind === 'table' || kind === 'fence';
}

/** A title that names a role and no organisation (`Charge Nurse`, not `Harbor Hospital`). */
function looksLikeRoleOnly(text: string): boolean {
  const fields = entryFields(text, { start: 0, end: text.length });
  return fields.role !== undefined && fields.organisation === undefined;
}
