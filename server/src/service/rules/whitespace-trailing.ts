import { lineAt } from '../model/lines';
import { firstIndexWith } from '../model/spans';
import type { ResumeDocument } from '../model/types';
import type { OffsetEdit, Rule } from './types';

/** Lines whose text is not prose: code fences and front matter keep their spaces. */
export function verbatimLines(doc: ResumeDocument): Set<number> {
  const lines = new Set<number>();
  // Regions are sorted by start: each line is visited once, from the first line a region touches to the last.
  let next = 0;
  for (const region of doc.skipRegions) {
    if (region.kind !== 'code-fence' && region.kind !== 'front-matter') continue;
    let index = Math.max(next, firstIndexWith(doc.lines, (line) => line.end >= region.start));
    for (; index < doc.lines.length && doc.lines[index].start <= region.end; index++) lines.add(index);
    next = Math.max(next, index);
  }
  return lines;
}

/**
 * Trailing spaces and tabs on every line outside code fences and front matter, as edits that remove them. Exactly
 * two spaces after text, before another non-blank line, are a Markdown line break and stay (except on headings).
 */
export function trailingWhitespace(doc: ResumeDocument): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  const verbatim = verbatimLines(doc);
  const headingLines = new Set(doc.headings.map((heading) => lineAt(doc.lines, heading.start)));
  for (const line of doc.lines) {
    // Only a line that ends in a space or a tab has trailing blanks (the pattern would try every position). Read
    // from the document's text, and never past an empty line's end (a read out of bounds deoptimises the loop).
    if (line.end === line.start) continue;
    const last = doc.text.charCodeAt(line.end - 1);
    if ((last !== 0x20 && last !== 0x09) || verbatim.has(line.index)) continue;
    const match = /[ \t]+$/.exec(line.text);
    if (!match) continue;
    const next = doc.lines[line.index + 1];
    // A heading cannot carry a line break, so its trailing spaces are always debris.
    const hardBreak = match[0] === '  ' && match.index > 0 && next !== undefined && next.text.trim().length > 0 && !headingLines.has(line.index);
    if (hardBreak) continue;
    edits.push({ start: line.start + match.index, end: line.end, newText: '' });
  }
  return edits;
}

export const whitespaceTrailing: Rule = {
  id: 'whitespace-trailing',
  description: 'Spaces or tabs at the end of a line (two spaces before a following line, a Markdown line break, stay).',
  tags: ['formatting'],
  defaultSeverity: 'info',
  fixable: true,
  fixes: { safe: 'the spaces and tabs at the line\'s end removed' },
  example: 'Built the billing service.   ',
  check(doc, report) {
    for (const edit of trailingWhitespace(doc)) {
      report({
        start: edit.start,
        end: edit.end,
        message: 'Trailing whitespace: invisible here, but it shifts text in plain-text and PDF exports.',
        tags: ['unnecessary'],
        fixes: [{ title: 'Remove trailing whitespace', edits: [edit], safe: true }],
      });
    }
  },
};
