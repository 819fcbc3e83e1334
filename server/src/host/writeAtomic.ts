/**
 * Writing a person's file back (`vita check --fix`, `vita format --write`) the way eslint and prettier do, and
 * never losing what they wrote:
 *
 * - Only a regular file is written (a named pipe, socket or device is never replaced; a symbolic link is followed
 *   and stays a link); a read-only file is reported and left alone.
 * - A file that changed since vita read it (size or modification time) is not overwritten.
 * - The new text goes to a temporary file in the same folder, which takes the old file's mode, owner and group and
 *   is renamed over it: the file is never half written. When a rename would lose something — the file has other
 *   hard links (they would keep the old text), or its owner cannot be given to a new file (vita is not its owner) —
 *   the file is written in place instead, after the same checks.
 * - SIGINT and SIGTERM while a temporary file exists remove it (see {@link removeTemporaryFilesOnSignal}).
 */
import { chmodSync, chownSync, closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What vita saw of the file when it read it: a write is refused when the file changed since. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** Why a file was left alone, for the message. */
export class WriteRefused extends Error {}

/** Temporary files being written, removed if the process is interrupted. */
const temporaryFiles = new Set<string>();
/** Makes two temporary names of one process in one millisecond differ. */
let temporaryCount = 0;

/**
 * Writes `content` (a string is written as UTF-8; bytes as they are) over `file` safely; throws {@link WriteRefused}
 * or a system error when it cannot.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, expected?: FileStamp): void {
  let target: string;
  try {
    target = realpathSync(file);
  } catch (error) {
    throw new WriteRefused(`cannot find ${file}: ${(error as Error).message}`);
  }
  const stat = statSync(target);
  if (!stat.isFile()) throw new WriteRefused(`${file} is not a regular file; left alone`);
  if (expected && (stat.size !== expected.size || stat.mtimeMs !== expected.mtimeMs)) throw new WriteRefused(`${file} changed while vita was working on it; left alone`);
  // A file nobody may write is read-only to vita too, even when vita runs as root (which the system would let write).
  if ((stat.mode & 0o222) === 0) throw new WriteRefused(`${file} is read-only; left alone`);
  // Open for writing first: a file this user may not write refuses here, before anything.
  let fd: number;
  try {
    fd = openSync(target, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new WriteRefused(`${file} is read-only; left alone`);
    throw error;
  }
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  try {
    const open = fstatSync(fd);
    if (!open.isFile() || open.ino !== stat.ino) throw new WriteRefused(`${file} changed while vita was working on it; left alone`);
    const uid = typeof process.getuid === 'function' ? process.getuid() : open.uid;
    const renameKeepsEverything = open.nlink <= 1 && (open.uid === uid || uid === 0);
    if (!renameKeepsEverything || !replaceByRename(target, bytes, open)) writeInPlace(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

/** Temp file + rename, with the old file's mode, owner and group; false (nothing changed) when that cannot be. */
function replaceByRename(target: string, bytes: Buffer, old: { mode: number; uid: number; gid: number }): boolean {
  const mode = old.mode & 0o7777;
  const temp = join(dirname(target), `.${basename(target)}.vita-${process.pid}-${Date.now().toString(36)}-${(temporaryCount++).toString(36)}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch {
    return false; // the folder is not writable: write in place
  }
  temporaryFiles.add(temp);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    try {
      chownSync(temp, old.uid, old.gid);
    } catch {
      // Not allowed to give the group (or owner): a rename would change them, so write in place instead.
      unlinkSync(temp);
      temporaryFiles.delete(temp);
      return false;
    }
    chmodSync(temp, mode); // after chown, which may clear set-id bits
    renameSync(temp, target);
    temporaryFiles.delete(temp);
    return true;
  } catch (error) {
    if (fd >= 0) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    temporaryFiles.delete(temp);
    throw error;
  }
}

/** Writes the whole text at the start of an open file and cuts what is left of the old text. */
function writeInPlace(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, written);
  ftruncateSync(fd, bytes.length);
  fsyncSync(fd);
}

/**
 * Removes the temporary files of writes under way when the process is interrupted (SIGINT, SIGTERM), then exits
 * as the signal asks (130, 143). Installed by the CLI (once is enough; a second call does nothing).
 *
 * The writes are synchronous, so a signal is handled between two JavaScript turns — never in the middle of a write:
 * the file being written is finished (renamed into place, or written in place) first, and no temporary file is
 * left. A program that ends without another turn would never see the signal (and exit 0 after an interrupt):
 * one more turn before exit lets the handler run.
 */
export function removeTemporaryFilesOnSignal(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      for (const temp of temporaryFiles) {
        try {
          unlinkSync(temp);
        } catch {
          // already gone
        }
      }
      process.exit(code);
    });
  }
  process.once('beforeExit', () => setImmediate(() => undefined));
}

let signalsHandled = false;
