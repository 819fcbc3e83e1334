import type { Rule } from './types';

/**
 * Glyphs PDF converters leave at the start of a bullet's text: a letter o/O standing for a hollow bullet,
 * or a second bullet glyph after the Markdown marker (`- •`, `- ▪`).
 */
const STRAY_GLYPH = /^(?:[oO]|[•▪◦●■□➢►‣⁃∙·\uf0b7\uf0a7])(?=[ \t]+[\p{L}\p{N}(“"'])[ \t]+/u;

export const bulletStrayGlyph: Rule = {
  id: 'bullet-stray-glyph',
  description: 'A bullet starts with a glyph left over from PDF conversion ("- o Text", "- • Text").',
  tags: ['formatting'],
  defaultSeverity: 'warning',
  fixable: true,
  example: '- o Cut p99 checkout latency from 80 ms to 12 ms.',
  check(doc, report) {
    for (const bullet of doc.bullets) {
      const match = STRAY_GLYPH.exec(bullet.content.text);
      if (!match) continue;
      const glyph = match[0].trim();
      const start = bullet.content.start;
      report({
        start,
        end: start + glyph.length,
        message: `Stray "${glyph}" at the start of a bullet, left over from PDF conversion.`,
        fixes: [{ title: `Remove stray "${glyph}"`, edits: [{ start, end: start + match[0].length, newText: '' }], safe: true }],
      });
    }
  },
};
