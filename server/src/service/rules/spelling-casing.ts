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
  fixes: { safe: 'the brand\'s own case (`Github` → `GitHub`), at one place or every place it is miscased' },
  example: '- Moved the team from Github to Gitlab.',
  check(doc, report, context) {
    const engine = spellingEngine(context);
    if (!engine) return;
    // The same brand miscased several times is one warning (the first), with a fix for all, and an info for each
    // other place: one squiggle to act on, not a row of them.
    const groups = new Map<string, { text: string; replacement: string; words: { start: number; end: number }[] }>();
    for (const issue of spellingIssues(doc, engine)) {
      if (issue.kind !== 'casing' || issue.replacement === undefined) continue;
      const key = `${issue.word.text}\u0000${issue.replacement}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { text: issue.word.text, replacement: issue.replacement, words: [] }));
      group.words.push({ start: issue.word.start, end: issue.word.end });
    }
    for (const { text, replacement, words } of groups.values()) {
      const all = words.length > 1 ? { title: `Change all ${words.length} to "${replacement}"`, edits: words.map((w) => ({ ...w, newText: replacement })), safe: true } : undefined;
      words.forEach((word, index) => {
        report({
          start: word.start,
          end: word.end,
          ...(index > 0 ? { severity: 'info' as const } : {}),
          message: index === 0 ? `"${text}" is written "${replacement}"${words.length > 1 ? ` (${words.length} times here)` : ''}.` : `"${text}" again: it is written "${replacement}".`,
          data: { word: text, suggestions: [replacement] },
          fixes: [{ title: `Change to "${replacement}"`, edits: [{ ...word, newText: replacement }], safe: true }, ...(all ? [all] : [])],
        });
      });
    }
  },
};
