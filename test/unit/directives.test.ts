import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { defaultOptions, type ServiceContext } from '../../server/src/service/context';
import { applyEdits } from '../../server/src/service/edits';
import { quickFixes } from '../../server/src/service/features/codeActions';
import { computeDiagnostics, runRules } from '../../server/src/service/features/diagnostics';
import { parseResume } from '../../server/src/service/model/parse';
import { rangeToSpan } from '../../server/src/service/positions';

const context = (): ServiceContext => ({ options: defaultOptions() });
const URI = 'file:///jane.md';

/** Findings as `line: rule-id` (1-based lines), for the rules these tests use. */
function findings(text: string): string[] {
  const doc = parseResume(text);
  return runRules(doc, context())
    .filter((f) => f.rule.id === 'word-repeated' || f.rule.id === 'bullet-stray-glyph')
    .map((f) => `${doc.lines.findIndex((line) => line.start <= f.start && f.start <= line.end) + 1}: ${f.rule.id}`);
}

function applyTextEdits(text: string, edits: TextEdit[]): string {
  const doc = parseResume(text);
  return applyEdits(text, edits.map((edit) => ({ ...rangeToSpan(doc.lines, edit.range), newText: edit.newText }))).text;
}

const RESUME = [
  '# Jane Roe', // 1
  'jane.roe@example.com', // 2
  '', // 3
  '## Experience', // 4
  '', // 5
  '<!-- vita-disable word-repeated -->', // 6
  '- Cut the the costs.', // 7
  '<!-- vita-enable word-repeated -->', // 8
  '- Cut the the costs again.', // 9
  '<!-- vita-disable-next-line -->', // 10
  '- o Stray glyph and the the.', // 11
  '- o Stray glyph here.', // 12
  '<!-- vita-disable -->', // 13
  '- o Everything is off here, the the.', // 14
  '<!-- vita-enable bullet-stray-glyph -->', // 15
  '- o Only the glyph rule is back, the the.', // 16
  '<!-- vita-disable-next-line word-repeated, bullet-stray-glyph -->', // 17
  '- o Both named, the the.', // 18
  '',
].join('\n');

describe('inline directives', () => {
  test('the model reads them from HTML comments on their own lines', () => {
    const doc = parseResume(RESUME);
    assert.deepEqual(
      doc.directives.map((d) => [d.kind, d.rules, d.line + 1]),
      [
        ['disable', ['word-repeated'], 6],
        ['enable', ['word-repeated'], 8],
        ['disable-next-line', [], 10],
        ['disable', [], 13],
        ['enable', ['bullet-stray-glyph'], 15],
        ['disable-next-line', ['word-repeated', 'bullet-stray-glyph'], 17],
      ],
    );
    assert.deepEqual(parseResume('<!-- a note -->\n# Jane\n').directives, [], 'other comments are no directives');
  });

  test('disable / enable / disable-next-line, with and without rule ids', () => {
    assert.deepEqual(findings(RESUME), ['9: word-repeated', '12: bullet-stray-glyph', '16: bullet-stray-glyph']);
  });

  test('the CLI path (computeDiagnostics) honours them too', () => {
    const codes = computeDiagnostics(parseResume(RESUME), context()).filter((d) => d.range.start.line === 6).map((d) => d.code);
    assert.ok(!codes.includes('word-repeated'));
  });
});

describe('quick fixes to disable a rule', () => {
  const text = '# Jane Roe\njane.roe@example.com\n\n## Experience\n\n- Built it.\n  - Cut the the costs.\n';
  const doc = parseResume(text);
  const diagnostic = computeDiagnostics(doc, context()).find((d) => d.code === 'word-repeated')!;

  test('every vita diagnostic gets "for this line" and "for this file", after its own fixes', () => {
    const actions = quickFixes(URI, diagnostic.range, [diagnostic], doc);
    assert.deepEqual(actions.map((a) => a.title), ['Remove the second "the"', 'Disable word-repeated for this line', 'Disable word-repeated for this file']);
  });

  test('"for this line" inserts a disable-next-line comment at the line\'s indentation, which silences it', () => {
    const action = quickFixes(URI, diagnostic.range, [diagnostic], doc).find((a) => a.title.endsWith('for this line'))!;
    const fixed = applyTextEdits(text, action.edit!.changes![URI]);
    assert.equal(fixed, text.replace('  - Cut the the', '  <!-- vita-disable-next-line word-repeated -->\n  - Cut the the'));
    assert.deepEqual(findings(fixed), []);
  });

  test('"for this file" inserts a disable comment at the top (after front matter), which silences it', () => {
    const action = quickFixes(URI, diagnostic.range, [diagnostic], doc).find((a) => a.title.endsWith('for this file'))!;
    const fixed = applyTextEdits(text, action.edit!.changes![URI]);
    assert.equal(fixed, `<!-- vita-disable word-repeated -->\n${text}`);
    assert.deepEqual(findings(fixed), []);

    const withFrontMatter = `---\ntitle: CV\n---\n${text}`;
    const fmDoc = parseResume(withFrontMatter);
    const fmDiagnostic = computeDiagnostics(fmDoc, context()).find((d) => d.code === 'word-repeated')!;
    const fmAction = quickFixes(URI, fmDiagnostic.range, [fmDiagnostic], fmDoc).find((a) => a.title.endsWith('for this file'))!;
    assert.equal(applyTextEdits(withFrontMatter, fmAction.edit!.changes![URI]), `---\ntitle: CV\n---\n<!-- vita-disable word-repeated -->\n${text}`);
  });

  test('a second rule on a line already silenced for one joins the same comment; CRLF documents get CRLF', () => {
    const silenced = '# Jane Roe\r\njane.roe@example.com\r\n\r\n## Experience\r\n\r\n<!-- vita-disable-next-line bullet-stray-glyph -->\r\n- o Cut the the costs.\r\n';
    const crlfDoc = parseResume(silenced);
    const repeated = computeDiagnostics(crlfDoc, context()).find((d) => d.code === 'word-repeated')!;
    const action = quickFixes(URI, repeated.range, [repeated], crlfDoc).find((a) => a.title.endsWith('for this line'))!;
    const fixed = applyTextEdits(silenced, action.edit!.changes![URI]);
    assert.match(fixed, /<!-- vita-disable-next-line bullet-stray-glyph word-repeated -->\r\n- o Cut/);
    assert.deepEqual(findings(fixed), []);
    const file = quickFixes(URI, repeated.range, [repeated], crlfDoc).find((a) => a.title.endsWith('for this file'))!;
    assert.equal(file.edit!.changes![URI][0].newText, '<!-- vita-disable word-repeated -->\r\n');
  });

  test('without the model (or for another source) only the carried fixes are offered', () => {
    assert.deepEqual(quickFixes(URI, diagnostic.range, [diagnostic]).map((a) => a.title), ['Remove the second "the"']);
    const foreign: Diagnostic = { ...diagnostic, source: 'cspell' };
    assert.deepEqual(quickFixes(URI, diagnostic.range, [foreign], doc), []);
  });
});
