/**
 * Reading files the way vita must: never block on something that is not a regular file (a named pipe, a socket, a
 * device), never read without a bound, and say in plain words what is wrong with a file that is not text.
 *
 * A FIFO blocks `open(O_RDONLY)` until a writer comes: the file is opened with O_NONBLOCK (which returns at once
 * for a FIFO) and checked with `fstat` on the open descriptor, so a file swapped between a check and the open is
 * still caught.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file could not be read, in words for a message ("is a directory", "is a named pipe", …). */
export class FileReadError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly code?: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** What kind of thing a path is, for messages. */
function kindOf(stat: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isDirectory()) return 'is a directory';
  if (stat.isFIFO()) return 'is a named pipe, not a file';
  if (stat.isSocket()) return 'is a socket, not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device, not a file';
  return 'is not a regular file';
}

const NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * The bytes of a regular file, at most `maxBytes` of them (`truncated` says whether there were more). Throws
 * {@link FileReadError} for a missing file, a directory, a FIFO, a socket or a device, and when it cannot be read.
 */
export function readRegularFile(path: string, maxBytes = Number.MAX_SAFE_INTEGER): { bytes: Buffer; truncated: boolean; size: number; mtimeMs: number } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new FileReadError(path, reason, code);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new FileReadError(path, kindOf(stat), 'ENOTFILE');
    const length = Math.min(stat.size, maxBytes);
    const bytes = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, bytes, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: read === length ? bytes : bytes.subarray(0, read), truncated: stat.size > maxBytes, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new FileReadError(path, (error as Error).message, (error as NodeJS.ErrnoException).code);
  } finally {
    closeSync(fd);
  }
}

/** Why bytes are not a text vita reads, or undefined when they are UTF-8 text (a BOM is allowed). */
export function notTextReason(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d) return 'is a PDF, not text (convert it first, e.g. pdftotext -layout)';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'is UTF-16 text; vita reads UTF-8 (save it as UTF-8)';
  const probe = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  if (probe.includes(0)) return 'is binary (it holds NUL bytes), not text';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'is not valid UTF-8 text (save it as UTF-8)';
  }
  return undefined;
}

/** UTF-8 bytes → text, without a leading byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A string safe to print on a terminal: control characters (but tab) and bidi overrides are shown as `\xNN`/`\uNNNN`. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => (c.charCodeAt(0) > 0xff ? `\\u${c.charCodeAt(0).toString(16)}` : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
