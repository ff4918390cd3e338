/**
 * Why start-up failed, as one plain sentence with the fix, and whether a restart could help. pm2
 * stops on exit code 2 (ecosystem.config.js `stop_exit_codes`), so 2 is only for what needs a person:
 * settings, a malformed session string, a database that cannot be used, a native module built for
 * another Node. Anything that may pass by itself (the network, a full disk, a lock) exits 1 or retries.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';

  constructor(
    message: string,
    /** 2: restarting cannot fix this; 1: it might, so pm2 should restart with backoff. */
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

const errCode = (err: unknown): string => String((err as { code?: unknown } | null)?.code ?? '');

/**
 * Turns a failure of openDatabase(file) into a StartupError. Never quotes the raw error: the sentence
 * names the setting and the fix. `ENOSPC`, `SQLITE_FULL` and `SQLITE_BUSY` may pass, so they exit 1.
 */
export function databaseStartupError(err: unknown, file: string): StartupError {
  const code = errCode(err);
  const where = `the database ${file} (DATABASE_PATH)`;
  if (code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|invalid ELF header|wrong ELF class/.test(String(err))) {
    return new StartupError(
      `better-sqlite3 was built for another Node.js version or platform than ${process.version}: run \`npm rebuild better-sqlite3\` (or \`npm ci\`) with this Node, then start again.`,
    );
  }
  if (code === 'EISDIR') return new StartupError(`DATABASE_PATH points at a directory (${file}): set it to a file path such as ${file.replace(/\/+$/, '')}/warden.sqlite.`);
  if (code === 'ENOTDIR') return new StartupError(`DATABASE_PATH (${file}) has a file where a directory should be: choose another path.`);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StartupError(
      `${where} is not a database or is corrupt: move it aside (session-warden then starts a new one and takes a new baseline) or restore it from a backup.`,
    );
  }
  if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_CANTOPEN'].includes(code) || code.startsWith('SQLITE_READONLY')) {
    return new StartupError(`${where} cannot be opened for writing (${code}): give the user running session-warden read and write access to it and its directory.`);
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return new StartupError(`${where} cannot be written: the disk is full (${code}). Free some space; session-warden retries.`, 1);
  }
  return new StartupError(`${where} could not be opened (${code || 'unknown error'}). Check the path and the disk; session-warden retries.`, 1);
}

/** A session string gramjs cannot even parse: only logging in again makes a new one. */
export function malformedSessionError(): StartupError {
  return new StartupError(
    'The companion session (ACCOUNT_SESSION or data/account.session) is not a valid session string: run `npm run login` to log the companion in again.',
  );
}

/**
 * A Bot API refusal of the token itself (401 Unauthorized; 404 when no bot has that id) is settings,
 * not weather: restarting with the same token gets the same answer. Anything else is returned as is.
 */
export function botTokenStartupError(err: unknown): StartupError | undefined {
  const code = (err as { error_code?: unknown } | null)?.error_code;
  if ((err as Error | null)?.name !== 'GrammyError' || (code !== 401 && code !== 404)) return undefined;
  return new StartupError(
    `The Bot API does not accept BOT_TOKEN (${String(code)}): the token was revoked or mistyped. Get the current token from @BotFather (/token) and set BOT_TOKEN.`,
  );
}
