// Matching a résumé against a job description over stdio, as the VS Code client does: the job comes in the
// `vita.match.job` setting (relative to the workspace folder), the `job-evidence` hints arrive with the diagnostics,
// the hover on a skill says which requirement it answers, and `vita/match` gives the status item and the panel
// their coverage and terms. A job file that changes is read again at the next check.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DidChangeConfigurationNotification, DocumentDiagnosticRequest, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import type { MatchSummary } from '../../server/src/protocol';
import { TestClient } from '../helpers/lspClient';

const JOB = ['# Platform Engineer', '', '## Requirements', '', '- Kubernetes in production', '- Terraform', '- PostgreSQL', '', '## Nice to have', '', '- Grafana', ''].join('\n');
const RESUME = [
  '# Ilse Varga',
  'ilse.varga@example.com',
  '',
  '## Experience',
  '',
  '### Quayside Systems — Platform Engineer, 2019 – 2024',
  '',
  '- Ran 30 Kubernetes clusters for 200 engineers.',
  '',
  '## Skills',
  '',
  'Kubernetes, Terraform, Grafana',
  '',
].join('\n');

describe('vita.match.job over stdio', () => {
  let client: TestClient;
  let folder: string;
  let uri: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'vita-match-'));
    writeFileSync(join(folder, 'job.md'), JOB);
    client = new TestClient();
    client.settings = { match: { job: 'job.md' }, rules: { 'job-evidence': 'info' } };
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } }, [folder]);
    uri = await client.open(join(folder, 'resume.md'), RESUME, 1, 'markdown');
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    rmSync(folder, { recursive: true, force: true });
  });

  const pull = async () => {
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return ('items' in report ? report.items : []).filter((d) => d.code === 'job-evidence');
  };

  test('hints where evidence is missing: a listed-only requirement, a missing one', async () => {
    const hints = await pull();
    assert.deepEqual(hints.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`).sort(), [
      '11:12 Terraform: listed, but no entry, bullet or summary sentence shows it (required by the job)',
      '11:23 Grafana: listed, but no entry, bullet or summary sentence shows it',
      '9:9 PostgreSQL: required by the job, not in the résumé',
    ].sort());
  });

  test('vita/match: coverage and every term with its status and evidence', async () => {
    const summary = await client.connection.sendRequest<MatchSummary | null>('vita/match', { uri });
    assert.ok(summary);
    assert.equal(summary.job, join(folder, 'job.md'));
    assert.deepEqual(summary.terms.map((t) => `${t.term} ${t.required ? 'required' : 'optional'} ${t.status}`), [
      'Kubernetes required evidenced',
      'Terraform required listed',
      'PostgreSQL required missing',
      'Grafana optional listed',
    ]);
    // Kubernetes evidenced (1), Terraform listed (½), PostgreSQL missing (0), of 3 required.
    assert.equal(summary.coverage, 1.5 / 3);
    assert.deepEqual(summary.terms[0].evidence.map((r) => r.start.line), [7]);
  });

  test('the hover on a listed skill says which requirement it answers', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 11, character: 14 } });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /\*\*Terraform\*\* answers a required term of the job: only listed/);
  });

  test('a changed job file is read again; no job setting, no hints and no match', async () => {
    writeFileSync(join(folder, 'job.md'), JOB.replace('- PostgreSQL\n', ''));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.ok(!(await pull()).some((d) => String(d.message).includes("PostgreSQL")));
    client.settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual(await pull(), []);
    assert.equal(await client.connection.sendRequest('vita/match', { uri }), null);
  });
});
