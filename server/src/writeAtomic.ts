import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's text without ever leaving it half written: the new text goes to a temporary file in the same
 * directory (so the rename stays on one file system), which takes the old file's mode and is renamed over it.
 * A symbolic link is followed: the file it points to is replaced, the link stays.
 */
export function writeFileAtomic(file: string, text: string): void {
  const target = realpathSync(file);
  const mode = statSync(target).mode & 0o7777;
  const temp = join(dirname(target), `.${basename(target)}.vita-${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(temp, text, { encoding: 'utf8', mode, flag: 'wx' });
    chmodSync(temp, mode); // the umask may have narrowed the mode given to writeFileSync
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created or is already gone
    }
    throw error;
  }
}
