// Misuse, odd files and hostile workspaces against the built server (issue 16): a named pipe in `.vita/` stalls no
// document; a quick fix applies only to the text it was made for (stale and forged `data` are refused); a change
// without a higher version or a second didOpen never leaves a model of another text; `capabilities: null`, requests
// before initialize (-32002), workspace folders that are not local paths, framing errors (exit 1 with a message, not
// a deaf server); huge settings cost one short message; words with invisible characters never reach a dictionary.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import {
  type CodeAction,
  CodeActionRequest,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  type DocumentSymbol,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  InitializeRequest,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

const SERVER = join(repoRoot(), 'dist', 'server.js');
const CLI = join(repoRoot(), 'dist', 'cli.js');
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'vita-misuse-')));
after(() => rmSync(scratch, { recursive: true, force: true }));

const PULL = { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } };
/** Every test fails by this timeout rather than hang the run (a deaf server, a stalled check). */
const BOUNDED = { timeout: 60_000 };

const RESUME = [
  '# Ana Lopes',
  'ana.lopes@example.com · Porto Alegre',
  '',
  '## Experience',
  '',
  '### Quillfeather Logistics, Dispatcher, 2019 – 2024',
  '',
  '- o Coordinated 40 drivers across three depots.',
  '- Shipped v2 of the the routing sheet.',
  '- Rebuilt the Softerware for the night shift.',
  '',
].join('\n');

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  assert.ok('items' in report);
  return report.items;
}

async function codeActions(client: TestClient, uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  return ((await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) ?? []) as CodeAction[];
}

/** The text after a code action's edits (all of them are for `uri`). */
function applied(text: string, uri: string, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'resume', 0, text), edits);
}

/** Every position a diagnostic list or a symbol tree holds lies inside `text`. */
function assertInside(text: string, ranges: Range[], what: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const range of ranges) {
    for (const p of [range.start, range.end]) assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${what}: ${JSON.stringify(range)} lies outside the text`);
  }
}

function symbolRanges(symbols: DocumentSymbol[]): Range[] {
  return symbols.flatMap((s) => [s.range, s.selectionRange, ...symbolRanges(s.children ?? [])]);
}

const strip = (diagnostics: readonly Diagnostic[]) => JSON.parse(JSON.stringify(diagnostics)) as Diagnostic[];

describe('a quick fix applies to the text it was made for (item 2)', () => {
  test('the squiggle moved by an edit above it: the fix follows the text, never the stale range in data', BOUNDED, async () => {
    const client = new TestClient();
    try {
      await client.initialize(PULL);
      const uri = await client.open(join(scratch, 'stale.resume'), RESUME, 1);
      const stray = (await pull(client, uri)).find((d) => d.code === 'bullet-stray-glyph')!;
      assert.equal(stray.range.start.line, 7);
      // The person deletes the blank line above the entry: every line below moves up by one.
      const v2 = RESUME.replace('\n\n### Quillfeather', '\n### Quillfeather');
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, text: '' }],
      });
      // VS Code moves the squiggle with the text but keeps its data (the fix's range is still line 7).
      const moved: Diagnostic = { ...stray, range: { start: { line: 6, character: 2 }, end: { line: 6, character: 3 } } };
      const actions = await codeActions(client, uri, moved.range, [moved]);
      const remove = actions.find((a) => a.title === 'Remove stray "o"');
      assert.ok(remove, `the fix is offered for the moved squiggle: ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(applied(v2, uri, remove), v2.replace('- o Coordinated', '- Coordinated'));

      // The same diagnostic where it was (a client that does not move squiggles): that line holds other text now.
      const stale = await codeActions(client, uri, stray.range, [stray]);
      assert.deepEqual(stale, [], 'no action for a diagnostic made for another text');
    } finally {
      await client.shutdown();
    }
  });

  test('a spelling squiggle whose word the person changed gets no "Change to" (it would overwrite the new word)', BOUNDED, async () => {
    const client = new TestClient();
    try {
      await client.initialize(PULL);
      const uri = await client.open(join(scratch, 'stale-spelling.resume'), RESUME, 1);
      const typo = (await pull(client, uri)).find((d) => d.code === 'spelling')!;
      assert.deepEqual(typo.data, { word: 'Softerware' });
      // The person fixes the word by hand: 'Softerware' → 'Software' (VS Code shrinks or keeps the squiggle).
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: typo.range.start, end: typo.range.end }, text: 'Software' }],
      });
      const actions = await codeActions(client, uri, typo.range, [typo]);
      assert.deepEqual(actions.map((a) => a.title), []);
    } finally {
      await client.shutdown();
    }
  });

  test('forged data (edits past the end of the text, or a diagnostic vita never made) is refused', BOUNDED, async () => {
    const client = new TestClient();
    try {
      await client.initialize(PULL);
      const uri = await client.open(join(scratch, 'forged.resume'), RESUME, 1);
      const stray = (await pull(client, uri)).find((d) => d.code === 'bullet-stray-glyph')!;
      const pastTheEnd = { range: { start: { line: 400, character: 0 }, end: { line: 400, character: 9 } }, newText: 'owned' };
      const forged: Diagnostic = { ...stray, data: { fixes: [{ title: 'Remove stray "o"', safe: true, edits: [pastTheEnd] }] } };
      const actions = await codeActions(client, uri, stray.range, [forged]);
      const edits = actions.flatMap((a) => a.edit?.changes?.[uri] ?? []);
      assertInside(RESUME, edits.map((e) => e.range), 'quick-fix edits');
      assert.equal(applied(RESUME, uri, actions.find((a) => a.title === 'Remove stray "o"')!), RESUME.replace('- o Coordinated', '- Coordinated'));

      const invented: Diagnostic = { ...forged, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } };
      assert.deepEqual(await codeActions(client, uri, invented.range, [invented]), []);
    } finally {
      await client.shutdown();
    }
  });
});

describe('protocol misuse (item 5)', () => {
  const SHORT = '## Skills\n\n- o Go\n';

  test('a didChange whose version does not increase: every answer is of the new text', BOUNDED, async () => {
    const client = new TestClient();
    try {
      await client.initialize(PULL);
      const uri = await client.open(join(scratch, 'versions.resume'), RESUME, 5);
      assert.ok((await pull(client, uri)).some((d) => d.code === 'spelling'));
      const expected = await (async () => {
        const fresh = await client.open(join(scratch, 'versions-fresh.resume'), SHORT, 1);
        return pull(client, fresh);
      })();
      for (const version of [5, 3]) {
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text: SHORT }] });
        const diagnostics = await pull(client, uri);
        assertInside(SHORT, diagnostics.map((d) => d.range), `diagnostics after a change to version ${version}`);
        assert.deepEqual(strip(diagnostics), strip(expected));
        const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
        assertInside(SHORT, symbolRanges(symbols), `symbols after a change to version ${version}`);
        // Back to the long text under the same version, for the next round.
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text: RESUME }] });
        assert.ok((await pull(client, uri)).some((d) => d.code === 'spelling'), 'the long text is checked again');
      }
    } finally {
      await client.shutdown();
    }
  });

  test('a second didOpen without a close (same version, other text), pushed: the newest text is published', BOUNDED, async () => {
    const client = new TestClient();
    try {
      await client.initialize({});
      const uri = await client.open(join(scratch, 'reopen.resume'), RESUME, 1);
      await client.diagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'spelling'));
      const count = client.allPublished().length;
      await client.open(join(scratch, 'reopen.resume'), SHORT, 1);
      const republished = await client.diagnostics((p) => p.uri === uri && client.allPublished().indexOf(p) >= count);
      assertInside(SHORT, republished.diagnostics.map((d) => d.range), 'pushed diagnostics');
      assert.deepEqual(republished.diagnostics.map((d) => d.code), ['contact-missing', 'bullet-stray-glyph']);
      const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      assertInside(SHORT, symbolRanges(symbols), 'symbols');
    } finally {
      await client.shutdown();
    }
  });

  test('capabilities: null (and params that are not objects) at initialize work', BOUNDED, async () => {
    for (const params of [
      { processId: null, rootUri: null, capabilities: null },
      { processId: null, rootUri: 42, capabilities: { workspace: null, textDocument: 'x' }, workspaceFolders: 'not a list', initializationOptions: 'x' },
    ]) {
      const client = new TestClient();
      try {
        const result = await client.connection.sendRequest(InitializeRequest.type, params as never);
        assert.ok(result.capabilities.documentSymbolProvider, JSON.stringify(params));
        const uri = await client.open(join(scratch, 'caps.resume'), SHORT);
        const published = await client.diagnostics((p) => p.uri === uri);
        assert.deepEqual(published.diagnostics.map((d) => d.code), ['contact-missing', 'bullet-stray-glyph']);
      } finally {
        await client.shutdown();
      }
    }
  });

  test('before initialize: a request gets -32002, a notification is dropped', BOUNDED, async () => {
    const client = new TestClient();
    try {
      const uri = pathToFileURL(join(scratch, 'early.resume')).href;
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'resume', version: 1, text: SHORT } });
      await assert.rejects(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), (error: { code?: number }) => error.code === -32002);
      await assert.rejects(client.connection.sendRequest('vita/serverInfo'), (error: { code?: number }) => error.code === -32002);
      await client.initialize({});
      assert.equal(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), null, 'the early didOpen was dropped');
      assert.equal((await client.connection.sendRequest<{ name: string }>('vita/serverInfo')).name, 'vita');
    } finally {
      await client.shutdown();
    }
  });

  test('workspace folders that are not local paths are skipped; the local one works', BOUNDED, async () => {
    const folder = mkdtempSync(join(scratch, 'ws-'));
    const client = new TestClient();
    try {
      await client.connection.sendRequest(InitializeRequest.type, {
        processId: null,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
        workspaceFolders: [
          { uri: 'vscode-vfs://github/example/cv', name: 'remote' },
          { uri: 'file:///%E0%A4%A', name: 'malformed' },
          { uri: 'untitled:Untitled-1', name: 'untitled' },
          { uri: pathToFileURL(folder).href, name: 'local' },
        ],
      });
      const uri = await client.open(join(folder, 'ana.resume'), RESUME);
      assert.ok((await client.diagnostics((p) => p.uri === uri)).diagnostics.some((d) => d.code === 'spelling'));
      const answer = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'vita.addToWorkspaceDictionary', arguments: [{ uri, word: 'Softerware' }] });
      assert.deepEqual(answer, { added: true });
      assert.equal(readFileSync(join(folder, '.vita', 'words.txt'), 'utf8'), 'Softerware\n');
    } finally {
      await client.shutdown();
    }
  });
});

/** A server spawned raw, to send bytes no well-behaved client library would. */
function rawServer(): { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], timeout: 30_000, killSignal: 'SIGKILL' });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += String(chunk)));
  child.stderr!.on('data', (chunk) => (err += String(chunk)));
  child.stdin!.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

const frame = (message: unknown) => {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};
const INITIALIZE = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

describe('framing errors end the server with a clear message (item 5)', () => {
  for (const [name, bytes] of [
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['a header without Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}'],
    ['a header line without a colon', 'Garbage\r\n\r\n{}'],
    ['header lines ended by LF alone', 'Content-Length: 2\n\n{}'],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}'],
  ] as const) {
    test(name, BOUNDED, async () => {
      const server = rawServer();
      server.child.stdin!.write(INITIALIZE);
      server.child.stdin!.write(bytes);
      // The server must not sit deaf: it exits, on its own, with the reason on stderr.
      const code = await Promise.race([server.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000))]);
      server.child.kill('SIGKILL');
      assert.equal(code, 1, `stderr: ${server.stderr()}`);
      assert.match(server.stderr(), /vita: the client's messages cannot be read any more: .+\. The language server stops \(exit 1\)\./);
    });
  }

  test('a body that is not JSON is answered with a parse error, and the server goes on', BOUNDED, async () => {
    const server = rawServer();
    server.child.stdin!.write(INITIALIZE);
    server.child.stdin!.write('Content-Length: 5\r\n\r\n{abc}');
    server.child.stdin!.write(frame({ jsonrpc: '2.0', id: 2, method: 'vita/serverInfo' }));
    const deadline = Date.now() + 20_000;
    while (!server.stdout().includes('"id":2') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGKILL');
    await server.exited;
    assert.match(server.stdout(), /"id":null,"error":\{"code":-32700/);
    assert.match(server.stdout(), /"id":2,"result":\{"name":"vita"/);
  });
});

describe('named pipes in .vita/ stall nothing (item 1)', () => {
  function mkfifo(path: string): void {
    assert.equal(spawnSync('mkfifo', [path], { timeout: 10_000 }).status, 0);
  }

  test('a FIFO at .vita/config.json, .vita/words.txt and words.txt.lock: every document is checked, the add answers', BOUNDED, async () => {
    const folder = mkdtempSync(join(scratch, 'fifo-'));
    mkdirSync(join(folder, '.vita'));
    mkfifo(join(folder, '.vita', 'config.json'));
    mkfifo(join(folder, '.vita', 'words.txt'));
    const other = mkdtempSync(join(scratch, 'fifo-other-'));
    const client = new TestClient();
    try {
      await client.initialize({ workspace: { configuration: true } }, [folder, other]);
      const inside = await client.open(join(folder, 'ana.resume'), RESUME);
      const outside = await client.open(join(other, 'ana.resume'), RESUME);
      for (const uri of [inside, outside]) assert.ok((await client.diagnostics((p) => p.uri === uri, 20_000)).diagnostics.some((d) => d.code === 'spelling'));
      const refused = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'vita.addToWorkspaceDictionary', arguments: [{ uri: inside, word: 'Softerware' }] });
      assert.deepEqual(refused, { added: false });
      assert.ok(client.messages.some((m) => m.message.includes('not a plain file')), JSON.stringify(client.messages));
      // A pipe where the lock goes: taken over, not read (reading a pipe blocks until someone writes to it).
      rmSync(join(folder, '.vita', 'words.txt'));
      mkfifo(join(folder, '.vita', 'words.txt.lock'));
      const added = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'vita.addToWorkspaceDictionary', arguments: [{ uri: inside, word: 'Softerware' }] });
      assert.deepEqual(added, { added: true });
      assert.equal(readFileSync(join(folder, '.vita', 'words.txt'), 'utf8'), 'Softerware\n');
    } finally {
      await client.shutdown();
    }
  });

  test('the CLI: a FIFO given as a file, and one at .vita/config.json, are refused at once', BOUNDED, () => {
    const folder = mkdtempSync(join(scratch, 'fifo-cli-'));
    mkdirSync(join(folder, '.vita'));
    mkfifo(join(folder, '.vita', 'config.json'));
    mkfifo(join(folder, 'pipe.resume'));
    writeFileSync(join(folder, 'ana.resume'), RESUME);
    const run = spawnSync(process.execPath, [CLI, 'check', 'pipe.resume', 'ana.resume'], { cwd: folder, encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.signal, null, 'not killed by the timeout');
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /pipe\.resume: is a named pipe, not a file/);
    assert.match(run.stderr, /cannot read .*config\.json: is a named pipe, not a file; ignoring it/);
    assert.match(run.stdout, /ana\.resume:\d+:\d+ warning bullet-stray-glyph/);
  });
});

describe('huge settings cost one short message (item 6)', () => {
  test('a million words and 100,000 rule keys: one warning of a few lines; the document is checked', BOUNDED, async () => {
    const client = new TestClient();
    try {
      await client.initialize(PULL);
      const rules: Record<string, string> = { 'bullet-stray-glyph': 'error' };
      for (let i = 0; i < 100_000; i++) rules[`no-such-rule-${i}`] = 'error';
      client.settings = { spelling: { words: Array.from({ length: 1_000_000 }, (_, i) => `word${i}`) }, rules };
      const uri = await client.open(join(scratch, 'huge-settings.resume'), RESUME);
      const diagnostics = await pull(client, uri);
      assert.equal(diagnostics.find((d) => d.code === 'bullet-stray-glyph')?.severity, 1, 'the one real rule key applies');
      const warnings = client.messages.filter((m) => m.type === 2);
      assert.equal(warnings.length, 1, JSON.stringify(warnings).slice(0, 2000));
      assert.ok(warnings[0].message.length < 1500, `a short message (${warnings[0].message.length} characters)`);
      assert.match(warnings[0].message, /there are no rules "no-such-rule-0", "no-such-rule-1", "no-such-rule-2" and 99997 more/);
      assert.match(warnings[0].message, /"vita\.spelling\.words" has 1000000 entries; only the first 100000 are used/);
    } finally {
      await client.shutdown();
    }
  });

  test('a .vita/config.json with 50,000 unknown keys: one short problem', BOUNDED, async () => {
    const folder = mkdtempSync(join(scratch, 'keys-'));
    mkdirSync(join(folder, '.vita'));
    writeFileSync(join(folder, '.vita', 'config.json'), JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`key${i}`, i]))));
    const client = new TestClient();
    try {
      await client.initialize(PULL, [folder]);
      const uri = await client.open(join(folder, 'ana.resume'), RESUME);
      assert.ok((await pull(client, uri)).some((d) => d.code === 'spelling'));
      const warnings = client.messages.filter((m) => m.type === 2);
      assert.equal(warnings.length, 1);
      assert.ok(warnings[0].message.length < 1500, `a short message (${warnings[0].message.length} characters)`);
      assert.match(warnings[0].message, /unknown settings "key0", "key1", "key2" and 49997 more/);
    } finally {
      await client.shutdown();
    }
  });

  test('vita.maxFileSize below 1 (0, 0.5, -5) is refused with a message; the document is still checked', BOUNDED, async () => {
    for (const maxFileSize of [0, 0.5, -5]) {
      const client = new TestClient();
      try {
        await client.initialize(PULL);
        client.settings = { maxFileSize };
        const uri = await client.open(join(scratch, 'max-size.resume'), RESUME);
        assert.ok((await pull(client, uri)).some((d) => d.code === 'spelling'), `checked with maxFileSize ${maxFileSize}`);
        assert.ok(client.messages.some((m) => m.type === 2 && m.message.includes('"vita.maxFileSize" must be a number of characters, 1 or more')), JSON.stringify(client.messages));
      } finally {
        await client.shutdown();
      }
    }
  });
});

describe('an untrusted workspace (item 6)', () => {
  test('its .vita/config.json may not set maxFileSize, spelling.words or files; a trusted one may', BOUNDED, async () => {
    const folder = mkdtempSync(join(scratch, 'trust-'));
    mkdirSync(join(folder, '.vita'));
    writeFileSync(join(folder, '.vita', 'config.json'), JSON.stringify({ maxFileSize: 50, spelling: { words: ['Softerware'] }, files: ['cv/*.md'], rules: { 'word-repeated': 'off' } }));
    for (const trusted of [false, true]) {
      const client = new TestClient();
      try {
        await client.initialize(PULL, [folder], { workspaceTrusted: trusted });
        const uri = await client.open(join(folder, 'ana.resume'), RESUME);
        const codes = (await pull(client, uri)).map((d) => d.code);
        const tooLarge = client.messages.some((m) => m.message.includes('more than vita.maxFileSize (50)'));
        if (trusted) {
          assert.deepEqual(codes, [], 'maxFileSize 50 applies: the document is not checked');
          assert.ok(tooLarge);
        } else {
          assert.deepEqual(codes, ['bullet-stray-glyph', 'spelling'], 'checked; Softerware still flagged; word-repeated (not restricted) off');
          assert.equal(tooLarge, false);
          const warning = client.messages.find((m) => m.type === 2)?.message ?? '';
          for (const key of ['maxFileSize', 'spelling.words', 'files']) assert.ok(warning.includes(`"${key}" is not applied in an untrusted workspace`), warning);
        }
      } finally {
        await client.shutdown();
      }
    }
  });
});

describe('invisible characters never reach a dictionary (item 7)', () => {
  test('vita.addToWorkspaceDictionary refuses U+200B, U+202E and U+0085, and says which', BOUNDED, async () => {
    const folder = mkdtempSync(join(scratch, 'invisible-'));
    const client = new TestClient();
    try {
      await client.initialize({ workspace: { configuration: true } }, [folder]);
      const uri = await client.open(join(folder, 'ana.resume'), RESUME);
      for (const character of ['\u200b', '\u202e', '\u0085']) {
        const answer = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'vita.addToWorkspaceDictionary', arguments: [{ uri, word: `Softer${character}ware` }] });
        assert.deepEqual(answer, { added: false });
        const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        assert.ok(client.messages.some((m) => m.message.includes(`invisible or control character (U+${code})`)), JSON.stringify(client.messages));
      }
      assert.equal(existsSync(join(folder, '.vita', 'words.txt')), false);
    } finally {
      await client.shutdown();
    }
  });
});
