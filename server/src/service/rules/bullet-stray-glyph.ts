import { asciiFirst } from '../model/asciiFirst';
import type { ServiceContext } from '../context';
import { KNOWN_VERB_FORMS } from './_verbs';
import type { Rule } from './types';

/**
 * Glyphs PDF converters leave at the start of a bullet's text: a letter o/O standing for a hollow bullet,
 * or a second bullet glyph after the Markdown marker (`- •`, `- ▪`).
 */
const STRAY_GLYPH = asciiFirst(/^(?:[oO]|[•▪◦●■□➢►‣⁃∙·\uf0b7\uf0a7])(?=[ \t]+[\p{L}\p{N}(“"'])[ \t]+/u);
/** An o/O glued to the word after it: `Ocollaborated with SRE team`. */
const GLUED_GLYPH = asciiFirst(/^([oO])(\p{L}{3,})(?![\p{L}\p{N}'’-])/u);

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Whether `rest` (the word without its leading o/O) is a word while the whole is not. With the spelling engine
 * loaded, its dictionaries decide; without it, only the built-in list of résumé verbs counts, so that the rule
 * never eats the first letter of a word it cannot check (`Onboarded`, `Orchestrated`, `Oracle`).
 */
function isGluedGlyph(whole: string, rest: string, context: ServiceContext): boolean {
  const lowerRest = rest.toLowerCase();
  if (rest !== lowerRest && rest !== capitalise(lowerRest)) return false; // `OAuth`, `OKRs`: no glyph
  const spelling = context.spelling;
  if (spelling) return !spelling.isKnown(whole) && (spelling.isKnown(rest) || spelling.isKnown(capitalise(rest)));
  return !KNOWN_VERB_FORMS.has(whole.toLowerCase()) && KNOWN_VERB_FORMS.has(lowerRest);
}

/**
 * A glyph glued to the first word of a bullet's text: the glyph, the whole token and the word as it should stand
 * (`Ocollaborated` → `Collaborated`); undefined when there is none. `spelling` asks it, so as not to report the same
 * word twice.
 */
export function gluedGlyph(bulletText: string, context: ServiceContext): { glyph: string; length: number; word: string } | undefined {
  const first = bulletText.charCodeAt(0);
  if (first !== 0x6f && first !== 0x4f) return undefined; // o, O
  const glued = GLUED_GLYPH.exec(bulletText);
  if (!glued || !isGluedGlyph(glued[0], glued[2], context)) return undefined;
  // As the spelling engine writes it: after a capital O the word starts a sentence.
  return { glyph: glued[1], length: glued[0].length, word: glued[1] === 'O' ? capitalise(glued[2]) : glued[2] };
}

export const bulletStrayGlyph: Rule = {
  id: 'bullet-stray-glyph',
  description: 'A bullet starts with a glyph left over from PDF conversion ("- o Text", "- • Text", "- Ocollaborated").',
  tags: ['formatting'],
  defaultSeverity: 'warning',
  fixable: true,
  fixes: { safe: 'the stray glyph removed (`- o Text` → `- Text`, `- Ocollaborated` → `- Collaborated`)' },
  example: '- o Cut p99 checkout latency from 80 ms to 12 ms.',
  check(doc, report, context) {
    for (const bullet of doc.bullets) {
      // Both patterns need an o, an O or a glyph first (the glyphs are all beyond ASCII): most bullets have neither.
      const first = bullet.content.text.charCodeAt(0);
      if (first !== 0x6f && first !== 0x4f && !(first >= 0x80)) continue;
      const start = bullet.content.start;
      const match = STRAY_GLYPH.exec(bullet.content.text);
      if (match) {
        const glyph = match[0].trim();
        report({
          start,
          end: start + glyph.length,
          message: `Stray "${glyph}" at the start of a bullet, left over from PDF conversion.`,
          fixes: [{ title: `Remove stray "${glyph}"`, edits: [{ start, end: start + match[0].length, newText: '' }], safe: true }],
        });
        continue;
      }
      const glued = gluedGlyph(bullet.content.text, context);
      if (!glued) continue;
      const { glyph, length, word } = glued;
      const written = bullet.content.text.slice(0, length);
      report({
        start,
        end: start + length,
        message: `Stray "${glyph}" glued to "${written.slice(glyph.length)}" at the start of a bullet, left over from PDF conversion.`,
        // The word as the spelling rules would suggest it (`vita check --format json` readers get it either way).
        data: { word: written, suggestions: [word] },
        fixes: [{ title: `Change to "${word}"`, edits: [{ start, end: start + length, newText: word }], safe: true }],
      });
    }
  },
};
