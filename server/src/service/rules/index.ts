import { bulletInconsistent } from './bullet-inconsistent';
import { bulletStrayGlyph } from './bullet-stray-glyph';
import { contactEmail } from './contact-email';
import { contactLeftover } from './contact-leftover';
import { contactMissing } from './contact-missing';
import { contactPhone } from './contact-phone';
import { dateAmbiguous } from './date-ambiguous';
import { dateChronology } from './date-chronology';
import { dateFormat } from './date-format';
import { dateFuture } from './date-future';
import { dateGap } from './date-gap';
import { dateInvalid } from './date-invalid';
import { dateOverlap } from './date-overlap';
import { dateReversed } from './date-reversed';
import { dateStyle } from './date-style';
import { headingCaseRule } from './heading-case';
import { jobEvidence } from './job-evidence';
import { punctuationBulletEnd } from './punctuation-bullet-end';
import { spelling } from './spelling';
import { spellingCasing } from './spelling-casing';
import { spellingGlued } from './spelling-glued';
import { styleBulletLength } from './style-bullet-length';
import { stylePronoun } from './style-pronoun';
import { styleTense } from './style-tense';
import { styleUnquantified } from './style-unquantified';
import { styleWeakVerb } from './style-weak-verb';
import { whitespaceMultiple } from './whitespace-multiple';
import { whitespaceTrailing } from './whitespace-trailing';
import { wordRepeated } from './word-repeated';
import type { Rule } from './types';

/**
 * The one registry of rules. Settings, the rules reference, "fix all" and the tests derive from this list;
 * a test fails when a rule file in this folder is missing from it or has no fixture.
 */
export const allRules: readonly Rule[] = [
  spelling,
  spellingCasing,
  spellingGlued,
  bulletStrayGlyph,
  bulletInconsistent,
  whitespaceTrailing,
  whitespaceMultiple,
  punctuationBulletEnd,
  wordRepeated,
  headingCaseRule,
  contactEmail,
  contactPhone,
  contactMissing,
  contactLeftover,
  stylePronoun,
  styleWeakVerb,
  styleTense,
  styleUnquantified,
  styleBulletLength,
  dateInvalid,
  dateReversed,
  dateFuture,
  dateFormat,
  dateStyle,
  dateAmbiguous,
  dateChronology,
  dateOverlap,
  dateGap,
  jobEvidence,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
