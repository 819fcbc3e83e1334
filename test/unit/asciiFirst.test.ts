/** Every ASCII twin (model/asciiFirst.ts) matches on ASCII text exactly what its Unicode pattern matches. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { asciiFirst, asciiSource, asciiTwins } from '../../server/src/service/model/asciiFirst';
import '../../server/src/service/index'; // registers the model's and the rules' patterns

const SEED = Number(process.env.VITA_FC_SEED ?? 20261122);

/** Every match (index and groups) of `pattern` in `text`, from a fresh copy (no shared lastIndex). */
function matches(pattern: RegExp, text: string): unknown[] {
  const copy = new RegExp(pattern.source, pattern.flags);
  if (!copy.global) {
    const m = copy.exec(text);
    return m ? [[m.index, ...m]] : [];
  }
  return [...text.matchAll(copy)].map((m) => [m.index, ...m]);
}

const PIECES = [
  ' ', '  ', '\t', ',', ', ', '.', '-', "'", '&', '/', '(', ')', '%', '$', '+', '#', '_', ':', '|',
  'o', 'O', 'I', 'me', 'my', 'We', 'our', 'Ocollaborated', 'Remote', 'Austin', 'TX', 'New York', 'Leeds, UK',
  'Inc.', 'University', 'Co.', 'Labs', 'certificate', 'Diploma', 'WORK EXPERIENCE', 'R&D', 'x86', '3x', '40%',
  '$9.2M', '2021', '1.2ms', '95th', '2-factor', '500 users', 'a', 'Z', '7', '- ', '* ', '1. ', 'Built',
];

describe('ASCII twins of Unicode patterns', () => {
  it('are registered for the hot patterns of the model and the rules', () => {
    assert.ok(asciiTwins.length >= 9, `${asciiTwins.length} twins`);
    for (const twin of asciiTwins) assert.ok(!twin.ascii.flags.includes('u') && !/\\p\{/.test(twin.ascii.source), twin.ascii.source);
  });

  it('match exactly what their Unicode patterns match, on any ASCII text', () => {
    const ascii = fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(ascii, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        for (const twin of asciiTwins) {
          assert.equal(twin.pick(text), twin.ascii);
          assert.deepEqual(matches(twin.ascii, text), matches(twin.unicode, text), twin.unicode.source);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('leave text outside ASCII to the Unicode pattern', () => {
    const caps = asciiFirst(/^[\p{Lu}][\p{Lu}\s]*$/u);
    assert.equal(caps.test('ÉCOLE'), true);
    assert.equal(caps.pick('ÉCOLE'), caps.unicode);
    assert.equal(caps.test('ECOLE'), true);
  });

  it('are derived from the source: \\p{…} becomes ASCII members in a class, a class outside one', () => {
    assert.equal(asciiSource(String.raw`(?<![\p{L}\p{N}_])\p{L}{3,}[^\p{Lu}\p{M}]`), String.raw`(?<![A-Za-z0-9_])[A-Za-z]{3,}[^A-Z]`);
    assert.throws(() => asciiSource(String.raw`\p{Script=Greek}`));
    assert.throws(() => asciiSource(String.raw`\P{L}`));
  });
});
