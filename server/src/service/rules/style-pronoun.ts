import { asciiFirst } from '../model/asciiFirst';
import { skipRegionIndex, SpanIndex } from '../model/spans';
import type { Rule } from './types';

/**
 * I, me, my, we, our as words: `I` only as written, the others in lower case or capitalised (`MY`, `WE` in
 * capitals are codes), not joined to a slash, ampersand or hyphen (`I/O`, `R&D`).
 */
const PRONOUN = asciiFirst(/(?<![\p{L}\p{N}_/&'’.-])(?:I|[mM]e|[mM]y|[wW]e|[oO]ur)(?![\p{L}\p{N}_/&'’-])/gu);

export const stylePronoun: Rule = {
  id: 'style-pronoun',
  description: 'A first-person pronoun (I, me, my, we, our) in a bullet.',
  tags: ['style'],
  defaultSeverity: 'hint',
  fixable: false,
  example: '- I migrated our billing service to Kubernetes.',
  check(doc, report) {
    // A binary search, not a scan of every skills section per bullet (quadratic on a long document of many résumés).
    const skills = new SpanIndex(doc.sections.filter((section) => section.kind === 'skills').map((section) => ({ start: section.start, end: section.end + 1 })));
    for (const bullet of doc.bullets) {
      if (skills.overlaps(bullet.start, bullet.start + 1)) continue;
      // exec over the shared pattern (matchAll would copy the pattern for every bullet).
      const text = bullet.content.text;
      const pronoun = PRONOUN.pick(text);
      pronoun.lastIndex = 0;
      for (let match = pronoun.exec(text); match !== null; match = pronoun.exec(text)) {
        const start = bullet.content.start + match.index;
        const end = start + match[0].length;
        // Not inside code, a URL or LaTeX.
        if (skipRegionIndex(doc).overlaps(start, end)) continue;
        report({
          start,
          end,
          message: `"${match[0]}" in a bullet: résumé bullets leave out the first person and lead with the verb.`,
        });
      }
    }
  },
};
