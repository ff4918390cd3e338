import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Owner read/write only: these files hold the bot token or the account session. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Writes `text` to `file` with mode 0600, atomically: readers see the old file or the new one, never
 * half of it, and the secret never sits in a file with looser permissions, not even for a moment.
 */
export function writePrivateFileAtomic(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  // Same directory, so rename() is atomic; O_EXCL so nothing else's file is ever reused.
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', PRIVATE_FILE_MODE);
    // The umask may have dropped bits from open()'s mode; set it exactly before any byte is written.
    fs.fchmodSync(fd, PRIVATE_FILE_MODE);
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  // rename() keeps the temporary file's 0600; this also covers file systems that do not.
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * Sets `file` to 0600 when any bit beyond owner read/write is set (a `.env` copied with 0644, say).
 * Returns the looser mode it replaced; undefined when the file is missing or already private.
 * Errors other than a missing file (EPERM on someone else's file, say) are thrown.
 */
function tighten(file: string): number | undefined {
  let mode: number;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if ((mode & ~PRIVATE_FILE_MODE) === 0) return undefined;
  fs.chmodSync(file, PRIVATE_FILE_MODE);
  return mode;
}

/** True when `file` was looser than 0600 and is now tightened (see `tighten`). */
export function tightenMode(file: string): boolean {
  return tighten(file) !== undefined;
}

/**
 * The same, returning the one warning line to print when the file was looser. Called at every start
 * for each file that holds a secret.
 */
export function tightenModeWarning(file: string): string | undefined {
  const was = tighten(file);
  return was === undefined ? undefined : `${file} was mode ${was.toString(8)}; session-warden changed it to 600 (owner read/write only), since it holds secrets.`;
}
