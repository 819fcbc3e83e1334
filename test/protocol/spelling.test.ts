import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  type CodeAction,
  type Diagnostic,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../helpers/lspClient';

const TEXT = [
  '# Marisol Achterberg',
  'marisol.achterberg@example.com · Rijswijk',
  '',
  '## Experience',
  '',
  '### Tailspin Toys, Release Engineer, 2020 – 2024',
  '',
  '- Built the Softerware release pipeline for 12 teams.',
  '- Moved 30 repositories to Github Actions.',
  '',
].join('\n');

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);
const spellingOnly = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code === 'spelling' || d.code === 'spelling-casing');

async function codeActions(client: TestClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as CodeAction[];
}

describe('spelling over stdio, push diagnostics, in a workspace folder', () => {
  let client: TestClient;
  let folder: string;
  let uri: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'vita-spelling-'));
    mkdirSync(join(folder, 'cv'));
    client = new TestClient();
    const result = await client.initialize({ workspace: { configuration: true } }, [folder]);
    assert.deepEqual(result.capabilities.executeCommandProvider?.commands, ['vita.applyFixAll', 'vita.addToWorkspaceDictionary']);
    uri = await client.open(join(folder, 'cv', 'marisol.resume'), TEXT, 1);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    rmSync(folder, { recursive: true, force: true });
  });

  let softerware: Diagnostic;
  test('didOpen → a spelling finding carrying its word, and a casing finding carrying its fix', async () => {
    const published = await client.diagnostics((p) => p.uri === uri && p.version === 1);
    assert.deepEqual(codes(spellingOnly(published.diagnostics)), ['8:13 spelling', '9:28 spelling-casing']);
    softerware = published.diagnostics.find((d) => d.code === 'spelling')!;
    assert.equal(softerware.severity, 2);
    assert.deepEqual(softerware.data, { word: 'Softerware' }, 'suggestions are computed when asked for, not while checking');
    const casing = published.diagnostics.find((d) => d.code === 'spelling-casing')!;
    assert.deepEqual((casing.data as { suggestions: string[] }).suggestions, ['GitHub']);
    assert.equal(client.stderr, '');
  });

  test('code actions: "Change to \'Software\'" first and preferred, then the dictionaries and the file', async () => {
    const actions = await codeActions(client, uri, softerware);
    assert.equal(actions[0].title, "Change to 'Software'");
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
    const edited = TextDocument.applyEdits(TextDocument.create(uri, 'resume', 1, TEXT), actions[0].edit!.changes![uri]);
    assert.equal(edited, TEXT.replace('Softerware', 'Software'));
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes("Add 'Softerware' to workspace dictionary"), titles.join(' | '));
    assert.ok(!titles.includes("Add 'Softerware' to user dictionary"), 'only clients that run vita.addToUserDictionary get it');
    const ignore = actions.find((a) => a.title === "Ignore 'Softerware' in this file")!;
    const ignored = TextDocument.applyEdits(TextDocument.create(uri, 'resume', 1, TEXT), ignore.edit!.changes![uri]);
    assert.equal(ignored, `<!-- vita-words: Softerware -->\n${TEXT}`);
  });

  test('"Add to workspace dictionary" writes .vita/words.txt and the finding goes on the next push', async () => {
    const actions = await codeActions(client, uri, softerware);
    const add = actions.find((a) => a.title === "Add 'Softerware' to workspace dictionary")!;
    assert.equal(add.command?.command, 'vita.addToWorkspaceDictionary');
    const before = client.allPublished().length;
    const answer = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: add.command!.command, arguments: add.command!.arguments });
    assert.deepEqual(answer, { added: true });
    const wordsFile = join(folder, '.vita', 'words.txt');
    assert.ok(existsSync(wordsFile));
    assert.match(readFileSync(wordsFile, 'utf8'), /^Softerware$/m);
    const next = await client.diagnostics((p) => p.uri === uri && client.allPublished().indexOf(p) >= before);
    assert.deepEqual(codes(spellingOnly(next.diagnostics)), ['9:28 spelling-casing']);
  });
});

describe('spelling over stdio, pull diagnostics (VS Code)', () => {
  let client: TestClient;
  let folder: string;
  let uri: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'vita-spelling-pull-'));
    client = new TestClient();
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } }, [folder], { userDictionaryCommand: true });
    uri = await client.open(join(folder, 'marisol.resume'), TEXT, 1);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    rmSync(folder, { recursive: true, force: true });
  });

  const pull = async (): Promise<Diagnostic[]> => {
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return ('items' in report ? report.items : []) as Diagnostic[];
  };

  test('the user dictionary is offered to a client that runs it; vita.spelling.words apply after didChangeConfiguration', async () => {
    const softerware = (await pull()).find((d) => d.code === 'spelling')!;
    assert.equal(softerware.message, '"Softerware" may be misspelled.');
    const actions = await codeActions(client, uri, softerware);
    const user = actions.find((a) => a.title === "Add 'Softerware' to user dictionary")!;
    assert.deepEqual(user.command, { title: "Add 'Softerware' to user dictionary", command: 'vita.addToUserDictionary', arguments: [{ word: 'Softerware' }] });
    // What the client's command does: the global setting changes, the server hears didChangeConfiguration.
    client.settings = { spelling: { words: ['Softerware'] } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(codes(spellingOnly(await pull())), ['9:28 spelling-casing']);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(codes(spellingOnly(await pull())), ['8:13 spelling', '9:28 spelling-casing']);
  });

  test('a word added to the workspace dictionary is gone on the next pull', async () => {
    const answer = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'vita.addToWorkspaceDictionary', arguments: [{ uri, word: 'Softerware' }] });
    assert.deepEqual(answer, { added: true });
    assert.deepEqual(codes(spellingOnly(await pull())), ['9:28 spelling-casing']);
  });
});
