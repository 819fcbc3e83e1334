import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  DocumentDiagnosticRequest,
  HoverRequest,
  InlayHintRequest,
  type Diagnostic,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { findingKind, formatFindings } from '../../server/src/service/features/summary';
import { fixturePath, readFixture, repoRoot } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

const OVERLAP = readFixture('summary', 'overlap.resume');
const SETTINGS = { dates: { today: '2026-03-15' } };

function text(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

describe('hover, inlay hints and vita/summary over stdio', () => {
  let client: TestClient;
  let uri: string;
  let diagnostics: Diagnostic[];
  before(async () => {
    client = new TestClient();
    client.settings = SETTINGS;
    const result = await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } });
    assert.equal(result.capabilities.hoverProvider, true);
    assert.ok(result.capabilities.inlayHintProvider, 'inlay hints announced');
    uri = await client.open(fixturePath('summary', 'overlap.resume'), OVERLAP);
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    diagnostics = 'items' in report ? report.items : [];
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  const hoverAt = (line: number, character: number) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });

  test('on an entry date range: its duration, for the range under the cursor', async () => {
    const hover = await hoverAt(7, 3); // Sep 2021 – Present
    assert.equal(text(hover), '**Sep 2021 – Present** · 4 yrs 7 mos (ongoing)');
    assert.deepEqual(hover!.range, { start: { line: 7, character: 0 }, end: { line: 7, character: 18 } });
    assert.equal(text(await hoverAt(17, 12)), '**Jun 2018 – Aug 2021** · 3 yrs 3 mos');
  });

  test('on an entry title: organisation, duration and bullet counts', async () => {
    const value = text(await hoverAt(6, 8));
    const lines = value.split('\n\n');
    assert.equal(lines[0], '**Northwind Traders** · Senior Data Engineer · Austin');
    assert.equal(lines[1], 'Sep 2021 – Present · 4 yrs 7 mos (ongoing)');
    assert.equal(lines[2], '3 bullets · 2 with a number');
  });

  test('on the name: total experience as a union, pages and the findings the server reported', async () => {
    const value = text(await hoverAt(0, 4));
    // Jun 2018 – Aug 2021 + Sep 2021 – Mar 2026, with Jan–Dec 2022 inside: 94 months, not 106.
    assert.match(value, /Work experience: 7 yrs 10 mos \(3 roles at 3 employers/);
    assert.match(value, /\d+ words · ≈ 0\.1 pages/);
    const counts: Record<string, number> = {};
    for (const d of diagnostics) counts[findingKind(String(d.code))] = (counts[findingKind(String(d.code))] ?? 0) + 1;
    assert.ok(diagnostics.some((d) => d.code === 'bullet-stray-glyph'), 'the stray "o" is found');
    assert.ok(value.includes(`Findings: ${diagnostics.length} (${formatFindings(counts)})`), value);
  });

  test('inlay hints: a duration after every parsed range', async () => {
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    });
    assert.deepEqual(
      hints!.map((h) => [h.position.line, h.position.character, h.label]),
      [
        [7, 18, '· 4 yrs 7 mos'],
        [13, 19, '· 1 yr'],
        [17, 19, '· 3 yrs 3 mos'],
        [24, 11, '· 5 yrs'],
      ],
    );
  });

  test('vita/summary: the numbers behind the status item and the command', async () => {
    const result = (await client.connection.sendRequest('vita/summary', { uri })) as {
      summary: { experienceMonths: number; roles: number; findingsTotal: number; entries: unknown[] };
      markdown: string;
    };
    assert.equal(result.summary.experienceMonths, 94);
    assert.equal(result.summary.roles, 3);
    assert.equal(result.summary.findingsTotal, diagnostics.length);
    assert.equal(result.summary.entries.length, 4);
    assert.match(result.markdown, /\*\*Contoso Analytics\*\* · Consultant · Jan 2022 – Dec 2022 · 1 yr/);
    assert.equal(await client.connection.sendRequest('vita/summary', { uri: 'file:///not/open.resume' }), null);
  });

  test('settings: vita.inlayHints.durations off and vita.summary.wordsPerPage apply after didChangeConfiguration', async () => {
    client.settings = { ...SETTINGS, inlayHints: { durations: false }, summary: { wordsPerPage: 10 } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    });
    assert.deepEqual(hints, []);
    const result = (await client.connection.sendRequest('vita/summary', { uri })) as { summary: { words: number; pages: number; wordsPerPage: number } };
    assert.equal(result.summary.wordsPerPage, 10);
    assert.equal(result.summary.pages, Math.round((result.summary.words / 10) * 10) / 10);
  });
});

describe('vita summary (the CLI)', () => {
  const cli = join(repoRoot(), 'dist', 'cli.js');
  const file = fixturePath('summary', 'overlap.resume');

  test('--format json: one object per file with the summary', () => {
    const out = JSON.parse(execFileSync(process.execPath, [cli, 'summary', '--format', 'json', '--today', '2026-03-15', file], { encoding: 'utf8', timeout: 60_000 }));
    assert.equal(out.length, 1);
    assert.equal(out[0].file, file);
    assert.equal(out[0].summary.experience, '7 yrs 10 mos');
    assert.deepEqual(
      out[0].summary.entries.map((e: { name: string; range?: { duration?: string } }) => [e.name, e.range?.duration]),
      [
        ['Northwind Traders', '4 yrs 7 mos'],
        ['Contoso Analytics', '1 yr'],
        ['Fabrikam Inc.', '3 yrs 3 mos'],
        ['State University', '5 yrs'],
      ],
    );
  });

  test('text: the totals, then every entry with its duration', () => {
    const out = execFileSync(process.execPath, [cli, 'summary', '--today', '2026-03-15', file], { encoding: 'utf8', timeout: 60_000 });
    const lines = out.trimEnd().split('\n');
    assert.equal(lines[0], file);
    assert.equal(lines[1], '  Priya Natarajan');
    assert.match(lines[2], /^ {2}Work experience: 7 yrs 10 mos \(3 roles at 3 employers; overlaps counted once\)$/);
    assert.ok(lines.includes('    Contoso Analytics · Consultant · Jan 2022 – Dec 2022 · 1 yr · 1 bullet, 1 quantified  [13]'), out);
  });

  test('a bad --today is a usage error', () => {
    assert.throws(() => execFileSync(process.execPath, [cli, 'summary', '--today', '2026-13-01', file], { stdio: 'pipe', timeout: 60_000 }), (error: { status: number }) => error.status === 2);
  });
});
