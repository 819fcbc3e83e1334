import type { Rule } from './types';
import { spellingEngine, spellingIssues } from './_spelling';

/**
 * A brand, product or tool written in the wrong case: `Github` → `GitHub`, `VSCode` → `VS Code`, `kafka` → `Kafka`.
 * The fix is safe (Fix All applies it): it is no guess at which word was meant, the letters are the ones written
 * and the spelling comes from the curated casing list. Ordinary words that are also brands (`swift`, `docker`)
 * are never flagged.
 */
export const spellingCasing: Rule = {
  id: 'spelling-casing',
  description: 'A brand or tool written in the wrong case ("Github" → "GitHub", "VSCode" → "VS Code").',
  tags: ['spelling'],
  defaultSeverity: 'warning',
  fixable: true,
  example: '- Moved the team from Github to Gitlab.',
  check(doc, report, context) {
    const engine = spellingEngine(context);
    if (!engine) return;
    for (const issue of spellingIssues(doc, engine)) {
      if (issue.kind !== 'casing' || issue.replacement === undefined) continue;
      const { word, replacement } = issue;
      report({
        start: word.start,
        end: word.end,
        message: `"${word.text}" is written "${replacement}".`,
        data: { word: word.text, suggestions: [replacement] },
        fixes: [{ title: `Change to "${replacement}"`, edits: [{ start: word.start, end: word.end, newText: replacement }], safe: true }],
      });
    }
  },
};
