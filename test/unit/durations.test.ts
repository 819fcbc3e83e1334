import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDateRanges } from '../../server/src/service/model/dates';
import { durationMonths, formatDuration, rangeMonths, unionMonths } from '../../server/src/service/model/durations';
import type { CalendarDate } from '../../server/src/service/context';
import type { DateRange } from '../../server/src/service/model/types';

const TODAY: CalendarDate = { year: 2025, month: 11, day: 22 };

function m(year: number, month: number): number {
  return year * 12 + month - 1;
}

function range(line: string): DateRange {
  const found = findDateRanges(line, 0, line.length);
  assert.equal(found.length, 1, line);
  return found[0];
}

describe('durationMonths', () => {
  const CASES: [string, number | undefined][] = [
    ['Sep 2021 – Sep 2025', 49],
    ['2019 – 2019', 12],
    ['Jan 2019 – Dec 2019', 12],
    ['2017-2021', 60],
    ['Aug 2018 – Jun 2019', 11],
    ['Oct 2019 - Dec 2019', 3],
    ['Jun – Dec 2020', 7],
    ['May 2023', 1],
    ['2019', 12],
    ['Summer 2020', 3],
    ['Jun 2021 – Present', 54], // Jun 2021 … Nov 2025
    ['2025/09 - now', 3],
    ['Mar 2024 –', 21],
    ['Dec 2019 – Jan 2019', undefined], // reversed
    ['Jan 2026 – Present', undefined], // starts after today
    ['Agust 2019 – Dec 2019', undefined], // invalid start
    ['2019-13 – 2020-02', undefined],
  ];
  for (const [line, months] of CASES) {
    it(`${line} → ${months ?? 'none'}`, () => assert.equal(durationMonths(range(line), TODAY), months));
  }
});

describe('rangeMonths', () => {
  it('takes the first month of the start and the last month of the end', () => {
    assert.deepEqual(rangeMonths(range('2018 – Q2 2020'), TODAY), { first: m(2018, 1), last: m(2020, 6) });
  });
  it('ends an open range at today', () => {
    assert.deepEqual(rangeMonths(range('Jun 2021 – Present'), TODAY), { first: m(2021, 6), last: m(2025, 11) });
    assert.deepEqual(rangeMonths(range('Jun 2021 – Present'), { year: 2022, month: 1, day: 1 }), {
      first: m(2021, 6),
      last: m(2022, 1),
    });
  });
  it('covers a lone date\'s own period', () => {
    assert.deepEqual(rangeMonths(range('2016/03'), TODAY), { first: m(2016, 3), last: m(2016, 3) });
  });
});

describe('formatDuration', () => {
  const CASES: [number, string][] = [
    [49, '4 yrs 1 mo'],
    [19, '1 yr 7 mos'],
    [8, '8 mos'],
    [1, '1 mo'],
    [12, '1 yr'],
    [24, '2 yrs'],
    [13, '1 yr 1 mo'],
    [0, '0 mos'],
  ];
  for (const [months, text] of CASES) {
    it(`${months} → ${text}`, () => assert.equal(formatDuration(months), text));
  }
  it('formats a real range', () => {
    assert.equal(formatDuration(durationMonths(range('Sep 2021 – Sep 2025'), TODAY)!), '4 yrs 1 mo');
  });
});

describe('unionMonths', () => {
  it('counts overlapping roles once', () => {
    const a = rangeMonths(range('Jan 2019 – Dec 2020'), TODAY)!; // 24
    const b = rangeMonths(range('Jun 2020 – Jun 2021'), TODAY)!; // overlaps 7 months
    assert.equal(unionMonths([a, b]), 30);
  });
  it('adds disjoint intervals and ignores order', () => {
    assert.equal(unionMonths([{ first: m(2021, 1), last: m(2021, 3) }, { first: m(2019, 1), last: m(2019, 12) }]), 15);
  });
  it('counts a contained interval once', () => {
    assert.equal(unionMonths([{ first: m(2018, 1), last: m(2022, 12) }, { first: m(2019, 5), last: m(2019, 8) }]), 60);
  });
  it('joins adjacent intervals', () => {
    assert.equal(unionMonths([{ first: m(2019, 1), last: m(2019, 6) }, { first: m(2019, 7), last: m(2019, 12) }]), 12);
  });
  it('is 0 for nothing', () => {
    assert.equal(unionMonths([]), 0);
  });
  it('does not change its input', () => {
    const input = [{ first: 5, last: 10 }, { first: 1, last: 6 }];
    unionMonths(input);
    assert.deepEqual(input, [{ first: 5, last: 10 }, { first: 1, last: 6 }]);
  });
});
