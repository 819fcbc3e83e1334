import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CalendarDate, ServiceContext } from '../../server/src/service/context';
import { defaultOptions } from '../../server/src/service/context';
import { runRules, toDiagnostic } from '../../server/src/service/features/diagnostics';
import { bulletStrayGlyph } from '../../server/src/service/rules/bullet-stray-glyph';
import {
  findingKind,
  normaliseOrganisation,
  summarize,
  summaryLines,
  summaryMarkdown,
  summaryText,
} from '../../server/src/service/features/summary';
import { parseResume } from '../../server/src/service/model/parse';
import type { ResumeDocument } from '../../server/src/service/model/types';
import type { Diagnostic } from 'vscode-languageserver-types';
import { resolveSettings } from '../../server/src/service/settings';
import { readFixture } from '../helpers/fixtures';

/** Diagnostics of one rule only, so that rules added later do not change these expectations. */
function strayGlyphs(doc: ResumeDocument, ctx: ServiceContext): Diagnostic[] {
  return runRules(doc, ctx, [bulletStrayGlyph]).map((finding) => toDiagnostic(doc, finding));
}

const TODAY: CalendarDate = { year: 2026, month: 3, day: 15 };

function contextWith(change: (options: ServiceContext['options']) => void = () => undefined): ServiceContext {
  const options = defaultOptions();
  options.today = TODAY;
  change(options);
  return { options };
}

describe('summarize: the résumé at a glance', () => {
  const doc = parseResume(readFixture('summary', 'overlap.resume'));
  const context = contextWith();
  const summary = summarize(doc, context, strayGlyphs(doc, context));

  test('total experience is the union of the roles: a concurrent role is not counted twice', () => {
    // Jun 2018 – Aug 2021 and Sep 2021 – Mar 2026 touch; Jan–Dec 2022 lies inside the second.
    assert.equal(summary.experienceMonths, 94);
    assert.equal(summary.experience, '7 yrs 10 mos');
    const summed = summary.entries.filter((e) => e.sectionKind === 'experience').reduce((n, e) => n + (e.range?.months ?? 0), 0);
    assert.equal(summed, 106, 'the plain sum would say 8 yrs 10 mos');
    assert.equal(summary.roles, 3);
    assert.equal(summary.employers, 3);
  });

  test('entries: name, role, normalised range, duration, bullets and quantified bullets', () => {
    assert.deepEqual(
      summary.entries.map((e) => [e.name, e.role, e.range?.text, e.range?.duration, e.range?.ongoing, e.bullets, e.quantified, e.line]),
      [
        // "Cut … by 40% across 12 pipelines" and "Mentored four engineers" (a figure in words) carry figures.
        ['Northwind Traders', 'Senior Data Engineer', 'Sep 2021 – Present', '4 yrs 7 mos', true, 3, 2, 6],
        ['Contoso Analytics', 'Consultant', 'Jan 2022 – Dec 2022', '1 yr', false, 1, 1, 12],
        ['Fabrikam Inc.', 'Data Analyst', 'Jun 2018 – Aug 2021', '3 yrs 3 mos', false, 2, 1, 16],
        ['State University', 'B.Sc. Statistics', '2014 – 2018', '5 yrs', false, 0, 0, 23],
      ],
    );
    assert.deepEqual(summary.education, [{ degree: 'B.Sc. Statistics', organisation: 'State University', range: summary.entries[3].range }]);
  });

  test('words, pages, findings by kind and the three skills mentioned most', () => {
    assert.equal(summary.name, 'Priya Natarajan');
    assert.equal(summary.words, doc.words.length);
    assert.equal(summary.wordsPerPage, 500);
    assert.equal(summary.pages, Math.round((doc.words.length / 500) * 10) / 10);
    assert.deepEqual(summary.findings, { formatting: 1 });
    assert.equal(summary.findingsTotal, 1);
    // SQL: skills, "in SQL and Python", "Wrote SQL"; Python and Kafka twice each, Python listed first.
    assert.deepEqual(summary.topSkills, [
      { skill: 'SQL', mentions: 3 },
      { skill: 'Python', mentions: 2 },
      { skill: 'Kafka', mentions: 2 },
    ]);
  });

  test('vita.summary.wordsPerPage sets the page estimate', () => {
    const small = summarize(doc, contextWith((o) => (o.summary.wordsPerPage = 20)));
    assert.equal(small.pages, Math.round((doc.words.length / 20) * 10) / 10);
    assert.ok(small.pages > 1);
  });

  test('roles without dates are counted, not added up to "0 mos"; no roles at all are said plainly', () => {
    const undated = summarize(parseResume('# Ada Example\n\n## Experience\n\n### Charge Nurse • Example Hospital\n- Led a ward.\n\n### Nurse • Example Clinic\n- Ran a clinic.\n'), context);
    assert.equal(undated.roles, 2);
    assert.equal(summaryLines(undated)[0], 'Work experience: no dates to add up (2 roles at 2 employers)');
    const none = summarize(parseResume('# Ada Example\n\n## Education\n\n- B.Sc., Example University, 2015\n'), context);
    assert.equal(summaryLines(none)[0], 'Work experience: no roles found');
  });

  test('without diagnostics there are no findings', () => {
    assert.deepEqual(summarize(doc, context).findings, {});
  });

  test('text and Markdown forms carry the totals and every entry with its duration', () => {
    const text = summaryText(summary).join('\n');
    assert.match(text, /Work experience: 7 yrs 10 mos \(3 roles at 3 employers/);
    assert.match(text, /Northwind Traders · Senior Data Engineer · Sep 2021 – Present · 4 yrs 7 mos \(ongoing\) · 3 bullets, 2 quantified {2}\[7\]/);
    const markdown = summaryMarkdown(summary);
    assert.match(markdown, /^# Priya Natarajan — Résumé summary/);
    assert.match(markdown, /^## Experience$/m);
    assert.match(markdown, /^- \*\*Fabrikam Inc\.\*\* · Data Analyst · Jun 2018 – Aug 2021 · 3 yrs 3 mos/m);
  });

  test('sub-entries lend their ranges to a parent without one (PDF layout)', () => {
    const pdf = parseResume(readFixture('outline', 'pdf-layout.txt'));
    const facts = summarize(pdf, context);
    const [senior, android, initech] = facts.entries;
    assert.equal(senior.name, 'Globex Corporation');
    assert.deepEqual([senior.range?.text, senior.range?.duration, senior.range?.derived, senior.bullets, senior.quantified], [
      'Apr 2022 – Present',
      '4 yrs',
      true,
      2,
      1,
    ]);
    assert.deepEqual([android.range?.text, android.range?.duration], ['Feb 2019 – Apr 2022', '3 yrs 3 mos']);
    assert.deepEqual([initech.range?.text, initech.range?.derived], ['Jun 2018 – Jan 2019', undefined]);
    // Jun 2018 – Jan 2019, Feb 2019 – Apr 2022, Apr 2022 – Mar 2026: one stretch of 7 yrs 10 mos.
    assert.equal(facts.experience, '7 yrs 10 mos');
    assert.equal(facts.employers, 2);
  });
});

describe('summary helpers', () => {
  test('roles under an organisation heading are each a role at that one employer', () => {
    const text = '# Ada Example\n\n## Experience\n\n### Norrland Freight\n\n#### Tech Lead\nMar 2021 – Present\n\n#### Engineer\nJan 2018 – Feb 2021\n\n### Quillon Labs, Analyst, 2015 – 2017\n';
    const doc = parseResume(text);
    const result = summarize(doc, contextWith());
    assert.deepEqual([result.roles, result.employers], [3, 2]);
    assert.deepEqual(result.entries[0].children.map((child) => [child.organisation, child.role]), [
      ['Norrland Freight', 'Tech Lead'],
      ['Norrland Freight', 'Engineer'],
    ]);
  });

  test('employers: case, punctuation, parentheses and legal suffixes do not make a new employer', () => {
    assert.equal(normaliseOrganisation('Microsoft Corporation'), normaliseOrganisation('Microsoft(China) limited'));
    assert.equal(normaliseOrganisation('**Globex, Inc.**'), 'globex');
    assert.notEqual(normaliseOrganisation('Globex'), normaliseOrganisation('Initech'));
  });

  test('finding kinds: the rule tag, else the rule-id prefix', () => {
    assert.equal(findingKind('bullet-stray-glyph'), 'formatting');
    assert.equal(findingKind('spelling-casing'), 'spelling');
    assert.equal(findingKind('spelling'), 'spelling');
    assert.equal(findingKind('date-format'), 'dates');
  });

  test('settings: vita.summary.wordsPerPage and vita.inlayHints.durations, with problems for wrong types', () => {
    const ok = resolveSettings({ summary: { wordsPerPage: 350 }, inlayHints: { durations: false } });
    assert.deepEqual(ok.problems, []);
    assert.equal(ok.options.summary.wordsPerPage, 350);
    assert.equal(ok.options.inlayHints.durations, false);
    const defaults = resolveSettings({});
    assert.equal(defaults.options.summary.wordsPerPage, 500);
    assert.equal(defaults.options.inlayHints.durations, true);
    const broken = resolveSettings({ summary: { wordsPerPage: 'many' }, inlayHints: { durations: 'yes' } });
    assert.equal(broken.options.summary.wordsPerPage, 500);
    assert.equal(broken.options.inlayHints.durations, true);
    assert.deepEqual(broken.problems, [
      '"vita.summary.wordsPerPage" must be a number of at least 1; using 500.',
      '"vita.inlayHints.durations" must be true or false; using true.',
    ]);
  });
});
