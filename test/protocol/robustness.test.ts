// Robustness over the protocol, against the built server: big and strange files (oversized ones are not parsed, the
// user is told once, other documents stay responsive), bursts of edits (push and pull: the final diagnostics match the
// final text, no stale version is published after a newer one), broken settings (defaults and one warning), the
// `vita/serverInfo` request, and no network access ever (server and CLI run with a preload that records any attempt).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentFormattingRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { readFixture, repoRoot } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

const RESUME = readFixture('outline', 'pdf-layout.txt');
const SERVER = join(repoRoot(), 'dist', 'server.js');
const CLI = join(repoRoot(), 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'vita-robust-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Deterministic pseudo-random bytes (xorshift32). */
function randomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/** Milliseconds a request takes over the protocol, median of five. */
async function medianLatency(send: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await send();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2];
}

const strip = (diagnostics: readonly Diagnostic[]) => JSON.parse(JSON.stringify(diagnostics)) as Diagnostic[];

describe('big and strange files over stdio', () => {
  test('a 10 MB file is not parsed: every feature answers empty, one clear message; a small document stays responsive', async () => {
    const client = new TestClient();
    try {
      await client.initialize({});
      const small = await client.open(join(scratch, 'small.resume'), RESUME);
      await client.diagnostics((p) => p.uri === small);
      let big = '';
      while (big.length < 10 * 1024 * 1024) big += `${RESUME}\n`;
      const bigUri = await client.open(join(scratch, 'big.resume'), big);
      const published = await client.diagnostics((p) => p.uri === bigUri, 30_000);
      assert.deepEqual(published.diagnostics, []);
      const whole = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };
      const answers = await Promise.all([
        client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: bigUri } }),
        client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: bigUri } }),
        client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: bigUri } }),
        client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: bigUri }, range: whole, context: { diagnostics: [] } }),
        client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: bigUri }, position: { line: 3, character: 3 } }),
        client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: bigUri }, range: whole }),
        client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: bigUri }, options: { tabSize: 2, insertSpaces: true } }),
      ]);
      for (const answer of answers) assert.ok(answer === null || (Array.isArray(answer) && answer.length === 0), `empty answer, got ${JSON.stringify(answer).slice(0, 200)}`);
      // An edit to the big file: still not parsed, still no second message.
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: bigUri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
      });
      await client.diagnostics((p) => p.uri === bigUri && p.version === 2, 30_000);
      const told = client.messages.filter((m) => m.message.includes('vita.maxFileSize'));
      assert.equal(told.length, 1, `one message about vita.maxFileSize: ${JSON.stringify(client.messages)}`);
      assert.match(told[0].message, /big\.resume has \d+ characters, more than vita\.maxFileSize \(1048576\), so vita does not check it/);

      const symbols = await medianLatency(() => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: small } }));
      const hover = await medianLatency(() => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 9, character: 4 } }));
      assert.ok(symbols < 100 && hover < 100, `documentSymbol ${symbols.toFixed(1)} ms, hover ${hover.toFixed(1)} ms on the small document with a 10 MB one open`);
    } finally {
      await client.shutdown();
    }
  });

  test('a single 1 MB line and binary files (random bytes as UTF-8 and latin1) are checked in bounded time; ranges stay inside', async () => {
    const client = new TestClient();
    try {
      await client.initialize({});
      const small = await client.open(join(scratch, 'small.resume'), RESUME);
      await client.diagnostics((p) => p.uri === small);
      const unit = 'Led the migration of 40 services, Jan 2019 – Mar 2021, jane.doe@example.com • ';
      const line = unit.repeat(Math.floor(1_000_000 / unit.length));
      const bytes = randomBytes(300_000, 0x9e3779b9);
      // Long runs that made the model's inline patterns quadratic (each line took 20 s to 90 s to parse before).
      const runs = ['1', 'a-', '2020-', '](', '<a ', '\\x{', 'a.'].map((unit) => unit.repeat(Math.floor(130_000 / unit.length))).join('\n');
      const files = { 'line.resume': line, 'runs.resume': runs, 'binary-utf8.resume': bytes.toString('utf8'), 'binary-latin1.resume': bytes.toString('latin1') };
      for (const [name, text] of Object.entries(files)) {
        const uri = await client.open(join(scratch, name), text);
        const published = await client.diagnostics((p) => p.uri === uri, 60_000);
        const lines = text.split(/\r\n|\r|\n/);
        for (const d of published.diagnostics) {
          for (const position of [d.range.start, d.range.end]) {
            assert.ok(position.line < lines.length && position.character <= lines[position.line].length, `${name}: ${JSON.stringify(d.range)} inside the text`);
          }
        }
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
        assert.ok(Array.isArray(symbols), `${name}: symbols answer`);
        const latency = await medianLatency(() => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: small } }));
        assert.ok(latency < 100, `documentSymbol on the small document took ${latency.toFixed(1)} ms with ${name} open`);
      }
      assert.equal(client.messages.filter((m) => m.message.includes('maxFileSize')).length, 0, 'files under the limit are checked');
    } finally {
      await client.shutdown();
    }
  });
});

/** 200 edits, one notification each, as fast as the pipe takes them; returns the final text. */
async function burst(client: TestClient, uri: string, text: string, onEach?: (version: number) => void): Promise<string> {
  let current = text;
  for (let version = 2; version <= 201; version++) {
    // Alternately append a stray-glyph bullet and remove a line's first character: findings come and go.
    const lines = current.split('\n');
    let change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
    if (version % 3 === 0 && lines.length > 4) {
      change = { range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' };
      lines.splice(2, 1);
    } else {
      const at = lines.length - 1;
      const added = `- o Bullet number ${version}, Jan 2019 – Mar 2021`;
      change = { range: { start: { line: at, character: 0 }, end: { line: at, character: lines[at].length } }, text: `${lines[at]}${added}\n` };
      lines[at] = `${lines[at]}${added}\n`;
    }
    current = lines.join('\n');
    void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    onEach?.(version);
  }
  return current;
}

describe('bursts of edits over stdio', () => {
  test('push: 200 didChange in a row → the last version is published with the diagnostics of the final text, versions never go back', async () => {
    const client = new TestClient();
    try {
      await client.initialize({});
      const uri = await client.open(join(scratch, 'burst.resume'), RESUME);
      await client.diagnostics((p) => p.uri === uri && p.version === 1);
      const finalText = await burst(client, uri, RESUME);
      const last = await client.diagnostics((p) => p.uri === uri && p.version === 201, 30_000);
      // A fresh document with the final text: its diagnostics are what the burst must end with.
      const fresh = await client.open(join(scratch, 'fresh.resume'), finalText);
      const expected = await client.diagnostics((p) => p.uri === fresh, 30_000);
      assert.ok(expected.diagnostics.length > 0);
      assert.deepEqual(strip(last.diagnostics), strip(expected.diagnostics));
      // A round trip, so that anything still queued has been published.
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      const versions = client.allPublished().filter((p: PublishDiagnosticsParams) => p.uri === uri).map((p) => p.version ?? -1);
      assert.deepEqual([...versions].sort((a, b) => a - b), versions, `published versions never go back: ${versions.join(',')}`);
      assert.equal(versions[versions.length - 1], 201);
      assert.ok(versions.length < 50, `a burst is checked a few times, not per change (${versions.length} publishes)`);
    } finally {
      await client.shutdown();
    }
  });

  test('pull: pulls during a burst all answer; the pull after it matches the final text', async () => {
    const client = new TestClient();
    try {
      await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } });
      const uri = await client.open(join(scratch, 'burst-pull.resume'), RESUME);
      // VS Code pulls once the document opens; then settings are known and each pull checks the version it arrives at.
      await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      const pulls: Promise<unknown>[] = [];
      const finalText = await burst(client, uri, RESUME, (version) => {
        if (version % 20 === 0) pulls.push(client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
      });
      const answered = await Promise.all(pulls);
      assert.equal(answered.length, 10);
      const last = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      const fresh = await client.open(join(scratch, 'fresh-pull.resume'), finalText);
      const expected = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: fresh } });
      assert.ok('items' in last && 'items' in expected);
      assert.ok(expected.items.length > 0);
      assert.deepEqual(strip(last.items), strip(expected.items));
      assert.equal(client.allPublished().length, 0, 'nothing is pushed to a pulling client');
    } finally {
      await client.shutdown();
    }
  });
});

describe('broken settings over stdio', () => {
  test('wrong types and unknown values: defaults are used, one warning (not one per document or value), the server keeps working', async () => {
    const client = new TestClient();
    try {
      await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } });
      const pull = async (uri: string) => {
        const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
        assert.ok('items' in report);
        return report.items.map((d) => d.code);
      };
      const warnings = () => client.messages.filter((m) => m.type === 2);
      client.settings = {
        rules: { 'bullet-stray-glyph': 'loud', 'no-such-rule': 'error' },
        dates: { today: 'yesterday' },
        maxFileSize: -5,
      };
      const uris = await Promise.all(['a', 'b', 'c'].map((name) => client.open(join(scratch, `settings-${name}.resume`), '## Skills\n\n- o Go, Rust\n')));
      for (const uri of uris) assert.ok((await pull(uri)).includes('bullet-stray-glyph'), 'defaults: the rule keeps its default severity');
      assert.equal(warnings().length, 1, `one warning: ${JSON.stringify(warnings())}`);
      for (const part of ['vita.rules.bullet-stray-glyph', 'no-such-rule', 'vita.dates.today', 'vita.maxFileSize']) assert.ok(warnings()[0].message.includes(part), `the warning names ${part}`);

      // A problem already reported is not reported again: [1, 2] and 42 break the section as 'a string' did.
      const cases: [unknown, number][] = [['a string', 1], [[1, 2], 0], [42, 0], [{ rules: 'all' }, 1], [{ maxFileSize: 'big' }, 0]];
      for (const [broken, more] of cases) {
        client.settings = broken;
        const before = warnings().length;
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        for (const uri of uris) assert.ok((await pull(uri)).includes('bullet-stray-glyph'), `still checking with settings ${JSON.stringify(broken)}`);
        assert.equal(warnings().length, before + more, `${more} new warning(s) for ${JSON.stringify(broken)}: ${JSON.stringify(warnings())}`);
      }
      client.settings = null;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.ok((await pull(uris[0])).includes('bullet-stray-glyph'), 'null settings: defaults');
    } finally {
      await client.shutdown();
    }
  });
});

describe('vita/serverInfo', () => {
  test('answers the server process id', async () => {
    const client = new TestClient();
    try {
      await client.initialize({});
      const info = await client.connection.sendRequest<{ name: string; version: string; pid: number }>('vita/serverInfo');
      assert.equal(info.pid, client.child.pid);
      assert.equal(info.name, 'vita');
    } finally {
      await client.shutdown();
    }
  });
});

/** A preload that records (in VITA_NET_LOG) and refuses every way a Node program reaches the network. */
const NO_NETWORK_PRELOAD = `
const fs = require('node:fs');
const record = (what) => {
  fs.appendFileSync(process.env.VITA_NET_LOG, what + '\\n');
  throw new Error('network access refused by the test: ' + what);
};
const patch = (moduleName, names) => {
  const mod = require(moduleName);
  for (const name of names) if (typeof mod[name] === 'function') mod[name] = () => record(moduleName + '.' + name);
};
patch('net', ['connect', 'createConnection', 'createServer']);
const net = require('net');
net.Socket.prototype.connect = function () { record('net.Socket.connect'); };
patch('tls', ['connect']);
patch('http', ['request', 'get', 'createServer']);
patch('https', ['request', 'get', 'createServer']);
patch('http2', ['connect']);
patch('dgram', ['createSocket']);
patch('dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
patch('dns/promises', ['lookup', 'resolve']);
globalThis.fetch = () => record('fetch');
globalThis.WebSocket = function () { record('WebSocket'); };
`;

describe('no network, ever', () => {
  const preload = join(scratch, 'no-network.js');
  const log = join(scratch, 'network.log');
  writeFileSync(preload, NO_NETWORK_PRELOAD);

  test('the preload does catch a network attempt (so that the tests below mean something)', () => {
    rmSync(log, { force: true });
    const run = spawnSync(process.execPath, ['--require', preload, '-e', "require('https').get('https://example.com')"], { env: { ...process.env, VITA_NET_LOG: log }, timeout: 30_000 });
    assert.notEqual(run.status, 0);
    assert.equal(readFileSync(log, 'utf8'), 'https.get\n');
  });

  test('a full language server session makes no network request', async () => {
    rmSync(log, { force: true });
    const workspace = mkdtempSync(join(scratch, 'ws-'));
    process.env.VITA_NET_LOG = log; // inherited by the server process
    const client = new TestClient(['--require', preload, SERVER, '--stdio']);
    try {
      await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true, workspaceFolders: true } }, [workspace]);
      const uri = await client.open(join(workspace, 'resume.resume'), `${RESUME}\nSofterware Engineer at https://example.com and www.example.org\n`);
      const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.ok('items' in report && report.items.length > 0);
      const whole = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
      await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 4 } });
      await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: whole });
      await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics: report.items } });
      await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll.vita'] } });
      await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      await client.connection.sendRequest('vita/summary', { uri });
      await client.connection.sendRequest('workspace/executeCommand', { command: 'vita.addToWorkspaceDictionary', arguments: [{ uri, word: 'Softerware' }] }).catch(() => undefined);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: RESUME }] });
      await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
    assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '', 'no network attempt was recorded');
    assert.equal(client.stderr.includes('network access refused'), false, client.stderr);
  });

  test('the CLI makes no network request', () => {
    rmSync(log, { force: true });
    const file = join(scratch, 'cli.resume');
    writeFileSync(file, RESUME);
    for (const args of [['check', file], ['check', '--format', 'json', file], ['outline', file]]) {
      const run = spawnSync(process.execPath, ['--require', preload, CLI, ...args], { env: { ...process.env, VITA_NET_LOG: log }, encoding: 'utf8', timeout: 60_000 });
      assert.ok(run.status === 0 || run.status === 1, `vita ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    }
    assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '', 'no network attempt was recorded');
  });

  test('dist/server.js and dist/cli.js load no network module, but the LSP transport (net, for --socket/--pipe)', () => {
    // The entry points (boot.ts) and the programs they start.
    for (const bundle of [SERVER, CLI, join(dirname(SERVER), 'server-main.js'), join(dirname(CLI), 'cli-main.js')]) {
      const code = readFileSync(bundle, 'utf8');
      // esbuild marks where each bundled file starts: `// node_modules/vscode-jsonrpc/lib/node/main.js`.
      const starts = [...code.matchAll(/^\/\/ (\S+\.[cm]?[jt]s)$/gm)].map((m) => ({ at: m.index ?? 0, file: m[1] }));
      const fileAt = (offset: number) => [...starts].reverse().find((s) => s.at <= offset)?.file ?? '(top)';
      for (const match of code.matchAll(/require\("(?:node:)?([\w/]+)"\)/g)) {
        const name = match[1];
        const from = fileAt(match.index ?? 0);
        assert.ok(!['http', 'https', 'http2', 'tls', 'dgram', 'dns', 'dns/promises'].includes(name), `${bundle}: ${from} requires ${name}`);
        if (name === 'net' || name === 'child_process') {
          assert.match(from, /^node_modules\/vscode-(jsonrpc|languageserver)\//, `${bundle}: ${name} required outside the LSP library, by ${from}`);
        }
      }
      for (const pattern of [/(?<![.\w$])fetch\(/g, /globalThis\.fetch/g, /XMLHttpRequest/g, /new WebSocket\b/g]) {
        for (const match of code.matchAll(pattern)) {
          // A method of that name (`async fetch(uri) {` in the settings store) is not the global fetch.
          if (/^fetch\([^)]*\)\s*\{/.test(code.slice(match.index, match.index + 200))) continue;
          assert.fail(`${bundle}: ${fileAt(match.index ?? 0)} uses ${match[0]}`);
        }
      }
    }
  });
});
