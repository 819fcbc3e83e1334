import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ApplyWorkspaceEditRequest,
  type ApplyWorkspaceEditParams,
  CodeActionRequest,
  type CodeAction,
  DocumentDiagnosticRequest,
  DocumentFormattingRequest,
  ExecuteCommandRequest,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

const TEXT = [
  '# Ravi Shankar',
  'ravi.shankar@example.com',
  '## Experience',
  '',
  '### Woodgrove Bank, Engineer, 2019-2024',
  '',
  '- o Rebuilt the the ledger service.   ',
  '* Ran the  release train.',
  '- Responsible for managing the on-call rotation.',
  '',
].join('\n');

// The date's separator as vita.dates.style asks (below): a safe date-style fix, the same as Format Document writes.
const FIXED = TEXT.replace('- o Rebuilt the the ledger service.   ', '- Rebuilt the the ledger service.').replace('* Ran the  release', '- Ran the release').replace('2019-2024', '2019–2024');

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'resume', 1, text), edits);
}

describe('Fix All, Format Document and Disable quick fixes over stdio', () => {
  let client: TestClient;
  let uri: string;
  const applied: ApplyWorkspaceEditParams[] = [];
  before(async () => {
    client = new TestClient();
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied.push(params);
      return { applied: true };
    });
    const result = await client.initialize({
      textDocument: { diagnostic: { dynamicRegistration: false } },
      workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
    });
    const caps = result.capabilities;
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.vita']);
    assert.equal(caps.documentFormattingProvider, true);
    assert.deepEqual(caps.executeCommandProvider?.commands, ['vita.applyFixAll', 'vita.addToWorkspaceDictionary']);
    // Format Document writes dates as vita.dates.style says (the document alone would keep its hyphen in `2019-2024`).
    client.settings = { dates: { style: { separator: '–' } } };
    uri = await client.open(join(repoRoot(), 'ravi.resume'), TEXT, 3);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  test('source.fixAll.vita (editor.codeActionsOnSave) returns one action with every safe fix', async () => {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all auto-fixable problems (5)', 'source.fixAll.vita']]);
    assert.equal(apply(TEXT, actions[0].edit!.changes![uri]), FIXED);
  });

  test('a plain code action request (the light bulb) gets no Fix All, but Disable quick fixes', async () => {
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    const diagnostics = ('items' in report ? report.items : []) as Diagnostic[];
    const glyph = diagnostics.find((d) => d.code === 'bullet-stray-glyph')!;
    assert.equal(glyph.codeDescription?.href, 'https://github.com/vita-resume/vita/blob/main/docs/rules.md#bullet-stray-glyph');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: glyph.range,
      context: { diagnostics: [glyph] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Remove stray "o"', 'Disable bullet-stray-glyph for this line', 'Disable bullet-stray-glyph for this file']);
    assert.equal(apply(TEXT, actions[1].edit!.changes![uri]).split('\n')[6], '<!-- vita-disable-next-line bullet-stray-glyph -->');
  });

  test('textDocument/formatting normalises markers, dates (per vita.dates.style), spaces and blank lines', async () => {
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = apply(TEXT, edits!);
    assert.equal(
      formatted,
      TEXT.replace('ravi.shankar@example.com\n## Experience', 'ravi.shankar@example.com\n\n## Experience')
        .replace('2019-2024', '2019–2024') // the setting's en dash, closed up as the document writes its year ranges
        .replace('ledger service.   ', 'ledger service.')
        .replace('* Ran the  release', '- Ran the release'),
    );
    assert.match(formatted, /Rebuilt the the ledger/, 'formatting never changes words');
  });

  test('vita.applyFixAll applies the fixes through a versioned workspace/applyEdit', async () => {
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'vita.applyFixAll', arguments: [{ uri, version: 3 }] });
    assert.deepEqual(result, { applied: 5 }); // glyph, trailing spaces, marker, double space, date separator (a doubled word is the writer's)
    assert.equal(applied.length, 1);
    const change = applied[0].edit.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: TextEdit[] };
    assert.deepEqual(change.textDocument, { uri, version: 3 });
    assert.equal(apply(TEXT, change.edits), FIXED);
    assert.equal(applied[0].label, 'vita: Fix All');
  });

  test('vita.applyFixAll for a stale version or an unknown document does nothing', async () => {
    assert.deepEqual(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'vita.applyFixAll', arguments: [{ uri, version: 2 }] }), { applied: 0 });
    assert.deepEqual(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'vita.applyFixAll', arguments: [{ uri: 'file:///nope.md' }] }), { applied: 0 });
    assert.equal(applied.length, 1, 'no further edit was sent');
  });
});
