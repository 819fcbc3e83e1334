import type { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { Bullet, Entry, ResumeDocument, Section, Span } from '../model/types';
import { spanToRange } from '../positions';

const KIND_HEADER: SymbolKind = 19; // Object
const KIND_SECTION: SymbolKind = 3; // Namespace
const KIND_ENTRY: SymbolKind = 24; // Event
const KIND_BULLET: SymbolKind = 15; // String

/** Names of entries are organisations, some long (`Department of Economics, The University of Utopia at Riverton`). */
const ENTRY_NAME_LENGTH = 80;

function shorten(text: string, max = 60): string {
  const flat = text.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat || '(untitled)';
}

/**
 * The name an entry is listed by: its organisation, else its role, else its title without its dates. A role under an
 * organisation heading (its organisation is the heading's) is listed by its role, the organisation in its detail.
 */
export function entryName(entry: Entry, parent?: Entry): string {
  if (inheritsOrganisation(entry, parent) && entry.role) return shorten(entry.role.text, ENTRY_NAME_LENGTH);
  return shorten(entry.organisation?.text ?? entry.role?.text ?? titleWithoutDates(entry), ENTRY_NAME_LENGTH);
}

/** Role (or, listed by its role, organisation) and date range, as the outline's detail. */
export function entryDetail(entry: Entry, parent?: Entry): string {
  const parts: string[] = [];
  if (inheritsOrganisation(entry, parent) && entry.role) parts.push(shorten(entry.organisation!.text, 50));
  else if (entry.role && entry.organisation && entry.role.text !== entry.organisation.text) parts.push(shorten(entry.role.text, 50));
  if (entry.unit) parts.push(shorten(entry.unit.text, 50));
  if (entry.dateRange) {
    const range = entry.dateRange;
    parts.push(range.end ? `${range.start.text} – ${range.end.text}` : range.open ? `${range.start.text} – Present` : range.start.text);
  }
  return parts.join(' · ');
}

/** Whether an entry works at the organisation its parent names (a role under an organisation heading). */
function inheritsOrganisation(entry: Entry, parent: Entry | undefined): boolean {
  return parent !== undefined && entry.organisation !== undefined && entry.organisation === parent.organisation;
}

/** An entry's title without its date range (`PMBOK Foundations, 2021` → `PMBOK Foundations`). */
function titleWithoutDates(entry: Entry): string {
  const { title, dateRange } = entry;
  if (!dateRange || dateRange.span.start >= title.end || dateRange.span.end <= title.start) return title.text;
  const before = title.text.slice(0, Math.max(0, dateRange.span.start - title.start));
  const after = title.text.slice(Math.min(title.text.length, dateRange.span.end - title.start));
  const trim = (piece: string) => piece.replace(/^[\s,;:|•·–—()[\]-]+|[\s,;:|•·–—([\]-]+$/g, '');
  return trim(before).length > 0 ? trim(before) : trim(after) || title.text;
}

function symbol(doc: ResumeDocument, name: string, detail: string, kind: SymbolKind, span: Span, selection: Span, children: DocumentSymbol[]): DocumentSymbol {
  const range = spanToRange(doc.lines, span);
  let selectionRange = spanToRange(doc.lines, selection);
  // The selection must lie inside the range.
  if (selection.start < span.start || selection.end > span.end) selectionRange = range;
  return { name, detail, kind, range, selectionRange, children };
}

function bulletSymbol(doc: ResumeDocument, bullet: Bullet): DocumentSymbol {
  return symbol(doc, shorten(bullet.content.text, 50), '', KIND_BULLET, bullet, bullet.content, []);
}

function entrySymbol(doc: ResumeDocument, entry: Entry, parent?: Entry): DocumentSymbol {
  const children = [...entry.children.map((child) => entrySymbol(doc, child, entry)), ...entry.bullets.map((bullet) => bulletSymbol(doc, bullet))];
  children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return symbol(doc, entryName(entry, parent), entryDetail(entry, parent), KIND_ENTRY, entry, entry.title, children);
}

function sectionSymbol(doc: ResumeDocument, section: Section): DocumentSymbol {
  const children = [...section.entries.map((entry) => entrySymbol(doc, entry)), ...section.bullets.map((bullet) => bulletSymbol(doc, bullet))];
  children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const count = section.entries.length;
  const detail = count > 0 ? `${count} ${count === 1 ? 'entry' : 'entries'}` : '';
  return symbol(doc, shorten(section.heading.text), detail, KIND_SECTION, section, section.heading.textSpan, children);
}

/** The Outline: header (name), then sections › entries › bullets. */
export function documentSymbols(doc: ResumeDocument): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  const { header } = doc;
  if (header.name) {
    const detail = header.contacts.filter((c) => c.kind === 'email').map((c) => c.text).join(', ');
    symbols.push(symbol(doc, shorten(header.name.text), detail, KIND_HEADER, header, header.name, []));
  }
  for (const section of doc.sections) symbols.push(sectionSymbol(doc, section));
  return symbols;
}

/** The outline as an indented text tree (sections › entries › sub-entries; bullets left out), for the CLI. */
export function formatOutline(symbols: readonly DocumentSymbol[], depth = 1): string[] {
  const lines: string[] = [];
  for (const s of symbols) {
    if (s.kind === KIND_BULLET) continue;
    lines.push(`${'  '.repeat(depth)}${s.name}${s.detail ? `  (${s.detail})` : ''}  [${s.range.start.line + 1}]`);
    for (const line of formatOutline(s.children ?? [], depth + 1)) lines.push(line);
  }
  return lines;
}
