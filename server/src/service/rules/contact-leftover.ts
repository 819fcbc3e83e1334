import type { Line, OffsetEdit } from '../model/types';
import { headerLines } from './_header';
import type { Fix, Rule } from './types';

/** `$\checkmark$`: a LaTeX command alone in math mode — an icon of the template the PDF was made from. */
const LATEX_ICON = /\$\s*\\[a-zA-Z]+\s*\$/g;
/** `**in**`, `__gh__`: one to three letters in bold — the LinkedIn or GitHub icon as PDF-to-Markdown converters leave it. */
const BOLD_ICON = /(\*\*|__)([A-Za-z]{1,3})\1(?=\s+\S)/g;
/** `[Link]`, `[Website]`: a bracketed label with no address after it (`[x](url)` and `[x]: url` are links). */
const PLACEHOLDER = /\[(?:link|website|web|portfolio|linkedin|github|url|email|e-mail|phone|here)\](?![(:[])/gi;
/** A contact item that is only the text of a link whose address was lost: `Website`, `Portfolio`, `LinkedIn`. */
const LINK_WORD = /^(?:website|web ?site|portfolio|linkedin|github|personal (?:website|site|page)|homepage|blog)$/i;
/** What separates contact items on a line: a glyph, a bar, or a run of blanks. */
const SEPARATOR = /[ \t]*[|•·◦▪●■][ \t]*|[ \t]{2,}|\t/g;

interface Item {
  start: number;
  end: number;
}

interface Leftover extends Item {
  message: string;
  severity?: 'info';
}

/**
 * Leftovers of a template or a PDF conversion on the contact lines: LaTeX icon commands (`$\checkmark$`,
 * `$\blacksquare$`), a one-letter bold icon (`**in**`), a `[Link]` placeholder, and the bare text of a link whose
 * address was lost (`Website`, `LinkedIn` with nothing after). Each has quick fixes that remove it, or every leftover
 * of its line at once (not applied by Fix All: they remove words).
 */
export const contactLeftover: Rule = {
  id: 'contact-leftover',
  description: 'A template or PDF leftover on a contact line: a LaTeX icon ($\\checkmark$), a bold icon (**in**), a [Link] placeholder, a link text whose address was lost.',
  tags: ['contact'],
  defaultSeverity: 'warning',
  fixable: true,
  fixes: { quickFix: 'the leftover removed, or every leftover of the line at once (they remove words)' },
  example: ' $\\checkmark$  555 010 2030 •  $\\blacksquare$  jo@example.com • Website • **in** jo-example',
  check(doc, report) {
    for (const line of headerLines(doc)) {
      const leftovers: Leftover[] = [];
      const at = (match: RegExpMatchArray) => ({ start: line.start + match.index!, end: line.start + match.index! + match[0].length });
      for (const match of line.text.matchAll(LATEX_ICON)) leftovers.push({ ...at(match), message: `"${match[0]}" is a LaTeX icon left from the template the PDF was made from; in text it is noise.` });
      for (const match of line.text.matchAll(BOLD_ICON)) leftovers.push({ ...at(match), message: `"${match[0]}" looks like an icon (${match[2] === 'in' ? 'LinkedIn' : 'a logo'}) left as bold text by a PDF conversion.` });
      for (const match of line.text.matchAll(PLACEHOLDER)) leftovers.push({ ...at(match), severity: 'info', message: `"${match[0]}" is a placeholder from a template: put the address itself here, or remove it.` });
      const items = contactItems(line);
      for (const item of items) {
        const text = doc.text.slice(item.start, item.end);
        if (LINK_WORD.test(text)) leftovers.push({ ...item, severity: 'info', message: `"${text}" was the text of a link whose address was lost (a reader of the text sees only the word): write the address, or remove it.` });
      }
      if (leftovers.length === 0) continue;
      leftovers.sort((a, b) => a.start - b.start);
      const all: Fix | undefined = leftovers.length > 1 ? { title: `Remove the ${leftovers.length} leftovers on this line`, edits: [tidyLine(doc.text, line, items, leftovers)], safe: false } : undefined;
      for (const leftover of leftovers) {
        const text = doc.text.slice(leftover.start, leftover.end);
        report({
          start: leftover.start,
          end: leftover.end,
          message: leftover.message,
          ...(leftover.severity ? { severity: leftover.severity } : {}),
          fixes: [{ title: `Remove "${text}"`, edits: [removeOne(doc.text, line, items, leftover)], safe: false }, ...(all ? [all] : [])],
        });
      }
    }
  },
};

/** The items of a contact line between its separators, trimmed. */
function contactItems(line: Line): Item[] {
  const items: Item[] = [];
  let from = 0;
  const push = (to: number) => {
    const raw = line.text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const length = raw.trim().length;
    if (length > 0) items.push({ start: line.start + from + lead, end: line.start + from + lead + length });
  };
  for (const match of line.text.matchAll(SEPARATOR)) {
    push(match.index!);
    from = match.index! + match[0].length;
  }
  push(line.text.length);
  return items;
}

/** Removes one leftover: with its item and a separator when it was all the item held, else with its blanks. */
function removeOne(text: string, line: Line, items: readonly Item[], leftover: Item): OffsetEdit {
  const index = items.findIndex((item) => item.start <= leftover.start && leftover.end <= item.end);
  const item = items[index];
  const rest = item ? (text.slice(item.start, leftover.start) + text.slice(leftover.end, item.end)).trim() : 'x';
  if (item && rest === '') {
    // The whole item: take the separator after it, or, for the last item, the one before it.
    if (index > 0 && index < items.length - 1 && text.slice(items[index - 1].end, item.start).trim() === '' && text.slice(item.end, items[index + 1].start).trim() !== '') {
      // Between blanks and a glyph (`…  Website • …`): the blanks go, the glyph stays between the items left.
      return { start: items[index - 1].end, end: item.end, newText: '' };
    }
    if (index < items.length - 1) return { start: index === 0 ? line.start : item.start, end: items[index + 1].start, newText: '' };
    if (index > 0) return { start: items[index - 1].end, end: line.end, newText: '' };
    return { start: line.start, end: line.end, newText: '' };
  }
  let from = leftover.start;
  while (from > line.start && /[ \t]/.test(text[from - 1])) from--;
  let to = leftover.end;
  while (to < line.end && /[ \t]/.test(text[to])) to++;
  return { start: from, end: to, newText: from > line.start && to < line.end ? ' ' : '' };
}

/** The line again without its leftovers: the items left, joined by the line's own separator. */
function tidyLine(text: string, line: Line, items: readonly Item[], leftovers: readonly Item[]): OffsetEdit {
  const kept: string[] = [];
  for (const item of items) {
    let value = '';
    let cursor = item.start;
    for (const leftover of leftovers) {
      if (leftover.end <= item.start || leftover.start >= item.end) continue;
      value += text.slice(cursor, Math.max(cursor, leftover.start));
      cursor = Math.max(cursor, leftover.end);
    }
    value = (value + text.slice(cursor, item.end)).replace(/[ \t]+/g, ' ').trim();
    if (value) kept.push(value);
  }
  const glyphs = [...line.text.matchAll(SEPARATOR)].map((m) => m[0].trim()).filter(Boolean);
  const glyph = glyphs.sort((a, b) => glyphs.filter((g) => g === b).length - glyphs.filter((g) => g === a).length)[0];
  return { start: line.start, end: line.end, newText: kept.join(glyph ? ` ${glyph} ` : '  ') };
}
