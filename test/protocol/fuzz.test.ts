// Fuzzing the built server over stdio (issue 16): random sequences of opens, changes (versions up, equal or down;
// ranges past the end or reversed), closes, requests with odd positions, stale and forged code-action diagnostics,
// unknown methods and garbage params — each message framed with random header spellings, extra headers and random
// chunking. After each sequence, the server must still answer, and every range it gives for every open document must
// lie inside that document's text (mirrored here with the same text-document library). A second property breaks the
// framing at random and asserts the server exits (1) with its message instead of sitting deaf.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { type Message, StreamMessageReader } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from '../helpers/fixtures';

const SEED = Number(process.env.VITA_FC_SEED ?? 20261616);
const SERVER = join(repoRoot(), 'dist', 'server.js');
const scratch = mkdtempSync(join(tmpdir(), 'vita-fuzz-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** How a message is put on the wire: header spelling, extra headers, and where the bytes are cut into writes. */
interface Framing {
  lowerCase: boolean;
  contentType: boolean;
  /** Fractions of the message's length at which a write ends (sorted, deduplicated when used). */
  cuts: number[];
  /** Whether to give the server a turn between the pieces. */
  pause: boolean;
}

/** A raw stdio client: frames its own bytes, answers the server's requests, correlates responses. */
class RawClient {
  readonly child: ChildProcess;
  stderr = '';
  private nextId = 1;
  private dead = false;
  private readonly pending = new Map<number, { resolve: (message: { result?: unknown; error?: { code: number } }) => void }>();
  readonly closed: Promise<number | null>;

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], timeout: 300_000, killSignal: 'SIGKILL' });
    this.child.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.child.stdin!.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.child.once('close', (code) => resolve(code)));
    void this.closed.then(() => {
      this.dead = true;
      for (const waiter of this.pending.values()) waiter.resolve({ error: { code: -1 } });
      this.pending.clear();
    });
    new StreamMessageReader(this.child.stdout!).listen((message: Message) => {
      const m = message as { id?: number | string | null; method?: string; result?: unknown; error?: { code: number } };
      if (m.method !== undefined && m.id !== undefined) {
        // A request from the server (workspace/applyEdit, workspace/configuration…): answer it.
        void this.write({ jsonrpc: '2.0', id: m.id, result: m.method === 'workspace/applyEdit' ? { applied: false } : m.method === 'workspace/configuration' ? [{}] : null });
      } else if (m.method === undefined && typeof m.id === 'number') {
        this.pending.get(m.id)?.resolve(m);
        this.pending.delete(m.id);
      }
    });
  }

  /** Writes one message, framed as `framing` says (default: plain, one write), after the messages before it. */
  write(message: unknown, framing?: Framing): Promise<void> {
    this.queue = this.queue.then(() => this.writeNow(message, framing));
    return this.queue;
  }

  private queue = Promise.resolve();

  private async writeNow(message: unknown, framing?: Framing): Promise<void> {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const name = framing?.lowerCase ? 'content-length' : 'Content-Length';
    const type = framing?.contentType ? 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' : '';
    const bytes = Buffer.concat([Buffer.from(`${type}${name}: ${body.length}\r\n\r\n`, 'ascii'), body]);
    const cuts = framing ? [...new Set(framing.cuts.map((f) => Math.floor(f * bytes.length)))].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b) : [];
    let from = 0;
    for (const cut of [...cuts, bytes.length]) {
      this.child.stdin!.write(bytes.subarray(from, cut));
      from = cut;
      if (framing?.pause && cut < bytes.length) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Sends a request; resolves with its response (an error response too; `code: -1` when the server died). */
  request(method: string, params: unknown, framing?: Framing): Promise<{ result?: unknown; error?: { code: number } }> {
    if (this.dead) return Promise.resolve({ error: { code: -1 } });
    const id = this.nextId++;
    const answer = new Promise<{ result?: unknown; error?: { code: number } }>((resolve) => this.pending.set(id, { resolve }));
    void this.write({ jsonrpc: '2.0', id, method, params }, framing);
    return answer;
  }

  notify(method: string, params: unknown, framing?: Framing): Promise<void> {
    return this.write({ jsonrpc: '2.0', method, params }, framing);
  }
}

// ---------------------------------------------------------------------------------------------
// What a sequence is made of

const FRAGMENTS = [
  '# Ana Lopes',
  'ana.lopes@example.com · +1 555 010 0101',
  '## Experience',
  '### Quillfeather Logistics, Dispatcher, 2019 – 2024',
  'Harbourline Freight — Night Supervisor',
  'Jan 2020 - Present',
  'Mar 2018 – Feb 2017',
  '- o Coordinated 40 drivers across three depots.',
  '- Shipped v2 of the the routing sheet.   ',
  '* Rebuilt the Softerware for Github users',
  '• Cut idle time by 12%',
  '## SKILLS',
  '- Go, Rust, `make test`, $x^2$',
  '<!-- vita-disable word-repeated -->',
  '<!-- vita-words: Softerware -->',
  '---\ntitle: cv\n---',
  '```\ncode block\n```',
  'https://example.com/a_b and www.example.org',
  '😀 emoji, Zoë, Łódź, e\u0301, \u200bzero\u200bwidth, \u202eoverride',
  '',
];
const EOLS = ['\n', '\r\n', '\r', '\n\n'];

const text = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12, unit: 'grapheme' })), fc.constantFrom(...EOLS)), { maxLength: 14 })
  .map((parts) => parts.map(([line, eol]) => line + eol).join(''));

const position = fc.record({ line: fc.integer({ min: 0, max: 25 }), character: fc.integer({ min: 0, max: 90 }) });
const range = fc.record({ start: position, end: position });
const framing: fc.Arbitrary<Framing> = fc.record({
  lowerCase: fc.boolean(),
  contentType: fc.boolean(),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
  pause: fc.boolean(),
});

const DOCS = 3;
const doc = fc.integer({ min: 0, max: DOCS - 1 });
// Few versions: a change often keeps or lowers the version (misuse the server must survive).
const version = fc.integer({ min: 0, max: 4 });

type Op =
  | { kind: 'open'; doc: number; version: number; text: string }
  | { kind: 'change'; doc: number; version: number; changes: ({ range: Range; text: string } | { text: string })[] }
  | { kind: 'close'; doc: number }
  | { kind: 'pull'; doc: number }
  | { kind: 'request'; doc: number; method: string; range: Range }
  | { kind: 'codeAction'; doc: number; range: Range; stale: boolean; forged: Range[] }
  | { kind: 'garbage'; doc: number; method: string; params: unknown };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('open' as const), doc, version, text }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('change' as const),
      doc,
      version,
      changes: fc.array(fc.oneof({ weight: 4, arbitrary: fc.record({ range, text: fc.oneof(text, fc.constantFrom('', 'x', '\n', '- o ', '\r\n')) }) }, { weight: 1, arbitrary: fc.record({ text }) }), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), doc }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pull' as const), doc }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      doc,
      method: fc.constantFrom(
        'textDocument/documentSymbol',
        'textDocument/foldingRange',
        'textDocument/documentLink',
        'textDocument/hover',
        'textDocument/inlayHint',
        'textDocument/formatting',
        'textDocument/diagnostic',
        'vita/summary',
        'workspace/executeCommand',
      ),
      range,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('codeAction' as const), doc, range, stale: fc.boolean(), forged: fc.array(range, { maxLength: 2 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('garbage' as const),
      doc,
      method: fc.constantFrom('textDocument/documentSymbol', 'textDocument/codeAction', 'textDocument/hover', 'vita/noSuchThing', '$/noSuchNotification', 'textDocument/didClose'),
      params: fc.oneof(fc.constant(null), fc.constant(42), fc.constant('x'), fc.constant([]), fc.constant({ textDocument: null }), fc.constant({ textDocument: { uri: 7 } })),
    }),
  },
);

/** A diagnostic vita never made, whose fix would write at `range` (past the end of the text, often). */
function forgedDiagnostic(range: Range): Diagnostic {
  return { range, source: 'vita', code: 'bullet-stray-glyph', message: 'Stray "o" at the start of a bullet, left over from PDF conversion.', data: { fixes: [{ title: 'Forged', safe: true, edits: [{ range, newText: 'x' }] }] } };
}

// ---------------------------------------------------------------------------------------------
// What must hold

/** Every LSP range in `value` (any object with start/end positions, at any depth). */
function rangesIn(value: unknown, out: Range[] = []): Range[] {
  if (Array.isArray(value)) {
    for (const item of value) rangesIn(item, out);
  } else if (typeof value === 'object' && value !== null) {
    const r = value as Partial<Range>;
    if (typeof r.start?.line === 'number' && typeof r.end?.line === 'number') out.push(r as Range);
    for (const [key, inner] of Object.entries(value)) if (key !== 'data') rangesIn(inner, out);
  }
  return out;
}

function assertInside(document: TextDocument, ranges: Range[], what: string): void {
  const text = document.getText();
  for (const r of ranges) {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < document.lineCount, `${what}: line ${p.line} of ${document.lineCount} in ${JSON.stringify(r)} for ${JSON.stringify(text)}`);
      const lineEnd = p.line + 1 < document.lineCount ? document.offsetAt({ line: p.line + 1, character: 0 }) : text.length;
      const lineText = text.slice(document.offsetAt({ line: p.line, character: 0 }), lineEnd).replace(/\r?\n$|\r$/, '');
      assert.ok(p.character >= 0 && p.character <= lineText.length, `${what}: character ${p.character} past line ${p.line} (${lineText.length}) in ${JSON.stringify(r)} for ${JSON.stringify(text)}`);
    }
  }
}

describe('fuzzing the server over stdio', () => {
  let client: RawClient;
  before(async () => {
    client = new RawClient();
    const init = await client.request('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
    assert.ok(init.result, `initialize: ${JSON.stringify(init)} ${client.stderr}`);
    await client.notify('initialized', {});
  });
  after(async () => {
    const answer = await client.request('shutdown', null);
    assert.equal(answer.error, undefined, client.stderr);
    await client.notify('exit', null);
    assert.equal(await client.closed, 0, client.stderr);
  });

  test('random messages, framings, edits and versions: the server answers, every range is inside its document', { timeout: 600_000 }, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(op, framing), { minLength: 1, maxLength: 25 }), fc.array(range, { maxLength: 3 }), async (ops, forgedAll) => {
        run++;
        const uri = (i: number) => pathToFileURL(join(scratch, `run${run}-doc${i}.resume`)).href;
        const mirror = new Map<number, TextDocument>();
        const lastPulled = new Map<number, Diagnostic[]>();
        const answers: Promise<unknown>[] = [];
        for (const [step, wire] of ops) {
          const target = { uri: uri(step.doc) };
          switch (step.kind) {
            case 'open':
              mirror.set(step.doc, TextDocument.create(target.uri, 'resume', step.version, step.text));
              await client.notify('textDocument/didOpen', { textDocument: { ...target, languageId: 'resume', version: step.version, text: step.text } }, wire);
              break;
            case 'change': {
              const current = mirror.get(step.doc);
              if (current) mirror.set(step.doc, TextDocument.update(current, step.changes, step.version));
              await client.notify('textDocument/didChange', { textDocument: { ...target, version: step.version }, contentChanges: step.changes }, wire);
              break;
            }
            case 'close':
              mirror.delete(step.doc);
              await client.notify('textDocument/didClose', { textDocument: target }, wire);
              break;
            case 'pull':
              answers.push(
                client.request('textDocument/diagnostic', { textDocument: target }, wire).then((response) => {
                  const items = (response.result as { items?: Diagnostic[] } | undefined)?.items;
                  if (items) lastPulled.set(step.doc, items);
                }),
              );
              break;
            case 'request': {
              const params =
                step.method === 'workspace/executeCommand'
                  ? { command: 'vita.applyFixAll', arguments: [{ ...target, version: step.range.start.line }] }
                  : step.method === 'vita/summary'
                    ? target
                    : { textDocument: target, position: step.range.start, range: step.range, options: { tabSize: 2, insertSpaces: true } };
              answers.push(client.request(step.method, params, wire));
              break;
            }
            case 'codeAction': {
              // Diagnostics as a client might send them: pulled for an older text, or forged at random places.
              const stale = step.stale ? (lastPulled.get(step.doc) ?? []) : [];
              const forged = step.forged.map(forgedDiagnostic);
              answers.push(client.request('textDocument/codeAction', { textDocument: target, range: step.range, context: { diagnostics: [...stale, ...forged] } }, wire));
              break;
            }
            case 'garbage':
              if (step.method.startsWith('$/') || step.method === 'textDocument/didClose') await client.notify(step.method, step.params, wire);
              else answers.push(client.request(step.method, step.params, wire));
              break;
          }
        }
        // Every request of the sequence is answered (a result or an error), none is left hanging.
        await Promise.all(answers);
        // The final requests: the server answers, every range is inside the document as it is now, and every answer
        // is the one a fresh document with the same text gets (no model or check of another text survives).
        for (const [index, document] of mirror) {
          const target = { textDocument: { uri: uri(index) } };
          const fresh = { textDocument: { uri: uri(index + 100) } };
          await client.notify('textDocument/didOpen', { textDocument: { ...fresh.textDocument, languageId: 'resume', version: 1, text: document.getText() } });
          const whole = { start: { line: 0, character: 0 }, end: { line: document.lineCount, character: 0 } };
          const pulled = await client.request('textDocument/diagnostic', target);
          const items = (pulled.result as { items: Diagnostic[] } | undefined)?.items;
          assert.ok(items, `diagnostics answered: ${JSON.stringify(pulled)}; stderr ${client.stderr}`);
          assertInside(document, rangesIn(items), 'diagnostics');
          const freshItems = ((await client.request('textDocument/diagnostic', fresh)).result as { items?: Diagnostic[] } | undefined)?.items;
          assert.deepEqual(items, freshItems, 'the diagnostics of the text as it is now');
          for (const method of ['textDocument/documentSymbol', 'textDocument/documentLink', 'textDocument/inlayHint', 'textDocument/formatting']) {
            const params = { range: whole, options: { tabSize: 2, insertSpaces: true } };
            const answer = await client.request(method, { ...target, ...params });
            assert.equal(answer.error, undefined, `${method}: ${JSON.stringify(answer)}`);
            assertInside(document, rangesIn(answer.result), method);
            assert.deepEqual(answer.result, (await client.request(method, { ...fresh, ...params })).result, `${method} of the text as it is now`);
          }
          await client.notify('textDocument/didClose', fresh);
          const folding = await client.request('textDocument/foldingRange', target);
          for (const fold of (folding.result as { startLine: number; endLine: number }[] | null) ?? []) assert.ok(fold.startLine <= fold.endLine && fold.endLine < document.lineCount, `folding ${JSON.stringify(fold)}`);
          // Code actions for the diagnostics of now, stale ones and forged ones: every edit inside the text of now.
          for (const diagnostics of [items, lastPulled.get(index) ?? [], forgedAll.map(forgedDiagnostic)]) {
            const actions = await client.request('textDocument/codeAction', { ...target, range: whole, context: { diagnostics } });
            assert.equal(actions.error, undefined, JSON.stringify(actions));
            const edits = ((actions.result as { edit?: { changes?: Record<string, { range: Range }[]> } }[] | null) ?? []).flatMap((a) => Object.values(a.edit?.changes ?? {}).flat());
            assertInside(document, edits.map((e) => e.range), 'code-action edits');
          }
        }
        const info = await client.request('vita/serverInfo', null);
        assert.equal((info.result as { name?: string } | undefined)?.name, 'vita', `the server answers the final request; stderr ${client.stderr}`);
        for (const index of mirror.keys()) await client.notify('textDocument/didClose', { textDocument: { uri: uri(index) } });
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});

describe('fuzzing the framing', () => {
  test('a random break in the framing after valid messages: the server exits (1) and says why', { timeout: 300_000 }, async () => {
    const broken = fc.oneof(
      fc.string({ minLength: 1, maxLength: 20, unit: fc.constantFrom(...'abcXYZ -_;=/'.split('')) }).map((line) => `${line.replace(/:/g, '')}\r\n\r\n{}`),
      fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom(...'x-.+e '.split('')) }).map((value) => `Content-Length: ${value}\r\n\r\n{}`),
      fc.constantFrom('Content-Length: 2\n\n{}', 'Content-Type: text/plain\r\n\r\n{}', ': 12\r\n\r\n{}'),
    );
    await fc.assert(
      fc.asyncProperty(broken, fc.integer({ min: 0, max: 3 }), async (bytes, valid) => {
        const raw = new RawClient();
        try {
          await raw.request('initialize', { processId: null, rootUri: null, capabilities: {} });
          for (let i = 0; i < valid; i++) await raw.request('vita/serverInfo', null);
          raw.child.stdin!.write(bytes);
          const code = await Promise.race([raw.closed, new Promise<string>((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000))]);
          assert.equal(code, 1, `${JSON.stringify(bytes)}: ${raw.stderr}`);
          assert.match(raw.stderr, /the client's messages cannot be read any more/);
        } finally {
          raw.child.kill('SIGKILL');
          await raw.closed;
        }
      }),
      { numRuns: 6, seed: SEED },
    );
  });
});
