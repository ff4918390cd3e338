import { PRIVATE_FILE_MODE as FILE_MODE, writePrivateFileAtomic } from '../core/private-file';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The session file holds a full credential for the owner's Telegram account, so it is readable by
 * its owner only (0600), and it is replaced atomically: a crash mid-write leaves the old session or
 * the new one, never half of one, and never a moment where the new one exists with looser rights.
 */

const DIR_MODE = 0o700;

export interface SaveSessionOptions {
  /**
   * Also tighten an existing directory to 0700. Meant for the project's own data directory; a
   * directory the owner chose (a home directory, say) keeps its rights. A directory this function
   * creates is always 0700.
   */
  readonly privateDir?: boolean;
}

export function saveSessionFile(file: string, session: string, options: SaveSessionOptions = {}): void {
  const value = session.trim();
  if (!value || /\s/.test(value)) throw new Error('refusing to save an empty or malformed session');

  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    // mkdir's mode is filtered through the umask.
    fs.chmodSync(dir, DIR_MODE);
  } else if (options.privateDir) {
    fs.chmodSync(dir, DIR_MODE);
  }

  writePrivateFileAtomic(file, `${value}\n`);
  syncDir(dir);
}

/**
 * The trimmed session, or undefined if the file is missing or empty. A file others can read is
 * tightened to 0600 on the way, since the credential must not stay exposed.
 */
export function readSessionFile(file: string): string | undefined {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, FILE_MODE);
  } catch {
    // Not ours to change (another user's file): reading it is still allowed.
  }
  return content.trim() || undefined;
}

/** Makes the rename itself durable; not every platform can open a directory, and that is fine. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
