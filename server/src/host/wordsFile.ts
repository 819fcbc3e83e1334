import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { lstat, mkdir, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { compareWords } from '../service/spelling/casing';

/**
 * Plain words files (`.vita/words.txt` in a workspace folder): one word a line, `#` comment lines at the top kept,
 * the words sorted and de-duplicated. Reading is defensive (a malformed, binary or huge file yields what words it
 * has, a missing one none); adding is atomic (temp file in the same folder, then rename) and serialised between
 * processes by a lock file created with O_EXCL, so concurrent adds from two editors lose nothing. Nothing outside
 * the workspace folder is ever written: real paths are checked, symlink escapes and `..` are refused.
 */

/** Caps that keep a hostile or broken words file harmless. */
export const WORDS_FILE_LIMITS = {
  /** A line longer than this is not a word and is ignored. */
  maxWordLength: 100,
  /** Words beyond this many are ignored when reading. */
  maxWords: 100_000,
  /** Only this many bytes of a words file are read; adding to a larger file is refused (nothing is lost). */
  maxBytes: 8 * 1024 * 1024,
} as const;

/** How long a lock may be held before another process takes it over (a crashed writer leaves its lock behind). */
const STALE_LOCK_MS = 10_000;
/** How long an add waits for the lock before it gives up. */
const LOCK_TIMEOUT_MS = 20_000;

/** Whether a line (already trimmed) is a word vita accepts: one token, printable, not too long. */
export function isWordLine(line: string): boolean {
  return (
    line.length > 0 &&
    line.length <= WORDS_FILE_LIMITS.maxWordLength &&
    !line.startsWith('#') &&
    // No inner whitespace, no control characters, no U+FFFD (bytes that were not UTF-8), no lone surrogates.
    !/[\s\u0000-\u001f\u007f\ufffd]/u.test(line) &&
    !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(line)
  );
}

/** The words of a words file's text, in file order, capped and with junk lines ignored. */
export function parseWords(text: string): string[] {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!isWordLine(line) || seen.has(line)) continue;
    seen.add(line);
    words.push(line);
    if (words.length >= WORDS_FILE_LIMITS.maxWords) break;
  }
  return words;
}

/** Reads a words file safely: a missing or unreadable file has no words; only the first `maxBytes` are read. */
export function readWordsFile(path: string): string[] {
  let fd: number;
  try {
    // O_NONBLOCK: a named pipe put in the file's place opens at once (and is refused below) instead of blocking.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return [];
  }
  try {
    if (!fstatSync(fd).isFile()) return [];
    const buffer = Buffer.alloc(Math.min(fstatSync(fd).size, WORDS_FILE_LIMITS.maxBytes));
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return parseWords(buffer.subarray(0, read).toString('utf8'));
  } catch {
    return [];
  } finally {
    closeSync(fd);
  }
}

function isInside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside));
}

/**
 * Makes sure the folder that will hold `filePath` exists inside `workspaceFolder`, creating missing folders one by one
 * and refusing any step that is (or resolves through a symlink to) a place outside it. Returns the real folder.
 */
async function ensureFolderInside(filePath: string, workspaceFolder: string): Promise<string> {
  const root = await realpath(workspaceFolder);
  const target = resolve(workspaceFolder, filePath);
  if (!isInside(resolve(workspaceFolder), target) || target === resolve(workspaceFolder)) {
    throw new Error(`${filePath} is not inside the workspace folder ${workspaceFolder}`);
  }
  const steps = relative(resolve(workspaceFolder), dirname(target)).split(sep).filter((step) => step.length > 0);
  let current = root;
  for (const step of steps) {
    const next = resolve(current, step);
    try {
      await lstat(next);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(next).catch((mkdirError: NodeJS.ErrnoException) => {
        if (mkdirError.code !== 'EEXIST') throw mkdirError;
      });
    }
    const real = await realpath(next);
    if (!isInside(root, real)) throw new Error(`${next} leads outside the workspace folder ${workspaceFolder}`);
    if (!(await stat(real)).isDirectory()) throw new Error(`${next} is not a folder`);
    current = real;
  }
  return current;
}

/** Takes the lock file next to the words file (O_EXCL); retries with backoff and takes over stale locks. */
async function acquireLock(lockPath: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  let delay = 2;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      } finally {
        await handle.close();
      }
      return async () => {
        await unlink(lockPath).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await lockIsStale(lockPath)) {
      // Move the stale lock aside under a unique name (only one taker succeeds), then remove it.
      const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        await rename(lockPath, aside);
        await unlink(aside).catch(() => undefined);
      } catch {
        // Someone else took it over first.
      }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for the lock ${lockPath}`);
    await new Promise((done) => setTimeout(done, delay + Math.random() * delay));
    delay = Math.min(delay * 2, 50);
  }
}

/** A lock is stale when it is old, or when the process that wrote it is gone. */
async function lockIsStale(lockPath: string): Promise<boolean> {
  try {
    const info = await stat(lockPath);
    if (Date.now() - info.mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number.parseInt((await readFile(lockPath, 'utf8')).split(' ')[0], 10);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  } catch {
    return false; // gone already: the next try takes it
  }
}

export interface AddWordsResult {
  /** The words that were new to the file. */
  added: string[];
  /** The words the file holds now. */
  words: string[];
}

/**
 * Adds words to a words file inside `workspaceFolder` (created with its folder when missing): existing words and the
 * header comments stay, the words are sorted and de-duplicated, the file is replaced atomically under a lock.
 * Words that are not one printable token of at most `maxWordLength` characters are refused with an error.
 */
export async function addWordsToFile(filePath: string, words: readonly string[], workspaceFolder: string): Promise<AddWordsResult> {
  const wanted = words.map((word) => word.trim());
  const bad = wanted.find((word) => !isWordLine(word));
  if (bad !== undefined) throw new Error(`"${bad.slice(0, 40)}" is not a single word`);
  const folder = await ensureFolderInside(filePath, workspaceFolder);
  const target = resolve(folder, basename(resolve(workspaceFolder, filePath)));
  const release = await acquireLock(`${target}.lock`);
  try {
    let text = '';
    try {
      const info = await lstat(target);
      if (info.isSymbolicLink() || !info.isFile()) throw new Error(`${target} is not a plain file`);
      if (info.size > WORDS_FILE_LIMITS.maxBytes) throw new Error(`${target} is larger than ${WORDS_FILE_LIMITS.maxBytes} bytes; not changing it`);
      text = await readFile(target, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(/\r\n|\r|\n/);
    // Header: the comment lines (and blank lines among them) before the first word; every other line is kept as a
    // word, junk included, so that nothing a person wrote is lost.
    let headerEnd = 0;
    while (headerEnd < lines.length && (lines[headerEnd].trim().startsWith('#') || lines[headerEnd].trim() === '')) headerEnd++;
    const header = lines.slice(0, headerEnd).filter((line) => line.trim() !== '');
    const existing = new Set<string>();
    for (const line of lines.slice(headerEnd)) if (line.trim() !== '') existing.add(line.trim());
    const added = [...new Set(wanted)].filter((word) => !existing.has(word));
    const all = [...existing, ...added].sort(compareWords);
    if (added.length > 0) {
      const content = [...header, ...all].join(eol) + eol;
      const temp = resolve(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    }
    return { added, words: all };
  } finally {
    await release();
  }
}
