import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type Diagnostic,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { fixturePath, readFixture } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

const PDF_LAYOUT = readFixture('outline', 'pdf-layout.txt');
const BOLD_ENTRIES = readFixture('outline', 'bold-entries.md');

describe('language server over stdio, push diagnostics (a client like Neovim 0.7)', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0, 'server exits with 0 after shutdown + exit');
  });

  test('initialize announces the features', async () => {
    const result = await client.initialize({});
    const caps = result.capabilities;
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    assert.ok(caps.documentLinkProvider);
    assert.ok(caps.codeActionProvider);
    assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client that cannot pull');
  });

  let uri: string;
  let diagnostics: Diagnostic[];
  test('didOpen publishes bullet-stray-glyph findings', async () => {
    uri = await client.open(fixturePath('outline', 'pdf-layout.txt'), PDF_LAYOUT);
    const published = await client.diagnostics((p) => p.uri === uri);
    assert.equal(published.version, 1);
    diagnostics = published.diagnostics.filter((d) => d.code === 'bullet-stray-glyph');
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.severity, d.source]), [[3, 2, 2, 'vita']]);
  });

  test('documentSymbol: sections › entries › sub-entries, with dates in detail', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['Skills', 'Working Experience', 'Project Experience', 'Education']);
    const work = symbols[1].children!;
    assert.deepEqual(work.map((s) => s.name), ['Globex Corporation', 'Globex Corporation', 'Initech Ltd.']);
    assert.equal(work[0].children![0].name, 'Payments platform');
    assert.equal(work[0].children![0].detail, '2022/04 – now');
    assert.equal(symbols[3].children![0].detail, 'M.Sc. in Computer Science · 2014/09 – 2016/08');
  });

  test('foldingRange: one per section and per entry', async () => {
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    const starts = new Set(ranges!.map((r) => r.startLine));
    for (const line of [5, 7, 9, 14, 26, 34]) assert.ok(starts.has(line), `a folding range starts on line ${line + 1}`);
  });

  test('codeAction: the fix travels in the diagnostic and removes the glyph', async () => {
    const diagnostic = diagnostics[0];
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const action = actions!.find((a) => 'kind' in a && a.kind === 'quickfix');
    assert.ok(action && 'edit' in action, 'a quick fix with an edit');
    assert.equal(action.title, 'Remove stray "o"');
    assert.deepEqual(action.edit!.changes![uri], [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } }, newText: '' }]);
  });

  test('didChange: diagnostics follow the new version', async () => {
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } }, text: '' }],
    });
    const published = await client.diagnostics((p) => p.uri === uri && p.version === 2);
    assert.deepEqual(published.diagnostics.filter((d) => d.code === 'bullet-stray-glyph'), []);
  });

  test('documentLink: emails become mailto: links', async () => {
    const other = await client.open(fixturePath('outline', 'bold-entries.md'), BOLD_ENTRIES);
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: other } });
    assert.deepEqual(links!.map((l) => l.target), ['mailto:marisol.vega@example.com']);
    assert.deepEqual(links![0].range, { start: { line: 2, character: 14 }, end: { line: 2, character: 38 } });
  });
});

describe('language server over stdio, pull diagnostics (a client like VS Code)', () => {
  test('diagnostics are pulled, settings are pulled, vita.rules turns a rule off', async () => {
    const client = new TestClient();
    try {
      // The snippet has no email; contact-missing is switched off so that one rule is in play.
      client.settings = { rules: { 'contact-missing': 'off' } };
      const result = await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } });
      assert.ok(result.capabilities.diagnosticProvider, 'pull diagnostics announced');
      const uri = await client.open(join(__dirname, 'pull.resume'), '## Skills\n\n- o Go, Rust\n');
      const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      assert.deepEqual('items' in report ? report.items.map((d) => d.code) : [], ['bullet-stray-glyph']);
      assert.equal(client.allPublished().length, 0, 'nothing is pushed to a pulling client');

      client.settings = { rules: { 'contact-missing': 'off', 'bullet-stray-glyph': 'off' } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const after = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.deepEqual('items' in after ? after.items : ['no items'], []);
    } finally {
      await client.shutdown();
    }
  });
});
