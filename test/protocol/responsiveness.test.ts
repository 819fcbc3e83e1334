// Responsiveness over the protocol, against the built server: while a 20,000-line document is being checked, a
// request on a small document is answered (the check runs in slices with pauses between them), and a cancelled
// pull of the big document answers "cancelled" instead of running to the end. Bounds are generous and relative to the
// big check's own duration: a server that checks synchronously makes every request wait for the rest of the check.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  CancellationTokenSource,
  DidChangeTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { readFixture } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

const RESUME = readFixture('outline', 'pdf-layout.txt');
const scratch = mkdtempSync(join(tmpdir(), 'vita-responsive-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A fictional résumé-shaped document of `lines` lines (under vita.maxFileSize): entries, dates, bullets, links. */
function bigResume(lines: number): string {
  const orgs = ['Northwind Traders', 'Contoso Ltd', 'Fabrikam Inc', 'Tailspin Toys', 'Adventure Works'];
  const roles = ['Software Engineer', 'Data Analyst', 'Project Manager', 'Product Designer'];
  const bullets = [
    '- Led the billing migration, cutting costs by 30%.',
    '- Built a dashboard used by 400 analysts.',
    '- Mentored five junior engineers.',
    '- Automated the release process with GitHub Actions.',
    '- Wrote docs at https://docs.example.com and `make test`',
  ];
  const out = ['# Pat Example', '', 'pat.example@example.com · +1 555 010 0000', '', '## Experience', ''];
  for (let i = 0; out.length < lines; i++) {
    const start = 1990 + (i % 30);
    // Roles one after another, listed oldest first: the check has findings to publish (date-chronology).
    out.push(`### ${orgs[i % orgs.length]} — ${roles[i % roles.length]}`, `Leeds, UK · Jan ${start} – ${['Mar', 'Jun', 'Oct'][i % 3]} ${start}`, '');
    for (let b = 0; b < 4; b++) out.push(bullets[(i + b) % bullets.length]);
    out.push('');
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('responsiveness while a big document is checked', () => {
  test('documentSymbol on a small document is answered during a 20,000-line check, not after it', async () => {
    const client = new TestClient();
    try {
      await client.initialize({});
      const small = await client.open(join(scratch, 'small.resume'), RESUME);
      await client.diagnostics((p) => p.uri === small);
      const big = bigResume(20_000);
      const bigPath = join(scratch, 'big.resume');
      let bigUri = '';
      const latencies: number[] = [];
      const checks: number[] = [];
      for (let version = 1; version <= 3; version++) {
        const started = performance.now();
        if (version === 1) bigUri = await client.open(bigPath, big);
        else {
          await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: bigUri, version },
            contentChanges: [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: version % 2 ? '' : 'x' }],
          });
        }
        // Ask every 20 ms until the big document's diagnostics arrive; each answer's latency is recorded.
        const answers: Promise<void>[] = [];
        const ask = () => {
          const sent = performance.now();
          answers.push(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: small } }).then(() => void latencies.push(performance.now() - sent)));
        };
        ask();
        const timer = setInterval(ask, 20);
        const published = await client.diagnostics((p) => p.uri === bigUri && p.version === version, 120_000);
        clearInterval(timer);
        checks.push(performance.now() - started);
        await Promise.all(answers);
        assert.ok(published.diagnostics.length > 0);
      }
      const typical = median(latencies);
      const check = median(checks);
      assert.ok(latencies.length >= 6, `requests were asked during the checks (${latencies.length})`);
      // Synchronous checking makes the median wait about half a check; in slices it is a few milliseconds.
      assert.ok(typical < 1000 && typical < check / 4, `documentSymbol median ${typical.toFixed(1)} ms while checks took ${check.toFixed(0)} ms (median)`);
    } finally {
      await client.shutdown();
    }
  });

  test('pull: a cancelled pull of a 20,000-line document answers "cancelled"; the next pull has the diagnostics', async () => {
    const client = new TestClient();
    try {
      await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
      const uri = await client.open(join(scratch, 'big-pull.resume'), bigResume(20_000));
      const source = new CancellationTokenSource();
      const pull = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
      setTimeout(() => source.cancel(), 20);
      // The client side of vscode-jsonrpc rejects a cancelled request only when the server answers with an error.
      await assert.rejects(pull, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
      const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.ok('items' in report && report.items.length > 0, 'the pull after the cancelled one is answered in full');
    } finally {
      await client.shutdown();
    }
  });
});
