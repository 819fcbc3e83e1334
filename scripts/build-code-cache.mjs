#!/usr/bin/env node
// Writes dist/cli-main.js.cache and dist/server-main.js.cache: the V8 bytecode of each bundle, as this Node
// compiled it during one real session on examples/resume.md (a `vita check`; an LSP session: initialize, open,
// first diagnostics, shutdown). dist/cli.js and dist/server.js (server/src/boot/boot.ts) start from it. Run by
// esbuild.mjs after each build (not --production); a cache serves only its own bundle on the same Node and V8.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(repo, 'examples', 'resume.md');
const env = { ...process.env, VITA_CODE_CACHE: 'write' };
const started = performance.now();

const cli = spawnSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'check', '--format', 'json', example], { env, encoding: 'utf8' });
if (cli.status !== 0 && cli.status !== 1) throw new Error(`code cache: vita check failed (${cli.status}): ${cli.stderr}`);

await serverSession();
console.log(`code cache: dist/cli-main.js.cache, dist/server-main.js.cache (${Math.round(performance.now() - started)} ms)`);

/** An LSP session over stdio, framed by hand (Content-Length headers), that ends with shutdown and exit. */
function serverSession() {
  const child = spawn(process.execPath, [join(repo, 'dist', 'server.js'), '--stdio'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const uri = pathToFileURL(example).href;
  const text = readFileSync(example, 'utf8');
  let nextId = 1;
  const pending = new Map();
  const send = (message) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const request = (method, params) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      send({ id, method, params });
    });
  let diagnosed;
  const firstDiagnostics = new Promise((resolve) => (diagnosed = resolve));
  let buffer = Buffer.alloc(0);
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && message.method === undefined) pending.get(message.id)?.(message.result);
      else if (message.method === 'textDocument/publishDiagnostics') diagnosed();
      else if (message.id !== undefined) send({ id: message.id, result: message.method === 'workspace/configuration' ? message.params.items.map(() => ({})) : null });
    }
  });
  const exited = new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`code cache: the server exited with ${code}`))));
  });
  const timeout = setTimeout(() => child.kill(), 60_000);
  return (async () => {
    await request('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
    send({ method: 'initialized', params: {} });
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'resume', version: 1, text } } });
    await firstDiagnostics;
    await request('shutdown', null);
    send({ method: 'exit' });
    await exited;
    clearTimeout(timeout);
  })();
}
