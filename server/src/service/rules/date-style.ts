import { documentDateStyle, monthConforms, presentKey, separatorKey, writeMonth, type DocumentDateStyle, type StyleChoice } from '../model/dateStyle';
import { lineAt } from '../model/lines';
import { datedEntries } from '../model/timeline';
import type { DateRange, ResumeDocument } from '../model/types';
import type { Fix, OffsetEdit, Rule } from './types';

/** Why a style is asked for, for the message. */
function source(choice: StyleChoice<string>, others = 'dates'): string {
  return choice.from === 'setting' ? 'vita.dates.style asks for' : `the other ${others} use`;
}

/** A separator written between two dates: words need blanks around them, dashes keep the blanks they had. */
function separatorText(doc: ResumeDocument, range: DateRange, separator: string): string {
  const sep = range.separator!;
  if (!/^[a-z]/i.test(separator)) return separator;
  const before = /\s/.test(doc.text[sep.start - 1] ?? '') ? '' : ' ';
  const after = /\s/.test(doc.text[sep.end] ?? '') ? '' : ' ';
  return `${before}${separator}${after}`;
}

/**
 * The fix for a split range (`2013/09 M.S. …` / `2016/03`): the end goes after the start, and leaves its own line —
 * the whole line when nothing else stands on it. Safe: the dates and their order stay what they were; only the
 * layout a PDF conversion left changes.
 */
function joinSplit(doc: ResumeDocument, range: DateRange, style: DocumentDateStyle): Fix {
  const end = range.end!;
  const sep = style.separator.value;
  const inserted = ` ${sep} ${end.text}`;
  const line = doc.lines[lineAt(doc.lines, end.start)];
  const rest = doc.text.slice(line.start, end.start) + doc.text.slice(end.end, line.end);
  let removal: OffsetEdit;
  if (/^[\s\-*+•▪◦_]*$/.test(rest)) {
    // The line held only the date: remove the line with its break.
    removal = line.next > line.end ? { start: line.start, end: line.next, newText: '' } : { start: doc.lines[line.index - 1].end, end: line.end, newText: '' };
  } else {
    let after = end.end;
    while (doc.text[after] === ' ' || doc.text[after] === '\t') after++;
    removal = { start: end.start, end: after, newText: '' };
  }
  return {
    title: `Join the date range onto one line: "${range.start.text}${inserted}"`,
    edits: [{ start: range.start.end, end: range.start.end, newText: inserted }, removal],
    safe: true,
  };
}

export const dateStyle: Rule = {
  id: 'date-style',
  description: 'Dates written in mixed styles (Aug / August / Aug., – / -, Present / now) or a range split across lines.',
  tags: ['dates', 'style'],
  defaultSeverity: 'info',
  fixable: true,
  example: 'Jun 2020 – Dec 2020 … August 2017 - May 2021',
  check(doc, report, context) {
    const style = documentDateStyle(doc, context.options.dates.style);
    const wantedSeparator = separatorKey(style.separator.value);
    const wantedPresent = presentKey(style.present.value);
    for (const { range } of datedEntries(doc)) {
      for (const point of [range.start, range.end]) {
        if (!point) continue;
        const token = point.monthToken;
        if (point.family === 'month-name' && token && point.month !== undefined && !point.invalid && !monthConforms(token.text, point.month, style.month.value)) {
          const name = writeMonth(point.month, style.month.value, token.text);
          report({
            start: token.start,
            end: token.end,
            message: `Month written "${token.text}"; ${source(style.month)} "${writeMonth(point.month, style.month.value)}".`,
            fixes: [{ title: `Write "${name}"`, edits: [{ start: token.start, end: token.end, newText: name }], safe: false }],
          });
        }
        if (point.open && presentKey(point.text) !== wantedPresent) {
          report({
            start: point.start,
            end: point.end,
            message: `Open end written "${point.text}"; ${source(style.present, 'ranges')} "${wantedPresent}".`,
            fixes: [{ title: `Write "${wantedPresent}"`, edits: [{ start: point.start, end: point.end, newText: wantedPresent }], safe: false }],
          });
        }
      }
      const sep = range.separator;
      if (sep && !range.split && separatorKey(sep.text) !== wantedSeparator) {
        const text = separatorText(doc, range, style.separator.value);
        report({
          start: sep.start,
          end: sep.end,
          message: `Range separator "${sep.text}"; ${source(style.separator, 'ranges')} "${style.separator.value}".`,
          fixes: [{ title: `Write "${style.separator.value}"`, edits: [{ start: sep.start, end: sep.end, newText: text }], safe: false }],
        });
      }
      if (range.split && range.end) {
        const endLine = lineAt(doc.lines, range.end.start) + 1;
        report({
          start: range.start.start,
          end: range.start.end,
          severity: 'hint',
          message: `Date range split across lines: "${range.start.text}" here, its end "${range.end.text}" on line ${endLine}.`,
          fixes: [joinSplit(doc, range, style)],
        });
      }
    }
  },
};
