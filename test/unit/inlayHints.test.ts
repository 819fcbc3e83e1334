import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultOptions, type ServiceContext } from '../../server/src/service/context';
import { inlayHints } from '../../server/src/service/features/inlayHints';
import { parseResume } from '../../server/src/service/model/parse';
import { offsetToPosition } from '../../server/src/service/positions';
import { readFixture } from '../helpers/fixtures';

function context(durations = true): ServiceContext {
  const options = defaultOptions();
  options.today = { year: 2026, month: 3, day: 15 };
  options.inlayHints.durations = durations;
  return { options };
}

describe('inlay hints: durations after date ranges', () => {
  test('one hint after each range, with padding', () => {
    const doc = parseResume(readFixture('summary', 'overlap.resume'));
    const hints = inlayHints(doc, context());
    assert.deepEqual(
      hints.map((h) => [h.position.line, h.position.character, h.label, h.paddingLeft]),
      [
        [7, 18, '· 4 yrs 7 mos', true],
        [13, 19, '· 1 yr', true],
        [17, 19, '· 3 yrs 3 mos', true],
        [24, 11, '· 5 yrs', true],
      ],
    );
    assert.equal(hints[0].tooltip, 'Sep 2021 – Present: 55 months, ongoing, both ends included');
  });

  test('split ranges get their hint after the end point, on its own line; every range with an end has one', () => {
    const doc = parseResume(readFixture('outline', 'pdf-layout.txt'));
    const hints = inlayHints(doc, context());
    const withEnd = doc.dateRanges.filter((r) => r.end || r.open);
    assert.equal(hints.length, withEnd.length);
    assert.equal(hints.length, 6);
    const loyalty = doc.dateRanges.find((r) => r.start.text === '2019/02');
    assert.ok(loyalty?.split && loyalty.end);
    const hint = hints.find((h) => h.label === '· 3 yrs 3 mos');
    assert.deepEqual(hint?.position, offsetToPosition(doc.lines, loyalty.end.end));
    assert.equal(hint?.position.line, 18);
  });

  test('approximate ranges are marked; lone dates and reversed ranges get none', () => {
    const doc = parseResume('## Experience\n\n### Acme, Engineer\nSummer 2020 – Fall 2021\n\n### Initech, Intern\nMay 2019\n\n### Globex, Clerk\nDec 2019 – Jan 2019\n');
    assert.deepEqual(inlayHints(doc, context()).map((h) => h.label), ['· ≈ 1 yr 6 mos']);
  });

  test('only the visible range is answered; vita.inlayHints.durations = false turns them off', () => {
    const doc = parseResume(readFixture('summary', 'overlap.resume'));
    const visible = { start: { line: 12, character: 0 }, end: { line: 18, character: 0 } };
    assert.deepEqual(inlayHints(doc, context(), visible).map((h) => h.position.line), [13, 17]);
    assert.deepEqual(inlayHints(doc, context(false)), []);
  });
});
