import { headerLines, overlapsSkip } from './_header';
import type { Rule } from './types';

/** A phone-like run: digits with separators, letters O/o/l standing for digits inside. */
const CANDIDATE = /(?<![\p{L}\p{N}_.@/#])\+?\(?\d[\d().\- Ool]*[\d)]/gu;
const YEAR_RANGE = /^(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d$/;

export const contactPhone: Rule = {
  id: 'contact-phone',
  description: 'A phone number in the header is malformed: too few or too many digits, an unmatched parenthesis, or the letter O for a zero.',
  tags: ['contact'],
  defaultSeverity: 'error',
  fixable: true,
  fixes: { quickFix: 'a letter read as the digit it looks like (`O10` → `010`): a guess at a fact' },
  example: '+1 (555) O10-2030',
  check(doc, report) {
    for (const line of headerLines(doc)) {
      for (const match of line.text.matchAll(CANDIDATE)) {
        let text = match[0].replace(/[ .-]+$/, '');
        // A run of letters glued to the end is a word, not a digit: `555-0100 ext` stays a number.
        text = text.replace(/[ .-]*[Ool]+$/, '');
        const start = line.start + (match.index ?? 0);
        const end = start + text.length;
        const digits = text.replace(/[^\dOol]/g, '');
        const phoneLike = /^\+|^\(|\d[ ().-]+\d/.test(text) && digits.length >= 5;
        if (!phoneLike || YEAR_RANGE.test(text)) continue;
        if (overlapsSkip(doc, start, end, ['email', 'url', 'latex', 'code-span'])) continue;
        const letters = /[Ool]/.test(text);
        if (letters) {
          // Letters only between digits or separators: `555-O10-2O30`, not `555 Oak`.
          if (/[Ool][\p{L}]|[\p{L}][Ool]/u.test(text)) continue;
          const fixed = text.replace(/[Oo]/g, '0').replace(/l/g, '1');
          report({
            start,
            end,
            message: `The phone number "${text}" has a letter where a digit belongs: a recruiter dialling it gets nowhere.`,
            // A quick fix only: reading a letter as the digit it looks like is a guess at a fact.
            fixes: [{ title: `Change to ${fixed}`, edits: [{ start, end, newText: fixed }], safe: false }],
          });
          continue;
        }
        const opens = (text.match(/\(/g) ?? []).length;
        const closes = (text.match(/\)/g) ?? []).length;
        if (opens !== closes) {
          report({ start, end, message: `The phone number "${text}" has an unmatched parenthesis: write it as "(555) 010-2030".` });
          continue;
        }
        if (digits.length < 7 || digits.length > 15) {
          report({ start, end, message: `The phone number "${text}" has ${digits.length} digits; phone numbers have 7 to 15, so a digit is missing or extra.` });
        }
      }
    }
  },
};
