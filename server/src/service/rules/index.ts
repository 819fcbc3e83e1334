import { bulletStrayGlyph } from './bullet-stray-glyph';
import type { Rule } from './types';

/**
 * The one registry of rules. Settings, the rules reference, "fix all" and the tests derive from this list;
 * a test fails when a rule file in this folder is missing from it or has no fixture.
 */
export const allRules: readonly Rule[] = [bulletStrayGlyph];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
