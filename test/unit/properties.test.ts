// Property-based tests over the whole service: hostile Unicode, résumé-shaped text and sequences of edits never
// make a feature throw, every range lies inside the document on UTF-16 boundaries, the same input gives the same
// output, fixes apply cleanly and do not bring their finding back, fix-all and format are idempotent, and the
// outline nests. Seeded: set VITA_FC_SEED to replay a run (fast-check prints the seed and path of a failure);
// VITA_FC_RUNS scales the number of runs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic, DocumentSymbol, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { createResumeService, defaultOptions, parseResume, type ResumeDocument, type ServiceContext } from '../../server/src/service/index';
import { applyEdits } from '../../server/src/service/edits';
import { rangeToSpan } from '../../server/src/service/positions';

const SEED = Number(process.env.VITA_FC_SEED ?? 20261122);
const SCALE = Number(process.env.VITA_FC_RUNS ?? 1);
const runs = (n: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * SCALE)) });

const service = createResumeService();

function context(): ServiceContext {
  const options = defaultOptions();
  options.today = { year: 2026, month: 3, day: 31 };
  return { options, onRuleError: (ruleId, error) => assert.fail(`rule ${ruleId} threw: ${error instanceof Error ? error.stack : String(error)}`) };
}

// ---------------------------------------------------------------------------------------------
// Generators

/** Characters that break naive code: surrogate pairs and lone halves, emoji with modifiers, combining marks, RTL, NUL, CR. */
const HOSTILE = [
  '\uD83D\uDE00', '\uD83D', '\uDE00', '👩🏽‍💻', 'e\u0301', '\u0301', 'שלום', 'مرحبا', '\u202E', '\u200B', '\u00A0', '\0', '\r', '\r\n',
  '\n', '\t', ' ', '•', '▪', '◦', '', '–', '—', '…', '’', '**', '__', '`', '```', '$', '\\', '<!--', '-->', '#', '|', '@', '.', '/',
];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 8 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

const word = fc.constantFrom('Led', 'migration', 'services', 'Globex', 'Initech', 'Kubernetes', 'Teh', 'the', 'the', 'I', 'managed', 'résumé', 'naïve', 'Zoë', '😀', 'C++', 'Node.js', '40%', 'Softerware');
const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
const date = fc.constantFrom(
  'Jan 2019 – Present', 'Sep 2021 - Mar 2023', '2019/03 – 2020/04', '03/04/2020', 'Summer 2020', '2021 – 2019', 'Febuary 2020',
  '2019 – 2019', 'May 2023', '2020-01 to 2021-13', 'Aug. 2018 – current', '2016/03', 'Expected May 2027', '1999 - 2001',
);
const line = fc.oneof(
  fc.constantFrom('Jane Q. Doe', 'jane.doe@example.com | +1 (555) 010-2030 | github.com/janedoe', 'https://example.com/a_(b)', '+1 (555) O10-2030'),
  fc.constantFrom('# Jane Doe', '## Experience', 'EXPERIENCE', 'Education', '**Skills**', 'Projects:', '### Globex Corporation, Engineer', '========', '-----'),
  fc.constantFrom('```', '```python', '~~~', '<!-- vita-disable-next-line bullet-stray-glyph -->', '<!-- a comment', '---', 'title: x', '| a | b |', '|---|---|'),
  fc.tuple(fc.constantFrom('- ', '* ', '+ ', '• ', '- o ', '- • ', '▪ ', '1. ', '  - ', '\t- ', '-', '- ◦ '), sentence).map(([m, s]) => m + s),
  fc.tuple(sentence, date).map(([s, d]) => `${s}, ${d}`),
  fc.tuple(sentence, fc.constantFrom('  ', ' \t', '', '.', '  .')).map(([s, t]) => s + t),
  date,
  sentence,
  fc.constant(''),
  hostileText,
);
const resumeText = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, trailing]) => lines.join(eol) + (trailing ? eol : ''));
const anyText = fc.oneof({ weight: 3, arbitrary: resumeText }, { weight: 1, arbitrary: hostileText });

/** One edit as an editor sends it: replace [start, start + length) of the text with new text. */
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 12 }), text: fc.oneof(line, hostileText, fc.constantFrom('\n', '', '- o ', '2020', ' – ')) });

// ---------------------------------------------------------------------------------------------
// Invariants

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function assertPosition(doc: ResumeDocument, position: Position, what: string): number {
  assert.ok(Number.isInteger(position.line) && position.line >= 0 && position.line < doc.lines.length, `${what}: line ${position.line} of ${doc.lines.length}`);
  const line = doc.lines[position.line];
  assert.ok(Number.isInteger(position.character) && position.character >= 0 && position.character <= line.end - line.start,
    `${what}: character ${position.character} past the end of line ${position.line} (${line.end - line.start})`);
  const offset = line.start + position.character;
  assert.ok(!(isHigh(doc.text.charCodeAt(offset - 1)) && isLow(doc.text.charCodeAt(offset))), `${what}: offset ${offset} splits a surrogate pair`);
  return offset;
}

function assertRange(doc: ResumeDocument, range: Range, what: string): void {
  const start = assertPosition(doc, range.start, `${what} start`);
  const end = assertPosition(doc, range.end, `${what} end`);
  assert.ok(start <= end, `${what}: start ${start} after end ${end}`);
}

function assertEdits(doc: ResumeDocument, edits: readonly TextEdit[], what: string): void {
  for (const e of edits) {
    assertRange(doc, e.range, what);
    assert.equal(typeof e.newText, 'string', `${what}: newText`);
  }
}

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function assertSymbols(doc: ResumeDocument, symbols: readonly DocumentSymbol[], parent: DocumentSymbol | undefined, path: string): void {
  for (const symbol of symbols) {
    const where = `${path} › ${symbol.name}`;
    assert.ok(symbol.name.trim().length > 0, `${where}: empty name`);
    assertRange(doc, symbol.range, `${where} range`);
    assertRange(doc, symbol.selectionRange, `${where} selectionRange`);
    assert.ok(contains(symbol.range, symbol.selectionRange), `${where}: selectionRange outside range`);
    if (parent) assert.ok(contains(parent.range, symbol.range), `${where}: outside its parent ${JSON.stringify(parent.range)} ${JSON.stringify(symbol.range)}`);
    assertSymbols(doc, symbol.children ?? [], symbol, where);
  }
}

function fixesOf(diagnostic: Diagnostic): { title: string; edits: TextEdit[] }[] {
  const data = diagnostic.data as { fixes?: { title: string; edits: TextEdit[] }[] } | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}

/** Runs every feature of the service over one text and checks the invariants; returns everything, for determinism. */
function checkAll(text: string): unknown {
  const doc = parseResume(text);
  assert.equal(doc.text, text);
  const ctx = context();
  const uri = 'file:///property.resume';
  const diagnostics = service.diagnostics(doc, ctx);
  for (const d of diagnostics) {
    assertRange(doc, d.range, `diagnostic ${String(d.code)}`);
    for (const fix of fixesOf(d)) assertEdits(doc, fix.edits, `fix "${fix.title}" of ${String(d.code)}`);
  }
  const symbols = service.documentSymbols(doc);
  assertSymbols(doc, symbols, undefined, '');
  const folding = service.foldingRanges(doc);
  for (const r of folding) assert.ok(r.startLine >= 0 && r.startLine < r.endLine && r.endLine < doc.lines.length, `folding ${JSON.stringify(r)}`);
  const links = service.documentLinks(doc);
  for (const link of links) {
    assertRange(doc, link.range, 'link');
    assert.ok(link.target === undefined || /^(https?|ftp|mailto):/.test(link.target), `link target ${link.target}`);
  }
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: doc.lines.length - 1, character: doc.lines[doc.lines.length - 1].end - doc.lines[doc.lines.length - 1].start } };
  const actions = service.codeActions(uri, whole, diagnostics, doc);
  for (const action of actions) {
    for (const edits of Object.values(action.edit?.changes ?? {})) assertEdits(doc, edits, `code action "${action.title}"`);
  }
  const fixed = service.fixAll(doc, ctx);
  assertEdits(doc, fixed.textEdits, 'fix all');
  const formatted = service.format(doc, ctx);
  assertEdits(doc, formatted.textEdits, 'format');
  const hovers = doc.lines.slice(0, 12).map((line) => {
    const h = service.hover(doc, { line: line.index, character: Math.floor((line.end - line.start) / 2) }, ctx, diagnostics);
    if (h?.range) assertRange(doc, h.range, 'hover');
    return h;
  });
  const hints = service.inlayHints(doc, ctx);
  for (const hint of hints) {
    assertPosition(doc, hint.position, 'inlay hint');
    assertEdits(doc, hint.textEdits ?? [], 'inlay hint edit');
  }
  const summary = service.summarize(doc, ctx, diagnostics);
  return { diagnostics, symbols, folding, links, actions, fixed, formatted, hovers, hints, summary };
}

/** Text with no half of a surrogate pair left alone, counted: fixes may not create any. */
function loneSurrogates(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHigh(code) && isLow(text.charCodeAt(i + 1))) i++;
    else if (isHigh(code) || isLow(code)) count++;
  }
  return count;
}

function applyTextEdits(doc: ResumeDocument, edits: readonly TextEdit[]): string {
  const result = applyEdits(doc.text, edits.map((e) => ({ ...rangeToSpan(doc.lines, e.range), newText: e.newText })));
  assert.deepEqual(result.skipped, [], 'the edits of one fix do not overlap');
  return result.text;
}

// ---------------------------------------------------------------------------------------------

describe('properties of the whole service (fast-check, seeded)', () => {
  test('any text: no exception, ranges inside the text on UTF-16 boundaries, symbols nest, same input → same output', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const first = checkAll(text);
        const again = checkAll(text);
        assert.deepEqual(JSON.parse(JSON.stringify(again)), JSON.parse(JSON.stringify(first)));
      }),
      runs(2000),
    );
  });

  test('applying any offered fix gives valid text and does not bring the same finding back at the same place', () => {
    fc.assert(
      fc.property(resumeText, (text) => {
        const doc = parseResume(text);
        const ctx = context();
        const diagnostics = service.diagnostics(doc, ctx);
        for (const diagnostic of diagnostics) {
          for (const fix of fixesOf(diagnostic)) {
            const after = applyTextEdits(doc, fix.edits);
            assert.ok(loneSurrogates(after) <= loneSurrogates(text), `fix "${fix.title}" split a surrogate pair`);
            const start = rangeToSpan(doc.lines, diagnostic.range).start;
            const newDoc = parseResume(after);
            const same = (d: Diagnostic) => d.code === diagnostic.code && d.message === diagnostic.message;
            const newDiagnostics = service.diagnostics(newDoc, ctx);
            const again = newDiagnostics.find((d) => same(d) && rangeToSpan(newDoc.lines, d.range).start === start);
            // A run of findings (`managed managed managed`) may move up into the fixed one's place: then one fewer is left.
            const fewer = newDiagnostics.filter(same).length < diagnostics.filter(same).length;
            assert.ok(again === undefined || fewer, `fix "${fix.title}" of ${String(diagnostic.code)} at ${start} left the same finding:\n${JSON.stringify(text)}\n→ ${JSON.stringify(after)}`);
          }
        }
      }),
      runs(1500),
    );
  });

  test('fix all and format document are idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const ctx = context();
        const fixed = service.fixAll(parseResume(text), ctx).text;
        assert.equal(applyTextEdits(parseResume(text), service.fixAll(parseResume(text), ctx).textEdits), fixed, 'fix-all edits give its text');
        assert.equal(service.fixAll(parseResume(fixed), ctx).text, fixed, `fix all twice changes more:\n${JSON.stringify(text)}\n→ ${JSON.stringify(fixed)}`);
        const formatted = service.format(parseResume(text), ctx).text;
        assert.equal(applyTextEdits(parseResume(text), service.format(parseResume(text), ctx).textEdits), formatted, 'format edits give its text');
        assert.equal(service.format(parseResume(formatted), ctx).text, formatted, `format twice changes more:\n${JSON.stringify(text)}\n→ ${JSON.stringify(formatted)}`);
      }),
      runs(1000),
    );
  });

  test('sequences of edits: every version keeps the invariants, and a cached parse equals a fresh one', () => {
    fc.assert(
      fc.property(resumeText, fc.array(edit, { minLength: 1, maxLength: 12 }), (initial, edits) => {
        const cached = createResumeService();
        let text = initial;
        let version = 0;
        for (const e of edits) {
          const start = Math.floor(e.at * text.length);
          text = text.slice(0, start) + e.text + text.slice(Math.min(text.length, start + e.length));
          version++;
          const current = text;
          const doc = cached.parse({ uri: 'file:///edited.resume', version, getText: () => current });
          assert.equal(doc.text, current, 'the cache serves the newest version');
          const diagnostics = cached.diagnostics(doc, context());
          for (const d of diagnostics) assertRange(doc, d.range, `diagnostic ${String(d.code)} after ${version} edits`);
          assertSymbols(doc, cached.documentSymbols(doc), undefined, '');
        }
        assert.deepEqual(JSON.parse(JSON.stringify(checkAll(text))), JSON.parse(JSON.stringify(checkAll(text))));
      }),
      runs(500),
    );
  });
});
