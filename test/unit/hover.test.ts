import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { defaultOptions, type ServiceContext } from '../../server/src/service/context';
import { runRules, toDiagnostic } from '../../server/src/service/features/diagnostics';
import { bulletStrayGlyph } from '../../server/src/service/rules/bullet-stray-glyph';
import { hover } from '../../server/src/service/features/hover';
import { parseResume } from '../../server/src/service/model/parse';
import type { ResumeDocument } from '../../server/src/service/model/types';
import { offsetToPosition, spanToRange } from '../../server/src/service/positions';
import { readFixture } from '../helpers/fixtures';

/** Diagnostics of one rule only, so that rules added later do not change these expectations. */
function strayGlyphs(doc: ResumeDocument, ctx: ServiceContext): Diagnostic[] {
  return runRules(doc, ctx, [bulletStrayGlyph]).map((finding) => toDiagnostic(doc, finding));
}

const CURSOR = '$$CURSOR$$';

function context(): ServiceContext {
  const options = defaultOptions();
  options.today = { year: 2026, month: 3, day: 15 };
  return { options };
}

/** Puts the cursor before the first occurrence of `before` (after `skip` characters of it) in the fixture. */
function withCursor(text: string, before: string, skip = 0): string {
  const at = text.indexOf(before);
  assert.ok(at >= 0, `"${before}" in the fixture`);
  return text.slice(0, at + skip) + CURSOR + text.slice(at + skip);
}

function hoverAt(marked: string, diagnostics?: (doc: ResumeDocument) => Diagnostic[]): { hover: Hover | null; doc: ResumeDocument } {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0, 'a $$CURSOR$$ marker');
  const doc = parseResume(marked.replace(CURSOR, ''));
  const ctx = context();
  const found = hover(doc, offsetToPosition(doc.lines, offset), ctx, diagnostics ? diagnostics(doc) : strayGlyphs(doc, ctx));
  return { hover: found, doc };
}

function value(h: Hover | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

const OVERLAP = readFixture('summary', 'overlap.resume');
const PDF_LAYOUT = readFixture('outline', 'pdf-layout.txt');

describe('hover on date ranges', () => {
  test('a range: normalised text and duration, ongoing marked, the hover range is the range', () => {
    const { hover: h, doc } = hoverAt(withCursor(OVERLAP, 'Sep 2021 – Present', 2));
    assert.equal(value(h), '**Sep 2021 – Present** · 4 yrs 7 mos (ongoing)');
    assert.deepEqual(h!.range, spanToRange(doc.lines, doc.dateRanges[0].span));
  });

  test('a closed range, on its end', () => {
    const { hover: h } = hoverAt(withCursor(OVERLAP, 'Aug 2021'));
    assert.equal(value(h), '**Jun 2018 – Aug 2021** · 3 yrs 3 mos');
  });

  test('a split range: on the end point, the hover range is the end point on its own line', () => {
    const { hover: h, doc } = hoverAt(withCursor(PDF_LAYOUT, '2022/04 Rebuilt', 3));
    assert.equal(value(h), '**Feb 2019 – Apr 2022** · 3 yrs 3 mos');
    const split = doc.dateRanges.find((r) => r.split && r.start.text === '2019/02');
    assert.ok(split?.end);
    assert.deepEqual(h!.range, spanToRange(doc.lines, split.end));
    const onStart = hoverAt(withCursor(PDF_LAYOUT, '2019/02 Loyalty')).hover;
    assert.deepEqual(onStart!.range, spanToRange(doc.lines, split.span));
  });

  test('approximate ranges say so; a lone date says what it is', () => {
    assert.equal(value(hoverAt(`## Experience\n\n### Acme, Engineer\n${CURSOR}Summer 2020 – Fall 2021\n`).hover), '**Summer 2020 – Fall 2021** · ≈ 1 yr 6 mos · approximate');
    assert.equal(value(hoverAt(`## Education\n\n### Acme University, B.A.\n${CURSOR}May 2023\n`).hover), '**May 2023** · a single month');
    assert.equal(value(hoverAt(`## Education\n\n### Acme University, B.A.\n${CURSOR}Expected May 2027\n`).hover), '**May 2027** · expected date, a single month');
  });
});

describe('hover on entries, sections and the header', () => {
  test('an entry title: organisation, role, location, range and duration, bullets, quantified bullets, findings', () => {
    const { hover: h, doc } = hoverAt(withCursor(OVERLAP, 'Senior Data Engineer'));
    assert.equal(
      value(h),
      [
        '**Northwind Traders** · Senior Data Engineer · Austin',
        'Sep 2021 – Present · 4 yrs 7 mos (ongoing)',
        '3 bullets · 2 with a number', // "by 40%" and "Mentored four engineers"
        'Findings: formatting 1',
      ].join('\n\n'),
    );
    assert.equal(h!.range!.start.line, 6);
    assert.equal(doc.lines[6].text.startsWith('### Northwind'), true);
  });

  test('a role under an organisation heading: the organisation above it, then the role', () => {
    const text = '## Experience\n\n### Norrland Freight\n\n#### Tech Lead\nMar 2021 – Present\n\n- Led the routing team.\n';
    const { hover: h } = hoverAt(withCursor(text, 'Tech Lead', 2));
    assert.equal(value(h).split('\n')[0], '**Norrland Freight** · Tech Lead');
    const org = hoverAt(withCursor('## Experience\n\n### Site Supervisor, Orrin Builders Ltd., 2012 – 2015\n', 'Site', 1)).hover;
    assert.equal(value(org).split('\n')[0], '**Orrin Builders Ltd.** · Site Supervisor');
  });

  test('a unit over its institution on the next line: the institution, then the unit and the role', () => {
    const text = '## Experience\n\n2019 – 2022 Lecturer in Hydrology, Department of Earth Sciences.\n            Westmarch University, Norway.\n';
    const { hover: h } = hoverAt(withCursor(text, 'Lecturer'));
    assert.equal(value(h).split('\n')[0], '**Westmarch University** · Department of Earth Sciences · Lecturer in Hydrology · Norway');
  });

  test('an entry whose range comes from its sub-entries (PDF layout)', () => {
    const { hover: h } = hoverAt(withCursor(PDF_LAYOUT, 'Senior Android Engineer'));
    assert.equal(
      value(h),
      ['**Globex Corporation** · Senior Android Engineer · Zurich', 'Apr 2022 – Present · 4 yrs (ongoing) (from its sub-entries)', '2 bullets · 1 with a number · 1 sub-entry'].join('\n\n'),
    );
  });

  test('a section heading: entries, span, total time as a union', () => {
    assert.equal(value(hoverAt(withCursor(OVERLAP, 'Experience', 3)).hover), '**Experience** · 3 entries\n\nJun 2018 – Present · 7 yrs 10 mos in total (overlaps counted once)');
    assert.equal(value(hoverAt(withCursor(OVERLAP, '## Education')).hover), '**Education** · 1 entry\n\nJan 2014 – Dec 2018 · 5 yrs in total (overlaps counted once)');
  });

  test('the name: the whole résumé at a glance', () => {
    const text = value(hoverAt(withCursor(OVERLAP, 'Natarajan')).hover);
    assert.match(text, /^\*\*Priya Natarajan\*\* · the résumé at a glance/);
    assert.match(text, /- Work experience: 7 yrs 10 mos \(3 roles at 3 employers; overlaps counted once\)/);
    assert.match(text, /- Education: B\.Sc\. Statistics, State University \(2014 – 2018\)/);
    assert.match(text, /- \d+ words · ≈ 0\.1 pages \(500 words a page\)/);
    assert.match(text, /- Findings: 1 \(formatting 1\)/);
    assert.match(text, /- Top skills: SQL \(3\), Python \(2\), Kafka \(2\)/);
  });

  test('nothing on a bullet, a blank line or a contact', () => {
    assert.equal(hoverAt(withCursor(OVERLAP, 'Led the migration')).hover, null);
    assert.equal(hoverAt(withCursor(OVERLAP, '\n\n## Experience', 1)).hover, null);
    assert.equal(hoverAt(withCursor(OVERLAP, 'priya.natarajan@')).hover, null);
  });

  test('on a spelling or casing finding, nothing: the diagnostic hover says it', () => {
    const marked = withCursor(OVERLAP, 'Northwind', 4);
    const spellingOn = (code: string) => (doc: ResumeDocument): Diagnostic[] => {
      const start = doc.text.indexOf('Northwind');
      return [{ range: spanToRange(doc.lines, { start, end: start + 9 }), code, message: 'Unknown word', source: 'vita' }];
    };
    assert.equal(hoverAt(marked, spellingOn('spelling')).hover, null);
    assert.equal(hoverAt(marked, spellingOn('spelling-casing')).hover, null);
    assert.match(value(hoverAt(marked, spellingOn('bullet-stray-glyph')).hover), /^\*\*Northwind Traders\*\*/);
    assert.match(value(hoverAt(marked, () => []).hover), /^\*\*Northwind Traders\*\*/);
  });
});
