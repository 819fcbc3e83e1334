import { lineAt } from '../model/lines';
import { skipRegionIndex } from '../model/spans';
import type { ResumeDocument, SkipRegion } from '../model/types';
import type { OffsetEdit, Rule } from './types';
import { verbatimLines } from './whitespace-trailing';

/** The skip regions whose spaces are left alone: every kind but URLs and emails. */
const CODE_LIKE: readonly SkipRegion['kind'][] = ['code-fence', 'code-span', 'latex', 'html-comment', 'front-matter', 'comment', 'html-tag', 'markup', 'link-definition'];

/**
 * Runs of two or three spaces inside a line's text, as edits that leave one space. Not in indentation, tables,
 * code (fences, spans), comments or front matter; not before a date (`Acme  2016` is how plain-text résumés set a
 * date apart), and not four or more spaces (a column gap in a plain-text layout).
 */
export function repeatedSpaces(doc: ResumeDocument): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  const verbatim = verbatimLines(doc);
  const skips = skipRegionIndex(doc, CODE_LIKE);
  const dateStarts = new Set(doc.dateRanges.map((range) => range.span.start));
  // Most lines have no two spaces in a row: one search of the whole text finds the lines that do.
  for (let at = doc.text.indexOf('  '); at >= 0; ) {
    const line = doc.lines[lineAt(doc.lines, at)];
    at = line.next < doc.text.length ? doc.text.indexOf('  ', line.next) : -1;
    if (verbatim.has(line.index)) continue;
    const trimmed = line.text.trim();
    if (trimmed.length === 0 || trimmed.startsWith('|') || trimmed.startsWith('<!--')) continue;
    const contentStart = line.start + (line.text.length - line.text.trimStart().length);
    const contentEnd = line.start + line.text.trimEnd().length;
    for (const match of line.text.matchAll(/ {2,}/g)) {
      const start = line.start + (match.index ?? 0);
      const end = start + match[0].length;
      if (start <= contentStart || end >= contentEnd || match[0].length >= 4) continue;
      if (dateStarts.has(end)) continue;
      if (skips.overlaps(start, end)) continue;
      edits.push({ start, end, newText: ' ' });
    }
  }
  return edits;
}

export const whitespaceMultiple: Rule = {
  id: 'whitespace-multiple',
  description: 'Two or three spaces in a row inside text (not indentation, tables, code, column gaps or before a date): one finding a line.',
  tags: ['formatting'],
  defaultSeverity: 'info',
  fixable: true,
  fixes: { safe: 'every run of spaces on the line made one space' },
  example: 'Built the  billing service.',
  check(doc, report) {
    // One finding a line, from its first run to its last, with one fix that mends every run on it: a line with
    // three doubled spaces is one thing to tidy, not three.
    const edits = repeatedSpaces(doc);
    for (let i = 0; i < edits.length; ) {
      const line = lineAt(doc.lines, edits[i].start);
      let j = i + 1;
      while (j < edits.length && lineAt(doc.lines, edits[j].start) === line) j++;
      const runs = edits.slice(i, j);
      const first = runs[0];
      const last = runs[runs.length - 1];
      report({
        start: first.start,
        end: last.end,
        message:
          runs.length === 1
            ? `${first.end - first.start} spaces in a row: one space reads evenly in every export.`
            : `${runs.length} runs of spaces on this line: one space reads evenly in every export.`,
        fixes: [{ title: runs.length === 1 ? 'Use one space' : 'Use one space throughout the line', edits: runs, safe: true }],
      });
      i = j;
    }
  },
};
