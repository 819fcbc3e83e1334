/**
 * Hovers that compute: a date range's duration, an entry's strength, a section's span, the résumé at a glance.
 * Every fact comes from `summary.ts`, so the hover, the command and the CLI never disagree.
 */
import type { Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import { datePointSpans } from '../model/figures';
import { lineAt } from '../model/lines';
import type { DatePoint, DateRange, Entry, Line, ResumeDocument, Section, Span } from '../model/types';
import { positionToOffset, rangeToSpan, spanToRange } from '../positions';
import {
  countFindings,
  coverage,
  entryIntervals,
  formatFindings,
  formatRangeSummary,
  isOngoing,
  summarize,
  summarizeEntry,
  summarizeRange,
  summaryLines,
} from './summary';

/** Codes of findings whose own diagnostic hover says everything: vita adds nothing over them. */
const SPELLING_CODES: ReadonlySet<string> = new Set(['spelling', 'spelling-casing']);

function within(offset: number, span: Span): boolean {
  return offset >= span.start && offset < span.end;
}

function markdown(doc: ResumeDocument, lines: string[], span: Span): Hover {
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: spanToRange(doc.lines, span) };
}

/** The line holding `offset`, trimmed of indentation and trailing blanks. */
function lineSpan(line: Line): Span {
  const text = line.text;
  return { start: line.start + (text.length - text.trimStart().length), end: line.start + text.trimEnd().length };
}

function lineOf(doc: ResumeDocument, offset: number): Line {
  return doc.lines[lineAt(doc.lines, offset)];
}

function onSpellingFinding(doc: ResumeDocument, offset: number, diagnostics: readonly Diagnostic[]): boolean {
  const word = doc.words.wordAt(offset);
  for (const diagnostic of diagnostics) {
    if (!SPELLING_CODES.has(String(diagnostic.code))) continue;
    const span = rangeToSpan(doc.lines, diagnostic.range);
    if (within(offset, span)) return true;
    if (word && word.start < span.end && span.start < word.end) return true;
  }
  return false;
}

function describePoint(point: DatePoint): string {
  if (point.invalid) return point.invalid;
  switch (point.precision) {
    case 'day':
      return 'a single day';
    case 'month':
      return 'a single month';
    case 'season':
      return 'a season (approximate)';
    case 'quarter':
      return 'a quarter (approximate)';
    case 'year':
      return point.approximate ? 'part of a year (approximate)' : 'a whole year';
    default:
      return 'a single date';
  }
}

function dateRangeHover(doc: ResumeDocument, range: DateRange, span: Span, context: ServiceContext): Hover {
  const facts = summarizeRange(range, context.options.today);
  if (facts.single) {
    const what = range.expected ? `expected date, ${describePoint(range.start)}` : describePoint(range.start);
    return markdown(doc, [`**${facts.text}** · ${what}`], span);
  }
  const lines = [formatRangeSummary(facts, true)];
  if (facts.approximate) lines[0] += ' · approximate';
  if (facts.months === undefined) lines.push('No duration: the range is invalid or ends before it starts.');
  else if (range.expected) lines[0] += ' · expected';
  return markdown(doc, lines, span);
}

/** The entry (or sub-entry) whose title stands on `line`. */
function entryOnLine(entries: readonly Entry[], line: number, doc: ResumeDocument): Entry | undefined {
  for (const entry of entries) {
    if (line < entry.firstLine || line > entry.lastLine) continue;
    const child = entryOnLine(entry.children, line, doc);
    if (child) return child;
    if (lineOf(doc, entry.title.start).index === line) return entry;
  }
  return undefined;
}

function entryHover(doc: ResumeDocument, section: Section, entry: Entry, span: Span, context: ServiceContext, diagnostics: readonly Diagnostic[]): Hover {
  const facts = summarizeEntry(doc, section, entry, context.options.today, datePointSpans(doc));
  // The unit the entry names apart from its organisation (`Department of Public Health` over `Example University`).
  const unit = entry.unit ? entry.unit.text.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim() : undefined;
  const who = [`**${facts.organisation ?? facts.name}**`, unit, facts.role, facts.location].filter(Boolean).join(' · ');
  const lines = [who];
  if (facts.range) lines.push(`${formatRangeSummary(facts.range)}${facts.range.derived ? ' (from its sub-entries)' : ''}`);
  const children = entry.children.length > 0 ? ` · ${entry.children.length} sub-${entry.children.length === 1 ? 'entry' : 'entries'}` : '';
  lines.push(`${facts.bullets} ${facts.bullets === 1 ? 'bullet' : 'bullets'} · ${facts.quantified} with a number${children}`);
  const findings = countFindings(doc, diagnostics, entry);
  if (Object.keys(findings).length > 0) lines.push(`Findings: ${formatFindings(findings)}`);
  return markdown(doc, lines, span);
}

function sectionHover(doc: ResumeDocument, section: Section, span: Span, context: ServiceContext): Hover {
  const today = context.options.today;
  const count = section.entries.length;
  const lines = [`**${section.heading.text}** · ${count} ${count === 1 ? 'entry' : 'entries'}`];
  const covered = coverage(
    section.entries.flatMap((entry) => entryIntervals(entry, today)),
    section.entries.some(isOngoing),
  );
  if (covered) lines.push(`${covered.text} · ${covered.duration} in total (overlaps counted once)`);
  return markdown(doc, lines, span);
}

/**
 * The hover at `position`: on a date range, its duration; on an entry's title line, the entry's facts; on a
 * section heading, the section's span; on the name or header, the whole résumé. Null on a spelling finding (the
 * diagnostic's own hover is enough) and elsewhere.
 */
export function hover(doc: ResumeDocument, position: Position, context: ServiceContext, diagnostics: readonly Diagnostic[] = []): Hover | null {
  const offset = positionToOffset(doc.lines, position);
  if (onSpellingFinding(doc, offset, diagnostics)) return null;

  for (const range of doc.dateRanges) {
    if (within(offset, range.span)) return dateRangeHover(doc, range, range.span, context);
    if (range.split && range.end && within(offset, range.end)) return dateRangeHover(doc, range, range.end, context);
  }

  const line = lineOf(doc, offset);
  const span = lineSpan(line);
  if (!within(offset, span)) return null;
  for (const section of doc.sections) {
    if (line.index < section.firstLine || line.index > section.lastLine) continue;
    if (within(offset, section.heading) || lineOf(doc, section.heading.start).index === line.index) {
      return sectionHover(doc, section, { start: Math.min(span.start, section.heading.start), end: Math.max(span.end, section.heading.end) }, context);
    }
    const entry = entryOnLine(section.entries, line.index, doc);
    if (entry) return entryHover(doc, section, entry, span, context, diagnostics);
    return null;
  }

  const { header } = doc;
  const onName = header.name !== undefined && lineOf(doc, header.name.start).index === line.index;
  const onTagline = header.lines.some((tagline) => within(offset, tagline));
  if (onName || onTagline) {
    const summary = summarize(doc, context, diagnostics);
    const title = summary.name ? `**${summary.name}** · the résumé at a glance` : '**The résumé at a glance**';
    return markdown(doc, [title, summaryLines(summary).map((l) => `- ${l}`).join('\n')], span);
  }
  return null;
}
