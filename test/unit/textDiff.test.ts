import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/src/service/edits';
import { diffEdits } from '../../server/src/service/textDiff';

/** A small deterministic generator, so a failure names the case that broke. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const PIECES = ['- Built it.', '', '## Experience', '  ', 'Jane Roe', '• Cut costs.', 'a  b', '2019 – 2021'];

describe('diffEdits', () => {
  test('the edits turn one text into the other, without overlaps, for many pairs', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const make = () => Array.from({ length: Math.floor(next() * 12) }, () => PIECES[Math.floor(next() * PIECES.length)]).join(next() < 0.2 ? '\r\n' : '\n');
      const before = make();
      const after = next() < 0.5 ? make() : before.replace(/ {2}/g, ' ').replace(/•/g, '-');
      const edits = diffEdits(before, after);
      const result = applyEdits(before, edits);
      assert.equal(result.skipped.length, 0, `no overlapping edits (round ${round})`);
      assert.equal(result.text, after, `round ${round}`);
    }
  });

  test('a change inside one line is one small edit', () => {
    assert.deepEqual(diffEdits('# A\n- Built  it.\n- Done.\n', '# A\n- Built it.\n- Done.\n'), [{ start: 12, end: 13, newText: '' }]);
  });

  test('equal texts need no edit', () => {
    assert.deepEqual(diffEdits('same\n', 'same\n'), []);
  });
});
