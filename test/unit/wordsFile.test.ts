// Words files (.vita/words.txt): sorted, de-duplicated, header kept, atomic, safe to read, never written outside the
// workspace folder, and nothing lost when two processes add words at the same time. Run as a child process with
// VITA_WORDS_CHILD set, this file is the second "editor" of the concurrency test instead.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { addWordsToFile, readWordsFile, WORDS_FILE_LIMITS } from '../../server/src/host/wordsFile';

const child = process.env.VITA_WORDS_CHILD;

if (child) {
  // Child mode: wait for "go" on stdin, then add 25 words one call at a time.
  const { file, folder, prefix } = JSON.parse(child) as { file: string; folder: string; prefix: string };
  process.stdout.write('ready\n');
  process.stdin.once('data', async () => {
    for (let i = 0; i < 25; i++) await addWordsToFile(file, [`${prefix}${String(i).padStart(2, '0')}`], folder);
    process.exit(0);
  });
} else {
  const roots: string[] = [];
  const workspace = () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'vita-words-')));
    roots.push(root);
    return root;
  };
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  describe('addWordsToFile', () => {
    test('creates .vita/words.txt; adds each new word once, at its sorted place, after the header comments', async () => {
      const folder = workspace();
      const file = join(folder, '.vita', 'words.txt');
      await addWordsToFile(file, ['Kubeflow'], folder);
      assert.equal(readFileSync(file, 'utf8'), 'Kubeflow\n');
      writeFileSync(file, '# Words vita accepts in this workspace\n# one a line\nAlpha\nKubeflow\nzeta\n');
      const result = await addWordsToFile(file, ['beta', 'Kubeflow', 'beta', 'Rijswijk'], folder);
      assert.deepEqual(result.added, ['beta', 'Rijswijk']);
      assert.equal(readFileSync(file, 'utf8'), '# Words vita accepts in this workspace\n# one a line\nAlpha\nbeta\nKubeflow\nRijswijk\nzeta\n');
      assert.deepEqual(readdirSync(join(folder, '.vita')), ['words.txt'], 'no temp or lock file is left behind');
    });

    test('refuses what is not one word', async () => {
      const folder = workspace();
      for (const bad of ['two words', '', 'a\nb', 'x'.repeat(WORDS_FILE_LIMITS.maxWordLength + 1), '#comment', 'nul\0']) {
        await assert.rejects(addWordsToFile(join(folder, '.vita', 'words.txt'), [bad], folder), /not a single word/, JSON.stringify(bad));
      }
    });

    test('never writes outside the workspace folder: .. and symlinks that lead out are refused', async () => {
      const folder = workspace();
      const outside = workspace();
      await assert.rejects(addWordsToFile(join(folder, '..', 'words.txt'), ['x1'], folder), /not inside the workspace/);
      await assert.rejects(addWordsToFile(join(outside, 'words.txt'), ['x1'], folder), /not inside the workspace/);
      symlinkSync(outside, join(folder, '.vita'));
      await assert.rejects(addWordsToFile(join(folder, '.vita', 'words.txt'), ['x1'], folder), /outside the workspace/);
      const other = workspace();
      mkdirSync(join(other, '.vita'));
      writeFileSync(join(outside, 'target.txt'), 'keep\n');
      symlinkSync(join(outside, 'target.txt'), join(other, '.vita', 'words.txt'));
      await assert.rejects(addWordsToFile(join(other, '.vita', 'words.txt'), ['x1'], other), /not a plain file/);
      assert.deepEqual(readdirSync(outside).sort(), ['target.txt'], 'nothing was created outside');
      assert.equal(readFileSync(join(outside, 'target.txt'), 'utf8'), 'keep\n');
    });

    test('a crashed writer\'s lock is taken over (its process is gone)', async () => {
      const folder = workspace();
      const file = join(folder, '.vita', 'words.txt');
      mkdirSync(join(folder, '.vita'));
      // A pid that is not running: the highest pid Linux hands out, plus one.
      writeFileSync(`${file}.lock`, `4194305 ${new Date().toISOString()}\n`);
      await addWordsToFile(file, ['Kubeflow'], folder);
      assert.equal(readFileSync(file, 'utf8'), 'Kubeflow\n');
      assert.equal(existsSync(`${file}.lock`), false);
    });

    test('50 concurrent adds in one process lose nothing', async () => {
      const folder = workspace();
      const file = join(folder, '.vita', 'words.txt');
      mkdirSync(join(folder, '.vita'));
      writeFileSync(file, '# header\nexisting\n');
      const words = Array.from({ length: 50 }, (_, i) => `word${String(i).padStart(2, '0')}`);
      await Promise.all(words.map((w) => addWordsToFile(file, [w], folder)));
      assert.deepEqual(readFileSync(file, 'utf8').split('\n'), ['# header', 'existing', ...words, '']);
    });

    test('a reader never sees a half-written file (the file is replaced atomically)', async () => {
      const folder = workspace();
      const file = join(folder, '.vita', 'words.txt');
      mkdirSync(join(folder, '.vita'));
      const initial = Array.from({ length: 20_000 }, (_, i) => `initial${String(i).padStart(5, '0')}`);
      writeFileSync(file, `${initial.join('\n')}\n`);
      let done = false;
      const adds = (async () => {
        for (let i = 0; i < 30; i++) await addWordsToFile(file, [`added${String(i).padStart(2, '0')}`], folder);
        done = true;
      })();
      let reads = 0;
      while (!done) {
        const words = readWordsFile(file);
        assert.ok(words.length >= initial.length, `a reader saw ${words.length} words while adds were going on`);
        reads++;
        await new Promise((resolve) => setImmediate(resolve));
      }
      await adds;
      assert.ok(reads > 30, `the reader ran between the writes (${reads} reads)`);
      assert.equal(readWordsFile(file).length, initial.length + 30);
    });

    test('two processes adding 25 words each at the same time lose nothing', async () => {
      const folder = workspace();
      const file = join(folder, '.vita', 'words.txt');
      mkdirSync(join(folder, '.vita'));
      writeFileSync(file, '# shared by two editors\nexisting\n');
      const children = ['alpha', 'beta'].map((prefix) =>
        spawn(process.execPath, [__filename], { env: { ...process.env, VITA_WORDS_CHILD: JSON.stringify({ file, folder, prefix }) }, stdio: ['pipe', 'pipe', 'inherit'], timeout: 60_000 }),
      );
      // Start both only when both are ready, so that their adds overlap.
      await Promise.all(children.map((c) => new Promise<void>((resolve) => c.stdout!.once('data', () => resolve()))));
      const exits = children.map((c) => new Promise<number | null>((resolve) => c.once('exit', resolve)));
      for (const c of children) c.stdin!.write('go\n');
      assert.deepEqual(await Promise.all(exits), [0, 0]);
      const expected = ['existing', ...['alpha', 'beta'].flatMap((p) => Array.from({ length: 25 }, (_, i) => `${p}${String(i).padStart(2, '0')}`))].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
      assert.deepEqual(readFileSync(file, 'utf8').split('\n'), ['# shared by two editors', ...expected, '']);
      assert.deepEqual(readdirSync(join(folder, '.vita')), ['words.txt'], 'no temp or lock file is left behind');
    });
  });

  describe('readWordsFile', () => {
    test('a missing file has no words; a folder has none', () => {
      const folder = workspace();
      assert.deepEqual(readWordsFile(join(folder, 'missing.txt')), []);
      assert.deepEqual(readWordsFile(folder), []);
    });

    test('comments, blank lines, long lines, lines with spaces and binary junk are ignored; CRLF is fine', () => {
      const folder = workspace();
      const file = join(folder, 'words.txt');
      const junk = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a, 0xc3, 0x28, 0x0a, 0x80, 0x81, 0x0a]);
      writeFileSync(file, Buffer.concat([Buffer.from(`# header\r\nKubeflow\r\n\r\n${'x'.repeat(101)}\r\ntwo words\r\nRijswijk\r\nKubeflow\n`), junk, Buffer.from('Zoë\n')]));
      assert.deepEqual(readWordsFile(file), ['Kubeflow', 'Rijswijk', 'Zoë']);
    });

    test('a huge file is read up to the caps', () => {
      const folder = workspace();
      const file = join(folder, 'words.txt');
      const lines = Array.from({ length: WORDS_FILE_LIMITS.maxWords + 500 }, (_, i) => `w${i}`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      const words = readWordsFile(file);
      assert.equal(words.length, WORDS_FILE_LIMITS.maxWords);
      assert.equal(words[0], 'w0');
      writeFileSync(file, 'a'.repeat(WORDS_FILE_LIMITS.maxBytes + 10));
      assert.deepEqual(readWordsFile(file), [], 'one giant line is no word');
    });
  });
}
