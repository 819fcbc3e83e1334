// Title readings (model/fields.ts). splitTitle scans for separators by hand; its specification is the pattern
// STRONG_SEPARATOR (else commas), and a property test holds the two to the same segments on random titles.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { splitTitle, STRONG_SEPARATOR, titleSegments } from '../../server/src/service/model/fields';
import type { Span, TextSpan } from '../../server/src/service/model/types';
import { segmentOf } from '../helpers/segments';

const SEED = Number(process.env.VITA_FC_SEED ?? 20261122);

/** What a segment's ends lose: blanks, emphasis and dangling separators (as the model trims them). */
const TRIMMED = /^[\s*_|•,;:–—-]+|[\s*_|•,;:–—-]+$/g;

/** The specification: split on STRONG_SEPARATOR when the title has one, else on `\s*,\s*`; trim; drop empty pieces. */
function reference(text: string, span: Span): { segments: TextSpan[]; strong: boolean } {
  const slice = text.slice(span.start, span.end);
  const strongPattern = new RegExp(STRONG_SEPARATOR.source, 'g');
  const strong = strongPattern.test(slice);
  const separator = strong ? strongPattern : /\s*,\s*/g;
  separator.lastIndex = 0;
  const segments: TextSpan[] = [];
  const piece = (from: number, to: number) => {
    const raw = slice.slice(from, to);
    const leading = raw.length - raw.replace(/^[\s*_|•,;:–—-]+/, '').length;
    const value = raw.replace(TRIMMED, '');
    if (value.length > 0) segments.push({ text: value, start: span.start + from + leading, end: span.start + from + leading + value.length });
  };
  let last = 0;
  for (let match = separator.exec(slice); match !== null; match = separator.exec(slice)) {
    piece(last, match.index);
    last = match.index + match[0].length;
  }
  piece(last, slice.length);
  return { segments, strong };
}

describe('title segments', () => {
  test('agree with the separator pattern on random titles', () => {
    const pieces = ['Acme', 'Data Analyst', ' ', '  ', '\t', '|', '•', '·', '-', '–', '—', ',', ';', '*', '_', 'II', 'Austin, TX', '\u00a0', 'x-y', '😀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const { start, end } = segmentOf(text.length, a, b);
        assert.deepEqual(splitTitle(text, { start, end }), reference(text, { start, end }));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  test('split on strong separators before commas', () => {
    const segments = (title: string) => titleSegments(title, { start: 0, end: title.length }).map((segment) => segment.text);
    assert.deepEqual(segments('Initrode | Data Analyst II | Austin, TX'), ['Initrode', 'Data Analyst II', 'Austin, TX']);
    assert.deepEqual(segments('Harrow & Finch — Site Reliability Engineer'), ['Harrow & Finch', 'Site Reliability Engineer']);
    assert.deepEqual(segments('Acme, Engineer, Leeds'), ['Acme', 'Engineer', 'Leeds']);
    assert.deepEqual(segments('Front-end Developer - Acme'), ['Front-end Developer', 'Acme']);
    assert.deepEqual(segments('Acme -- Engineer'), ['Acme -- Engineer']);
  });
});
