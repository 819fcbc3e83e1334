// `.vita/words.txt` is a person's file (issue 16, items 1, 3 and 7): adding a word keeps every line as written
// (comments in place, duplicates, blank lines, each line ending, a last line without one), the encoding (UTF-8 with
// or without a byte-order mark, UTF-16 LE/BE, Latin-1), the mode, owner, group and hard links; a read-only file is
// left alone; a lock that is empty, broken, dangling or left by a dead process is taken over at once; a named pipe
// is never waited on; a word with an invisible or control character is refused.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { addWordsToFile, readWordsFile } from '../../server/src/host/wordsFile';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A workspace folder with an empty `.vita/` in it; answers the folder and its words file's path. */
function workspace(): { folder: string; file: string } {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'vita-keeps-')));
  roots.push(folder);
  mkdirSync(join(folder, '.vita'));
  return { folder, file: join(folder, '.vita', 'words.txt') };
}

/** What is left in `.vita/` besides the words file (temp and lock files must not be). */
function leftovers(folder: string): string[] {
  return readdirSync(join(folder, '.vita')).filter((name) => name !== 'words.txt');
}

/** A named pipe at `path` (mkfifo, with a timeout like every process a test starts). */
function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path], { timeout: 10_000 });
  assert.equal(made.status, 0, `mkfifo: ${made.stderr}`);
}

// A test that would wait on a lock or a pipe fails by this timeout instead of hanging the run.
const QUICK = { timeout: 5_000 };

describe('adding a word changes nothing else', () => {
  test('comments stay where they are, duplicates and blank lines stay, each line keeps its ending', async () => {
    const { folder, file } = workspace();
    const before = '# Names of people\r\nAdaeze\r\nAdaeze\r\n\r\n# Tools\nKubeflow\rzeta';
    writeFileSync(file, before);
    const result = await addWordsToFile(file, ['Brannock', 'Tarrow', 'zz9'], folder);
    assert.deepEqual(result.added, ['Brannock', 'Tarrow', 'zz9']);
    // Brannock after the last name (not under "# Tools"), Tarrow before zeta, zz9 after the last line — which gets
    // the file's line break, while the new last line has none, as the old one had none.
    assert.equal(readFileSync(file, 'latin1'), '# Names of people\r\nAdaeze\r\nAdaeze\r\nBrannock\r\n\r\n# Tools\nKubeflow\rTarrow\rzeta\r\nzz9');
    assert.deepEqual(leftovers(folder), []);
  });

  test('a word already there (even only as a duplicate line) leaves the file untouched, byte for byte', async () => {
    const { folder, file } = workspace();
    writeFileSync(file, 'zeta\nAlpha\nzeta\n');
    const stamp = statSync(file);
    const result = await addWordsToFile(file, ['zeta'], folder);
    assert.deepEqual(result.added, []);
    assert.equal(readFileSync(file, 'utf8'), 'zeta\nAlpha\nzeta\n');
    assert.equal(statSync(file).mtimeMs, stamp.mtimeMs);
  });
});

describe('the encoding is kept, or the add is refused', () => {
  test('UTF-8 with a byte-order mark keeps its mark', async () => {
    const { folder, file } = workspace();
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zoë\n', 'utf8')]));
    assert.deepEqual(readWordsFile(file), ['Zoë']);
    await addWordsToFile(file, ['Anaïs'], folder);
    assert.deepEqual(readFileSync(file), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Anaïs\nZoë\n', 'utf8')]));
  });

  for (const [name, encode] of [
    ['UTF-16 LE', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ] as const) {
    test(`${name} is read as words and written back in ${name}`, async () => {
      const { folder, file } = workspace();
      writeFileSync(file, encode('# Wörter\r\nKubeflow\r\nZoë\r\n'));
      assert.deepEqual(readWordsFile(file), ['Kubeflow', 'Zoë']);
      await addWordsToFile(file, ['Łódź'], folder);
      assert.deepEqual(readFileSync(file), encode('# Wörter\r\nKubeflow\r\nZoë\r\nŁódź\r\n'));
      assert.deepEqual(readWordsFile(file), ['Kubeflow', 'Zoë', 'Łódź']);
    });
  }

  test('Latin-1 is read right and written back byte for byte; a word Latin-1 cannot hold is refused, the file untouched', async () => {
    const { folder, file } = workspace();
    const before = Buffer.from('# Namen\nGrüße\nZoë\n', 'latin1');
    writeFileSync(file, before);
    assert.deepEqual(readWordsFile(file), ['Grüße', 'Zoë']);
    await addWordsToFile(file, ['Kubeflow'], folder);
    assert.deepEqual(readFileSync(file), Buffer.from('# Namen\nGrüße\nKubeflow\nZoë\n', 'latin1'));
    const kept = readFileSync(file);
    await assert.rejects(addWordsToFile(file, ['Łódź'], folder), /Latin-1.*save the file as UTF-8/);
    assert.deepEqual(readFileSync(file), kept);
    assert.deepEqual(leftovers(folder), []);
  });

  test('binary junk (NUL bytes), broken UTF-16 or broken UTF-8 after its byte-order mark is not rewritten', async () => {
    const { folder, file } = workspace();
    for (const junk of [Buffer.from([0x41, 0x00, 0x42, 0x0a]), Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8]), Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28, 0x0a])]) {
      writeFileSync(file, junk);
      await assert.rejects(addWordsToFile(file, ['Kubeflow'], folder), /not changing it/);
      assert.deepEqual(readFileSync(file), junk);
    }
  });
});

describe('the file keeps its mode, owner, group and hard links; a read-only file is left alone', () => {
  test('mode 0600 stays 0600', async () => {
    const { folder, file } = workspace();
    writeFileSync(file, 'alpha\n');
    chmodSync(file, 0o600);
    await addWordsToFile(file, ['beta'], folder);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(readFileSync(file, 'utf8'), 'alpha\nbeta\n');
  });

  test('owner and group stay (as root: another user\'s file)', async () => {
    const { folder, file } = workspace();
    writeFileSync(file, 'alpha\n');
    const root = process.getuid?.() === 0;
    const uid = root ? 4321 : statSync(file).uid;
    const gid = root ? 4322 : statSync(file).gid;
    chownSync(file, uid, gid);
    chmodSync(file, 0o640);
    await addWordsToFile(file, ['beta'], folder);
    const stat = statSync(file);
    assert.deepEqual([stat.uid, stat.gid, stat.mode & 0o777], [uid, gid, 0o640]);
    assert.equal(readFileSync(file, 'utf8'), 'alpha\nbeta\n');
  });

  test('a hard link sees the new word (the file is written in place, not replaced)', async () => {
    const { folder, file } = workspace();
    writeFileSync(file, 'alpha\n');
    const other = join(folder, 'shared-words.txt');
    linkSync(file, other);
    const inode = statSync(file).ino;
    await addWordsToFile(file, ['beta'], folder);
    assert.equal(statSync(file).ino, inode);
    assert.equal(readFileSync(other, 'utf8'), 'alpha\nbeta\n');
    assert.deepEqual(leftovers(folder), []);
  });

  test('a read-only file (no write bit, even for root) is refused and stays as it was', async () => {
    const { folder, file } = workspace();
    writeFileSync(file, 'alpha\n');
    chmodSync(file, 0o444);
    await assert.rejects(addWordsToFile(file, ['beta'], folder), /read-only/);
    assert.equal(readFileSync(file, 'utf8'), 'alpha\n');
    assert.equal(statSync(file).mode & 0o777, 0o444);
    assert.deepEqual(leftovers(folder), []);
  });
});

describe('locks left behind are taken over at once', () => {
  const cases: [string, (lock: string) => void][] = [
    ['an empty lock file (its writer died before writing its process id)', (lock) => writeFileSync(lock, '')],
    ['a lock file of junk', (lock) => writeFileSync(lock, 'not a pid\n')],
    ['a dangling symbolic link', (lock) => symlinkSync(join(tmpdir(), 'vita-no-such-lock-target'), lock)],
    ['a named pipe', (lock) => mkfifo(lock)],
    ['the lock of a process that is gone', (lock) => writeFileSync(lock, `4194305 ${new Date().toISOString()}\n`)],
  ];
  for (const [name, make] of cases) {
    test(name, QUICK, async () => {
      const { folder, file } = workspace();
      const lock = `${file}.lock`;
      make(lock);
      // A lock older than a second, as any lock is by the time a person adds a word after a crash.
      if (!name.includes('symbolic') && !name.includes('pipe')) utimesSync(lock, new Date(Date.now() - 2000), new Date(Date.now() - 2000));
      await addWordsToFile(file, ['Kubeflow'], folder);
      assert.equal(readFileSync(file, 'utf8'), 'Kubeflow\n');
      assert.equal(existsSync(lock), false);
      assert.deepEqual(leftovers(folder), []);
    });
  }

  test('a folder in the lock\'s place is an error, not a wait', QUICK, async () => {
    const { folder, file } = workspace();
    mkdirSync(`${file}.lock`);
    await assert.rejects(addWordsToFile(file, ['Kubeflow'], folder), /is a folder, not a lock file/);
  });
});

describe('a named pipe is never waited on', () => {
  test('a named pipe at .vita/words.txt has no words and is not added to', QUICK, async () => {
    const { folder, file } = workspace();
    mkfifo(file);
    assert.deepEqual(readWordsFile(file), []);
    await assert.rejects(addWordsToFile(file, ['Kubeflow'], folder), /not a plain file/);
    assert.ok(statSync(file).isFIFO());
  });
});

describe('a word with an invisible or control character is refused', () => {
  for (const [name, character] of [
    ['a zero-width space', '\u200b'],
    ['a right-to-left override', '\u202e'],
    ['a next-line control', '\u0085'],
    ['a byte-order mark', '\ufeff'],
    ['a variation selector', '\ufe0f'],
  ] as const) {
    test(name, async () => {
      const { folder, file } = workspace();
      writeFileSync(file, 'alpha\n');
      const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      await assert.rejects(addWordsToFile(file, [`Kube${character}flow`], folder), new RegExp(`invisible or control character \\(U\\+${code}\\)`));
      assert.equal(readFileSync(file, 'utf8'), 'alpha\n');
      // Nor is a line holding one read as a word.
      writeFileSync(file, `alpha\nKube${character}flow\n`);
      assert.deepEqual(readWordsFile(file), ['alpha']);
    });
  }
});
