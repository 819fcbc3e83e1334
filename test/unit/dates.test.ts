import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  MONTH_NAMES,
  findDateRanges,
  joinSplitRange,
  leadingDatePoint,
  suggestMonth,
} from '../../server/src/service/model/dates';
import type { DateFamily, DatePrecision, DateRange } from '../../server/src/service/model/types';

/** Absolute month number, as `DatePoint.firstMonth`. */
function m(year: number, month: number): number {
  return year * 12 + month - 1;
}

function ranges(line: string): readonly DateRange[] {
  return findDateRanges(line, 0, line.length);
}

function only(line: string): DateRange {
  const found = ranges(line);
  assert.equal(found.length, 1, `one date in ${JSON.stringify(line)}, found ${JSON.stringify(found.map((r) => r.text))}`);
  return found[0];
}

interface PointCase {
  line: string;
  text: string;
  family: DateFamily;
  precision?: DatePrecision;
  year?: number;
  month?: number;
  day?: number;
  first?: number;
  last?: number;
  monthToken?: string;
  approximate?: boolean;
  invalid?: string | RegExp;
  suggestedMonth?: number;
  ambiguous?: boolean;
}

const POINTS: PointCase[] = [
  // month names
  { line: 'Aug 2018', text: 'Aug 2018', family: 'month-name', precision: 'month', year: 2018, month: 8, first: m(2018, 8), last: m(2018, 8), monthToken: 'Aug' },
  { line: 'August 2018', text: 'August 2018', family: 'month-name', month: 8, monthToken: 'August', first: m(2018, 8) },
  { line: 'aug. 2018', text: 'aug. 2018', family: 'month-name', month: 8, monthToken: 'aug.' },
  { line: 'Sept. 2019', text: 'Sept. 2019', family: 'month-name', month: 9, monthToken: 'Sept.' },
  { line: 'Sep 2019', text: 'Sep 2019', family: 'month-name', month: 9 },
  { line: 'JUNE 2020', text: 'JUNE 2020', family: 'month-name', month: 6 },
  { line: 'July 2020', text: 'July 2020', family: 'month-name', month: 7 },
  { line: 'Jun 2020', text: 'Jun 2020', family: 'month-name', month: 6 },
  { line: 'May 2023', text: 'May 2023', family: 'month-name', month: 5 },
  { line: 'March 2017', text: 'March 2017', family: 'month-name', month: 3 },
  { line: 'Dec, 2016', text: 'Dec, 2016', family: 'month-name', month: 12, year: 2016 },
  { line: 'Aug ’19', text: 'Aug ’19', family: 'month-name', month: 8, year: 2019 },
  { line: 'Jan 1999', text: 'Jan 1999', family: 'month-name', year: 1999, month: 1, first: m(1999, 1) },
  { line: 'August 15, 2018', text: 'August 15, 2018', family: 'month-name', precision: 'day', day: 15, month: 8, first: m(2018, 8) },
  { line: '15 Aug 2018', text: '15 Aug 2018', family: 'month-name', precision: 'day', day: 15, month: 8, monthToken: 'Aug' },
  { line: 'April 31, 2020', text: 'April 31, 2020', family: 'month-name', invalid: 'April has 30 days' },
  { line: 'February 29, 2019', text: 'February 29, 2019', family: 'month-name', invalid: 'February 2019 has 28 days' },
  { line: 'February 29, 2020', text: 'February 29, 2020', family: 'month-name', day: 29, first: m(2020, 2) },
  // misspelled months
  { line: 'Jnu 2020', text: 'Jnu 2020', family: 'month-name', year: 2020, invalid: /not a month name/, suggestedMonth: 6, monthToken: 'Jnu' },
  { line: 'Agust 2019', text: 'Agust 2019', family: 'month-name', invalid: /did you mean August/, suggestedMonth: 8 },
  { line: 'Febuary 2021', text: 'Febuary 2021', family: 'month-name', suggestedMonth: 2, invalid: /Febuary/ },
  { line: 'Setpember 2015', text: 'Setpember 2015', family: 'month-name', suggestedMonth: 9, invalid: /September/ },
  { line: 'Ocotber 2015', text: 'Ocotber 2015', family: 'month-name', suggestedMonth: 10, invalid: /October/ },
  // numeric
  { line: '2019', text: '2019', family: 'year-only', precision: 'year', year: 2019, first: m(2019, 1), last: m(2019, 12) },
  { line: '2019-12', text: '2019-12', family: 'iso', precision: 'month', month: 12, first: m(2019, 12), monthToken: '12' },
  { line: '2019-12-05', text: '2019-12-05', family: 'iso', precision: 'day', month: 12, day: 5, first: m(2019, 12), monthToken: '12' },
  { line: '2019/12', text: '2019/12', family: 'numeric', precision: 'month', year: 2019, month: 12, first: m(2019, 12), monthToken: '12' },
  { line: '2019.07', text: '2019.07', family: 'numeric', month: 7, year: 2019 },
  { line: '07/2019', text: '07/2019', family: 'numeric', month: 7, year: 2019, monthToken: '07' },
  { line: '7/2019', text: '7/2019', family: 'numeric', month: 7, monthToken: '7' },
  { line: '07-2019', text: '07-2019', family: 'numeric', month: 7 },
  { line: '07.2019', text: '07.2019', family: 'numeric', month: 7 },
  { line: '25/12/2019', text: '25/12/2019', family: 'numeric', precision: 'day', day: 25, month: 12, first: m(2019, 12), monthToken: '12' },
  { line: '12/25/2019', text: '12/25/2019', family: 'numeric', day: 25, month: 12, monthToken: '12' },
  { line: '03/04/2020', text: '03/04/2020', family: 'numeric', ambiguous: true, day: 3, month: 4 },
  { line: '04/04/2020', text: '04/04/2020', family: 'numeric', day: 4, month: 4 },
  { line: '01.02.2020', text: '01.02.2020', family: 'numeric', ambiguous: true },
  { line: '06/19', text: '06/19', family: 'numeric', month: 6, year: 2019, first: m(2019, 6) },
  { line: "'19", text: "'19", family: 'year-only', year: 2019, first: m(2019, 1), last: m(2019, 12) },
  { line: "'98", text: "'98", family: 'year-only', year: 1998 },
  { line: '2019-13', text: '2019-13', family: 'iso', invalid: 'month 13 does not exist' },
  { line: '13/2019', text: '13/2019', family: 'numeric', invalid: 'month 13 does not exist' },
  { line: '2020-04-31', text: '2020-04-31', family: 'iso', invalid: 'April has 30 days' },
  { line: '31/04/2020', text: '31/04/2020', family: 'numeric', invalid: 'April has 30 days' },
  // approximate
  { line: 'Summer 2020', text: 'Summer 2020', family: 'season', precision: 'season', approximate: true, first: m(2020, 6), last: m(2020, 8) },
  { line: 'Spring 2021', text: 'Spring 2021', family: 'season', approximate: true, first: m(2021, 3), last: m(2021, 5) },
  { line: 'fall 2018', text: 'fall 2018', family: 'season', approximate: true, first: m(2018, 9), last: m(2018, 11) },
  { line: 'Autumn 2018', text: 'Autumn 2018', family: 'season', approximate: true, first: m(2018, 9), last: m(2018, 11) },
  { line: 'Winter 2020', text: 'Winter 2020', family: 'season', approximate: true, first: m(2019, 12), last: m(2020, 2) },
  { line: "Summer '19", text: "Summer '19", family: 'season', approximate: true, year: 2019 },
  { line: 'Q3 2019', text: 'Q3 2019', family: 'season', precision: 'quarter', approximate: true, first: m(2019, 7), last: m(2019, 9) },
  { line: 'Early 2020', text: 'Early 2020', family: 'season', precision: 'year', approximate: true, first: m(2020, 1), last: m(2020, 4) },
  { line: 'mid-2018', text: 'mid-2018', family: 'season', approximate: true, precision: 'year', first: m(2018, 5), last: m(2018, 8) },
  { line: 'Late 2017', text: 'Late 2017', family: 'season', approximate: true, first: m(2017, 9), last: m(2017, 12) },
];

describe('date points', () => {
  for (const c of POINTS) {
    it(`reads ${JSON.stringify(c.line)}`, () => {
      const range = only(c.line);
      const p = range.start;
      assert.equal(range.end, undefined);
      assert.equal(p.text, c.text);
      assert.equal(c.line.slice(p.start, p.end), c.text);
      assert.equal(p.family, c.family);
      assert.equal(p.open, false);
      if (c.precision) assert.equal(p.precision, c.precision);
      if (c.year !== undefined) assert.equal(p.year, c.year);
      if (c.month !== undefined) assert.equal(p.month, c.month);
      if (c.day !== undefined) assert.equal(p.day, c.day);
      if (c.first !== undefined) assert.equal(p.firstMonth, c.first);
      if (c.last !== undefined) assert.equal(p.lastMonth, c.last);
      if (c.monthToken !== undefined) {
        assert.equal(p.monthToken?.text, c.monthToken);
        assert.equal(c.line.slice(p.monthToken.start, p.monthToken.end), c.monthToken);
      }
      assert.equal(p.approximate, c.approximate);
      if (c.invalid === undefined) {
        assert.equal(p.invalid, undefined);
        assert.equal(typeof p.firstMonth, 'number');
      } else {
        assert.ok(p.invalid, 'invalid');
        if (typeof c.invalid === 'string') assert.equal(p.invalid, c.invalid);
        else assert.match(p.invalid, c.invalid);
        assert.equal(p.firstMonth, undefined);
        assert.equal(p.lastMonth, undefined);
      }
      assert.equal(p.suggestedMonth, c.suggestedMonth);
      assert.equal(p.ambiguous, c.ambiguous);
    });
  }
});

interface RangeCase {
  line: string;
  text: string;
  start: string;
  end?: string;
  separator?: string;
  first?: number;
  /** lastMonth of the end point (or of the start for an open range without end point). */
  last?: number;
  open?: boolean;
  expected?: boolean;
  qualifier?: string;
  family?: DateFamily;
}

const RANGES: RangeCase[] = [
  { line: '2019 – 2019', text: '2019 – 2019', start: '2019', end: '2019', separator: '–', first: m(2019, 1), last: m(2019, 12), family: 'year-only' },
  { line: '2017-2021', text: '2017-2021', start: '2017', end: '2021', separator: '-', first: m(2017, 1), last: m(2021, 12) },
  { line: 'Aug 2018 – Jun 2019', text: 'Aug 2018 – Jun 2019', start: 'Aug 2018', end: 'Jun 2019', separator: '–', first: m(2018, 8), last: m(2019, 6) },
  { line: 'Jun 2021 – Present', text: 'Jun 2021 – Present', start: 'Jun 2021', end: 'Present', separator: '–', first: m(2021, 6), open: true },
  { line: 'Oct 2019 - Dec 2019', text: 'Oct 2019 - Dec 2019', start: 'Oct 2019', end: 'Dec 2019', separator: '-', first: m(2019, 10), last: m(2019, 12) },
  { line: '2025/09 - now', text: '2025/09 - now', start: '2025/09', end: 'now', separator: '-', first: m(2025, 9), open: true, family: 'numeric' },
  { line: 'Sep 2021—Sep 2025', text: 'Sep 2021—Sep 2025', start: 'Sep 2021', end: 'Sep 2025', separator: '—', last: m(2025, 9) },
  { line: '2015 -- 2018', text: '2015 -- 2018', start: '2015', end: '2018', separator: '--' },
  { line: '2015 to 2018', text: '2015 to 2018', start: '2015', end: '2018', separator: 'to' },
  { line: 'May 2015 until June 2018', text: 'May 2015 until June 2018', start: 'May 2015', end: 'June 2018', separator: 'until' },
  { line: 'May 2015 through June 2018', text: 'May 2015 through June 2018', start: 'May 2015', end: 'June 2018', separator: 'through' },
  { line: '2015~2018', text: '2015~2018', start: '2015', end: '2018', separator: '~' },
  { line: '2015-06 – 2018-01', text: '2015-06 – 2018-01', start: '2015-06', end: '2018-01', family: 'iso', last: m(2018, 1) },
  { line: '2019-12-2020-03', text: '2019-12-2020-03', start: '2019-12', end: '2020-03', separator: '-', first: m(2019, 12), last: m(2020, 3) },
  { line: '01/2019-03/2020', text: '01/2019-03/2020', start: '01/2019', end: '03/2020', first: m(2019, 1), last: m(2020, 3) },
  { line: '10/19 – 12/20', text: '10/19 – 12/20', start: '10/19', end: '12/20', first: m(2019, 10), last: m(2020, 12) },
  { line: "'19 – '21", text: "'19 – '21", start: "'19", end: "'21", first: m(2019, 1), last: m(2021, 12) },
  // elided start year
  { line: 'Jun – Dec 2020', text: 'Jun – Dec 2020', start: 'Jun', end: 'Dec 2020', first: m(2020, 6), last: m(2020, 12) },
  { line: 'June–August 2019', text: 'June–August 2019', start: 'June', end: 'August 2019', separator: '–', first: m(2019, 6), last: m(2019, 8) },
  { line: 'Nov – Feb 2021', text: 'Nov – Feb 2021', start: 'Nov', end: 'Feb 2021', first: m(2020, 11), last: m(2021, 2) },
  // open ends
  { line: 'Jan 2019 – Current', text: 'Jan 2019 – Current', start: 'Jan 2019', end: 'Current', open: true },
  { line: '2019 - today', text: '2019 - today', start: '2019', end: 'today', open: true },
  { line: '2019–Ongoing', text: '2019–Ongoing', start: '2019', end: 'Ongoing', open: true },
  { line: 'Jan 2019 to date', text: 'Jan 2019 to date', start: 'Jan 2019', end: 'to date', open: true },
  { line: 'Jun 2021 – PRESENT.', text: 'Jun 2021 – PRESENT', start: 'Jun 2021', end: 'PRESENT', open: true },
  { line: 'Mar 2022 –', text: 'Mar 2022 –', start: 'Mar 2022', separator: '–', open: true, first: m(2022, 3) },
  { line: '**2022 - **', text: '2022 -', start: '2022', separator: '-', open: true },
  // approximate in ranges
  { line: 'Summer 2020 – Q1 2021', text: 'Summer 2020 – Q1 2021', start: 'Summer 2020', end: 'Q1 2021', first: m(2020, 6), last: m(2021, 3), family: 'season' },
  { line: 'Mid-2018 to Late 2019', text: 'Mid-2018 to Late 2019', start: 'Mid-2018', end: 'Late 2019', first: m(2018, 5), last: m(2019, 12) },
  // expected
  { line: 'Expected May 2024', text: 'Expected May 2024', start: 'May 2024', expected: true, qualifier: 'Expected', last: m(2024, 5) },
  { line: 'Exp. Jun 2025', text: 'Exp. Jun 2025', start: 'Jun 2025', expected: true, qualifier: 'Exp.' },
  { line: 'Anticipated 2026', text: 'Anticipated 2026', start: '2026', expected: true, qualifier: 'Anticipated' },
  { line: 'Expected Graduation: May 2024', text: 'Expected Graduation: May 2024', start: 'May 2024', expected: true, qualifier: 'Expected Graduation' },
  { line: 'May 2024 (expected)', text: 'May 2024 (expected)', start: 'May 2024', expected: true, qualifier: '(expected)' },
  { line: '2020 – 2024 (Expected)', text: '2020 – 2024 (Expected)', start: '2020', end: '2024', expected: true, qualifier: '(Expected)' },
  { line: 'Sep 2022 - May 2026 expected', text: 'Sep 2022 - May 2026 expected', start: 'Sep 2022', end: 'May 2026', expected: true, qualifier: 'expected' },
];

describe('date ranges', () => {
  for (const c of RANGES) {
    it(`reads ${JSON.stringify(c.line)}`, () => {
      const r = only(c.line);
      assert.equal(r.text, c.text);
      assert.equal(c.line.slice(r.span.start, r.span.end), c.text);
      assert.equal(r.start.text, c.start);
      assert.equal(c.line.slice(r.start.start, r.start.end), c.start);
      assert.equal(r.end?.text, c.end);
      if (r.end) assert.equal(c.line.slice(r.end.start, r.end.end), c.end);
      if (c.separator !== undefined) {
        assert.equal(r.separator?.text, c.separator);
        assert.equal(c.line.slice(r.separator.start, r.separator.end), c.separator);
      }
      if (c.first !== undefined) assert.equal(r.start.firstMonth, c.first);
      if (c.last !== undefined) assert.equal((r.end ?? r.start).lastMonth, c.last);
      assert.equal(r.open, c.open ?? false);
      if (r.end) assert.equal(r.end.open, c.open ?? false);
      if (r.end?.open) {
        assert.equal(r.end.family, 'open');
        assert.equal(r.end.firstMonth, undefined);
      }
      assert.equal(r.expected, c.expected ?? false);
      assert.equal(r.qualifier?.text, c.qualifier);
      if (r.qualifier) assert.equal(c.line.slice(r.qualifier.start, r.qualifier.end), c.qualifier);
      if (c.family) assert.equal(r.start.family, c.family);
      assert.equal(r.split, false);
    });
  }
});

describe('dates inside lines', () => {
  it('finds a range after a title and before a place, with absolute offsets', () => {
    const text = 'Header line\nFictional Labs • Jun 2020 – Dec 2020 Springfield, Nowhere\n';
    const lineStart = text.indexOf('Fictional');
    const lineEnd = text.indexOf('\n', lineStart);
    const found = findDateRanges(text, lineStart, lineEnd);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'Jun 2020 – Dec 2020');
    assert.equal(found[0].span.start, text.indexOf('Jun 2020'));
    assert.equal(text.slice(found[0].start.start, found[0].start.end), 'Jun 2020');
    assert.equal(text.slice(found[0].end!.start, found[0].end!.end), 'Dec 2020');
  });

  it('reads a bare year in prose as a lone date', () => {
    const r = only('Served 300K peak QPS during the 2020 holiday sale.');
    assert.equal(r.text, '2020');
    assert.equal(r.end, undefined);
    assert.equal(r.open, false);
  });

  it('finds several dates on one line, in order and not overlapping', () => {
    const found = ranges('Aug 2018 – Jun 2019 then 2020, and Summer 2021');
    assert.deepEqual(
      found.map((r) => r.text),
      ['Aug 2018 – Jun 2019', '2020', 'Summer 2021'],
    );
    for (let i = 1; i < found.length; i++) assert.ok(found[i].span.start >= found[i - 1].span.end);
  });

  it('keeps a separator that leads to prose out of the date', () => {
    const r = only('2019 - Example Corp, Springfield');
    assert.equal(r.text, '2019');
    assert.equal(r.separator, undefined);
    assert.equal(r.open, false);
  });

  it('reads a lone date at the start of a bullet (PDF layout)', () => {
    const r = only('- 2025/09 Designed a fictional feature store.');
    assert.equal(r.text, '2025/09');
    assert.equal(r.start.firstMonth, m(2025, 9));
  });

  it('reads the (Expected …) form inside parentheses', () => {
    const r = only('B.Sc. in Physics (Expected May 2026)');
    assert.equal(r.text, 'Expected May 2026');
    assert.equal(r.expected, true);
  });

  it('does not read "Mary 2020" as a misspelled May', () => {
    const r = only('Mary 2020');
    assert.equal(r.text, '2020');
    assert.equal(r.start.family, 'year-only');
  });

  it('does not read a yearless month without a dated end', () => {
    assert.deepEqual(ranges('May – Present'), []);
    assert.deepEqual(ranges('We may add more in March.'), []);
  });
});

describe('not dates', () => {
  const NOT_DATES = [
    'availability from 99.9% to 99.95%',
    'under 300K peak QPS',
    'applications written in C++14',
    'GPA: 3.92/4.0',
    'GPA 3.81/4.0',
    '555.200.0147',
    '(555) 200-0147',
    'Assembly (x86), Qemu',
    'a layer1-5 network stack',
    'version 1.2.2020',
    'v2020.1 and v1.2.3',
    'a 2ms reduction',
    'from 400s to 46s',
    '95th percentile',
    'saved over 1000 CPU cores',
    '$740 billion',
    '$2020 raised',
    'issue #2020',
    'in the 2020s',
    'scored 10/12 on the exam, open 24/7',
    'rated 50/50',
    'The year 1949 and 2100',
    'now and then, currently, present',
    'JAN2020X',
  ];
  for (const line of NOT_DATES) {
    it(`finds no date in ${JSON.stringify(line)}`, () => {
      assert.deepEqual(
        ranges(line).map((r) => r.text),
        [],
      );
    });
  }

  it('reads only the year in "Augustus 2019" and "Dev 2020" (no misspelled month)', () => {
    for (const line of ['Augustus 2019', 'Dev 2020 conference', 'Marco 2019 team', 'Apple 2019 keynote']) {
      const found = ranges(line);
      assert.equal(found.length, 1, line);
      assert.equal(found[0].start.family, 'year-only', line);
      assert.equal(found[0].start.invalid, undefined, line);
    }
  });
});

describe('suggestMonth', () => {
  const CASES: [string, number | undefined][] = [
    ['Jnu', 6],
    ['Juen', 6],
    ['Agust', 8],
    ['Febuary', 2],
    ['Feburary', 2],
    ['Janurary', 1],
    ['Decmber', 12],
    ['Mary', undefined],
    ['Mayor', undefined],
    ['Jude', undefined],
    ['Adjust', undefined],
    ['Monarch', undefined],
    ['AGUST', undefined],
    ['Januar', undefined],
    ['Octobre', undefined],
    ['in', undefined],
  ];
  for (const [word, month] of CASES) {
    it(`${word} → ${month ?? 'none'}`, () => assert.equal(suggestMonth(word), month));
  }
});

describe('split ranges (PDF layout)', () => {
  it('pairs a heading date with "- now" on the next line', () => {
    const text = '#### 2025/09 Fictional Platform\n- now Designed and implemented a content builder.\n';
    const firstEnd = text.indexOf('\n');
    const startRanges = findDateRanges(text, 0, firstEnd);
    assert.equal(startRanges.length, 1);
    const secondStart = firstEnd + 1;
    const secondEnd = text.indexOf('\n', secondStart);
    const end = leadingDatePoint(text, secondStart, secondEnd);
    assert.ok(end);
    assert.equal(end.text, 'now');
    assert.equal(end.open, true);
    assert.equal(end.family, 'open');
    assert.equal(text.slice(end.start, end.end), 'now');
    const joined = joinSplitRange(startRanges[0], end);
    assert.equal(joined.split, true);
    assert.equal(joined.open, true);
    assert.equal(joined.start.text, '2025/09');
    assert.equal(joined.end, end);
    assert.equal(joined.text, '2025/09');
    assert.deepEqual(joined.span, startRanges[0].span);
    assert.equal(startRanges[0].split, false, 'the input is not changed');
  });

  it('pairs a degree line with a bare end date on the next line', () => {
    const text = '2013/09 M.S. in Imaginary Studies, Example University\n2016/03\n';
    const firstEnd = text.indexOf('\n');
    const [start] = findDateRanges(text, 0, firstEnd);
    const end = leadingDatePoint(text, firstEnd + 1, text.length - 1);
    assert.ok(end);
    assert.equal(end.text, '2016/03');
    assert.equal(end.start, firstEnd + 1);
    assert.equal(end.firstMonth, m(2016, 3));
    const joined = joinSplitRange(start, end);
    assert.equal(joined.split, true);
    assert.equal(joined.open, false);
    assert.equal(joined.start.firstMonth, m(2013, 9));
    assert.equal(joined.end?.lastMonth, m(2016, 3));
  });

  const LEADING: [string, string | undefined][] = [
    ['- 2025/09 Designed the thing', '2025/09'],
    ['  • 2014/08 Came up with a design', '2014/08'],
    ['* Present', 'Present'],
    ['o ongoing work', 'ongoing'],
    ['    - **Current** lead', 'Current'],
    ['Today we ship', 'Today'],
    ['2016/03', '2016/03'],
    ['Jun 2021 Built a thing', 'Jun 2021'],
    ['- Designed a thing in 2020', undefined],
    ['- 2019 – 2020 Built a thing', undefined],
    ['- nowhere to be found', undefined],
    ['Known for 2020', undefined],
    ['', undefined],
  ];
  for (const [line, expected] of LEADING) {
    it(`leadingDatePoint(${JSON.stringify(line)}) → ${expected ?? 'none'}`, () => {
      const point = leadingDatePoint(line, 0, line.length);
      assert.equal(point?.text, expected);
      if (point) assert.equal(line.slice(point.start, point.end), expected);
    });
  }

  it('reads offsets inside a larger text', () => {
    const text = 'xx\n  - now Led a fictional team\n';
    const point = leadingDatePoint(text, 3, text.length - 1);
    assert.ok(point);
    assert.equal(point.start, text.indexOf('now'));
  });
});

describe('MONTH_NAMES', () => {
  it('lists the twelve months in order', () => {
    assert.equal(MONTH_NAMES.length, 12);
    assert.equal(MONTH_NAMES[0], 'January');
    assert.equal(MONTH_NAMES[8], 'September');
    assert.equal(MONTH_NAMES[11], 'December');
  });
});

describe('large input', () => {
  // A résumé-like mix: headings, dated titles, bullets full of numbers, prose. Lines are parsed one at a time, as the
  // model does, with findDateRanges and leadingDatePoint on every line.
  const SAMPLE = [
    '#### 2025/09 Fictional Platform',
    '- now Designed and implemented a content builder based on a queue, 99.95% availability.',
    '  - Queue based solution makes handling concurrency simpler; now updates to one key are sequential.',
    'Example Corp • Software Engineer Intern Jun 2020 – Dec 2020 Springfield, Nowhere',
    '- Reduced 95th percentile latency from 400s to 46s on 1000 CPU cores, saving $740 in 2021.',
    '- Built a C++14 service behind 300K peak QPS with a layer1-5 network stack on x86.',
    'August 2017 - May 2021',
    'Bachelor of Science • GPA: 3.92/4.0 • call 555.200.0147',
    '  - Summer 2019 – Q1 2020, Expected May 2024, Jnu 2020, 03/04/2020, 2019-12-05',
    'A long plain sentence with no numbers at all that simply goes on for a while to be realistic.',
  ];
  const DATES_PER_SAMPLE = 1 + 0 + 0 + 1 + 1 + 0 + 1 + 0 + 5 + 0;

  function parseAll(text: string): number {
    let count = 0;
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      count += findDateRanges(text, start, end).length;
      if (leadingDatePoint(text, start, end)) count += 0;
      start = end + 1;
    }
    return count;
  }

  it('finds every date in a 10,000-line document', () => {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) lines.push(SAMPLE[i % SAMPLE.length]);
    const text = lines.join('\n');
    // Speed is measured by `npm run bench`, never asserted in a unit test.
    assert.equal(parseAll(text), 1000 * DATES_PER_SAMPLE);
  });

  it('reads a pathological 200,000-character line', () => {
    const line = '2019 '.repeat(20_000) + '- '.repeat(20_000) + 'a'.repeat(100_000) + ' 1'.repeat(20_000);
    const found = findDateRanges(line, 0, line.length);
    assert.equal(found.length, 20_000);
  });
});

describe('dates: a range holds a digit', () => {
  it('finds no range in text without an ASCII digit, whatever the words (findDateRanges skips such lines)', () => {
    // The same text with the digit guard in findDateRanges bypassed: a line with a digit added far away.
    const words = ['Jan', 'March', 'Sept.', 'Present', 'now', 'current', 'Spring', 'Fall', 'early', 'mid', 'late', 'Q', 'to', '–', '-', '—', '/', '.', ',', "'", '’', ' ', 'since', 'until', 'expected', 'Today', 'ongoing', '٣', '２'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 10 }), (parts) => {
        const text = parts.join(' ');
        const padded = `${text}${' '.repeat(200)}1`;
        const inPadded = findDateRanges(padded, 0, padded.length).filter((range) => range.span.end <= text.length);
        assert.deepEqual(inPadded, [], text);
        assert.deepEqual(findDateRanges(text, 0, text.length), []);
      }),
      { seed: Number(process.env.VITA_FC_SEED ?? 20261122), numRuns: 3000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Dates as written in real résumés (fictional lines in the shapes found there).

interface WildCase extends RangeCase {
  /** The range has no separator (`2024/5`, two dates side by side). */
  noSeparator?: boolean;
}

const WILD_RANGES: WildCase[] = [
  // ALL-CAPS months
  { line: 'JUNE 2022 - DECEMBER 2022', text: 'JUNE 2022 - DECEMBER 2022', start: 'JUNE 2022', end: 'DECEMBER 2022', first: m(2022, 6), last: m(2022, 12) },
  { line: 'SEPT. 2019 – PRESENT', text: 'SEPT. 2019 – PRESENT', start: 'SEPT. 2019', end: 'PRESENT', first: m(2019, 9), open: true },
  // two-digit ends
  { line: '2015–18', text: '2015–18', start: '2015', end: '18', separator: '–', first: m(2015, 1), last: m(2018, 12), family: 'year-only' },
  { line: '* 2016-18: Reporter, The Daily Example', text: '2016-18', start: '2016', end: '18', separator: '-', first: m(2016, 1), last: m(2018, 12) },
  { line: '2009-13', text: '2009-13', start: '2009', end: '13', separator: '-', last: m(2013, 12) },
  { line: '1998 – 02', text: '1998 – 02', start: '1998', end: '02', separator: '–', first: m(1998, 1), last: m(2002, 12) },
  { line: '2015 – ’17', text: '2015 – ’17', start: '2015', end: '’17', last: m(2017, 12) },
  { line: "Sep 2016 - '19", text: "Sep 2016 - '19", start: 'Sep 2016', end: "'19", first: m(2016, 9), last: m(2019, 12) },
  { line: '2019–20: Fellow, Example Trust', text: '2019–20', start: '2019', end: '20', last: m(2020, 12) },
  // one year for two months
  { line: 'June-July 2017', text: 'June-July 2017', start: 'June', end: 'July 2017', separator: '-', first: m(2017, 6), last: m(2017, 7) },
  { line: 'Sept.-Dec. 2019', text: 'Sept.-Dec. 2019', start: 'Sept.', end: 'Dec. 2019', separator: '-', first: m(2019, 9), last: m(2019, 12) },
  // open ends in words
  { line: 'Designer - 2018 to Present', text: '2018 to Present', start: '2018', end: 'Present', separator: 'to', first: m(2018, 1), open: true },
  { line: 'Since March 2022: Doctoral Fellow', text: 'Since March 2022', start: 'March 2022', first: m(2022, 3), open: true, qualifier: 'Since' },
  { line: 'Volunteer since 2019', text: 'since 2019', start: '2019', first: m(2019, 1), open: true, qualifier: 'since' },
  { line: 'Jan 2020 - ongoing', text: 'Jan 2020 - ongoing', start: 'Jan 2020', end: 'ongoing', open: true },
  { line: 'Sep 2018, present', text: 'Sep 2018, present', start: 'Sep 2018', end: 'present', separator: ',', first: m(2018, 9), open: true },
  { line: '(Sep 2018, Present)', text: 'Sep 2018, Present', start: 'Sep 2018', end: 'Present', separator: ',', open: true },
  // seasons, any case
  { line: 'Fall 2009 – June 2011', text: 'Fall 2009 – June 2011', start: 'Fall 2009', end: 'June 2011', first: m(2009, 9), last: m(2011, 6) },
  { line: 'fall 2009 - spring 2011', text: 'fall 2009 - spring 2011', start: 'fall 2009', end: 'spring 2011', first: m(2009, 9), last: m(2011, 5) },
  { line: 'winter 2018 – summer 2018', text: 'winter 2018 – summer 2018', start: 'winter 2018', end: 'summer 2018', first: m(2017, 12), last: m(2018, 8) },
  // a season of two years: `2024/5`, `2019/20`
  { line: '- 2024/5 Mentoring', text: '2024/5', start: '2024', end: '5', first: m(2024, 1), last: m(2025, 12), noSeparator: true },
  { line: '2019/20 season', text: '2019/20', start: '2019', end: '20', first: m(2019, 1), last: m(2020, 12), noSeparator: true },
  // LaTeX and Pandoc dashes
  { line: '2015 --- 2018', text: '2015 --- 2018', start: '2015', end: '2018', separator: '---' },
  { line: 'September 2018 --- August 2019.\\\\', text: 'September 2018 --- August 2019', start: 'September 2018', end: 'August 2019', separator: '---', last: m(2019, 8) },
  { line: 'Jan 2019 --- Present', text: 'Jan 2019 --- Present', start: 'Jan 2019', end: 'Present', separator: '---', open: true },
  { line: 'May 2012 -- June 2014', text: 'May 2012 -- June 2014', start: 'May 2012', end: 'June 2014', separator: '--' },
  // year first (tables that sort by year): `2015 June-Aug`
  { line: '| 2015 June-Aug | Organiser, reading group |', text: '2015 June-Aug', start: '2015 June', end: 'Aug', first: m(2015, 6), last: m(2015, 8) },
  { line: '2016 Nov – 2017 Feb', text: '2016 Nov – 2017 Feb', start: '2016 Nov', end: '2017 Feb', first: m(2016, 11), last: m(2017, 2) },
  { line: '2011 June-Aug', text: '2011 June-Aug', start: '2011 June', end: 'Aug', first: m(2011, 6), last: m(2011, 8) },
  // two dates side by side, the dash lost (PDF)
  { line: 'NORTHGATE CLINIC OCTOBER 6, 2008 December 9, 2013 Position RN', text: 'OCTOBER 6, 2008 December 9, 2013', start: 'OCTOBER 6, 2008', end: 'December 9, 2013', first: m(2008, 10), last: m(2013, 12), noSeparator: true },
];

describe('date ranges as written in the wild', () => {
  for (const c of WILD_RANGES) {
    it(`reads ${JSON.stringify(c.line)}`, () => {
      const r = only(c.line);
      assert.equal(r.text, c.text);
      assert.equal(c.line.slice(r.span.start, r.span.end), c.text);
      assert.equal(r.start.text, c.start);
      assert.equal(c.line.slice(r.start.start, r.start.end), c.start);
      assert.equal(r.end?.text, c.end);
      if (r.end) assert.equal(c.line.slice(r.end.start, r.end.end), c.end);
      if (c.separator !== undefined) {
        assert.equal(r.separator?.text, c.separator);
        assert.equal(c.line.slice(r.separator.start, r.separator.end), c.separator);
      }
      if (c.noSeparator) assert.equal(r.separator, undefined);
      if (c.first !== undefined) assert.equal(r.start.firstMonth, c.first);
      if (c.last !== undefined) assert.equal((r.end ?? r.start).lastMonth, c.last);
      assert.equal(r.open, c.open ?? false);
      if (r.end) assert.equal(r.end.open, c.open ?? false);
      assert.equal(r.qualifier?.text, c.qualifier);
      assert.equal(r.expected, false);
      if (c.family) assert.equal(r.start.family, c.family);
      assert.equal(r.start.invalid, undefined);
      assert.equal(r.end?.invalid, undefined);
      assert.equal(r.split, false);
    });
  }

  const WILD_POINTS: PointCase[] = [
    { line: '[2016-10-26]', text: '2016-10-26', family: 'iso', precision: 'day', year: 2016, month: 10, day: 26 },
    { line: '| [2018-11-29 Thu] | Seminar talk |', text: '2018-11-29', family: 'iso', precision: 'day', month: 11, day: 29 },
    { line: '| 2018 Dec      | Co-chair, a session |', text: '2018 Dec', family: 'month-name', precision: 'month', year: 2018, month: 12, first: m(2018, 12), monthToken: 'Dec' },
    { line: '2017 June', text: '2017 June', family: 'month-name', year: 2017, month: 6, monthToken: 'June' },
    // `2011-12` may be a school year or December 2011; read as written (ISO), the document decides nothing here
    { line: '2011-12', text: '2011-12', family: 'iso', month: 12, year: 2011 },
  ];
  for (const c of WILD_POINTS) {
    it(`reads ${JSON.stringify(c.line)} as one date`, () => {
      const range = only(c.line);
      const p = range.start;
      assert.equal(range.end, undefined);
      assert.equal(p.text, c.text);
      assert.equal(c.line.slice(p.start, p.end), c.text);
      assert.equal(p.family, c.family);
      if (c.precision) assert.equal(p.precision, c.precision);
      if (c.year !== undefined) assert.equal(p.year, c.year);
      if (c.month !== undefined) assert.equal(p.month, c.month);
      if (c.day !== undefined) assert.equal(p.day, c.day);
      if (c.first !== undefined) assert.equal(p.firstMonth, c.first);
      if (c.monthToken !== undefined) assert.equal(p.monthToken?.text, c.monthToken);
      assert.equal(p.invalid, undefined);
    });
  }

  it('reads a two-year season as a point inside a range: `2023/6 - 2024/5` is June 2023 to May 2024', () => {
    const r = only('2023/6 - 2024/5');
    assert.equal(r.start.text, '2023/6');
    assert.equal(r.end?.text, '2024/5');
    assert.equal(r.start.firstMonth, m(2023, 6));
    assert.equal(r.end?.lastMonth, m(2024, 5));
  });

  it('reads `2024/5 – 2025/6` as months: a range goes on after it', () => {
    const r = only('2024/5 – 2025/6');
    assert.equal(r.start.text, '2024/5');
    assert.equal(r.start.firstMonth, m(2024, 5));
    assert.equal(r.end?.lastMonth, m(2025, 6));
  });

  it('keeps the month reading where a month is possible: `2009/10` is October 2009, `2019/07` July', () => {
    assert.equal(only('2009/10').start.month, 10);
    assert.equal(only('2009/10').end, undefined);
    assert.equal(only('2019/07').start.month, 7);
  });

  it('keeps a month that is not one invalid when no later year reads: `2019-13`, `2021/13`', () => {
    assert.match(only('2019-13').start.invalid ?? '', /month 13/);
    assert.match(only('2021/13').start.invalid ?? '', /month 13/);
  });
});

describe('not ranges, as written in the wild', () => {
  const LONE: [string, string[]][] = [
    // lists of years or seasons: each a date of its own
    ['- Summer Music Camp 2025, 2026 (assistant tutor)', ['2025', '2026']],
    ['- Statistics I (Spring 2019, Spring 2020)', ['Spring 2019', 'Spring 2020']],
    ['Reviewer for two conferences (2023, 2024)', ['2023', '2024']],
    // a year, a separator and words
    ['- 2022 - Royal Society award ceremony', ['2022']],
    ['2020 - 25 students a term', ['2020']],
    ['2019 – 18 months on the ward', ['2019']],
    // a comma and an open word that starts prose
    ['Jan 2020, now a team of twelve', ['Jan 2020']],
    // a state code and a number are not labels
    ['Boise, ID 2015 - 2018', ['2015 - 2018']],
    ['Top 50 2019-2020', ['2019-2020']],
  ];
  for (const [line, texts] of LONE) {
    it(`reads ${JSON.stringify(line)} as ${JSON.stringify(texts)}, no range`, () => {
      const found = ranges(line);
      assert.deepEqual(found.map((r) => r.text), texts);
      if (texts.length > 1 || !/\d\s*[-–]\s*\d/.test(texts[0])) {
        for (const r of found) {
          assert.equal(r.end, undefined, r.text);
          assert.equal(r.open, false, r.text);
        }
      }
    });
  }

  const NONE = [
    // dates of birth
    'Date of birth: 12 May 1990',
    'Date of Birth: 14-09-1998',
    'DOB: 12/05/1990',
    'D.O.B. 1990-05-12',
    'Birth date – 3 March 1991',
    'Born 12 May 1990 in Springfield',
    // phone numbers and identifiers shaped like a pair of years
    'Phone: (555) 2019-2020',
    '+49 30 2019-2020',
    'Tel. 020 7946 2019',
    'Student ID: 2015-2018',
    'Licence No. 2016-2019',
    'Registration number: 2014-2021',
  ];
  for (const line of NONE) {
    it(`finds no date in ${JSON.stringify(line)}`, () => {
      assert.deepEqual(ranges(line).map((r) => r.text), []);
    });
  }

  it('still reads dates beside a birth date on the same line', () => {
    assert.deepEqual(ranges('DOB: 12/05/1990 | Staff Nurse, 2014 – 2019').map((r) => r.text), ['2014 – 2019']);
  });
});

describe('split ends after a LaTeX or Pandoc dash', () => {
  const CASES: [string, string | undefined][] = [
    ['--- August 2018.\\\\', 'August 2018'],
    ['  -- 2016', '2016'],
    ['– Present', 'Present'],
    ['— now', 'now'],
    ['--- a dash and prose', undefined],
  ];
  for (const [line, expected] of CASES) {
    it(`leadingDatePoint(${JSON.stringify(line)}) → ${expected ?? 'none'}`, () => {
      const point = leadingDatePoint(line, 0, line.length);
      assert.equal(point?.text, expected);
      if (point) assert.equal(line.slice(point.start, point.end), expected);
    });
  }
});
