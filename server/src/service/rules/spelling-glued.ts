import type { Rule } from './types';
import { spellingEngine, spellingIssues } from './_spelling';

/**
 * Two whole words a PDF converter glued together: a hyphen lost at a line end (`datadriven`, `lifehistory` from
 * `data-` / `driven`) or a space lost between columns (`purchasedecision`). Debris of the conversion, not a
 * misspelling: a hint (faint in the editor) offering the split, never a spelling warning. Words built from known
 * parts that are words in their own right (`coldspots`, `freediving`, `subteams`) get nothing at all. The split is
 * a guess (a hyphen or a space?), so no fix is safe.
 */
export const spellingGlued: Rule = {
  id: 'spelling-glued',
  description: 'Two words run together by a PDF converter ("datadriven" → "data-driven"): a hint offering the split.',
  tags: ['spelling'],
  defaultSeverity: 'hint',
  fixable: true,
  fixes: { quickFix: 'the words split as the dictionaries know them (`datadriven` → `data-driven`)' },
  example: '- Led datadriven marketing for three product lines.',
  check(doc, report, context) {
    const engine = spellingEngine(context);
    if (!engine) return;
    for (const issue of spellingIssues(doc, engine)) {
      if (issue.kind !== 'glued' || !issue.suggestions?.length) continue;
      const { word, suggestions } = issue;
      report({
        start: word.start,
        end: word.end,
        message: `"${word.text}" looks like two words run together: "${suggestions[0]}".`,
        data: { word: word.text, suggestions },
        fixes: suggestions.map((split) => ({ title: `Change to "${split}"`, edits: [{ start: word.start, end: word.end, newText: split }], safe: false })),
      });
    }
  },
};
