import type { Section } from '../model/types';
import type { Fix, Rule } from './types';

type HeadingCase = 'caps' | 'title';

const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', '&']);

/** ALL CAPS when it has letters and none is lower case; otherwise mixed case (Title Case, Sentence case). */
function headingCase(text: string): HeadingCase | undefined {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return undefined;
  return letters === letters.toUpperCase() && letters !== letters.toLowerCase() ? 'caps' : 'title';
}

export function toTitleCase(text: string): string {
  let first = true;
  return text.replace(/[\p{L}\p{N}&'’.-]+/gu, (word) => {
    const lower = word.toLowerCase();
    const result = !first && MINOR_WORDS.has(lower) ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    first = false;
    return result;
  });
}

export const headingCaseRule: Rule = {
  id: 'heading-case',
  description: 'Section headings mix ALL CAPS and Title Case; the fix follows what most headings do.',
  tags: ['formatting'],
  defaultSeverity: 'warning',
  fixable: true,
  fixes: { safe: 'a Title Case heading written in capitals, when most headings are', quickFix: 'a heading in capitals written in Title Case (acronyms cannot be told from words)' },
  example: '## EXPERIENCE\n…\n## Education',
  check(doc, report) {
    const styled = doc.sections
      .map((section) => ({ section, style: headingCase(section.heading.text) }))
      .filter((s): s is { section: Section; style: HeadingCase } => s.style !== undefined);
    const caps = styled.filter((s) => s.style === 'caps').length;
    const title = styled.length - caps;
    if (caps === 0 || title === 0) return;
    // Most headings win; on a tie, the first heading sets the style.
    const dominant: HeadingCase = caps > title ? 'caps' : title > caps ? 'title' : styled[0].style;
    for (const { section, style } of styled) {
      if (style === dominant) continue;
      const { textSpan, text } = section.heading;
      const fix: Fix =
        dominant === 'caps'
          ? { title: `Write "${text.toUpperCase()}"`, edits: [{ ...textSpan, newText: text.toUpperCase() }], safe: true }
          : // From capitals, acronyms cannot be told from words (`AWS CERTIFICATIONS`): never a safe fix.
            { title: `Write "${toTitleCase(text)}"`, edits: [{ ...textSpan, newText: toTitleCase(text) }], safe: false };
      report({
        start: textSpan.start,
        end: textSpan.end,
        message: `Heading "${text}" is ${style === 'caps' ? 'in ALL CAPS' : 'not in ALL CAPS'} while most section headings are ${dominant === 'caps' ? 'in ALL CAPS' : 'in Title Case'}: one style makes the sections easy to find.`,
        fixes: [fix],
      });
    }
  },
};
