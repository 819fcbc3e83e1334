// `vita check --fix` and `vita format --write` write a person's file back as eslint and prettier do (issue 16, items 1
// and 4): owner, group, mode and hard links kept, a symbolic link stays a link, a read-only file or one that is not a
// regular file (a named pipe) is reported and left alone (exit 2) without waiting on it, a file changed while vita
// worked is not overwritten, and SIGINT or SIGTERM during a write leave the file whole and no temporary file behind.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { writeFileAtomic, WriteRefused } from '../../server/src/host/writeAtomic';
import { repoRoot } from '../helpers/fixtures';

const CLI = join(repoRoot(), 'dist', 'cli.js');
const root = mkdtempSync(join(tmpdir(), 'vita-write-'));
chmodSync(root, 0o755);
after(() => rmSync(root, { recursive: true, force: true }));
const isRoot = process.getuid?.() === 0;

let folders = 0;
/** A fresh folder for one test. */
function folder(): string {
  const dir = join(root, `t${folders++}`);
  mkdirSync(dir);
  return dir;
}

/** Runs the CLI with a timeout (a FIFO read would block it forever). */
function vita(cwd: string, args: string[], options: { uid?: number; gid?: number; cli?: string } = {}) {
  const { cli = CLI, ...ids } = options;
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30_000, ...ids });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** dist/ (without source maps) copied under `dir`, readable by every user; returns the copy's cli.js. */
function builtCliFor(dir: string): string {
  const copy = join(dir, 'dist');
  if (!existsSync(copy)) cpSync(join(repoRoot(), 'dist'), copy, { recursive: true, preserveTimestamps: true, filter: (source) => !source.endsWith('.map') });
  return join(copy, 'cli.js');
}

/** Temporary files a write may leave: `.name.vita-….tmp`. */
function temporaryFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

const UNFORMATTED = '# Ana Lopes\n\n## Experience\n\n*   Led   the team of twelve\n';
const FORMATTED = '# Ana Lopes\n\n## Experience\n\n* Led the team of twelve\n';
const UNFIXED = '# Ana Lopes\n\n## Experience\n\n- o Led the team of twelve\n';
const FIXED = '# Ana Lopes\n\n## Experience\n\n- Led the team of twelve\n';

describe('owner, group, mode and links are kept', () => {
  test('format --write keeps another user\'s owner and group, and the mode (as root: by chown of the new file)', () => {
    const dir = folder();
    const file = join(dir, 'resume.md');
    writeFileSync(file, UNFORMATTED);
    const [uid, gid] = isRoot ? [2345, 2346] : [statSync(file).uid, statSync(file).gid];
    chownSync(file, uid, gid);
    chmodSync(file, 0o640);
    const result = vita(dir, ['format', '--write', 'resume.md']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(file, 'utf8'), FORMATTED);
    const stat = statSync(file);
    assert.deepEqual([stat.uid, stat.gid, stat.mode & 0o7777], [uid, gid, 0o640]);
    assert.deepEqual(temporaryFiles(dir), []);
  });

  test('format --write on a file with another hard link: both names see the new text (written in place)', () => {
    const dir = folder();
    const file = join(dir, 'resume.md');
    writeFileSync(file, UNFORMATTED);
    linkSync(file, join(dir, 'backup-link.md'));
    const inode = statSync(file).ino;
    const result = vita(dir, ['format', '--write', 'resume.md']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(statSync(file).ino, inode);
    assert.equal(readFileSync(join(dir, 'backup-link.md'), 'utf8'), FORMATTED);
    assert.equal(statSync(file).nlink, 2);
    assert.deepEqual(temporaryFiles(dir), []);
  });

  test('check --fix through a symbolic link: the link stays a link, the file it names is fixed', () => {
    const dir = folder();
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'resume.md');
    writeFileSync(target, UNFIXED);
    symlinkSync(join('real', 'resume.md'), join(dir, 'resume.md'));
    const result = vita(dir, ['check', '--fix', 'resume.md']);
    assert.ok(result.code === 0 || result.code === 1, result.stderr);
    assert.ok(lstatSync(join(dir, 'resume.md')).isSymbolicLink());
    assert.equal(readlinkSync(join(dir, 'resume.md')), join('real', 'resume.md'));
    assert.equal(readFileSync(target, 'utf8'), FIXED);
    assert.deepEqual([...temporaryFiles(dir), ...temporaryFiles(join(dir, 'real'))], []);
  });

  test('a user who may write the file but not own a new one (group-writable, someone else\'s): written in place, owner kept', () => {
    const dir = folder();
    chmodSync(dir, 0o777);
    const file = join(dir, 'resume.md');
    writeFileSync(file, UNFORMATTED);
    // As root: the file is root's, group 3457 may write it, and vita runs as user 3456 of that group.
    const runAs = isRoot ? { uid: 3456, gid: 3457 } : {};
    if (isRoot) chownSync(file, 0, 3457);
    chmodSync(file, 0o664);
    const before = statSync(file);
    // That user may not reach the checkout (a clone in a private folder): it runs a copy of the built CLI from here.
    const cli = isRoot ? builtCliFor(root) : CLI;
    const result = vita(dir, ['format', '--write', 'resume.md'], { ...runAs, cli });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(file, 'utf8'), FORMATTED);
    const stat = statSync(file);
    assert.deepEqual([stat.uid, stat.gid, stat.mode & 0o7777, stat.ino], [before.uid, before.gid, 0o664, before.ino]);
    assert.deepEqual(temporaryFiles(dir), []);
  });
});

describe('files vita must leave alone', () => {
  for (const args of [['check', '--fix'], ['format', '--write']]) {
    test(`${args.join(' ')}: a read-only file (no write bit, even for root) is reported, left alone, exit 2`, () => {
      const dir = folder();
      const file = join(dir, 'resume.md');
      writeFileSync(file, args[0] === 'check' ? UNFIXED : UNFORMATTED);
      chmodSync(file, 0o444);
      const before = readFileSync(file, 'utf8');
      const result = vita(dir, [...args, 'resume.md']);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /resume\.md is read-only; left alone/);
      assert.equal(readFileSync(file, 'utf8'), before);
      assert.equal(statSync(file).mode & 0o777, 0o444);
      assert.deepEqual(temporaryFiles(dir), []);
    });

    test(`${args.join(' ')}: a named pipe is refused at once (never read, never replaced), exit 2`, () => {
      const dir = folder();
      const fifo = join(dir, 'resume.md');
      assert.equal(spawnSync('mkfifo', [fifo], { timeout: 10_000 }).status, 0);
      const result = vita(dir, [...args, 'resume.md']);
      assert.equal(result.signal, null, 'vita did not hang on the pipe (killed by the timeout)');
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /named pipe/);
      assert.ok(lstatSync(fifo).isFIFO());
    });
  }

  test('a file changed since vita read it (size or modification time) is not overwritten', () => {
    const dir = folder();
    const file = join(dir, 'resume.md');
    writeFileSync(file, UNFORMATTED);
    const read = statSync(file);
    writeFileSync(file, `${UNFORMATTED}- added by the person meanwhile\n`);
    assert.throws(() => writeFileAtomic(file, FORMATTED, { size: read.size, mtimeMs: read.mtimeMs }), (error: unknown) => error instanceof WriteRefused && /changed while vita was working on it/.test(error.message));
    assert.equal(readFileSync(file, 'utf8'), `${UNFORMATTED}- added by the person meanwhile\n`);
    assert.deepEqual(temporaryFiles(dir), []);
  });
});

/**
 * A preload that holds the CLI for a while right before it renames its temporary file into place (the moment a
 * signal would leave the temporary file behind), after writing the temporary file's name to VITA_TEST_MARK.
 */
const HOLD_BEFORE_RENAME = `
const fs = require('node:fs');
const rename = fs.renameSync;
fs.renameSync = function (from, to) {
  if (/\\.vita-[^/]*\\.tmp$/.test(String(from))) {
    fs.writeFileSync(process.env.VITA_TEST_MARK, String(from));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
  }
  return rename.apply(this, arguments);
};
`;

describe('interrupted while writing', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    test(`${signal} during format --write: the file is whole, no temporary file is left, exit ${code}`, { timeout: 30_000 }, async () => {
      const dir = folder();
      const file = join(dir, 'resume.md');
      writeFileSync(file, UNFORMATTED);
      const preload = join(root, 'hold-before-rename.js');
      writeFileSync(preload, HOLD_BEFORE_RENAME);
      const mark = join(root, `mark-${signal}`);
      const child = spawn(process.execPath, ['--require', preload, CLI, 'format', '--write', 'resume.md'], { cwd: dir, env: { ...process.env, VITA_TEST_MARK: mark }, timeout: 20_000 });
      const exited = new Promise<[number | null, string | null]>((resolve) => child.once('exit', (c, s) => resolve([c, s])));
      // Signal once the temporary file is written and about to be renamed.
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (existsSync(mark)) {
            clearInterval(poll);
            resolve();
          }
        }, 5);
      });
      child.kill(signal);
      assert.deepEqual(await exited, [code, null]);
      assert.deepEqual(temporaryFiles(dir), []);
      assert.equal(readFileSync(file, 'utf8'), FORMATTED);
    });
  }
});
