// Quick fixes apply only to the text they were made for (issue 16, items 2 and 7): with the diagnostics of the text
// as it is now, a client's diagnostic gets the fixes of its current twin (same rule, range, message), never those in
// its own `data`, and none when it has no twin; an edit outside the document is never offered; "Add to … dictionary"
// is never offered for a word with an invisible or control character; malformed input is no error.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { defaultOptions, type ServiceContext } from '../../server/src/service/context';
import { quickFixes } from '../../server/src/service/features/codeActions';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { parseResume } from '../../server/src/service/model/parse';
import { dictionaryWordProblem } from '../../server/src/protocol';

const URI = 'file:///ana.resume';
const context = (): ServiceContext => ({ options: { ...defaultOptions(), today: { year: 2026, month: 3, day: 31 } } });

const TEXT = ['# Ana Lopes', 'ana.lopes@example.com', '', '## Skills', '', '- o Go', '- Shipped v2', ''].join('\n');

describe('fixes come from the text as it is now', () => {
  test('a diagnostic with a current twin gets the twin\'s fix, whatever its own data says', () => {
    const doc = parseResume(TEXT);
    const current = computeDiagnostics(doc, context());
    const stray = current.find((d) => d.code === 'bullet-stray-glyph')!;
    const lying: Diagnostic = { ...stray, data: { fixes: [{ title: 'Remove stray "o"', safe: true, edits: [{ range: { start: { line: 6, character: 2 }, end: { line: 6, character: 4 } }, newText: '' }] }] } };
    const actions = quickFixes(URI, stray.range, [lying], doc, {}, current);
    const remove = actions.find((a) => a.title === 'Remove stray "o"')!;
    assert.deepEqual(remove.edit!.changes![URI], [{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 4 } }, newText: '' }]);
    assert.deepEqual(remove.diagnostics, [lying], 'the action names the diagnostic as the client sent it');
  });

  test('a diagnostic made for another text (no twin now) gets no action at all', () => {
    const before = parseResume(TEXT);
    const stray = computeDiagnostics(before, context()).find((d) => d.code === 'bullet-stray-glyph')!;
    // The blank line above the list is deleted: the stray glyph is on line 4 now, line 5 is "- Shipped v2".
    const after = parseResume(TEXT.replace('## Skills\n\n', '## Skills\n'));
    const current = computeDiagnostics(after, context());
    assert.deepEqual(quickFixes(URI, stray.range, [stray], after, {}, current), []);
  });
});

describe('forged or malformed input', () => {
  test('a fix with an edit past the end of the document is refused (without the current diagnostics too)', () => {
    const doc = parseResume(TEXT);
    const stray = computeDiagnostics(doc, context()).find((d) => d.code === 'bullet-stray-glyph')!;
    for (const range of [
      { start: { line: 99, character: 0 }, end: { line: 99, character: 5 } },
      { start: { line: 5, character: 2 }, end: { line: 5, character: 400 } },
      { start: { line: 5, character: 4 }, end: { line: 5, character: 2 } },
      { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } },
    ]) {
      const forged: Diagnostic = { ...stray, data: { fixes: [{ title: 'Forged', safe: true, edits: [{ range, newText: 'x' }] }] } };
      assert.deepEqual(quickFixes(URI, stray.range, [forged], doc).map((a) => a.title).filter((t) => t === 'Forged'), [], JSON.stringify(range));
    }
  });

  test('malformed ranges, diagnostics and data are no error', () => {
    const doc = parseResume(TEXT);
    const stray = computeDiagnostics(doc, context()).find((d) => d.code === 'bullet-stray-glyph')!;
    const junk = [null, 42, { source: 'vita' }, { ...stray, range: null }, { ...stray, range: { start: { line: 'a' } } }, { ...stray, data: { fixes: 'all' } }, { ...stray, data: { fixes: [null, { title: 3 }] } }] as unknown as Diagnostic[];
    assert.doesNotThrow(() => quickFixes(URI, stray.range, junk, doc));
    assert.deepEqual(quickFixes(URI, null as never, [stray], doc), []);
    assert.deepEqual(quickFixes(URI, stray.range, 'x' as never, doc), []);
  });
});

describe('no dictionary for a word with an invisible or control character (item 7)', () => {
  test('"Add to … dictionary" is not offered for such a word; a plain word still gets both', () => {
    const text = '# Ana Lopes\nana.lopes@example.com\n\n## Experience\n\n- Rebuilt the Softerware.\n';
    const doc = parseResume(text);
    const typo: Diagnostic = {
      range: { start: { line: 5, character: 14 }, end: { line: 5, character: 24 } },
      severity: 2,
      code: 'spelling',
      source: 'vita',
      message: '"Softerware" may be misspelled.',
      data: { word: 'Softerware' },
    };
    const titles = (word: string) => quickFixes(URI, typo.range, [{ ...typo, data: { word } }], doc, { workspaceDictionary: true, userDictionary: true }).map((a) => a.title);
    assert.ok(titles('Softerware').includes("Add 'Softerware' to workspace dictionary"));
    assert.ok(titles('Softerware').includes("Add 'Softerware' to user dictionary"));
    for (const character of ['\u200b', '\u202e', '\u0085']) {
      assert.deepEqual(titles(`Softer${character}ware`).filter((t) => t.startsWith('Add ')), [], JSON.stringify(character));
    }
  });

  test('dictionaryWordProblem names the character; letters of any script, marks and astral letters pass', () => {
    assert.equal(dictionaryWordProblem('Kube\u200bflow'), 'holds an invisible or control character (U+200B)');
    assert.equal(dictionaryWordProblem('Kube\u202eflow'), 'holds an invisible or control character (U+202E)');
    assert.equal(dictionaryWordProblem('Kube\u0085flow'), 'holds an invisible or control character (U+0085)');
    assert.equal(dictionaryWordProblem('Kube flow'), 'holds a space (U+0020)');
    assert.equal(dictionaryWordProblem('Kube\ud800'), 'holds a broken character (U+D800)');
    for (const word of ['Zoë', 'Łódź', 'C#', "O'Neill", 'naïve', 'Müller-Lüdenscheidt', '𝒳', 'Nguyễn']) assert.equal(dictionaryWordProblem(word), undefined, word);
  });
});
