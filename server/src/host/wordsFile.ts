import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { dictionaryWordProblem, MAX_DICTIONARY_WORD_LENGTH } from '../protocol';
import { compareWords } from '../service/spelling/casing';
import { FileReadError, printable, readRegularFile } from './files';
import { writeFileAtomic, type FileStamp } from './writeAtomic';

/**
 * Plain words files (`.vita/words.txt` in a workspace folder): one word a line, `#` comment lines. A words file is a
 * person's file: reading is defensive (a malformed, binary or huge file yields what words it has, a missing one
 * none; UTF-8, UTF-16 with a byte-order mark and Latin-1 are read right; a named pipe is never waited on), and adding
 * a word changes nothing else — every line stays as written (comments where they are, duplicates, blank lines, each
 * line's ending, the encoding), the new word goes in at its sorted place, and the file keeps its mode, owner and hard
 * links (host/writeAtomic.ts: a read-only file is left alone). Adds are serialised between processes by a lock file
 * created with O_EXCL (a lock left by a dead process, an empty or broken one, is taken over at once), so concurrent
 * adds from two editors lose nothing. Nothing outside the workspace folder is ever written: real paths are checked,
 * symlink escapes and `..` are refused.
 */

/** Caps that keep a hostile or broken words file harmless. */
export const WORDS_FILE_LIMITS = {
  /** A line longer than this is not a word and is ignored. */
  maxWordLength: MAX_DICTIONARY_WORD_LENGTH,
  /** Words beyond this many are ignored when reading. */
  maxWords: 100_000,
  /** Only this many bytes of a words file are read; adding to a larger file is refused (nothing is lost). */
  maxBytes: 8 * 1024 * 1024,
} as const;

/** How long a lock whose process still runs may be held before another process takes it over. */
const STALE_LOCK_MS = 10_000;
/** A lock file without a process id is being written (O_EXCL, then the id): after this long it is broken. */
const EMPTY_LOCK_MS = 1_000;
/** How long an add waits for the lock before it gives up. */
const LOCK_TIMEOUT_MS = 20_000;

/**
 * Whether a line (already trimmed) is a word vita accepts: not a `#` comment, and a word a dictionary takes (one
 * token, nothing invisible: `dictionaryWordProblem` in protocol.ts).
 */
export function isWordLine(line: string): boolean {
  return !line.startsWith('#') && dictionaryWordProblem(line) === undefined;
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

/** How a words file's bytes are written: what it is read with and written back in. */
export type WordsFileEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'latin1';

/**
 * A words file's bytes as text, and the encoding to write it back in: UTF-8 (with or without a byte-order mark),
 * UTF-16 with its byte-order mark, and — bytes that are not UTF-8 and hold no NUL — Latin-1 (every byte one
 * character, so the bytes come back as they were). Throws, with the reason, for anything else.
 */
export function decodeWordsFile(bytes: Uint8Array): { text: string; encoding: WordsFileEncoding } {
  const decode = (label: string, from: number) => new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictly(() => decode('utf-16le', 2), 'UTF-16 text with broken characters'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictly(() => decode('utf-16be', 2), 'UTF-16 text with broken characters'), encoding: 'utf-16be' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictly(() => decode('utf-8', 3), 'not valid UTF-8 after its UTF-8 byte-order mark'), encoding: 'utf-8-bom' };
  if (bytes.includes(0)) throw new Error('holds NUL bytes (binary, or UTF-16 without a byte-order mark)');
  try {
    return { text: decode('utf-8', 0), encoding: 'utf-8' };
  } catch {
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'latin1' };
  }
}

function strictly(decode: () => string, problem: string): string {
  try {
    return decode();
  } catch {
    throw new Error(`is ${problem}`);
  }
}

/** Text → bytes in a words file's encoding; throws when a character cannot be written in it (Latin-1). */
export function encodeWordsFile(text: string, encoding: WordsFileEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'latin1': {
      const wide = /[^\u0000-\u00ff]/.exec(text);
      if (wide) throw new Error(`is Latin-1 text, and "${wide[0]}" cannot be written in Latin-1 (save the file as UTF-8 to add it)`);
      return Buffer.from(text, 'latin1');
    }
  }
}

/** Reads a words file safely: a missing or unreadable file has no words; only the first `maxBytes` are read. */
export function readWordsFile(path: string): string[] {
  try {
    // Opened without blocking (a named pipe put in the file's place is refused, never waited on).
    const { bytes } = readRegularFile(path, WORDS_FILE_LIMITS.maxBytes);
    let text: string;
    try {
      text = decodeWordsFile(bytes).text;
    } catch {
      text = bytes.toString('utf8'); // binary junk: whatever lines are words
    }
    return parseWords(text);
  } catch {
    return [];
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
  const token = `${process.pid} ${new Date().toISOString()} ${randomBytes(6).toString('hex')}\n`;
  let delay = 2;
  for (;;) {
    try {
      // 'wx' is O_CREAT | O_EXCL: it never follows a symbolic link left at the lock's path.
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      return async () => {
        // Only our own lock is removed (one taken over from us after STALE_LOCK_MS belongs to another process now).
        if (readLock(lockPath) === token) await unlink(lockPath).catch(() => undefined);
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

/** The first bytes of a lock file, read without blocking; undefined when it is gone or not a regular file. */
function readLock(lockPath: string): string | undefined {
  try {
    return readRegularFile(lockPath, 200).bytes.toString('latin1');
  } catch {
    return undefined;
  }
}

/**
 * Whether a lock may be taken over: it is not a regular file (a symbolic link — dangling or not —, a named pipe or a
 * socket: no add made it), it holds no process id and is older than EMPTY_LOCK_MS (a writer died between creating
 * and writing it), its process is gone, or it is older than STALE_LOCK_MS. A folder in its place is an error.
 */
async function lockIsStale(lockPath: string): Promise<boolean> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(lockPath);
  } catch {
    return false; // gone already: the next try takes it
  }
  if (info.isDirectory()) throw new Error(`${lockPath} is a folder, not a lock file; remove it to add words`);
  if (!info.isFile()) return true;
  const age = Date.now() - info.mtimeMs;
  if (age > STALE_LOCK_MS) return true;
  const content = readLock(lockPath);
  if (content === undefined) return false; // gone (or swapped) since: look again
  const pid = /^(\d{1,10}) /.exec(content)?.[1];
  if (pid === undefined) return age > EMPTY_LOCK_MS;
  const id = Number(pid);
  if (id <= 0 || id === process.pid) return id <= 0;
  try {
    process.kill(id, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export interface AddWordsResult {
  /** The words that were new to the file. */
  added: string[];
  /** The words the file holds now. */
  words: string[];
}

/** One line of a file as written: its text and its line break ('' for a last line without one). */
interface Line {
  text: string;
  eol: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const parts = text.split(/(\r\n|\r|\n)/);
  for (let i = 0; i < parts.length; i += 2) lines.push({ text: parts[i], eol: parts[i + 1] ?? '' });
  if (lines.length > 0 && lines[lines.length - 1].text === '' && lines[lines.length - 1].eol === '') lines.pop();
  return lines;
}

/**
 * The lines with `word` put in at its sorted place: after the last word line before the first word that sorts after
 * it (so that it never lands under a comment that heads the next group), before the first word when none sorts
 * before it, after the last word when all do, at the end when there is no word. Nothing else changes; the new line
 * ends as the line above it does (or as the file's first line does).
 */
function insertWord(lines: Line[], word: string): void {
  let after = -1; // the last word line sorting before `word`, up to the first sorting after it
  let firstAfter = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].text.trim();
    if (!isWordLine(line)) continue;
    if (compareWords(word, line) < 0) {
      firstAfter = i;
      break;
    }
    after = i;
  }
  const at = after >= 0 ? after + 1 : firstAfter >= 0 ? firstAfter : lines.length;
  const fileEol = lines.find((line) => line.eol !== '')?.eol ?? '\n';
  const above = lines[at - 1];
  if (above && above.eol === '') {
    // The new line goes after a last line without a line break: that line gets one, and the new line has none.
    above.eol = fileEol;
    lines.splice(at, 0, { text: word, eol: '' });
    return;
  }
  lines.splice(at, 0, { text: word, eol: above?.eol || fileEol });
}

/**
 * Adds words to a words file inside `workspaceFolder` (created with its folder when missing). Every line already
 * there stays as written; each new word goes in at its sorted place; the file keeps its encoding, line breaks, mode,
 * owner and hard links, and is written safely (host/writeAtomic.ts) under a lock. Refused with an error, the file
 * unchanged: a word a dictionary cannot take (`dictionaryWordProblem`), a file that is not a regular file (a
 * symbolic link, a named pipe), read-only, larger than `maxBytes`, not text vita can write back unchanged, changed
 * while vita added, or a word its encoding (Latin-1) cannot hold.
 */
export async function addWordsToFile(filePath: string, words: readonly string[], workspaceFolder: string): Promise<AddWordsResult> {
  const wanted = words.map((word) => word.trim());
  for (const word of wanted) {
    const problem = word.startsWith('#') ? 'starts with # (a comment in a words file)' : dictionaryWordProblem(word);
    if (problem !== undefined) throw new Error(`"${printable(word.slice(0, 40))}" is not a single word: it ${problem}`);
  }
  const folder = await ensureFolderInside(filePath, workspaceFolder);
  const target = resolve(folder, basename(resolve(workspaceFolder, filePath)));
  const release = await acquireLock(`${target}.lock`);
  try {
    const existing = await readForUpdate(target);
    const text = existing?.text ?? '';
    const present = new Set(parseWords(text));
    const added = [...new Set(wanted)].filter((word) => !present.has(word)).sort(compareWords);
    if (added.length === 0) return { added, words: parseWords(text) };
    const lines = splitLines(text);
    for (const word of added) insertWord(lines, word);
    const updated = lines.map((line) => line.text + line.eol).join('');
    if (existing) {
      let bytes: Buffer;
      try {
        bytes = encodeWordsFile(updated, existing.encoding);
      } catch (error) {
        throw new Error(`${target} ${(error as Error).message}`);
      }
      writeFileAtomic(target, bytes, existing.stamp);
    } else {
      await createFile(folder, target, updated);
    }
    return { added, words: parseWords(updated) };
  } finally {
    await release();
  }
}

/** The text of an existing words file, how it is encoded and when it was read; undefined when there is none. */
async function readForUpdate(target: string): Promise<{ text: string; encoding: WordsFileEncoding; stamp: FileStamp } | undefined> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (info.isSymbolicLink() || !info.isFile()) throw new Error(`${target} is not a plain file`);
  let read: ReturnType<typeof readRegularFile>;
  try {
    read = readRegularFile(target, WORDS_FILE_LIMITS.maxBytes);
  } catch (error) {
    throw new Error(error instanceof FileReadError ? `${target} ${error.reason}` : (error as Error).message);
  }
  if (read.truncated) throw new Error(`${target} is larger than ${WORDS_FILE_LIMITS.maxBytes} bytes; not changing it`);
  try {
    return { ...decodeWordsFile(read.bytes), stamp: { size: read.size, mtimeMs: read.mtimeMs } };
  } catch (error) {
    throw new Error(`${target} ${(error as Error).message}; not changing it`);
  }
}

/** A new words file: written to a temporary file in the same folder, then renamed into place. */
async function createFile(folder: string, target: string, text: string): Promise<void> {
  const temp = resolve(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    // A file made meanwhile (by another program: vita's own adds hold the lock) is not replaced.
    await lstat(target).then(
      () => {
        throw new Error(`${target} appeared while vita was adding to it; not changing it`);
      },
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      },
    );
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
