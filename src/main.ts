import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import type { Bot, Context } from 'grammy';
import { createAccountClient, LOGIN_HINT, type TelegramAccount } from './account/telegram-account';
import { createBot } from './bot/create-bot';
import { createConfirmations } from './bot/confirmations';
import { COMMANDS } from './bot/features/help';
import { reportInterruptedActions } from './bot/interrupted-actions';
import { describeConfigProblems, DEFAULT_SESSION_FILE, parseConfig, PROJECT_ROOT, type Config } from './config';
import { createAuditLog } from './db/audit-log';
import { openDatabase, type Database } from './db/open-database';
import { AccountError } from './domain/account-error';
import { createKnownSessions } from './db/known-sessions';
import { createSettings } from './db/settings';
import { createTrustedDevices } from './db/trusted-devices';
import type { AccountUser } from './domain/session';
import { createAlertNotifier } from './bot/alerts/alert-notifier';
import { createDenialRecorder } from './guard/denial-recorder';
import { createLoginWatcher, GUARD_SETTING, type LoginWatcher } from './guard/login-watcher';
import { createLogger, type Logger } from './log';

export interface RunningApp {
  readonly bot: Bot<Context>;
  readonly account: TelegramAccount;
  readonly db: Database;
  readonly ownerId: number;
  readonly watcher: LoginWatcher;
  /** Stops the bot, disconnects the companion and closes the database; safe to call more than once. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly log?: Logger;
  /** Account requests that get no answer fail after this long (tests shorten it). */
  readonly requestTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  /** How often the companion's own session is checked (tests shorten it). */
  readonly probeIntervalMs?: number;
  /** Called after the app stopped itself because polling failed for good (409, revoked token). */
  readonly onFatal?: (err: unknown) => void;
}

const STOP_BOT_WITHIN_MS = 5000;

/** Waits for `work`, but no longer than `ms`: shutdown must fit in pm2's kill_timeout. */
const atMost = (ms: number, work: Promise<unknown>): Promise<unknown> =>
  Promise.race([work, new Promise((resolve) => setTimeout(resolve, ms).unref())]);

export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/**
 * The composition root: config -> database -> companion -> bot. Returns once both halves are
 * ready (the bot is polling). Nothing is read from the environment here: `config` says everything.
 */
export async function startApp(config: Config, options: StartOptions = {}): Promise<RunningApp> {
  const log = options.log ?? createLogger(config.logLevel);
  const db = openDatabase(config.databasePath);
  const audit = createAuditLog(db);
  const account = createAccountClient({
    apiId: config.apiId,
    apiHash: config.apiHash,
    session: config.accountSession,
    logger: log,
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
  });

  const startedAt = Date.now();
  let companionProblem: AccountError | undefined;
  let ownerId = config.ownerId;
  let self: AccountUser | undefined;
  try {
    self = await account.connect();
    ownerId ??= self.id;
    // Read once now, so the first alert does not wait for help.getAppConfig.
    void account.autoconfirmPeriodSeconds();
    log.info({ accountId: self.id }, 'companion connected');
  } catch (err) {
    companionProblem = err instanceof AccountError ? err : new AccountError({ kind: 'other' }, 'UNKNOWN', String(err));
    log.error({ code: companionProblem.code }, 'the companion could not start');
  }
  if (ownerId === undefined) {
    await account.disconnect();
    db.close();
    throw new StartupError(
      companionProblem?.failure.kind === 'logged_out'
        ? `The companion account is not logged in, so the owner is unknown. ${LOGIN_HINT} Or set OWNER_ID.`
        : `The companion could not connect (${companionProblem?.code ?? 'unknown'}), so the owner is unknown: set OWNER_ID, or check the network and try again.`,
    );
  }

  const denials = createDenialRecorder(audit);
  const settings = createSettings(db);
  const trusted = createTrustedDevices(db);
  // Created below, once the bot exists to deliver its alerts; /status reads them only after start.
  let watcher: LoginWatcher | undefined;
  let pendingAlerts = (): number => 0;
  let alertHandled = (_hash: bigint): void => undefined;
  const bot = createBot(
    config.botToken,
    {
      ownerId,
      account,
      audit,
      denials,
      confirmations: createConfirmations(),
      log,
      now: Date.now,
      guard: {
        trusted,
        settings,
        alertHandled: (hash) => alertHandled(hash),
        status: () => ({
          companion: account.status(),
          account: self,
          companionCreatedAt: watcher?.companionCreatedAt,
          lastReconcileAt: watcher?.lastReconcileAt,
          startedAt,
          pendingAlerts: pendingAlerts(),
        }),
      },
    },
    { apiRoot: config.botApiRoot },
  );
  const known = createKnownSessions(db);
  const notifier = createAlertNotifier({
    onDelivered: (hashes) => known.markAlerted(hashes),
    api: bot.api,
    ownerId,
    audit,
    log,
    context: async () => ({
      nowMs: Date.now(),
      autoconfirmSeconds: await account.autoconfirmPeriodSeconds(),
      companionCreatedAt: watcher?.companionCreatedAt,
      guard: { on: settings.flag(GUARD_SETTING), trusted: trusted.list() },
    }),
  });
  pendingAlerts = notifier.pending;
  alertHandled = notifier.forget;
  const loginWatcher = createLoginWatcher({
    account,
    known,
    trusted,
    settings,
    audit,
    sink: notifier,
    log,
    reconcileIntervalMs: config.reconcileIntervalSeconds * 1000,
    ...(options.probeIntervalMs ? { probeIntervalMs: options.probeIntervalMs } : {}),
  });
  watcher = loginWatcher;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      denials.flush();
      // bot.stop() confirms the last update offset; if the Bot API is failing, auto-retry would back off
      // for longer than pm2 waits, so give it a few seconds (at worst a few updates come again).
      await atMost(STOP_BOT_WITHIN_MS, bot.stop().catch((err: unknown) => log.warn({ err }, 'stopping the bot failed')));
      await atMost(STOP_BOT_WITHIN_MS, notifier.idle());
      await account.disconnect();
      db.close();
      log.info('stopped');
    })());

  await new Promise<void>((resolve, reject) => {
    bot
      .start({ onStart: () => resolve(), drop_pending_updates: false })
      .catch((err: unknown) => {
        log.fatal({ err }, 'the bot stopped polling (a 409 means another instance runs with this token)');
        reject(err);
        void stop().then(() => options.onFatal?.(err));
      });
  });

  await bot.api.setMyCommands([...COMMANDS]).catch((err: unknown) => log.warn({ err }, 'setMyCommands failed'));
  await reportInterruptedActions(bot.api, ownerId, audit, log);
  if (companionProblem) {
    const text =
      companionProblem.failure.kind === 'logged_out'
        ? `session-warden started, but the companion account is logged out (${companionProblem.code}). ${LOGIN_HINT}`
        : `session-warden started, but the companion could not reach Telegram yet (${companionProblem.code}). It keeps trying.`;
    await bot.api.sendMessage(ownerId, text).catch((err: unknown) => log.warn({ err }, 'could not tell the owner'));
  }
  if (!companionProblem) await loginWatcher.start();
  // Unreachable at start: gramjs keeps reconnecting, and the watcher's pushes and timers catch up then.
  else if (companionProblem.failure.kind !== 'logged_out') void loginWatcher.start();
  log.info({ ownerId }, 'session-warden is running');
  return { bot, account, db, ownerId, watcher: loginWatcher, stop };
}

/** Reads `.env` (the environment wins) and `data/account.session`, then starts; exit code 2 on bad config. */
async function main(): Promise<void> {
  dotenv.config({ path: path.join(PROJECT_ROOT, '.env'), quiet: true });
  const sessionFile = fs.existsSync(DEFAULT_SESSION_FILE) ? fs.readFileSync(DEFAULT_SESSION_FILE, 'utf8') : undefined;
  const parsed = parseConfig(process.env, sessionFile);
  if (!parsed.ok) {
    process.stderr.write(`${describeConfigProblems(parsed.problems)}\n`);
    process.exit(2);
  }
  const log = createLogger(parsed.config.logLevel);
  let app: RunningApp;
  try {
    // Exit non-zero so pm2 restarts with backoff rather than leaving a process that no longer polls.
    app = await startApp(parsed.config, { log, onFatal: () => process.exit(1) });
  } catch (err) {
    process.stderr.write(`${err instanceof StartupError ? err.message : `session-warden could not start: ${String(err)}`}\n`);
    process.exit(err instanceof StartupError ? 2 : 1);
  }
  const shutdown = (signal: string): void => {
    log.info({ signal }, 'shutting down');
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) void main();
