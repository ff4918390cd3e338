import { createAccountClient, SESSION_MALFORMED, type TelegramAccount } from '../account/telegram-account';
import type { Config } from '../core/config';
import { createInstanceLease, LEASE_RENEW_MS, LEASE_TTL_MS, type InstanceLease } from '../db/instance-lease';
import { openDatabase, type Database, type OpenOptions } from '../db/open-database';
import { AccountError } from '../domain/account-error';
import type { AccountUser } from '../domain/session';
import type { Logger } from '../core/log';
import { databaseStartupError, malformedSessionError, StartupError } from './start-failure';

/**
 * Start-up steps that decide whether this process may run at all, each turning what a restart
 * cannot fix into an exit-2 StartupError with one sentence (see start-failure.ts).
 */

/** The companion client; a session string gramjs cannot parse becomes an exit-2 StartupError. */
export function openAccount(
  config: Config,
  timeouts: { readonly requestTimeoutMs?: number; readonly connectTimeoutMs?: number },
  log: Logger,
): TelegramAccount {
  try {
    return createAccountClient({
      apiId: config.apiId,
      apiHash: config.apiHash,
      session: config.accountSession,
      logger: log,
      ...(timeouts.requestTimeoutMs ? { requestTimeoutMs: timeouts.requestTimeoutMs } : {}),
      ...(timeouts.connectTimeoutMs ? { connectTimeoutMs: timeouts.connectTimeoutMs } : {}),
    });
  } catch (err) {
    if (err instanceof AccountError && err.code === SESSION_MALFORMED) throw malformedSessionError();
    throw err;
  }
}

export type RenewedLease = InstanceLease & { stop(): void };

/**
 * Opens the database and takes the single-copy lease (renewed every LEASE_RENEW_MS). A database
 * that cannot be used, or a live copy holding the lease, is a StartupError.
 */
export function openStorage(file: string, openOptions: OpenOptions = {}): { db: Database; lease: RenewedLease } {
  let db: Database;
  try {
    db = openDatabase(file, openOptions);
  } catch (err) {
    throw databaseStartupError(err, file);
  }
  const lease = createInstanceLease(db);
  const got = lease.acquire();
  if (!got.ok) {
    db.close();
    const h = got.holder;
    throw new StartupError(
      `Another copy of session-warden is running (pid ${h.pid} on ${h.host}, started ${h.startedAt}) with this database (${file}): stop it first (\`pm2 ls\`), or if it was just killed, start again in ${LEASE_TTL_MS / 1000} s.`,
    );
  }
  const timer = setInterval(() => {
    try {
      lease.renew();
    } catch {
      // A write that fails now is retried at the next renewal; the lease lasts three of them.
    }
  }, LEASE_RENEW_MS);
  timer.unref();
  return { db, lease: { ...lease, stop: () => clearInterval(timer) } };
}

export interface CompanionAtStart {
  readonly self: AccountUser | undefined;
  /** OWNER_ID, or the companion's own id; undefined only when it is logged out and OWNER_ID is unset. */
  readonly ownerId: number | undefined;
  /** Why the companion is not connected yet (the app starts anyway when the owner is known). */
  readonly problem: AccountError | undefined;
  /** Set when start-up had to wait for Telegram (ms since epoch): the owner is told once the bot runs. */
  readonly unreachableSince: number | undefined;
}

/**
 * Connects the companion (users.getUsers([inputUserSelf]) via TelegramAccount.connect). With
 * OWNER_ID unset the owner is the companion's own id, so a network problem is waited out with
 * backoff (1 s doubling to 30 s), never turned into an exit: it may pass by itself, and exit 2 would
 * leave pm2 stopped for good. A logged-out session is returned at once: only a login fixes it.
 */
export async function connectCompanion(account: TelegramAccount, ownerId: number | undefined, startedAt: number, log: Logger): Promise<CompanionAtStart> {
  let unreachableSince: number | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      const self = await account.connect();
      // Read once now, so the first alert does not wait for help.getAppConfig.
      void account.autoconfirmPeriodSeconds();
      log.info({ accountId: self.id }, 'companion connected');
      return { self, ownerId: ownerId ?? self.id, problem: undefined, unreachableSince };
    } catch (err) {
      const problem = err instanceof AccountError ? err : new AccountError({ kind: 'other' }, 'UNKNOWN', String(err));
      if (problem.failure.kind === 'logged_out') {
        log.error({ code: problem.code }, 'the companion is logged out: run `npm run login`; the bot starts and says so to the owner');
        return { self: undefined, ownerId, problem, unreachableSince };
      }
      if (ownerId !== undefined) {
        // Not fatal: the bot starts now, and gramjs keeps reconnecting until Telegram answers.
        log.warn({ code: problem.code }, 'Telegram cannot be reached yet: the bot starts now, and the companion keeps retrying until it answers');
        return { self: undefined, ownerId, problem, unreachableSince };
      }
      if (unreachableSince === undefined) {
        unreachableSince = startedAt;
        log.warn({ code: problem.code }, 'Telegram cannot be reached and OWNER_ID is unset: retrying until it answers; the bot starts then');
      }
      await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5))));
    }
  }
}

/** A starting copy found another polling with the same token (its probe was ended by a 409). */
export function anotherCopyPollingError(): StartupError {
  return new StartupError(
    'Another copy of session-warden is already polling with this bot token (with another database, or on another server): this copy stopped before polling or alerting. Run one copy only: find the other with `pm2 ls` on each server.',
  );
}
