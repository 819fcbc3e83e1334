// The test client (test/helpers/lspClient.ts) fails a test when the server dies mid-request, instead of hanging the
// run (issue 16, item 8): pending requests and diagnostics waiters are rejected with the exit code and the server's
// stderr, a server outliving its lifetime is killed, and shutting down a dead server answers its exit code.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';

const scratch = mkdtempSync(join(tmpdir(), 'vita-test-client-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A stand-in server: answers `initialize`, then on `textDocument/documentSymbol` writes to stderr and exits with
 * code 3 (`die`) or never answers (`mute`).
 */
const FAKE_SERVER = `
const mode = process.argv[2];
let buffer = Buffer.alloc(0);
const send = (message) => {
  const body = Buffer.from(JSON.stringify(message));
  process.stdout.write('Content-Length: ' + body.length + '\\r\\n\\r\\n');
  process.stdout.write(body);
};
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\\r\\n\\r\\n');
    if (end < 0) return;
    const length = Number(/Content-Length: (\\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
    buffer = buffer.subarray(end + 4 + length);
    if (message.method === 'initialize') send({ jsonrpc: '2.0', id: message.id, result: { capabilities: {} } });
    if (message.method === 'textDocument/documentSymbol' && mode === 'die') {
      process.stderr.write('fake server: dying on purpose\\n');
      process.exit(3);
    }
  }
});
`;
const fake = join(scratch, 'fake-server.js');
writeFileSync(fake, FAKE_SERVER);

describe('the test client never hangs on a dead server', () => {
  test('a server that dies mid-request: the request and the diagnostics waiters fail with its exit code and stderr', { timeout: 20_000 }, async () => {
    const client = new TestClient([fake, 'die']);
    await client.initialize({});
    const waiting = client.diagnostics(() => true, 60_000);
    const request = client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///x.resume' } });
    await assert.rejects(request, /the server exited with code 3 .*stderr: fake server: dying on purpose/s);
    await assert.rejects(waiting, /the server exited with code 3/);
    await assert.rejects(client.connection.sendRequest('vita/serverInfo'), /the server exited with code 3/);
    assert.equal(await client.shutdown(), 3, 'shutting a dead server down answers its exit code at once');
  });

  test('a server that never answers is killed after its lifetime, and the request fails', { timeout: 20_000 }, async () => {
    const client = new TestClient([fake, 'mute'], { lifetimeMs: 1_000 });
    await client.initialize({});
    await assert.rejects(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///x.resume' } }), /the server was killed by SIGKILL/);
    assert.equal(await client.shutdown(), null);
  });
});
