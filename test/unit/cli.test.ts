// The CLI end to end, as CI users meet it: arguments (files, folders, globs, stdin), `.vita/config.json`, help and
// usage errors, files that are not text, colour, the summary line, --quiet / --max-warnings / --hints, and --fix /
// --fix-dry-run / --diff. Each test runs the built `dist/cli.js` in a temporary folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { writeFileAtomic, WriteRefused } from '../../server/src/host/writeAtomic';
import { repoRoot } from '../helpers/fixtures';

const CLI = join(repoRoot(), 'dist', 'cli.js');
const base = mkdtempSync(join(tmpdir(), 'vita-cli-'));
after(() => rmSync(base, { recursive: true, force: true }));
let folders = 0;

/** A fresh folder with these files (paths relative to it). */
function folder(files: Record<string, string | Buffer>): string {
  const dir = join(base, `f${folders++}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function vita(cwd: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env };
  delete (env as Record<string, string | undefined>).NO_COLOR;
  delete (env as Record<string, string | undefined>).FORCE_COLOR;
  Object.assign(env, options.env);
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input: options.input ?? '', env, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

const CLEAN = '# Mira Okafor\nmira@example.com\n\n## Experience\n\n### Driftwood Labs — Engineer, 2019 – 2024\n\n- Cut build times by 40%.\n';
/** One warning (a stray glyph: fixable), one error (a reversed range), one hint (a weak opener). */
const FLAWED = '# Mira Okafor\nmira@example.com\n\n## Experience\n\n### Driftwood Labs — Engineer, Jan 2022 – Dec 2021\n\n- o Cut build times by 40%.\n- Responsible for the release train.\n';
const files = (output: string) => [...new Set(output.split('\n').filter((line) => /^\S+:\d+:\d+ /.test(line)).map((line) => line.slice(0, line.indexOf(':'))))];

describe('vita check: what the arguments name', () => {
  test('a folder is searched recursively for the files vita serves by name; node_modules and .git are skipped', () => {
    const dir = folder({
      'cv/resume.md': FLAWED,
      'cv/old/CV.txt': FLAWED,
      'cv/jane.cv.md': FLAWED,
      'cv/notes.md': FLAWED,
      'cv/node_modules/pkg/resume.md': FLAWED,
      'cv/.git/resume.md': FLAWED,
    });
    const result = vita(dir, ['check', 'cv']);
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(files(result.stdout).sort(), ['cv/jane.cv.md', 'cv/old/CV.txt', 'cv/resume.md']);
  });

  test('the "files" globs of .vita/config.json add files to a folder search', () => {
    const dir = folder({ 'cv/notes.md': FLAWED, 'cv/other.md': FLAWED, '.vita/config.json': JSON.stringify({ files: ['cv/notes.md'] }) });
    assert.deepEqual(files(vita(dir, ['check', '.']).stdout), ['cv/notes.md']);
  });

  test('a quoted glob is expanded by vita; one that matches nothing is an error (exit 2)', () => {
    const dir = folder({ 'a/one.md': FLAWED, 'a/b/two.md': FLAWED, 'a/three.txt': FLAWED });
    const result = vita(dir, ['check', 'a/**/*.md']);
    assert.deepEqual(files(result.stdout).sort(), ['a/b/two.md', 'a/one.md']);
    const none = vita(dir, ['check', 'z/*.md']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no files match the pattern "z\/\*\.md"/);
  });

  test('- reads standard input; --stdin-filepath names it and finds its config', () => {
    const dir = folder({ 'cv/.vita/config.json': JSON.stringify({ rules: { 'bullet-stray-glyph': 'off' } }) });
    const plain = vita(dir, ['check', '-'], { input: FLAWED });
    assert.match(plain.stdout, /^<stdin>:8:3 warning bullet-stray-glyph/m);
    const named = vita(dir, ['check', '--stdin-filepath', 'cv/resume.md', '-'], { input: FLAWED });
    assert.match(named.stdout, /^cv\/resume\.md:6:\d+ error date-reversed/m);
    assert.doesNotMatch(named.stdout, /bullet-stray-glyph/);
  });

  test('a named pipe given as a file is refused at once, never waited on (exit 2)', () => {
    const dir = folder({});
    const fifo = join(dir, 'resume.md');
    const made = spawnSync('mkfifo', [fifo], { timeout: 10_000 });
    if (made.status !== 0) return assert.fail('mkfifo is not available');
    const result = vita(dir, ['check', 'resume.md']);
    assert.equal(result.signal, null, 'vita hung on the pipe');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /resume\.md: is a named pipe, not a file|cannot read resume\.md: is a named pipe/);
  });

  test('files that are not text are skipped with one line on stderr; messages never print control characters', () => {
    const dir = folder({
      'a.resume': Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n', 'latin1'),
      'b.resume': Buffer.from([0x23, 0x20, 0x41, 0x00, 0x42, 0x0a]),
      'c.resume': Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41, 0x0a]),
      'e\u001b[31mvil.resume': FLAWED,
    });
    const result = vita(dir, ['check', '.']);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^vita: a\.resume is a PDF, not text .*; skipped$/m);
    assert.match(result.stderr, /^vita: b\.resume is binary .*; skipped$/m);
    assert.match(result.stderr, /^vita: c\.resume is not valid UTF-8 text .*; skipped$/m);
    assert.equal(result.stderr.split('\n').filter(Boolean).length, 3);
    assert.match(result.stdout, /^e\\x1b\[31mvil\.resume:6:\d+ error date-reversed/m);
    assert.doesNotMatch(result.stdout + result.stderr, /\u001b/);
  });
});

describe('vita check: configuration shared with the editor', () => {
  test('the nearest .vita/config.json applies; an option given on the command line wins over it', () => {
    const dir = folder({
      '.vita/config.json': JSON.stringify({ rules: { 'date-reversed': 'off' }, dates: { today: '2020-01-01' } }),
      'cv/resume.md': FLAWED,
    });
    const result = vita(dir, ['check', 'cv/resume.md']);
    assert.doesNotMatch(result.stdout, /date-reversed/);
    // "today" 2020-01-01 from the config makes 2021 and 2022 future dates…
    assert.match(result.stdout, /date-future/);
    // …unless --today says otherwise.
    assert.doesNotMatch(vita(dir, ['check', '--today', '2026-01-01', 'cv/resume.md']).stdout, /date-future/);
  });

  test('a broken config file or value is one clear message, never a crash; the rest still applies', () => {
    const broken = folder({ '.vita/config.json': '{ "rules": ', 'resume.md': FLAWED });
    const first = vita(broken, ['check', 'resume.md']);
    assert.equal(first.code, 1);
    assert.match(first.stderr, /config\.json is not valid JSON/);
    const wrong = folder({ '.vita/config.json': JSON.stringify({ rules: { 'date-reversed': 'loud' }, colour: true, spelling: { language: 'fr' } }), 'resume.md': FLAWED });
    const second = vita(wrong, ['check', 'resume.md']);
    assert.equal(second.code, 1, second.stderr);
    assert.match(second.stderr, /unknown setting "colour"/);
    assert.match(second.stderr, /date-reversed" must be one of/);
    assert.match(second.stderr, /spelling\.language" must be/);
    assert.match(second.stdout, /date-reversed/);
  });
});

describe('vita help and usage errors', () => {
  test('`vita help`, `vita help check` and `vita check --help` print usage and exit 0', () => {
    const dir = folder({});
    for (const args of [['help'], ['--help'], ['help', 'check'], ['check', '--help'], ['format', '-h'], ['outline', '--help'], ['summary', '--help'], ['lsp', '--help']]) {
      const result = vita(dir, args);
      assert.equal(result.code, 0, args.join(' '));
      assert.match(result.stdout, /Usage:/, args.join(' '));
    }
    assert.match(vita(dir, ['check', '--help']).stdout, /--max-warnings N/);
  });

  test('an unknown option or a bad value is one line naming it and where to look, exit 2, nothing checked', () => {
    const dir = folder({ 'resume.md': FLAWED });
    for (const [args, said] of [
      [['check', '--frobnicate', 'resume.md'], /unknown option --frobnicate for "vita check"; see "vita check --help"/],
      [['check', '--today', '2026-13-45', 'resume.md'], /--today must be a date like 2026-03-31 \(got "2026-13-45"\)/],
      [['check', '--language', 'fr', 'resume.md'], /--language must be en-US or en-GB \(got "fr"\)/],
      [['check', '--format', 'xml', 'resume.md'], /--format must be text, json or sarif/],
      [['check', '--max-warnings', 'many', 'resume.md'], /--max-warnings must be a whole number/],
      [['check', '--diff', 'resume.md'], /--diff goes with --fix or --fix-dry-run/],
      [['nonsense'], /unknown command "nonsense"; see "vita help"/],
    ] as const) {
      const result = vita(dir, [...args]);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '', `${args.join(' ')}: nothing is checked`);
      assert.match(result.stderr, said);
      assert.equal(result.stderr.trim().split('\n').length, 1, `${args.join(' ')}: one line`);
    }
  });
});

describe('vita check: text output', () => {
  test('a closing summary line counts errors, warnings and infos, and what --fix can fix; hints only with --hints', () => {
    const dir = folder({ 'resume.md': FLAWED });
    const result = vita(dir, ['check', 'resume.md']);
    assert.equal(result.code, 1);
    const lines = result.stdout.trim().split('\n');
    assert.match(lines[lines.length - 1], /^✖ 2 problems \(1 error, 1 warning, 0 infos\) in 1 file · 1 fixable with --fix · \d+ hints? not shown \(--hints\)$/);
    assert.doesNotMatch(result.stdout, /^\S+:\d+:\d+ hint /m);
    assert.match(vita(dir, ['check', '--hints', 'resume.md']).stdout, /resume\.md:9:3 hint style-weak-verb/);
    assert.match(vita(folder({ 'resume.md': CLEAN }), ['check', 'resume.md']).stdout, /^✔ no problems in 1 file/m);
  });

  test('--quiet reports errors only; --max-warnings fails on more warnings than allowed', () => {
    const dir = folder({ 'resume.md': FLAWED.replace('Jan 2022 – Dec 2021', 'Jan 2021 – Dec 2022') });
    const quiet = vita(dir, ['check', '--quiet', 'resume.md']);
    assert.equal(quiet.code, 0);
    assert.doesNotMatch(quiet.stdout, /warning/);
    assert.equal(vita(dir, ['check', '--max-warnings', '1', 'resume.md']).code, 0);
    const over = vita(dir, ['check', '--max-warnings', '0', 'resume.md']);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /1 warnings, more than --max-warnings 0/);
  });

  test('colour on a terminal or with FORCE_COLOR / --color; never with NO_COLOR or --no-color', () => {
    const dir = folder({ 'resume.md': FLAWED });
    assert.doesNotMatch(vita(dir, ['check', 'resume.md']).stdout, /\u001b\[/, 'a pipe gets no colour');
    assert.match(vita(dir, ['check', 'resume.md'], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[31merror/);
    assert.match(vita(dir, ['check', '--color', 'resume.md']).stdout, /\u001b\[/);
    assert.doesNotMatch(vita(dir, ['check', 'resume.md'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\u001b\[/, 'NO_COLOR wins');
    assert.doesNotMatch(vita(dir, ['check', '--no-color', 'resume.md'], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
  });
});

describe('vita check --fix, --fix-dry-run, --diff', () => {
  test('--fix-dry-run prints what --fix would do and changes nothing; --diff prints a unified diff', () => {
    const dir = folder({ 'resume.md': FLAWED });
    const dry = vita(dir, ['check', '--fix-dry-run', 'resume.md']);
    assert.match(dry.stdout, /^resume\.md:8:3 would fix bullet-stray-glyph Remove stray "o"$/m);
    assert.equal(readFileSync(join(dir, 'resume.md'), 'utf8'), FLAWED);
    // What would be left: the reversed range, which only the writer can mend (never swapped by --fix).
    assert.match(dry.stdout, /date-reversed/);
    const diff = vita(dir, ['check', '--fix-dry-run', '--diff', 'resume.md']);
    assert.match(diff.stdout, /^--- a\/resume\.md\n\+\+\+ b\/resume\.md\n@@ -\d+,\d+ \+\d+,\d+ @@/m);
    assert.match(diff.stdout, /^-- o Cut build times by 40%\.\n\+- Cut build times by 40%\.$/m);
    assert.equal(readFileSync(join(dir, 'resume.md'), 'utf8'), FLAWED);
  });

  test('--fix keeps mode, owner, group and hard links; a read-only file is reported and left alone (exit 2)', () => {
    const dir = folder({ 'resume.md': FLAWED, 'ro.md': FLAWED });
    const file = join(dir, 'resume.md');
    chmodSync(file, 0o640);
    linkSync(file, join(dir, 'link.md'));
    const owner = process.getuid?.() === 0 ? { uid: 4242, gid: 4343 } : undefined;
    if (owner) chownSync(file, owner.uid, owner.gid);
    const result = vita(dir, ['check', '--fix', 'resume.md']);
    assert.equal(result.code, 1, result.stderr); // the reversed range is left: an error
    assert.doesNotMatch(readFileSync(file, 'utf8'), /- o Cut/);
    assert.equal(readFileSync(join(dir, 'link.md'), 'utf8'), readFileSync(file, 'utf8'), 'the hard link sees the fix');
    const stat = statSync(file);
    assert.equal(stat.mode & 0o777, 0o640);
    if (owner) assert.deepEqual({ uid: stat.uid, gid: stat.gid }, owner);
    assert.deepEqual(readdirSync(dir).sort(), ['link.md', 'resume.md', 'ro.md'], 'no temporary file is left');

    const readOnly = join(dir, 'ro.md');
    chmodSync(readOnly, 0o444);
    const refused = vita(dir, ['check', '--fix', 'ro.md']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /ro\.md is read-only; left alone/);
    assert.equal(readFileSync(readOnly, 'utf8'), FLAWED);
  });

  test('a file that changed since it was read is not overwritten; a FIFO is never replaced', () => {
    const dir = folder({ 'resume.md': FLAWED });
    const file = join(dir, 'resume.md');
    const stat = statSync(file);
    writeFileSync(file, `${FLAWED}- Added meanwhile.\n`);
    assert.throws(() => writeFileAtomic(file, 'new text', { size: stat.size, mtimeMs: stat.mtimeMs }), WriteRefused);
    assert.match(readFileSync(file, 'utf8'), /Added meanwhile/);
    const fifo = join(dir, 'pipe.md');
    assert.equal(spawnSync('mkfifo', [fifo], { timeout: 10_000 }).status, 0, 'mkfifo is not available');
    assert.throws(() => writeFileAtomic(fifo, 'new text'), /not a regular file/);
    assert.ok(statSync(fifo).isFIFO());
  });
});

describe('vita match', () => {
  const JOB = '# Data Analyst\n\n## Requirements\n\n- SQL\n- Tableau\n\n## Nice to have\n\n- Python\n';
  const CV = '# Rui Tanaka\nrui@example.com\n\n## Experience\n\n### Lantern Analytics — Analyst, 2020 – 2024\n\n- Wrote SQL that cut report time by 50%.\n\n## Skills\n\nTableau, Python\n';

  test('--format json prints the issue\'s shape; text lists each term; exit 0', () => {
    const dir = folder({ 'job.md': JOB, 'resume.md': CV });
    const json = vita(dir, ['match', '--job', 'job.md', '--format', 'json', 'resume.md']);
    assert.equal(json.code, 0, json.stderr);
    const [result] = JSON.parse(json.stdout);
    assert.deepEqual(Object.keys(result), ['file', 'job', 'coverage', 'terms']);
    assert.equal(result.file, 'resume.md');
    assert.equal(result.job, 'job.md');
    assert.deepEqual(result.terms.map((t: { term: string; status: string; required: boolean }) => `${t.term}:${t.status}:${t.required}`), ['SQL:evidenced:true', 'Tableau:listed:true', 'Python:listed:false']);
    assert.equal(result.coverage, 0.75);
    for (const term of result.terms) {
      assert.deepEqual(Object.keys(term), ['term', 'aliases', 'required', 'status', 'jobRange', 'evidence']);
      assert.equal(typeof term.jobRange.start.line, 'number');
    }
    const text = vita(dir, ['match', '--job', 'job.md', 'resume.md']);
    assert.match(text.stdout, /coverage 75%/);
    assert.match(text.stdout, /✓ evidenced required {2}SQL/);
  });

  test('no --job, a missing job or a broken JSON job is a usage or I/O error (exit 2)', () => {
    const dir = folder({ 'resume.md': CV, 'job.json': '{ "title": ' });
    assert.equal(vita(dir, ['match', 'resume.md']).code, 2);
    const missing = vita(dir, ['match', '--job', 'nope.md', 'resume.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the job nope\.md: no such file/);
    const broken = vita(dir, ['match', '--job', 'job.json', 'resume.md']);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /job\.json: is not valid JSON/);
  });
});

describe('one count everywhere', () => {
  test('vita summary --format json: findingsTotal is the errors, warnings and infos vita check reports; hints apart', () => {
    const dir = folder({ 'resume.md': FLAWED });
    const [{ diagnostics }] = JSON.parse(vita(dir, ['check', '--format', 'json', '--today', '2026-12-01', 'resume.md']).stdout);
    const problems = diagnostics.filter((d: { severity: number }) => d.severity <= 3).length;
    const hints = diagnostics.filter((d: { severity: number }) => d.severity === 4).length;
    assert.ok(problems > 0 && hints > 0, 'the fixture has both');
    const [{ summary }] = JSON.parse(vita(dir, ['summary', '--format', 'json', '--today', '2026-12-01', 'resume.md']).stdout);
    assert.equal(summary.findingsTotal, problems);
    assert.equal(summary.hints, hints);
    assert.equal(Object.values(summary.findings as Record<string, number>).reduce((a, b) => a + b, 0), problems);
  });
});
