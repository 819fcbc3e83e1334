// splitLines has two paths (indexOf over line feeds when the text has no carriage return, a scan otherwise): both are
// held to the plain definition — lines are what lies between CRLF, LF or a lone CR — on random texts made of breaks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { lineAt, splitLines } from '../../server/src/service/model/lines';

const SEED = Number(process.env.VITA_FC_SEED ?? 20261122);

/** The specification: split on every CRLF, LF or lone CR, with offsets. */
function reference(text: string) {
  const lines = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    lines.push({ index: lines.length, start, end: match.index, next: match.index + match[0].length, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ index: lines.length, start, end: text.length, next: text.length, text: text.slice(start) });
  return lines;
}

describe('splitLines', () => {
  test('agrees with the definition on texts with and without carriage returns', () => {
    const pieces = ['\n', '\r\n', '\r', '\n\n', '', 'a', 'Led the team', '• ', ' ', '\u2028', '😀'];
    const withoutCr = pieces.filter((piece) => !piece.includes('\r'));
    for (const alphabet of [pieces, withoutCr]) {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => {
          const text = parts.join('');
          assert.deepEqual(splitLines(text), reference(text));
        }),
        { seed: SEED, numRuns: 2000 },
      );
    }
  });

  test('reports offsets that rebuild the text and find each line', () => {
    const text = 'Name\r\n\r\n## Experience\n- Built\rthings\n';
    const lines = splitLines(text);
    assert.deepEqual(lines.map((line) => line.text), ['Name', '', '## Experience', '- Built', 'things', '']);
    assert.equal(lines.map((line) => text.slice(line.start, line.next)).join(''), text);
    for (const line of lines) assert.equal(lineAt(lines, line.start), line.index);
  });
});
