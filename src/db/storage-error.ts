/** Why the database cannot be written, in words the owner can act on. */
export interface StorageProblem {
  /** SQLite's extended code: `SQLITE_FULL`, `SQLITE_READONLY`, `SQLITE_BUSY`, `SQLITE_IOERR_WRITE`, ... */
  readonly code: string;
  /** The kind, for texts in other languages (locales/*.ftl `storage-reason-<kind>`, `storage-fix-<kind>`). */
  readonly kind: StorageProblemKind;
  /** What happened, as a clause in English (the log): "the disk is full". */
  readonly reason: string;
  /** What to do about it, as a sentence in English (the log). */
  readonly fix: string;
}

export type StorageProblemKind = 'full' | 'readonly' | 'locked' | 'io' | 'other';

/** Codes that say the SQL itself is wrong: a bug to surface, not a disk to wait for. */
const LOGIC_CODES = /^SQLITE_(CONSTRAINT|MISMATCH|RANGE|ERROR$|MISUSE|TOOBIG|AUTH)/;

/**
 * Classifies an error thrown by a better-sqlite3 write. Returns the problem when it is the storage
 * failing (full, read-only, locked by another process, I/O error, file gone), which a later retry
 * can fix; undefined for anything else, which the caller rethrows.
 */
export function storageProblem(err: unknown): StorageProblem | undefined {
  // By shape, not instanceof: the native addon keeps the SqliteError class (and Error) of the realm
  // that loaded it first, so in another module registry or vm context (jest) instanceof is false.
  const e = err as { name?: unknown; code?: unknown } | null;
  if (typeof e !== 'object' || e === null || e.name !== 'SqliteError') return undefined;
  const code = e.code;
  if (typeof code !== 'string' || LOGIC_CODES.test(code)) return undefined;
  if (code.startsWith('SQLITE_FULL')) {
    return { code, kind: 'full', reason: 'the disk holding the database is full', fix: 'Free some space on that disk.' };
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return {
      code,
      kind: 'readonly',
      reason: 'the database file or its folder is read-only (or was moved)',
      fix: 'Make the file and its folder writable by the user session-warden runs as, then it catches up by itself.',
    };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { code, kind: 'locked', reason: 'another program holds a lock on the database', fix: 'Close whatever else has the database open (a second copy, a database browser).' };
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return { code, kind: 'io', reason: 'the disk reported an error reading or writing the database', fix: 'Check the disk and the database file, then restart session-warden if it does not recover.' };
  }
  return { code, kind: 'other', reason: `SQLite answered ${code}`, fix: 'Check the disk and the database file.' };
}
