import { GrammyError } from 'grammy';

type ApiResponse<T> = { ok: true; result: T } | { ok: false; error_code: number; description: string };
import { botTokenStartupError, databaseStartupError } from '../../src/app/start-failure';
import { holdPolling } from '../../src/bot/api/poll-conflict';

/** Which start-up failures a restart cannot fix (exit 2), each one sentence with the fix, no raw error. */
const withCode = (code: string, message = `${code}: something low-level`) => Object.assign(new Error(message), { code });

test.each([
  [withCode('ERR_DLOPEN_FAILED', 'The module was compiled against a different Node.js version using NODE_MODULE_VERSION 108'), 2, /npm rebuild better-sqlite3/],
  [withCode('EISDIR'), 2, /DATABASE_PATH points at a directory/],
  [withCode('SQLITE_NOTADB'), 2, /not a database or is corrupt/],
  [withCode('SQLITE_CORRUPT'), 2, /not a database or is corrupt/],
  [withCode('EACCES'), 2, /read and write access/],
  [withCode('SQLITE_CANTOPEN'), 2, /read and write access/],
  [withCode('ENOSPC'), 1, /disk is full/],
  [withCode('SQLITE_FULL'), 1, /disk is full/],
  [withCode('SQLITE_BUSY'), 1, /retries/],
])('%s exits %d', (err, exitCode, sentence) => {
  const failure = databaseStartupError(err, '/srv/warden/data/warden.sqlite');
  expect(failure.exitCode).toBe(exitCode);
  expect(failure.message).toMatch(sentence);
  expect(failure.message).not.toMatch(/something low-level|NODE_MODULE_VERSION 108/);
});

test('a token the Bot API refuses is exit 2; other Bot API errors are not start-up settings', () => {
  const refused = new GrammyError("Call to 'getMe' failed!", { ok: false, error_code: 401, description: 'Unauthorized' }, 'getMe', {});
  expect(botTokenStartupError(refused)).toMatchObject({ exitCode: 2, message: expect.stringMatching(/@BotFather/) });
  const busy = new GrammyError("Call to 'getMe' failed!", { ok: false, error_code: 502, description: 'Bad Gateway' }, 'getMe', {});
  expect(botTokenStartupError(busy)).toBeUndefined();
  expect(botTokenStartupError(new Error('ECONNREFUSED'))).toBeUndefined();
});

test('the running copy polls on through 409s, and tells the owner once when another copy keeps fighting', async () => {
  const conflict = { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' } as ApiResponse<never>;
  const answers: Array<ApiResponse<unknown>> = [conflict, conflict, conflict, conflict, { ok: true, result: [] }];
  let fights = 0;
  const hold = holdPolling(() => (fights += 1));
  const prev = (async () => answers.shift()!) as never;
  // Not armed (start-up's probe): the 409 is returned as is.
  expect(await hold(prev, 'getUpdates', {} as never)).toBe(conflict);
  hold.arm();
  expect(await hold(prev, 'getUpdates', {} as never)).toEqual({ ok: true, result: [] });
  expect(fights).toBe(1);
}, 10_000);
