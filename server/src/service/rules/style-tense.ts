import { verbTense, type VerbTense } from './_verbs';
import { entriesOf, openingWord, WORK_SECTIONS } from './_bullets';
import type { Bullet, DateRange } from '../model/types';
import type { Rule } from './types';

export const styleTense: Rule = {
  id: 'style-tense',
  description: 'A bullet of a finished role in the present tense, or a current role mixing past and present.',
  tags: ['style'],
  defaultSeverity: 'hint',
  fixable: false,
  example: '### Acme, Engineer, 2019 – 2021\n- Manage the release calendar.',
  check(doc, report) {
    for (const { entry, parent } of entriesOf(doc, WORK_SECTIONS)) {
      const range: DateRange | undefined = entry.dateRange ?? parent?.dateRange;
      if (!range || (!range.open && !range.end)) continue; // a lone date says nothing about whether it ended
      const tensed: { bullet: Bullet; tense: VerbTense; start: number; end: number; text: string }[] = [];
      for (const bullet of entry.bullets) {
        const first = openingWord(doc, bullet);
        if (!first) continue;
        const tense = verbTense(first.text);
        if (tense) tensed.push({ bullet, tense, start: first.start, end: first.end, text: first.text });
      }
      if (!range.open) {
        for (const t of tensed.filter((x) => x.tense === 'present')) {
          report({ start: t.start, end: t.end, message: `"${t.text}" is present tense in a role that has ended: finished work reads in the past tense.` });
        }
        continue;
      }
      const past = tensed.filter((x) => x.tense === 'past');
      const present = tensed.filter((x) => x.tense === 'present');
      if (past.length === 0 || present.length === 0) continue;
      // In a current role, present tense is expected; flag whichever tense is the minority (past on a tie).
      const minority = past.length <= present.length ? past : present;
      for (const t of minority) {
        report({
          start: t.start,
          end: t.end,
          message: `"${t.text}" is ${t.tense} tense while this current role's other bullets are ${t.tense === 'past' ? 'present' : 'past'}: one tense per role reads evenly.`,
        });
      }
    }
  },
};
