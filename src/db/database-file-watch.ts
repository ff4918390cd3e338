import fs from 'node:fs';

export type DatabaseFileEvent =
  /** The path no longer names a file: writes go to an unlinked inode and are lost at exit. */
  | { readonly kind: 'removed'; readonly file: string }
  /** The path names a different file than the one open: another file was moved or restored over it. */
  | { readonly kind: 'replaced'; readonly file: string }
  /** The path names the open file again. */
  | { readonly kind: 'back'; readonly file: string };

export interface DatabaseFileWatch {
  /** Compares once now; resolves after any event it caused was delivered. */
  check(): Promise<void>;
  stop(): void;
}

/**
 * Notices when the open database file is removed or replaced while the process runs: SQLite keeps
 * writing to the file it opened, so the audit log would silently go nowhere. Compares the path's
 * device and inode with the ones seen at start, every `intervalMs` (one stat call), and reports
 * each change of state once.
 */
export function watchDatabaseFile(file: string, intervalMs: number, onEvent: (e: DatabaseFileEvent) => void): DatabaseFileWatch {
  const first = fs.statSync(file);
  let state: DatabaseFileEvent['kind'] = 'back';
  let stopped = false;
  const check = async (): Promise<void> => {
    let next: DatabaseFileEvent['kind'];
    try {
      const now = await fs.promises.stat(file);
      next = now.dev === first.dev && now.ino === first.ino ? 'back' : 'replaced';
    } catch {
      next = 'removed';
    }
    if (next === state || stopped) return;
    state = next;
    onEvent({ kind: next, file });
  };
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return {
    check,
    stop(): void {
      stopped = true;
      clearInterval(timer);
    },
  };
}
