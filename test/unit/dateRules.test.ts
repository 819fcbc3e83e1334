import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultOptions, type ServiceContext, type VitaOptions } from '../../server/src/service/context';
import { applyEdits } from '../../server/src/service/edits';
import { runRules, type RuleFinding } from '../../server/src/service/features/diagnostics';
import { fixAll } from '../../server/src/service/features/fixAll';
import { parseResume } from '../../server/src/service/model/parse';
import { resolveSettings } from '../../server/src/service/settings';
import { listFixtures, parseFixture, readFixture } from '../helpers/fixtures';

const TODAY = { year: 2026, month: 3, day: 15 };

function context(change?: (options: VitaOptions) => void): ServiceContext {
  const options = defaultOptions();
  options.today = TODAY;
  change?.(options);
  return { options, onRuleError: (id, error) => assert.fail(`rule ${id} threw: ${String(error)}`) };
}

function dateFindings(text: string, ctx: ServiceContext = context()): RuleFinding[] {
  return runRules(parseResume(text), ctx).filter((f) => f.rule.id.startsWith('date-'));
}

function show(text: string, findings: readonly RuleFinding[]): string[] {
  return findings.map((f) => `${f.rule.id} ${f.effectiveSeverity} "${text.slice(f.start, f.end)}": ${f.message}`);
}

/** Applies the fix with this title (or the first) of the first finding of `ruleId`. */
function applyFix(text: string, findings: readonly RuleFinding[], ruleId: string, title?: RegExp): string {
  const finding = findings.find((f) => f.rule.id === ruleId && f.fixes?.some((fix) => !title || title.test(fix.title)));
  assert.ok(finding, `a ${ruleId} finding with a fix ${title ?? ''}`);
  const fix = finding.fixes!.find((x) => !title || title.test(x.title))!;
  const result = applyEdits(text, fix.edits);
  assert.equal(result.skipped.length, 0);
  return result.text;
}

// ---------------------------------------------------------------------------------------------
// A corpus of résumés in many trades and date conventions: clean as written, and each kind of error found when
// injected.

const CORPUS = listFixtures('dates-corpus');

interface Injection {
  kind: 'invalid' | 'reversed' | 'future' | 'format';
  from: string;
  to: string;
}

const INJECTIONS: Record<string, Injection[]> = {
  'teacher-us.md': [
    { kind: 'invalid', from: 'Aug 2015 – Jun 2019', to: 'Agust 2015 – Jun 2019' },
    { kind: 'reversed', from: 'Aug 2015 – Jun 2019', to: 'Jun 2019 – Aug 2015' },
    { kind: 'future', from: 'Aug 2019 – Present', to: 'Aug 2019 – Jun 2026' },
    { kind: 'format', from: 'Aug 2015 – Jun 2019', to: '08/2015 – 06/2019' },
  ],
  'nurse-uk.txt': [
    { kind: 'invalid', from: 'October 2017 – August 2021', to: 'Ocotber 2017 – August 2021' },
    { kind: 'reversed', from: 'October 2017 – August 2021', to: 'August 2021 – October 2017' },
    { kind: 'future', from: '2014 – 2017', to: '2014 – 2027' },
    { kind: 'format', from: 'March 2015 – September 2017', to: '2015-03 – 2017-09' },
  ],
  'accountant-eu.md': [
    { kind: 'invalid', from: '09/2016 – 08/2020', to: '09/2016 – 18/2020' },
    { kind: 'reversed', from: '10/2014 – 08/2016', to: '10/2016 – 08/2014' },
    { kind: 'future', from: '09/2020 – present', to: '09/2020 – 12/2026' },
    { kind: 'format', from: '09/2016 – 08/2020', to: 'Sep 2016 – Aug 2020' },
  ],
  'realestate-us.md': [
    { kind: 'invalid', from: '2015 – 2019', to: '2015 – 20019' },
    { kind: 'reversed', from: '2012 – 2015', to: '2015 – 2012' },
    { kind: 'future', from: '2015 – 2019', to: '2015 – 2027' },
    { kind: 'format', from: '2012 – 2015', to: 'Mar 2012 – Jun 2015' },
  ],
  'engineer-jp.md': [
    { kind: 'invalid', from: '2016.04 – 2021.03', to: '2016.04 – 2021.13' },
    { kind: 'reversed', from: '2016.04 – 2021.03', to: '2021.03 – 2016.04' },
    { kind: 'future', from: '2021.04 – Present', to: '2021.04 – 2026.09' },
    { kind: 'format', from: '2016.04 – 2021.03', to: 'Apr 2016 – Mar 2021' },
  ],
  'analyst-cn.txt': [
    { kind: 'invalid', from: '2019/07 - 2022/06', to: '2019/07 - 2022/16' },
    { kind: 'reversed', from: '2019/07 - 2022/06', to: '2022/06 - 2019/07' },
    { kind: 'future', from: '2017/09 - 2019/06', to: '2017/09 - 2026/06' },
    { kind: 'format', from: '2019/07 - 2022/06', to: 'July 2019 - June 2022' },
  ],
  'pharmacist-de.md': [
    { kind: 'invalid', from: '2017-03 – 2020-09', to: '2017-03 – 2020-19' },
    { kind: 'reversed', from: '2017-03 – 2020-09', to: '2020-09 – 2017-03' },
    { kind: 'future', from: '2012-10 – 2017-01', to: '2012-10 – 2027-01' },
    { kind: 'format', from: '2017-03 – 2020-09', to: '03/2017 – 09/2020' },
  ],
  'chef-au.md': [
    { kind: 'invalid', from: 'Feb. 2016 – May 2018', to: 'Fbe. 2016 – May 2018' },
    { kind: 'reversed', from: 'June 2018 – Aug. 2021', to: 'Aug. 2021 – June 2018' },
    { kind: 'future', from: 'Sept. 2021 – Present', to: 'Sept. 2021 – Dec. 2026' },
    { kind: 'format', from: 'Feb. 2016 – May 2018', to: '2016/02 – 2018/05' },
  ],
  'social-worker-in.md': [
    { kind: 'invalid', from: 'Jul 2016 – Dec 2019', to: 'Jul 2016 – Decmber 2019' },
    { kind: 'reversed', from: 'Jun 2015 – Jun 2016', to: 'Jun 2016 – Jun 2015' },
    { kind: 'future', from: 'Jan 2020 – Present', to: 'Jan 2020 – Mar 2027' },
    { kind: 'format', from: 'Jul 2016 – Dec 2019', to: '2016-07 – 2019-12' },
  ],
};

describe('date rules over a corpus of résumés', () => {
  test('the corpus has résumés in eight or more styles, each with injections of the four kinds', () => {
    assert.ok(CORPUS.length >= 8, `only ${CORPUS.length} résumés in test/fixtures/dates-corpus`);
    assert.deepEqual(CORPUS, Object.keys(INJECTIONS).sort());
    for (const injections of Object.values(INJECTIONS)) {
      assert.deepEqual(injections.map((i) => i.kind).sort(), ['format', 'future', 'invalid', 'reversed']);
    }
  });

  for (const name of CORPUS) {
    const text = readFixture('dates-corpus', name);

    test(`${name}: clean, with every date rule on`, () => {
      const all = context((options) => {
        options.rules['date-overlap'] = 'hint';
        options.rules['date-gap'] = 'hint';
      });
      assert.deepEqual(show(text, dateFindings(text, all)), []);
    });

    for (const injection of INJECTIONS[name] ?? []) {
      const ruleId = `date-${injection.kind}`;
      test(`${name}: ${injection.kind} "${injection.to}" is found by ${ruleId}`, () => {
        const at = text.indexOf(injection.from);
        assert.ok(at >= 0, `"${injection.from}" is in ${name}`);
        assert.equal(text.indexOf(injection.from, at + 1), -1, `"${injection.from}" is in ${name} once`);
        const broken = text.slice(0, at) + injection.to + text.slice(at + injection.from.length);
        const findings = dateFindings(broken);
        const hit = findings.find((f) => f.rule.id === ruleId && f.start < at + injection.to.length && at < f.end);
        assert.ok(hit, `${ruleId} at ${at}–${at + injection.to.length}; found:\n${show(broken, findings).join('\n')}`);
        assert.ok(hit.effectiveSeverity === 'error' || hit.effectiveSeverity === 'warning');
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Fixes that the fixture harness does not apply (they are not safe).

describe('date-format fixes', () => {
  const text = parseFixture(readFixture('rules', 'date-format', 'mixed.md')).text;

  test('one range is rewritten in the dominant family', () => {
    const fixed = applyFix(text, dateFindings(text), 'date-format', /^Write as "Aug 2016 – Feb 2019"$/);
    assert.match(fixed, /^Aug 2016 – Feb 2019$/m);
  });

  test('"Normalise all dates" rewrites every range that can be rewritten, and the rule is then quiet about them', () => {
    const fixed = applyFix(text, dateFindings(text), 'date-format', /^Normalise all dates to month names \(Dec 2019\) \(2 ranges\)$/);
    assert.match(fixed, /^Aug 2016 – Feb 2019$/m);
    assert.match(fixed, /^May 2014 – Jul 2016$/m);
    // The years-only counselor role cannot gain months it never gave: still reported, without a fix.
    const left = dateFindings(fixed).filter((f) => f.rule.id === 'date-format');
    assert.deepEqual(left.map((f) => [fixed.slice(f.start, f.end), f.fixes]), [['2010 – 2011', undefined]]);
  });

  test('numeric documents are rewritten in their own layout (YYYY/MM)', () => {
    const doc = '## Experience\n\nAcme, Analyst\n2021/03 - now\n\nGlobex, Clerk\n2018/01 - 2021/02\n\nInitech, Intern\nJun 2017 - Dec 2017\n';
    const fixed = applyFix(doc, dateFindings(doc), 'date-format');
    assert.match(fixed, /^2017\/06 - 2017\/12$/m);
  });

  test('degrees in years beside jobs in months are normal', () => {
    const doc = '## Experience\n\nAcme, Analyst\nMar 2021 – Present\n\nGlobex, Clerk\nJan 2018 – Feb 2021\n\n## Education\n\nState University, B.A.\n2014 – 2018\n';
    assert.deepEqual(show(doc, dateFindings(doc)), []);
  });
});

describe('date-style', () => {
  const consistent = '## Experience\n\nAcme, Analyst\nMar 2021 – Present\n\nGlobex, Clerk\nJan 2018 – Feb 2021\n';

  test('a consistent document is quiet', () => {
    assert.deepEqual(show(consistent, dateFindings(consistent)), []);
  });

  test('vita.dates.style asks for another style, and the fixes write it', () => {
    const ctx = context((options) => {
      options.dates.style = { month: 'long', separator: 'to', present: 'Current' };
    });
    const findings = dateFindings(consistent, ctx).filter((f) => f.rule.id === 'date-style');
    assert.deepEqual(
      findings.map((f) => consistent.slice(f.start, f.end)),
      ['Mar', '–', 'Present', 'Jan', '–', 'Feb'],
    );
    assert.match(findings[0].message, /vita\.dates\.style asks for "March"/);
    const edits = findings.flatMap((f) => f.fixes![0].edits);
    const fixed = applyEdits(consistent, edits).text;
    assert.match(fixed, /^March 2021 to Current$/m);
    assert.match(fixed, /^January 2018 to February 2021$/m);
    assert.deepEqual(show(fixed, dateFindings(fixed, ctx)), []);
  });

  test('a word separator gets blanks where the dash had none', () => {
    const doc = '## Experience\n\nAcme, Analyst\n2019–2021\n\nGlobex, Clerk\n2016 to 2019\n\nInitech, Clerk\n2014 to 2016\n';
    const fixed = applyFix(doc, dateFindings(doc), 'date-style');
    assert.match(fixed, /^2019 to 2021$/m);
  });

  test('AP style: with "Aug." and "Sept." dominant, March to July written whole are fine', () => {
    const doc = '## Experience\n\nAcme, Analyst\nSept. 2021 – Present\n\nGlobex, Clerk\nJune 2018 – Aug. 2021\n\nInitech, Clerk\nFeb. 2016 – March 2018\n';
    assert.deepEqual(show(doc, dateFindings(doc)), []);
  });

  test('split ranges are understood: no date-invalid, and the join fix keeps every other line', () => {
    const text = parseFixture(readFixture('rules', 'date-style', 'split.txt')).text;
    const all = runRules(parseResume(text), context());
    assert.deepEqual(all.filter((f) => f.rule.id === 'date-invalid'), []);
    const splits = all.filter((f) => f.rule.id === 'date-style' && /split across lines/.test(f.message));
    assert.equal(splits.length, 4);
    assert.ok(splits.every((f) => f.effectiveSeverity === 'hint' && f.fixes?.[0].safe === false));
    // The join, asked for, puts each end after its start and keeps every other line.
    const joined = applyEdits(text, splits.flatMap((f) => f.fixes![0].edits)).text;
    assert.equal(
      joined,
      [
        'Ines Moreau-Oduya',
        'Lyon · ines.mo@example.fr',
        '',
        'Work Experience',
        '',
        '### Atelier Rhône SARL, Project Accountant, Lyon',
        '',
        '#### 2023/02 – now Cost reporting for 9 building sites',
        '',
        '- Built the monthly cost-to-complete workbook.',
        '  - Cut closing time by 3 days.',
        '',
        '### Cabinet Vautrin, Junior Accountant, Lyon',
        '',
        '2019/09 – 2023/01 Bookkeeping for 35 small businesses',
        '- Prepared VAT returns every quarter.',
        '',
        'Education',
        '',
        '2016/09 – 2018/06 M.Sc. Accounting, Université Lumière Lyon 2',
        '2013/09 – 2016/06 B.A. Economics, Université Jean Moulin',
        '',
      ].join('\n'),
    );
  });
});

describe('date-ambiguous fixes', () => {
  test('in a numeric document: ISO dates, one per reading', () => {
    const text = parseFixture(readFixture('rules', 'date-ambiguous', 'ambiguous.txt')).text;
    const findings = dateFindings(text).filter((f) => f.rule.id === 'date-ambiguous');
    assert.equal(findings.length, 1);
    assert.deepEqual(
      findings[0].fixes!.map((f) => [f.title, f.edits[0].newText, f.safe]),
      [
        ['Read as 3 April 2020: write "2020-04-03"', '2020-04-03', false],
        ['Read as March 4, 2020: write "2020-03-04"', '2020-03-04', false],
      ],
    );
    const fixed = applyFix(text, findings, 'date-ambiguous', /March 4/);
    assert.deepEqual(dateFindings(fixed).filter((f) => f.rule.id === 'date-ambiguous'), []);
  });

  test('in a month-name document: month names', () => {
    const doc = '## Experience\n\nAcme, Analyst\nMar 2021 – Present\n\nGlobex, Clerk\nJan 2018 – Feb 2021\n\nInitech, Clerk\n03/04/2016 – Dec 2017\n';
    const finding = dateFindings(doc).find((f) => f.rule.id === 'date-ambiguous');
    assert.deepEqual(finding?.fixes?.map((f) => f.edits[0].newText), ['Apr 2016', 'Mar 2016']);
  });
});

describe('date-future fixes', () => {
  const text = parseFixture(readFixture('rules', 'date-future', 'future.md')).text;

  test('education: marking the date expected silences the rule', () => {
    const fixed = applyFix(text, dateFindings(text), 'date-future', /^Mark as expected: "Expected May 2027"$/);
    assert.match(fixed, /^Expected May 2027$/m);
    const left = dateFindings(fixed).filter((f) => f.rule.id === 'date-future');
    assert.equal(left.length, 2);
  });

  test('work: a future end becomes the document\'s word for an open end', () => {
    const fixed = applyFix(text, dateFindings(text), 'date-future', /^Change "Dec 2026" to "Present"$/);
    assert.match(fixed, /^Aug 2022 – Present$/m);
  });

  test('no finding once today moves past the date', () => {
    const later = context((options) => {
      options.today = { year: 2028, month: 6, day: 1 };
    });
    assert.deepEqual(dateFindings(text, later).filter((f) => f.rule.id === 'date-future'), []);
  });
});

describe('date-invalid', () => {
  test('a misspelled month is fixed in the document\'s month style', () => {
    const doc = '## Experience\n\nAcme, Analyst\nMarch 2021 – Present\n\nGlobex, Clerk\nJanuary 2018 – Febuary 2021\n';
    const finding = dateFindings(doc).find((f) => f.rule.id === 'date-invalid');
    assert.deepEqual(finding?.fixes?.map((f) => [f.edits[0].newText, f.safe]), [['February', false]]);
  });

  test('a duration after a date is not an unreadable end', () => {
    const doc = '## Experience\n\nAcme, Analyst, 2019 – 3 years\n';
    assert.deepEqual(dateFindings(doc).filter((f) => f.rule.id === 'date-invalid'), []);
  });
});

describe('date-gap and date-overlap settings', () => {
  const gap = parseFixture(readFixture('rules', 'date-gap', 'gap.md')).text;

  test('vita.dates.gapMonths raises the bar', () => {
    const on = (months: number) =>
      context((options) => {
        options.rules['date-gap'] = 'hint';
        options.dates.gapMonths = months;
      });
    assert.equal(dateFindings(gap, on(6)).filter((f) => f.rule.id === 'date-gap').length, 1);
    assert.equal(dateFindings(gap, on(9)).filter((f) => f.rule.id === 'date-gap').length, 0);
  });

  test('both are off by default', () => {
    const overlap = parseFixture(readFixture('rules', 'date-overlap', 'overlap.md')).text;
    assert.deepEqual(dateFindings(overlap + gap).filter((f) => f.rule.id === 'date-gap' || f.rule.id === 'date-overlap'), []);
  });
});

describe('vita.dates settings', () => {
  test('style and gapMonths resolve to typed options', () => {
    const { options, problems } = resolveSettings({ dates: { style: { month: 'long', separator: '—', present: 'Current' }, gapMonths: 9 } });
    assert.deepEqual(problems, []);
    assert.deepEqual(options.dates, { style: { month: 'long', separator: '—', present: 'Current' }, gapMonths: 9 });
  });

  test('wrong values fall back, each with a problem', () => {
    const { options, problems } = resolveSettings({ dates: { style: { month: 'tiny', separator: '/', present: 'forever' }, gapMonths: 0 } });
    assert.deepEqual(options.dates, { style: {}, gapMonths: 6 });
    assert.equal(problems.length, 4);
    assert.match(problems.join('\n'), /vita\.dates\.style\.month.*short, short-period, long/);
    assert.match(problems.join('\n'), /vita\.dates\.gapMonths/);
    assert.equal(resolveSettings({ dates: { style: 'short' } }).problems.length, 1);
  });
});

// ---------------------------------------------------------------------------------------------
// Fixes never change facts: Fix All (`source.fixAll.vita`, `vita check --fix`) applies only safe fixes, and a safe
// fix of a date rule changes the form of a date (month spelling, separator, open-end word, layout), never a fact.

describe('date fixes never change facts', () => {
  /** What the text says: its dates in order (year, month, day or "open") and every other word, as a multiset. */
  function facts(text: string): { dates: string[]; words: string[] } {
    const doc = parseResume(text);
    const dates: string[] = [];
    const spans: [number, number][] = [];
    for (const range of doc.dateRanges) {
      for (const point of [range.start, range.end]) {
        if (!point) continue;
        dates.push(point.open ? 'open' : point.invalid ? `invalid:${point.text.toLowerCase()}` : `${point.year}-${point.month ?? ''}-${point.day ?? ''}`);
        spans.push([point.start, point.end]);
      }
      if (range.separator) spans.push([range.separator.start, range.separator.end]);
    }
    let rest = '';
    let at = 0;
    for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
      rest += `${text.slice(at, start)} `;
      at = Math.max(at, end);
    }
    rest += text.slice(at);
    const words = (rest.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !['to', 'until', 'through', 'thru', 'till'].includes(w)).sort();
    return { dates, words };
  }

  const DATE_RULES = new Set(['date-ambiguous', 'date-chronology', 'date-format', 'date-future', 'date-gap', 'date-invalid', 'date-overlap', 'date-reversed', 'date-style', 'whitespace-multiple']);
  const documents: [string, string][] = [];
  for (const id of DATE_RULES) for (const name of listFixtures('rules', id)) documents.push([`${id}/${name}`, parseFixture(readFixture('rules', id, name)).text]);
  for (const name of CORPUS) {
    const text = readFixture('dates-corpus', name);
    documents.push([name, text]);
    for (const injection of INJECTIONS[name] ?? []) documents.push([`${name} with ${injection.kind}`, text.replace(injection.from, injection.to)]);
  }

  for (const [name, text] of documents) {
    test(`${name}: every safe fix keeps the dates and words`, () => {
      const ctx = context((options) => {
        options.rules['date-overlap'] = 'hint';
        options.rules['date-gap'] = 'hint';
      });
      const before = facts(text);
      for (const finding of runRules(parseResume(text), ctx).filter((f) => DATE_RULES.has(f.rule.id))) {
        for (const fix of finding.fixes?.filter((x) => x.safe) ?? []) {
          const after = facts(applyEdits(text, fix.edits).text);
          assert.deepEqual(after, before, `${finding.rule.id}: "${fix.title}" changed a fact`);
        }
      }
    });
  }

  test('date-reversed: the swap is a quick fix only; Fix All leaves the range as written', () => {
    const text = parseFixture(readFixture('rules', 'date-reversed', 'reversed.md')).text;
    const finding = dateFindings(text).find((f) => f.rule.id === 'date-reversed');
    assert.deepEqual(finding?.fixes?.map((f) => [f.title, f.safe]), [['Swap to "Sep 2019 – Jul 2021"', false]]);
    assert.match(applyFix(text, [finding!], 'date-reversed'), /^Sep 2019 – Jul 2021$/m);
    assert.match(fixAll(parseResume(text), context()).text, /^Jul 2021 – Sep 2019$/m);
  });

  test('date-invalid: a month guessed from a misspelling is a quick fix only', () => {
    const text = parseFixture(readFixture('rules', 'date-invalid', 'months.md')).text;
    const fixes = dateFindings(text).filter((f) => f.rule.id === 'date-invalid').flatMap((f) => f.fixes ?? []);
    assert.deepEqual(fixes.map((f) => [f.edits[0].newText, f.safe]), [['Aug', false], ['Jun', false]]);
    const fixed = fixAll(parseResume(text), context()).text;
    assert.match(fixed, /^Agust 2021 – Present$/m);
    assert.match(fixed, /^Jnu 2018 – Jul 2021$/m);
  });

  test('date-style: month spelling, separator and open-end word are safe, as Format Document writes them', () => {
    const text = parseFixture(readFixture('rules', 'date-style', 'mixed.md')).text;
    const findings = dateFindings(text).filter((f) => f.rule.id === 'date-style');
    assert.ok(findings.length >= 4);
    assert.ok(findings.every((f) => f.fixes?.every((fix) => fix.safe)));
    const fixed = fixAll(parseResume(text), context()).text;
    assert.match(fixed, /^Sep 2019 – May 2021$/m);
    assert.match(fixed, /^Aug 2017 – Dec 2018$/m);
    assert.deepEqual(facts(fixed), facts(text));
  });
});

describe('date rules are calm on clean résumés', () => {
  test('date-chronology is an info by default', () => {
    const text = parseFixture(readFixture('rules', 'date-chronology', 'concurrent.md')).text;
    const found = dateFindings(text).filter((f) => f.rule.id === 'date-chronology');
    assert.equal(found.length, 2);
    assert.ok(found.every((f) => f.effectiveSeverity === 'info'));
  });

  test('date-chronology: roles at one employer are compared with each other, the employer with the other entries', () => {
    const doc = [
      '## Experience',
      '',
      '### Fabrikam',
      '',
      '#### Lead Engineer',
      'Mar 2021 – Present',
      '',
      '#### Engineer',
      'Jan 2018 – Feb 2021',
      '',
      '### Contoso',
      '',
      '#### Analyst',
      'Jan 2012 – Dec 2013',
      '',
      '#### Senior Analyst',
      'Jan 2014 – Dec 2017',
      '',
    ].join('\n');
    const found = dateFindings(doc).filter((f) => f.rule.id === 'date-chronology');
    assert.deepEqual(show(doc, found).map((line) => line.split(':')[0]), ['date-chronology info "Jan 2014 – Dec 2017"']);
  });

  test('date-format: among month names, a long role in years and the current role in years are fine', () => {
    const doc = [
      '## Experience',
      '',
      'Acme, Analyst',
      'Mar 2021 – Present',
      '',
      'Globex, Clerk',
      'Jan 2019 – Feb 2021',
      '',
      'Vandelay, Buyer',
      'Jun 2016 – Dec 2018',
      '',
      'Soylent, Intern',
      'Jun 2012 – Aug 2012',
      '',
      'Hooli, Founder',
      '2019 – Present',
      '',
      'Initech, Researcher',
      '2015 – 2018',
      '',
      'Umbrella, Tutor',
      '2013 – 2014',
      '',
    ].join('\n');
    const found = dateFindings(doc).filter((f) => f.rule.id === 'date-format');
    assert.deepEqual(found.map((f) => doc.slice(f.start, f.end)), ['2013 – 2014']);
  });

  test('date-format: among years, a short role and the current role in months are fine; a long one is not', () => {
    const text = parseFixture(readFixture('rules', 'date-format', 'precision-mix.md')).text;
    const found = dateFindings(text).filter((f) => f.rule.id === 'date-format');
    assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['Jan 2006 – Dec 2008']);
    assert.equal(found[0].fixes?.[0].title, 'Write as "2006 – 2008"');
    assert.equal(found[0].fixes?.[0].safe, false);
  });
});

describe('a column of dates is not a split range', () => {
  // PDF text that put each entry's dates in a column of their own: `2020` then `2018` on the next line are two dates,
  // listed newest first, not a range that ends before it starts.
  const text = readFixture('rules', 'date-reversed', 'date-column.txt');

  test('no date-reversed, and no join offered (joining would write a reversed range)', () => {
    const found = dateFindings(text).filter((f) => f.rule.id === 'date-reversed' || /split across lines/.test(f.message));
    assert.deepEqual(show(text, found), []);
    assert.equal(fixAll(parseResume(text), context()).text, text);
  });

  test('a reversed split range beside a title is still one', () => {
    const split = parseFixture(readFixture('rules', 'date-reversed', 'split.txt')).text;
    assert.equal(dateFindings(split).filter((f) => f.rule.id === 'date-reversed').length, 1);
  });
});

describe('date-style: LaTeX and Pandoc dashes', () => {
  test('`--` is an en dash and `---` an em dash: no finding beside `–` and `—`', () => {
    const doc = '## Experience\n\nAcme, Analyst\n2019 -- 2021\n\nGlobex, Clerk\n2016 – 2019\n\nInitech, Clerk\n2014 -- 2016\n\n## Education\n\nState College\n2010 --- 2014\n\nCity School\n2006 — 2010\n';
    // The en dashes (`--`, `–`) are most; the em dashes (`---`, `—`) are the odd ones, whichever way written.
    const found = dateFindings(doc).filter((f) => f.rule.id === 'date-style');
    assert.deepEqual(found.map((f) => doc.slice(f.start, f.end)), ['---', '—']);
  });

  test('a document that writes `--` gets `--` where it wrote a hyphen', () => {
    const doc = '## Experience\n\nAcme, Analyst\n2019 -- 2021\n\nGlobex, Clerk\n2016 -- 2019\n\nInitech, Clerk\n2014 - 2016\n';
    const found = dateFindings(doc).filter((f) => f.rule.id === 'date-style');
    assert.deepEqual(found.map((f) => [doc.slice(f.start, f.end), f.fixes?.[0].edits[0].newText]), [['-', ' -- ']]);
  });
});
