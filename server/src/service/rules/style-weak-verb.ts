import { pastOfGerund } from './_verbs';
import { bulletWords, openingWord } from './_bullets';
import type { Fix, Rule } from './types';

/** Openers that say you were near the work, not what you did. */
const WEAK_OPENERS: readonly string[][] = [['responsible', 'for'], ['helped'], ['worked', 'on'], ['assisted', 'with'], ['assisted', 'in']];
/** The words a weak opener can start with ("Was responsible for" too): any other first word is no weak opener. */
const OPENING_WORDS = new Set(['was', 'were', ...WEAK_OPENERS.map((phrase) => phrase[0])]);
/** The lengths and first letters (lower case) of {@link OPENING_WORDS}: other first words are passed over at once. */
const OPENING_LENGTHS = new Set([...OPENING_WORDS].map((word) => word.length));
const OPENING_LETTERS = new Set([...OPENING_WORDS].map((word) => word.charCodeAt(0)));
/** Openers after which a gerund can become the verb: "Responsible for managing" → "Managed". */
const REWRITABLE = new Set(['responsible for', 'worked on']);

export const styleWeakVerb: Rule = {
  id: 'style-weak-verb',
  description: 'A bullet opens with a weak phrase ("Responsible for", "Helped", "Worked on", "Assisted with").',
  tags: ['style'],
  defaultSeverity: 'hint',
  fixable: true,
  fixes: { quickFix: 'the bullet rewritten to lead with the verb ("Responsible for managing" → "Managed")' },
  example: '- Responsible for managing the release calendar.',
  check(doc, report) {
    const list = doc.words;
    for (const bullet of doc.bullets) {
      // The word openingWord would give, if any, is the first at or after the content's start.
      const index = list.firstAtOrAfter(bullet.content.start);
      if (index >= list.length || !OPENING_LENGTHS.has(list.end(index) - list.start(index))) continue;
      const letter = doc.text.charCodeAt(list.start(index));
      if (!OPENING_LETTERS.has(letter >= 0x41 && letter <= 0x5a ? letter + 0x20 : letter)) continue;
      const opening = openingWord(doc, bullet);
      if (!opening || opening.context !== 'bullet' || !OPENING_WORDS.has(opening.text.toLowerCase())) continue;
      const words = bulletWords(doc, bullet);
      // "Was responsible for …" counts too.
      const offset = /^(?:was|were)$/i.test(words[0].text) ? 1 : 0;
      const opener = WEAK_OPENERS.find((phrase) => phrase.every((w, i) => words[offset + i]?.text.toLowerCase() === w));
      if (!opener) continue;
      const first = words[0];
      const last = words[offset + opener.length - 1];
      const phrase = doc.text.slice(first.start, last.end);
      const fixes: Fix[] = [];
      if (REWRITABLE.has(opener.join(' '))) {
        // Rewrite "Responsible for building and optimizing X" → "Built and optimized X" when each gerund is known.
        const rest = words.slice(offset + opener.length);
        const verbs = [];
        let i = 0;
        while (i < rest.length) {
          const past = pastOfGerund(rest[i].text);
          if (!past) break;
          verbs.push({ word: rest[i], past });
          const between = rest[i + 1] ? doc.text.slice(rest[i].end, rest[i + 1].start) : '';
          if (rest[i + 1] && /^,\s*$/.test(between) && pastOfGerund(rest[i + 1].text)) i += 1;
          else if (rest[i + 1] && rest[i + 2] && /^(?:and|or)$/i.test(rest[i + 1].text) && pastOfGerund(rest[i + 2].text)) i += 2;
          else break;
        }
        if (verbs.length > 0) {
          const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
          const edits = [{ start: first.start, end: verbs[0].word.end, newText: capital(verbs[0].past) }];
          for (const verb of verbs.slice(1)) edits.push({ start: verb.word.start, end: verb.word.end, newText: verb.past });
          const preview = [capital(verbs[0].past), ...verbs.slice(1).map((v) => v.past)].join(', ');
          fixes.push({ title: `Rewrite as "${preview}"`, edits, safe: false });
        }
      }
      report({
        start: first.start,
        end: last.end,
        message: `"${phrase}" is a weak opener: lead with the verb for what you did ("Built", "Cut", "Led").`,
        fixes: fixes.length > 0 ? fixes : undefined,
      });
    }
  },
};
