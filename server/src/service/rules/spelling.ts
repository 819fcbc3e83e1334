import { firstIndexWith } from '../model/spans';
import type { Rule } from './types';
import { gluedGlyph } from './bullet-stray-glyph';
import { spellingEngine, spellingIssues } from './_spelling';

/**
 * Misspelled words. Unknown words the engine scores as names (`Abhishek`, `Rijswijk`, a company the dictionaries do
 * not know) get no finding at all: a résumé is full of names, and a hint on each would be noise users switch off.
 * Suggestions are lazy: the finding carries `data.word`; the editor's quick fixes and `vita check --format json`
 * ask the engine for `data.suggestions`. A suggestion is a guess, so no fix of this rule is ever safe.
 *
 * A PDF glyph glued to a bullet's first word (`- Ocollaborated`) belongs to `bullet-stray-glyph`, whose fix is
 * safe; this rule reports such a word only when that rule is off.
 */
export const spelling: Rule = {
  id: 'spelling',
  description: 'A word that looks misspelled ("Recommandation", "Softerware"); names and résumé terms are known.',
  tags: ['spelling'],
  defaultSeverity: 'warning',
  fixable: true,
  fixes: { quickFix: '**Change to** each suggestion; **Add to workspace / user dictionary**; **Ignore in this file**' },
  example: '- Built the Softerware release pipeline.',
  check(doc, report, context) {
    const engine = spellingEngine(context);
    if (!engine) return;
    const glyphRuleOn = context.options.rules['bullet-stray-glyph'] !== 'off';
    for (const issue of spellingIssues(doc, engine)) {
      if (issue.kind !== 'typo') continue;
      const { word } = issue;
      // A typo that opens a bullet may be a glyph glued to a word (`Ocollaborated`): bullet-stray-glyph's finding.
      const bullet = glyphRuleOn ? doc.bullets[firstIndexWith(doc.bullets, (b) => b.content.start >= word.start)] : undefined;
      if (bullet?.content.start === word.start && gluedGlyph(bullet.content.text, context) !== undefined) continue;
      report({
        start: word.start,
        end: word.end,
        message: `"${word.text}" may be misspelled.`,
        // Suggestions known when checking (a phrase: `Premier Pro` → `Premiere`); others are asked for when needed.
        data: issue.suggestions ? { word: word.text, suggestions: issue.suggestions } : { word: word.text },
      });
    }
  },
};
