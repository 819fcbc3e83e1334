import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { allRules } from '../../server/src/service/rules/index';
import { repoRoot } from '../helpers/fixtures';

const CLI = join(repoRoot(), 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'vita-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function vita(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const RESUME = [
  '# Ravi Shankar',
  'ravi.shankar@example.com',
  '',
  '## Experience',
  '',
  '### Woodgrove Bank, Engineer, 2019 – 2024',
  '',
  '- o Rebuilt the the ledger service.   ',
  '- Responsible for managing the release train.',
  '',
].join('\n');

describe('vita check --fix', () => {
  test('writes the safe fixes back in place, keeps the file mode, leaves no temporary file', () => {
    const file = join(dir, 'ravi.md');
    writeFileSync(file, RESUME);
    chmodSync(file, 0o640);
    const result = vita('check', '--fix', '--hints', 'ravi.md');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(file, 'utf8'), RESUME.replace('- o Rebuilt the the ledger service.   ', '- Rebuilt the the ledger service.'));
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir).filter((name) => name !== 'ravi.md'), []);
    // One line per change, in the order of the file, where it was made in the file as it was…
    const fixed = result.stdout.split('\n').filter((line) => / fixed /.test(line));
    assert.deepEqual(fixed.map((line) => line.split(' ').slice(0, 3).join(' ')), [
      'ravi.md:8:3 fixed bullet-stray-glyph',
      'ravi.md:8:36 fixed whitespace-trailing',
    ]);
    // …then what is left: the doubled word and the weak opener (only the writer knows what was meant).
    const left = result.stdout.split('\n').filter((line) => !/ fixed /.test(line));
    assert.match(left.join('\n'), /ravi\.md:8:\d+ warning word-repeated/);
    assert.match(left.join('\n'), /ravi\.md:9:3 hint style-weak-verb/);
    assert.doesNotMatch(left.join('\n'), /bullet-stray-glyph|whitespace-trailing/);
  });

  test('never swaps a reversed range nor guesses a misspelled month: those facts are the writer\'s to fix', () => {
    const file = join(dir, 'facts.md');
    const text = RESUME.replace('2019 – 2024', 'Jun 2024 – Jan 2019').replace('## Experience\n', '## Experience\n\n### Fabrikam, Intern, Agust 2017 – Sep 2017\n');
    writeFileSync(file, text);
    const result = vita('check', '--fix', 'facts.md');
    assert.equal(result.code, 1, result.stderr);
    const fixed = readFileSync(file, 'utf8');
    assert.match(fixed, /Jun 2024 – Jan 2019/);
    assert.match(fixed, /Agust 2017 – Sep 2017/);
    assert.match(result.stdout, /error date-reversed/);
    assert.match(result.stdout, /error date-invalid/);
  });

  test('a file it cannot read is an I/O error (exit 2)', () => {
    assert.equal(vita('check', '--fix', 'missing.md').code, 2);
  });
});

describe('vita check --format sarif', () => {
  test('prints a SARIF 2.1.0 log with the registry\'s rules and 1-based regions', () => {
    writeFileSync(join(dir, 'sarif.md'), RESUME);
    const result = vita('check', '--format', 'sarif', 'sarif.md');
    assert.equal(result.code, 0, result.stderr);
    const log = JSON.parse(result.stdout);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'vita');
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), allRules.map((r) => r.id));
    for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, new RegExp(`/docs/rules\\.md#${rule.id}$`));
    const glyph = run.results.find((r: { ruleId: string }) => r.ruleId === 'bullet-stray-glyph');
    assert.equal(glyph.level, 'warning');
    assert.equal(glyph.message.text, 'Stray "o" at the start of a bullet, left over from PDF conversion.');
    assert.equal(run.tool.driver.rules[glyph.ruleIndex].id, 'bullet-stray-glyph');
    assert.deepEqual(glyph.locations[0].physicalLocation, {
      artifactLocation: { uri: 'sarif.md' },
      region: { startLine: 8, startColumn: 3, endLine: 8, endColumn: 4 },
    });
    const hint = run.results.find((r: { ruleId: string }) => r.ruleId === 'style-weak-verb');
    assert.equal(hint.level, 'note');
  });

  test('an unknown format is a usage error (exit 2)', () => {
    assert.equal(vita('check', '--format', 'xml', 'sarif.md').code, 2);
  });
});

describe('vita format', () => {
  test('prints, checks and writes the formatted text', () => {
    const file = join(dir, 'format.md');
    // Dates follow the document's most common style: `–` twice to `-` once.
    writeFileSync(file, '# Ravi Shankar\n## Experience\n### Woodgrove Bank, Engineer, 2019-2024\n- Built  it.\n* Ran it.\n### Fabrikam, Intern, 2017 – 2018\n### Contoso, Intern, 2016 – 2017\n');
    assert.equal(vita('format', '--check', 'format.md').code, 1);
    const printed = vita('format', 'format.md');
    assert.equal(printed.stdout, '# Ravi Shankar\n\n## Experience\n### Woodgrove Bank, Engineer, 2019 – 2024\n- Built it.\n- Ran it.\n### Fabrikam, Intern, 2017 – 2018\n### Contoso, Intern, 2016 – 2017\n');
    assert.equal(vita('format', '--write', 'format.md').code, 0);
    assert.equal(readFileSync(file, 'utf8'), printed.stdout);
    assert.equal(vita('format', '--check', 'format.md').code, 0);
  });
});

describe('vita check into a closed pipe', () => {
  test('stops quietly when the reader goes away (`vita check FILE | head -1`)', async () => {
    const file = join(dir, 'many-findings.md');
    const bullets = Array.from({ length: 4000 }, (_, i) => `- Developped  feature ${i} for the team. `);
    writeFileSync(file, `# Jo Example\n\njo@example.com\n\n## Experience\n\n### Acme — Engineer\nJan 2020 – Present\n\n${bullets.join('\n')}\n`);
    const child = spawn(process.execPath, [CLI, 'check', file], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    // Read the first chunk, then close the pipe as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    assert.equal(stderr, '', 'no EPIPE stack trace');
    assert.equal(code, 0);
  });
});
