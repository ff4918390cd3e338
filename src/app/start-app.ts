// app/ — the composition root and start-up steps.
import { Api, type Bot, type Context } from 'grammy';
import { LOGIN_HINT, type TelegramAccount } from '../account/telegram-account';
import { StartupError } from './start-failure';
import { anotherCopyPolls, holdPolling } from '../bot/api/poll-conflict';
import { anotherCopyNotice, companionProblemNotice, startedLateNotice } from '../bot/views/companion-notice';
import { anotherCopyPollingError, connectCompanion, openAccount, openStorage } from './start-steps';
import { createBotClient, installFeatures } from '../bot/create-bot';
import { createConfirmations } from '../bot/buttons/confirmations';
import { registerCommandMenus } from '../bot/features/help';
import { createLocalizer, wordsOf, type Speech } from '../bot/text/i18n';
import { reportInterruptedActions } from '../bot/delivery/interrupted-actions';
import { createOutbox } from '../bot/delivery/outbox';
import type { Config } from '../core/config';
import { createAuditLog } from '../db/audit-log';
import type { Database } from '../db/open-database';
import { createResilientStore } from '../db/resilient-store';
import { watchDatabaseFile } from '../db/database-file-watch';
import { databaseFileNotice, storageNotice } from '../bot/delivery/storage-notices';
import { createKnownSessions } from '../db/known-sessions';
import { createConnectedBots } from '../db/connected-bots';
import { createOneShotActions } from '../db/one-shot-actions';
import { createPasswordStates } from '../db/password-state';
import { createSeenCountries } from '../db/seen-countries';
import { createSessionHistory } from '../db/session-history';
import { createAlertLines } from '../db/alert-lines';
import { createChangeNotifier } from '../bot/delivery/change-notifier';
import { createChangeWatcher } from '../guard/doors/change-watcher';
import { createSettings } from '../db/settings';
import { createTrustedDevices } from '../db/trusted-devices';
import { createSecondFactorStates } from '../db/second-factor-state';
import { createTotp } from '../guard/totp';
import type { OwnerNotice } from '../bot/views/owner-notice';
import { startWalCheckpoints } from '../db/wal-checkpoints';
import { alertsDelivered, createAlertNotifier } from '../bot/delivery/alert-notifier';
import { doorNotices } from '../bot/delivery/door-notices';
import { deliverGuardEvents } from '../bot/delivery/guard-events';
import { createOutboxStore } from '../db/outbox';
import { createDenialRecorder } from '../guard/denial-recorder';
import { createDoors, type BlindWatch, type Doors } from '../guard/doors/doors';
import { sessionRisk } from '../guard/session-risk';
import { createLoginWatcher, GUARD_SETTING, type LoginWatcher } from '../guard/doors/login-watcher';
import { watchCompanionHealth } from '../guard/companion-health';
import { createLogger, type Logger } from '../core/log';
import { BLIND_AFTER_MS, canWatch } from '../guard/companion-health';
import { fanOut } from '../bot/delivery/channel-outbox';
import { botBlockedMessage, botReachableMessage, botUnblockedMessage, botUnreachableMessage, testMessage, type OutOfBandContext } from '../bot/views/out-of-band';
import { startChannelOutbox, startConfiguredHeartbeat, type ChannelTimings } from './start-channels';

export interface RunningApp {
  readonly bot: Bot<Context>;
  readonly account: TelegramAccount;
  readonly db: Database;
  readonly ownerId: number;
  readonly watcher: LoginWatcher;
  /** The watchers of the 2FA password, login codes and connected bots. */
  readonly doors: Doors;
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
  /** How often the database file's identity is compared with the one open (tests shorten it). */
  readonly databaseCheckIntervalMs?: number;
  /** An MTProto outage at least this long is reported to the owner (default 60 s; tests shorten it). */
  readonly outageNoticeAfterMs?: number;
  /** How long start-up listens for another copy polling with this token (ms, default 600; 0 skips). */
  readonly anotherCopyProbeMs?: number;
  /** The second factor's clock (unix ms): TOTP steps, prompts, lockouts. Tests move it; Date.now by default. */
  readonly secondFactorNow?: () => number;
  /** Called after the app stopped itself because polling failed for good (409, revoked token). */
  readonly onFatal?: (err: unknown) => void;
  /** The channels' and the heartbeat's timings (tests shorten them). */
  readonly channelTimings?: ChannelTimings;
}

const STOP_BOT_WITHIN_MS = 5000;
/** After a start-up failure a restart may fix, how long to wait before exiting 1 (pm2 restarts at once). */
export const RETRY_START_AFTER_MS = 10_000;

/** Waits for `work`, but no longer than `ms`: shutdown must fit in pm2's kill_timeout. */
const atMost = (ms: number, work: Promise<unknown>): Promise<unknown> =>
  Promise.race([work, new Promise((resolve) => setTimeout(resolve, ms).unref())]);

export { StartupError };

/**
 * The composition root: config -> database -> companion -> bot. Returns once both halves are
 * ready (the bot is polling). Nothing is read from the environment here: `config` says everything.
 */
export async function startApp(config: Config, options: StartOptions = {}): Promise<RunningApp> {
  const log = options.log ?? createLogger(config.logLevel, undefined, config.logFormat);
  const account = openAccount(config, options, log);
  const { db, lease } = openStorage(config.databasePath, {
    onLoosened: (files) => log.warn({ files }, 'database files were readable by others; changed them to 0600'),
  });
  // Listens for another copy while the companion connects, so the wait mostly overlaps.
  const anotherCopy =
    options.anotherCopyProbeMs === 0
      ? Promise.resolve(false)
      : anotherCopyPolls(new Api(config.botToken, { apiRoot: config.botApiRoot }), options.anotherCopyProbeMs);
  // Every audit and known_session write passes here: a full or locked disk never silences the guard.
  const store = createResilientStore(db, { log });
  const audit = createAuditLog(store);
  // Off the write path: a checkpoint inside a commit could delay a guard revoke by tens of ms.
  const checkpoints = startWalCheckpoints(db, { log });

  const startedAt = Date.now();
  const { self, ownerId, problem: companionProblem, unreachableSince } = await connectCompanion(account, config.ownerId, startedAt, log);
  if (ownerId === undefined) {
    await account.disconnect();
    checkpoints.stop();
    lease.release();
    db.close();
    throw new StartupError(`The companion account is not logged in, so the owner is unknown. ${LOGIN_HINT} Or set OWNER_ID.`);
  }

  const denials = createDenialRecorder(audit);
  const settings = createSettings(store);
  const trusted = createTrustedDevices(store);
  const i18n = createLocalizer({ settings, timeZone: config.timeZone, log });
  /** Texts sent outside an update speak the owner's remembered language, as it is when each is built. */
  const ownerSpeech = (): Speech => ({ i18n, locale: i18n.localeFor() });
  const oneShots = createOneShotActions(store);
  const seenCountries = createSeenCountries(store);
  const history = createSessionHistory(store);
  const alertLines = createAlertLines(store);
  alertLines.prune();
  /** The bot's username once polling started: a tap on a push opens its chat. */
  let botUsername: string | undefined;
  /** Since when the audit log refuses writes; the heartbeat stops after a minute of it. */
  let storageDownSince: number | undefined;
  const outOfBandContext = (): OutOfBandContext => ({
    speech: ownerSpeech(),
    account: String(self?.id ?? ownerId),
    nowMs: Date.now(),
    ...(botUsername ? { click: `https://t.me/${botUsername}` } : {}),
  });
  // Before the chat's outbox: what a previous run left for email, push and the webhook goes out now,
  // whether or not the Bot API answers.
  const channels = startChannelOutbox(config.channels, store, log, outOfBandContext, options.channelTimings);
  // The Bot API client first, its features last: the outbox and the guard are built on bot.api, and
  // the features then get every one of them, so nothing is wired through a placeholder.
  const bot = createBotClient(config.botToken, log, { apiRoot: config.botApiRoot });
  const known = createKnownSessions(store);
  // Everything the owner must be told goes through the outbox; what the last run left is sent now,
  // before polling starts, so it goes out the moment the Bot API answers.
  const outbox = createOutbox({
    api: bot.api,
    ownerId,
    store: createOutboxStore(store),
    log,
    alerted: alertsDelivered(known, audit, alertLines),
    // The one point where every owner notice also leaves for email, push and the webhook.
    outOfBand: fanOut(channels.outbox, outOfBandContext),
    onBlocked: (reason, at) => {
      audit.record({ actorId: null, action: 'bot_blocked', detail: reason }, 'ok');
      channels.outbox.enqueue(botBlockedMessage(reason, at, outOfBandContext()));
    },
    onUnblocked: (waiting) => {
      audit.record({ actorId: null, action: 'bot_unblocked', detail: `${waiting} waiting` }, 'ok');
      channels.outbox.enqueue(botUnblockedMessage(waiting, outOfBandContext()));
    },
    onUnreachable: (since) => channels.outbox.enqueue(botUnreachableMessage(since, outOfBandContext())),
    onReachableAgain: (since) => channels.outbox.enqueue(botReachableMessage(since, outOfBandContext())),
    ...(options.channelTimings?.blockedRetryMs ? { blockedRetryMs: options.channelTimings.blockedRetryMs } : {}),
    ...(options.channelTimings?.unreachableAfterMs ? { unreachableAfterMs: options.channelTimings.unreachableAfterMs } : {}),
    backlogHeader: (count) => wordsOf(ownerSpeech())('backlog-header', { count }),
  });
  bot.api.config.use(outbox.reachability);
  bot.api.config.use(outbox.ownerActivity);
  outbox.resume();
  const notices = outbox;
  const stopStorageNotices = store.onChange((e) => {
    storageDownSince = e.kind === 'down' ? (storageDownSince ?? Date.now()) : undefined;
    notices.notify(storageNotice(e, Date.now(), ownerSpeech()));
  });
  const fileWatch =
    config.databasePath === ':memory:'
      ? undefined
      : watchDatabaseFile(config.databasePath, options.databaseCheckIntervalMs ?? 10_000, (e) => {
          log.error({ file: e.file, kind: e.kind }, 'the database file changed under the running process');
          notices.notify(databaseFileNotice(e, ownerSpeech()));
        });
  const notifier = createAlertNotifier({
    outbox,
    api: bot.api,
    ownerId,
    log,
    context: async () => ({
      nowMs: Date.now(),
      autoconfirmSeconds: await account.autoconfirmPeriodSeconds(),
      companionCreatedAt: loginWatcher.companionCreatedAt,
      risk: sessionRisk(trusted, seenCountries),
      guard: { on: settings.flag(GUARD_SETTING), trusted: trusted.list() },
      i18n,
      locale: i18n.localeFor(),
    }),
    speech: ownerSpeech,
    secondFactor: config.ownerTotpSecret !== undefined,
    lines: alertLines,
  });
  // The guard's one event stream and its one consumer: the watchers decide, delivery words and sends.
  const deliver = deliverGuardEvents({
    alerts: notifier,
    changes: createChangeNotifier({ outbox, oneShots, history, trusted, speech: ownerSpeech }),
    doors: doorNotices(notices, oneShots, ownerSpeech),
    notices,
    speech: ownerSpeech,
  });
  const loginWatcher = createLoginWatcher({
    account,
    known,
    trusted,
    settings,
    audit,
    emit: deliver,
    log,
    changes: createChangeWatcher({ history, trusted, known, audit, account, guardOn: () => settings.flag(GUARD_SETTING) }),
    reconcileIntervalMs: config.reconcileIntervalSeconds * 1000,
    ...(options.probeIntervalMs ? { probeIntervalMs: options.probeIntervalMs } : {}),
  });
  const doors = createDoors({
    account,
    passwordStates: createPasswordStates(store),
    bots: createConnectedBots(store),
    settings,
    audit,
    emit: (event, key) => deliver({ kind: 'door', event, key }),
    log,
    intervalMs: config.reconcileIntervalSeconds * 1000,
  });
  const blindWatches = (): BlindWatch[] => {
    const until = loginWatcher.pausedUntil();
    return [...(until === undefined ? [] : [{ door: 'sessions' as const, until }]), ...doors.blind()];
  };
  let heartbeat: ReturnType<typeof startConfiguredHeartbeat>;
  installFeatures(bot, {
    ownerId,
    account,
    audit,
    denials,
    confirmations: createConfirmations(),
    log,
    now: Date.now,
    i18n,
    guard: {
      trusted,
      settings,
      alertHandled: notifier.forget,
      status: () => ({
        companion: account.status(),
        account: self,
        companionCreatedAt: loginWatcher.companionCreatedAt,
        lastReconcileAt: loginWatcher.lastReconcileAt,
        startedAt,
        pendingAlerts: notifier.pending(),
        blindWatches: blindWatches(),
        channels: channels.outbox.states(),
        heartbeat: heartbeat?.state(),
        botBlockedSince: outbox.blockedSince(),
      }),
    },
    doors: { oneShots, seenCountries, history },
    alerts: alertLines,
    ...(config.ownerTotpSecret
      ? {
          secondFactor: {
            totp: createTotp(config.ownerTotpSecret),
            states: createSecondFactorStates(store),
            now: options.secondFactorNow ?? Date.now,
            notify: (notice: OwnerNotice) => notices.notify(notice),
            elsewhere: fanOut(channels.outbox, outOfBandContext),
          },
        }
      : {}),
    channels: {
      names: () => channels.outbox.names(),
      test: (only) => channels.outbox.test(testMessage(outOfBandContext()), only),
    },
  });
  const hold = holdPolling(() => notices.notify(anotherCopyNotice(false, ownerSpeech())));
  bot.api.config.use(hold);
  const stopHealth = watchCompanionHealth({
    status: () => account.status(),
    ...(options.outageNoticeAfterMs ? { reportAfterMs: options.outageNoticeAfterMs } : {}),
    onDown: (since) => void deliver({ kind: 'companion_down', since }),
    onUp: (since, now) => {
      void deliver({ kind: 'companion_up', since, now });
      // Pushes sent during the outage are lost: read the list now rather than at the next interval.
      void loginWatcher.reconcileNow();
    },
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      heartbeat?.stop();
      denials.flush();
      doors.stop();
      stopHealth();
      lease.stop();
      // bot.stop() confirms the last update offset; if the Bot API is failing, its retries could
      // outlast pm2's wait, so give it a few seconds (at worst a few updates come again).
      await atMost(STOP_BOT_WITHIN_MS, bot.stop().catch((err: unknown) => log.warn({ err }, 'stopping the bot failed')));
      loginWatcher.stop();
      await atMost(STOP_BOT_WITHIN_MS, notifier.idle());
      outbox.stop();
      await atMost(STOP_BOT_WITHIN_MS, outbox.idle());
      // A channel whose server hangs must not hold the stop: what is unsent goes out at the next start.
      await atMost(STOP_BOT_WITHIN_MS, channels.outbox.stop());
      channels.close();
      await account.disconnect();
      fileWatch?.stop();
      stopStorageNotices();
      if (!store.flush()) log.error({ unwritten: store.pending }, 'stopping with audit entries the database could not take');
      store.close();
      checkpoints.stop();
      lease.release();
      db.close();
      log.info('stopped');
    })());

  if (await anotherCopy) {
    // Awaited, not queued: this copy exits next, and the owner must know why nothing changed.
    await bot.api
      .sendMessage(ownerId, anotherCopyNotice(true, ownerSpeech()).text, { parse_mode: 'HTML' })
      .catch((err: unknown) => log.warn({ err }, 'could not tell the owner'));
    await stop();
    throw anotherCopyPollingError();
  }
  // Read before polling starts: once it runs, a redelivered command may begin an action of this run,
  // whose `pending` row must not be reported (and marked) as cut off by the last crash.
  const interrupted = audit.pending();
  hold.arm();
  await new Promise<void>((resolve, reject) => {
    bot
      .start({ onStart: () => resolve(), drop_pending_updates: false })
      .catch((err: unknown) => {
        log.fatal({ err }, 'the bot stopped polling (a 409 means another instance runs with this token)');
        reject(err);
        void stop().then(() => options.onFatal?.(err));
      });
  });

  botUsername = bot.botInfo.username;
  await registerCommandMenus(bot.api, i18n, ownerId).catch((err: unknown) => log.warn({ err }, 'setMyCommands failed'));
  reportInterruptedActions(outbox, audit, log, interrupted, ownerSpeech());
  if (companionProblem) {
    outbox.notify({ kind: 'companion_problem', text: companionProblemNotice(companionProblem, ownerSpeech()) });
  }
  // After the session watch: a slow or rate-limited getPassword must never delay session alerts.
  if (!companionProblem || companionProblem.failure.kind !== 'logged_out') void doors.start();
  if (unreachableSince !== undefined && !companionProblem) {
    notices.notify(startedLateNotice(Date.now() - unreachableSince, ownerSpeech()));
  }
  if (!companionProblem) await loginWatcher.start();
  // Unreachable at start: gramjs keeps reconnecting, and the watcher's pushes and timers catch up then.
  else if (companionProblem.failure.kind !== 'logged_out') void loginWatcher.start();
  // Pings only while the guard can watch; a minute blind (the same window the owner is told of an outage after) stops it.
  heartbeat = startConfiguredHeartbeat(
    config.channels,
    () => canWatch(account.status(), storageDownSince, Date.now(), options.outageNoticeAfterMs ?? BLIND_AFTER_MS),
    log,
    options.channelTimings,
  );
  log.info({ ownerId }, 'session-warden is running');
  return { bot, account, db, ownerId, watcher: loginWatcher, doors, stop };
}
