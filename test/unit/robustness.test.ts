// Crash containment and broken input at the service level: a throwing rule is skipped while the others still report,
// broken `vita.*` settings fall back to defaults with a named problem each, and pathological texts (one enormous line,
// hundreds of thousands of dates, emails or words on it) go through every feature without an exception.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runRules } from '../../server/src/service/features/diagnostics';
import { bulletStrayGlyph } from '../../server/src/service/rules/bullet-stray-glyph';
import type { Rule } from '../../server/src/service/rules/types';
import { createResumeService, defaultOptions, parseResume } from '../../server/src/service/index';
import { resolveSettings } from '../../server/src/service/settings';

describe('crash containment', () => {
  test('a rule that throws is skipped and reported; the other rules\' findings still arrive', () => {
    const throwing: Rule = {
      id: 'test-throws',
      description: 'Throws on every document.',
      tags: ['formatting'],
      defaultSeverity: 'warning',
      fixable: false,
      check() {
        throw new Error('boom');
      },
    };
    const errors: [string, unknown][] = [];
    const doc = parseResume('## Skills\n\n- o Go, Rust\n');
    const findings = runRules(doc, { options: defaultOptions(), onRuleError: (id, error) => errors.push([id, error]) }, [throwing, bulletStrayGlyph, throwing]);
    assert.deepEqual(findings.map((f) => f.rule.id), ['bullet-stray-glyph']);
    assert.deepEqual(errors.map(([id, error]) => [id, (error as Error).message]), [['test-throws', 'boom'], ['test-throws', 'boom']]);
  });

  test('a rule that reports a range outside the text is clamped into it', () => {
    const wild: Rule = {
      id: 'test-wild',
      description: 'Reports past the end.',
      tags: ['formatting'],
      defaultSeverity: 'warning',
      fixable: false,
      check(doc, report) {
        report({ start: -5, end: doc.text.length + 10, message: 'everything' });
      },
    };
    const doc = parseResume('Jane Doe\n');
    const [finding] = runRules(doc, { options: defaultOptions() }, [wild]);
    assert.deepEqual([finding.start, finding.end], [0, doc.text.length]);
  });
});

describe('model edge cases found by the property tests', () => {
  test('a line of spaces is blank: `-----` under it is a break, not the underline of an empty setext heading', () => {
    for (const text of ['- Led\n \n-----', 'Jane\n\t \n====\n']) {
      const doc = parseResume(text);
      assert.deepEqual(doc.sections, [], JSON.stringify(text));
      for (const heading of doc.headings) assert.ok(heading.textSpan.start <= heading.textSpan.end, `${JSON.stringify(text)}: heading span reversed`);
    }
  });
});

describe('resolveSettings with broken values', () => {
  const now = new Date(2026, 2, 31);
  const defaults = resolveSettings(undefined, now).options;

  test('the whole section as a string, an array, a number or null: defaults, one problem at most', () => {
    for (const raw of ['vita', ['rules'], 7, true]) {
      const { options, problems } = resolveSettings(raw, now);
      assert.deepEqual(options, defaults, JSON.stringify(raw));
      assert.equal(problems.length, 1, JSON.stringify(raw));
    }
    assert.deepEqual(resolveSettings(null, now), { options: defaults, problems: [] });
  });

  test('each broken value falls back to its default and is named', () => {
    const cases: [unknown, string][] = [
      [{ rules: 'all' }, 'vita.rules'],
      [{ rules: ['bullet-stray-glyph'] }, 'vita.rules'],
      [{ rules: { 'bullet-stray-glyph': 'loud' } }, 'vita.rules.bullet-stray-glyph'],
      [{ rules: { 'bullet-stray-glyph': 3 } }, 'vita.rules.bullet-stray-glyph'],
      [{ rules: { 'no-such-rule': 'error' } }, 'no-such-rule'],
      [JSON.parse('{ "rules": { "__proto__": "error" } }'), '__proto__'],
      [{ dates: 'today' }, 'vita.dates'],
      [{ dates: { today: '31/03/2026' } }, 'vita.dates.today'],
      [{ dates: { today: '2026-02-30' } }, 'vita.dates.today'],
      [{ dates: { today: 20260331 } }, 'vita.dates.today'],
      [{ maxFileSize: -1 }, 'vita.maxFileSize'],
      [{ maxFileSize: '1MB' }, 'vita.maxFileSize'],
      [{ maxFileSize: Number.NaN }, 'vita.maxFileSize'],
      [{ maxFileSize: 0 }, 'vita.maxFileSize'],
    ];
    for (const [raw, named] of cases) {
      const { options, problems } = resolveSettings(raw, now);
      assert.deepEqual(options, defaults, `defaults for ${JSON.stringify(raw)}`);
      assert.equal(problems.length, 1, `one problem for ${JSON.stringify(raw)}: ${JSON.stringify(problems)}`);
      assert.ok(problems[0].includes(named), `"${problems[0]}" names ${named}`);
    }
  });

  test('good values next to broken ones are kept', () => {
    const { options, problems } = resolveSettings({ rules: { 'bullet-stray-glyph': 'error', nope: 'off' }, dates: { today: '2025-12' }, maxFileSize: 'x' }, now);
    assert.equal(options.rules['bullet-stray-glyph'], 'error');
    assert.deepEqual(options.today, { year: 2025, month: 12, day: 1 });
    assert.equal(options.maxFileSize, defaults.maxFileSize);
    assert.equal(problems.length, 2);
  });
});

describe('pathological texts go through every feature', () => {
  const service = createResumeService();
  const context = { options: { ...defaultOptions(), today: { year: 2026, month: 3, day: 31 } } };
  const cases: Record<string, string> = {
    // One line with ~200 000 dates, words, emails: building the model spread them into push() and overflowed the stack.
    'a line of 200 000 years': '2020 '.repeat(200_000),
    'a line of 140 000 emails': 'a@b.co '.repeat(140_000),
    'a line of 250 000 words': 'lead ship '.repeat(125_000),
    'runs that made the inline patterns quadratic': ['1'.repeat(50_000), 'a.'.repeat(25_000), '__a'.repeat(16_000), 'a-'.repeat(25_000), '2020-'.repeat(10_000), '](' .repeat(25_000), '<a '.repeat(16_000), '\\x{'.repeat(16_000)].join('\n'),
    'alternating code fences (skip regions × header lines)': '```\n'.repeat(20_000),
    'spaces-only lines under a heading-like line': 'Summary\n \n  \n\t\n-----\n'.repeat(2_000),
    'NUL, lone surrogates, CR only': '\0\uD800a\r\uDC00b\r\r'.repeat(20_000),
  };
  for (const [name, text] of Object.entries(cases)) {
    test(name, () => {
      const doc = parseResume(text);
      assert.equal(doc.text, text);
      service.diagnostics(doc, context);
      service.documentSymbols(doc);
      service.foldingRanges(doc);
      service.documentLinks(doc);
      service.format(doc, context);
      service.hover(doc, { line: 0, character: 3 }, context);
      service.inlayHints(doc, context);
      service.summarize(doc, context);
    });
  }
});
