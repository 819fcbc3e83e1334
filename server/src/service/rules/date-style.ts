import { documentDateStyle, restyleRange, writeMonth, writeSeparator, type DocumentDateStyle, type StyleChoice } from '../model/dateStyle';
import { lineAt } from '../model/lines';
import { datedEntries } from '../model/timeline';
import type { DateRange, ResumeDocument } from '../model/types';
import type { Fix, OffsetEdit, Rule } from './types';
import { isReversed } from './_dates';

/** Why a style is asked for, for the message. */
function source(choice: StyleChoice<string>, others = 'dates'): string {
  return choice.from === 'setting' ? 'vita.dates.style asks for' : `the other ${others} use`;
}

/**
 * The fix for a split range (`2013/09 M.S. …` / `2016/03`): the end goes after the start, and leaves its own line —
 * the whole line when nothing else stands on it. A quick fix only: it moves words across lines, and the pairing of a
 * date with one on a later line is a reading of PDF text that may be wrong (two dates of two entries); only the writer
 * knows.
 */
function joinSplit(doc: ResumeDocument, range: DateRange, style: DocumentDateStyle): Fix {
  const end = range.end!;
  const inserted = `${writeSeparator(range, style)}${end.text}`;
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
    safe: false,
  };
}

export const dateStyle: Rule = {
  id: 'date-style',
  description: 'Dates written in mixed styles (Aug / August / Aug., – / -, Present / now) or a range split across lines.',
  tags: ['dates', 'style'],
  defaultSeverity: 'info',
  fixable: true,
  fixes: { safe: 'the month, the separator or the open-end word written in the document\'s (or `vita.dates.style`\'s) style', quickFix: 'a range split across lines joined onto one line (it moves words between lines)' },
  example: 'Jun 2020 – Dec 2020 … August 2017 - May 2021',
  check(doc, report, context) {
    const style = documentDateStyle(doc, context.options.dates.style);
    for (const { range } of datedEntries(doc)) {
      // The same target Format Document writes (model/dateStyle.ts restyleRange); blanks alone are its business.
      for (const part of restyleRange(doc, range, style)) {
        if (part.spacingOnly) continue;
        const { written, wanted, edit } = part;
        const message =
          part.kind === 'month'
            ? `Month written "${written.text}"; ${source(style.month)} "${writeMonth(part.month ?? 1, style.month.value)}".`
            : part.kind === 'present'
              ? `Open end written "${written.text}"; ${source(style.present, 'ranges')} "${wanted}".`
              : `Range separator "${written.text}"; ${source(style.separator, 'ranges')} "${wanted}".`;
        // Safe: the same date written the document's way (month spelling, separator, open-end word), as Format
        // Document writes it; never another date.
        report({ start: written.start, end: written.end, message, fixes: [{ title: `Write "${wanted}"`, edits: [edit], safe: true }] });
      }
      // A split pair that runs backwards is two dates (or a reversed range, date-reversed's business): joining it
      // would write a range that ends before it starts.
      if (range.split && range.end && !isReversed(range)) {
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
