// Big documents: the work-in-slices runners give the same model and diagnostics as the one-go functions and stop
// when told to; Fix All picks the same fixes as the one-by-one comparison it replaced (now a sort and a sweep); the
// line-region sweep of the whitespace rules matches its definition; and inputs that used to be quadratic (fences ×
// lines, fixes × fixes taken) go through Fix All with the right result. No timing here: `npm run bench` measures.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createResumeService, defaultOptions, parseResume, type ServiceContext } from '../../server/src/service/index';
import { computeDiagnostics, computeDiagnosticsInSlices } from '../../server/src/service/features/diagnostics';
import { compatibleFixes, fixAll } from '../../server/src/service/features/fixAll';
import type { OffsetEdit } from '../../server/src/service/rules/types';
import { verbatimLines } from '../../server/src/service/rules/whitespace-trailing';
import { listFixtures, readFixture } from '../helpers/fixtures';

const SEED = Number(process.env.VITA_FC_SEED ?? 20261122);

function context(): ServiceContext {
  const options = defaultOptions();
  options.today = { year: 2026, month: 3, day: 31 };
  return { options, onRuleError: (ruleId, error) => assert.fail(`rule ${ruleId} threw: ${error instanceof Error ? error.stack : String(error)}`) };
}

/** A fictional résumé of about `entries` × 8 lines: entries with dates, bullets (a doubled word, trailing spaces), links. */
function longResume(entries: number): string {
  const out = ['# Sam Placeholder', '', 'sam.placeholder@example.com · +1 555 010 0101', '', '## Experience', ''];
  for (let i = 0; i < entries; i++) {
    out.push(`### ${['Northwind', 'Contoso', 'Fabrikam'][i % 3]} — Engineer`, `Jan ${1990 + (i % 30)} – Mar ${1992 + (i % 30)}`, '');
    out.push('- Led the the billing migration, cutting costs by 30%.  ', '- Responsible for building a dashboard', '- See https://docs.example.com and `make test`.', '');
  }
  return out.join('\n');
}

/** Pauses counted, none waited: `sliceMs: 0` pauses after every step. */
function countingPause() {
  const counter = { pauses: 0, pause: async () => void counter.pauses++ };
  return counter;
}

describe('work in slices gives what the one-go functions give', () => {
  const texts = [...listFixtures('outline').map((name) => readFixture('outline', name)), longResume(300)];

  test('computeDiagnosticsInSlices: the same diagnostics, with a pause between rules', async () => {
    for (const text of texts) {
      const doc = parseResume(text);
      const counter = countingPause();
      const sliced = await computeDiagnosticsInSlices(doc, context(), { stopped: () => false, sliceMs: 0, pause: counter.pause });
      assert.deepEqual(sliced, computeDiagnostics(doc, context()));
      assert.ok(counter.pauses >= 10, `paused between rules (${counter.pauses})`);
    }
  });

  test('computeDiagnosticsInSlices: stopped at a pause, it gives up (undefined)', async () => {
    const doc = parseResume(longResume(50));
    const counter = countingPause();
    const sliced = await computeDiagnosticsInSlices(doc, context(), { stopped: () => counter.pauses >= 2, sliceMs: 0, pause: counter.pause });
    assert.equal(sliced, undefined);
    assert.equal(counter.pauses, 2);
  });

  test('parseInSlices: the same model; a parse stopped half-way is finished by the next parse of the version', async () => {
    const text = longResume(400);
    const expected = JSON.stringify(parseResume(text));
    const service = createResumeService();
    const source = { uri: 'file:///big.resume', version: 1, getText: () => text };
    const counter = countingPause();
    const stopped = await service.parseInSlices(source, { stopped: () => counter.pauses >= 2, sliceMs: 0, pause: counter.pause });
    assert.equal(stopped, undefined);
    const doc = service.parse(source);
    assert.equal(JSON.stringify(doc), expected);
    assert.equal(await service.parseInSlices(source, { stopped: () => false }), doc, 'then cached');

    const fresh = createResumeService();
    const all = countingPause();
    const sliced = await fresh.parseInSlices({ ...source, uri: 'file:///other.resume' }, { stopped: () => false, sliceMs: 0, pause: all.pause });
    assert.equal(JSON.stringify(sliced), expected);
    assert.ok(all.pauses > 3, `a 3,000-line parse pauses (${all.pauses})`);
  });
});

/** The rule Fix All had: in order, a fix is taken when none of its edits overlaps an edit taken before. */
function naiveCompatibleFixes(fixes: readonly (readonly OffsetEdit[])[]): OffsetEdit[] {
  const overlaps = (a: OffsetEdit, b: OffsetEdit) => a.start === b.start || (a.start < b.end && b.start < a.end);
  const taken: OffsetEdit[] = [];
  for (const edits of fixes) {
    if (edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...edits);
  }
  return taken;
}

describe('Fix All picks compatible fixes by a sort and a sweep', () => {
  const edit = (start: number, end: number, newText = ''): OffsetEdit => ({ start, end, newText });

  test('earlier fixes win; a fix goes whole or not at all; a fix dropped blocks nothing', () => {
    const a = [edit(0, 5)];
    const b = [edit(4, 8)]; // overlaps a: dropped
    const c = [edit(7, 9)]; // overlaps only b, which was dropped: taken
    const d = [edit(20, 21), edit(8, 8)]; // an insertion inside c's [7, 9): the whole fix goes
    const e = [edit(9, 9, 'x'), edit(30, 31)]; // an insertion at c's end touches nothing
    const f = [edit(30, 30, 'y')]; // an insertion where e's edit starts: dropped
    assert.deepEqual(compatibleFixes([a, b, c, d, e, f]), [...a, ...c, ...e]);
  });

  test('the same choice as comparing each fix with every edit taken (random fixes)', () => {
    const anEdit = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 6 })).map(([start, length]) => edit(start, start + length, 'z'));
    fc.assert(
      fc.property(fc.array(fc.array(anEdit, { minLength: 1, maxLength: 3 }), { maxLength: 40 }), (fixes) => {
        assert.deepEqual(compatibleFixes(fixes), naiveCompatibleFixes(fixes));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('whitespace rules: the lines fences and front matter cover', () => {
  test('one sweep gives the lines every region touches (random documents)', () => {
    const line = fc.constantFrom('```', '~~~', '```js', 'text  ', '', '- item ', '---', 'key: value', '<!-- note -->');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const doc = parseResume(lines.join('\n'));
        const expected = new Set<number>();
        for (const region of doc.skipRegions) {
          if (region.kind !== 'code-fence' && region.kind !== 'front-matter') continue;
          for (const l of doc.lines) if (l.start <= region.end && l.end >= region.start) expected.add(l.index);
        }
        assert.deepEqual([...verbatimLines(doc)].sort((x, y) => x - y), [...expected].sort((x, y) => x - y));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('inputs that were quadratic go through Fix All', () => {
  test('30,000 lines with trailing spaces (900 kB): every trailing space goes', () => {
    const text = 'Built the billing service.   \n'.repeat(30_000);
    const result = fixAll(parseResume(text), context());
    assert.equal(result.text, 'Built the billing service.\n'.repeat(30_000));
  });

  test('"the  the " 120,000 times on one line: one space between words is left, and both words (a doubled word is the writer\'s to mend)', () => {
    const result = fixAll(parseResume('the  the '.repeat(120_000)), context());
    assert.equal(result.text, 'the the '.repeat(120_000).trimEnd());
  });

  test('20,000 code fences with trailing spaces inside and out: only the prose loses them', () => {
    const text = '```\nconst a = 1;   \n```\nSome text.   \n'.repeat(20_000);
    const result = fixAll(parseResume(text), context());
    assert.equal(result.text, '```\nconst a = 1;   \n```\nSome text.\n'.repeat(20_000));
  });
});
