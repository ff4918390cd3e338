import type { AuditLog } from '../../db/audit-log';
import type { KnownSessions } from '../../db/known-sessions';
import type { NewLogin, SeenVia } from '../../domain/new-login';
import type { GuardEvents } from '../events';
import { endSessions } from '../end-sessions';
import type { Settings } from '../../db/settings';
import type { TrustedDevices } from '../../db/trusted-devices';
import { AccountError } from '../../domain/account-error';
import type { AccountWatchPort, NewLoginPush } from '../../domain/account-port';
import type { Session } from '../../domain/session';
import type { Logger } from '../../core/log';
import { diffSessions } from './diff';
import type { ChangeWatcher } from './change-watcher';

export interface LoginWatcherDeps {
  readonly account: AccountWatchPort;
  readonly known: KnownSessions;
  readonly trusted: TrustedDevices;
  readonly settings: Settings;
  readonly audit: AuditLog;
  /** Where every finding goes: the one event stream, which bot/delivery words and sends. */
  readonly emit: GuardEvents;
  readonly log: Logger;
  readonly reconcileIntervalMs: number;
  /** How often the companion's own session is checked; a lost session must be reported within 5 s. */
  readonly probeIntervalMs?: number;
  /** Watches known sessions for a change of place, hands or sleep; without it only new logins are seen. */
  readonly changes?: ChangeWatcher;
}

export const GUARD_SETTING = 'guard_mode';
const BASELINE_SETTING = 'baseline_taken_at';

/**
 * One stream of new logins from three paths: the updateNewAuthorization push, a periodic
 * account.getAuthorizations diff, and messages from 777000 (which only trigger a diff: their wording
 * is never trusted). Each hash is claimed once in SQLite, so whichever path sees it first alerts.
 */
export function createLoginWatcher(d: LoginWatcherDeps) {
  const log = d.log.child({ part: 'guard' });
  const probeIntervalMs = d.probeIntervalMs ?? 4000;
  const unsubscribe: Array<() => void> = [];
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  let lastReconcileAt: number | undefined;
  let reconciling: Promise<void> | undefined;
  let rerun: SeenVia | undefined;
  let nextReconcileNotBefore = 0;
  let pendingPushes: Array<{ push: NewLoginPush; reported: boolean }> = [];
  let processingPushes: Promise<void> | undefined;
  let companionLost = false;
  let companionCreatedAt: number | undefined;
  const noteCompanion = (sessions: readonly Session[]): void => {
    companionCreatedAt = sessions.find((s) => s.current)?.dateCreated ?? companionCreatedAt;
  };

  const guardOn = (): boolean => d.settings.flag(GUARD_SETTING);

  /**
   * Guard mode: anything not on the trusted list is ended before the owner is even told, through the
   * one audited path (end-sessions.ts), so 200 logins are handled in well under a second.
   */
  async function enforce(logins: readonly NewLogin[], listError?: AccountError): Promise<NewLogin[]> {
    if (!guardOn()) return [...logins];
    const untrusted = logins.filter((l) => !l.endedBeforeAlert && !(l.session && d.trusted.isTrusted(l.session)));
    if (untrusted.length === 0) return [...logins];
    const results = await endSessions(
      d,
      null,
      'auto_end',
      untrusted.map((l) => ({ hash: l.hash, detail: l.session?.deviceModel ?? l.push?.device ?? null })),
      (hash) => d.known.markEnded(hash.toString(10)),
    );
    const outcomes = new Map<bigint, NewLogin['autoEnd']>();
    results.forEach((r, i) => {
      const login = untrusted[i]!;
      // Only a login missing from a list that could not be read was never checked.
      const unchecked = !login.session && listError ? { listError } : {};
      outcomes.set(login.hash, r.ok ? { ok: true, ...unchecked } : { ok: false, error: r.error, ...unchecked });
    });
    return logins.map((l) => {
      const autoEnd = outcomes.get(l.hash);
      return autoEnd ? { ...l, autoEnd } : l;
    });
  }

  async function report(logins: NewLogin[], listError?: AccountError): Promise<void> {
    if (logins.length === 0) return;
    void d.emit({ kind: 'new_logins', logins: await enforce(logins, listError) });
  }

  /** The session list, or why it could not be read (a push is still handled without it). */
  async function listOrError(): Promise<{ sessions?: Session[]; error?: AccountError }> {
    try {
      const sessions = await d.account.listSessions();
      noteCompanion(sessions);
      return { sessions };
    } catch (err) {
      const error = err instanceof AccountError ? err : new AccountError({ kind: 'other' }, 'UNKNOWN', String(err));
      log.warn({ code: error.code }, 'could not read the session list');
      return { error };
    }
  }

  /**
   * A push is alerted at once from what it carries (device, place, time): the session list costs a
   * full round trip, and a hijack is a race. The list is then read once for all pushes that arrived
   * together, to fill in the app, IP and 2FA state. Guard mode must see the device's fingerprint
   * first, so there the list comes before the report.
   */
  function onPush(push: NewLoginPush): void {
    if (stopped || push.hash === 0n) return;
    if (!d.known.claimFirst(push.hash, 'push')) return;
    const reported = !guardOn();
    if (reported) void d.emit({ kind: 'new_logins', logins: [{ hash: push.hash, session: undefined, push, via: 'push', whileOffline: false }] });
    pendingPushes.push({ push, reported });
    processingPushes ??= (async () => {
      // The alert first: encoding and sending the list request in the same tick used to put the
      // alert's sendMessage behind it (the bench's profile). Guard mode needs the list, so no wait there.
      if (reported) await new Promise((resolve) => setImmediate(resolve));
      while (pendingPushes.length > 0) {
        const batch = pendingPushes;
        pendingPushes = [];
        const { sessions, error } = await listOrError();
        const logins = batch.map(({ push, reported }) => {
          const session = sessions?.find((s) => s.hash === push.hash);
          if (session) d.known.remember(session, session.deviceModel);
          return { login: { hash: push.hash, session, push, via: 'push', whileOffline: false } satisfies NewLogin, reported };
        });
        const detailed = logins.filter((l) => l.reported && l.login.session).map((l) => l.login);
        if (detailed.length > 0) void d.emit({ kind: 'login_details', logins: detailed });
        await report(
          logins.filter((l) => !l.reported).map((l) => l.login),
          error,
        );
      }
    })()
      .catch((err: unknown) => log.error({ err }, 'handling a new-login push failed'))
      .finally(() => (processingPushes = undefined));
  }

  async function reconcileOnce(via: SeenVia, atStart: boolean): Promise<void> {
    const sessions = await d.account.listSessions();
    noteCompanion(sessions);
    lastReconcileAt = Date.now();
    const others = sessions.filter((s) => !s.current);
    if (d.settings.get(BASELINE_SETTING) === undefined) {
      // First start: what is there now is the owner's starting point, summarised once, not alerted.
      for (const s of others) d.known.claim(s.hash, 'baseline', s, s.deviceModel);
      d.settings.set(BASELINE_SETTING, new Date().toISOString());
      d.audit.record({ actorId: null, action: 'baseline', detail: `${others.length} sessions` }, 'ok');
      await d.changes?.observe(sessions);
      await d.emit({ kind: 'baseline', sessions: others });
      return;
    }
    // Logins claimed by an earlier run whose alert never went out (a crash before it was queued).
    const undelivered = atStart ? d.known.unalerted() : [];
    const diff = diffSessions(d.known.activeHashes(), sessions);
    for (const hash of diff.vanished) {
      d.known.markEnded(hash);
      d.audit.record({ actorId: null, action: 'session_gone', targetHash: BigInt(hash) }, 'ok');
    }
    if (diff.vanished.length > 0) void d.emit({ kind: 'logins_ended', hashes: diff.vanished.map((h) => BigInt(h)) });
    const claimed = diff.added.filter((s) => d.known.claim(s.hash, atStart ? 'start' : via, s, s.deviceModel));
    const listed = new Map(others.map((s) => [s.hash.toString(10), s]));
    const carried = undelivered.map((u): NewLogin => {
      const session = listed.get(u.hash);
      if (session) return { hash: session.hash, session, push: undefined, via: 'start', whileOffline: true };
      // Gone before anyone was told: still reported, from what was stored when it was claimed.
      const push = { hash: BigInt(u.hash), unconfirmed: false, date: u.firstSeenAt, device: u.device, location: undefined };
      return { hash: push.hash, session: undefined, push, via: 'start', whileOffline: true, endedBeforeAlert: true };
    });
    await report([
      ...carried,
      ...claimed.map((s) => ({ hash: s.hash, session: s, push: undefined, via: atStart ? 'start' : via, whileOffline: atStart })),
    ]);
    if (d.changes) {
      // Changes a crashed run stored but never handed over come first, grouped as they were then
      // (the outbox knows a group it already holds by its changes), then what this list shows.
      const leftover = atStart ? d.changes.unalerted() : [];
      if (leftover.length > 0) void d.emit({ kind: 'session_changes', changes: leftover });
      const changes = await d.changes.observe(sessions);
      if (changes.length > 0) void d.emit({ kind: 'session_changes', changes });
    }
  }

  /** Logins ended before their alert was delivered (guard mode ends first, then tells): told now. */
  /**
   * Single flight. A request that arrives while a reconcile runs (a 777000 message, say) may concern
   * a login newer than the list being read, so it queues exactly one more run instead of joining.
   */
  function reconcile(via: SeenVia, atStart = false): Promise<void> {
    if (stopped || companionLost || Date.now() < nextReconcileNotBefore) return reconciling ?? Promise.resolve();
    if (reconciling) {
      rerun = via;
      return reconciling;
    }
    reconciling = (async () => {
      let next: SeenVia | undefined = via;
      while (next && !stopped) {
        rerun = undefined;
        await reconcileGuarded(next, atStart);
        atStart = false;
        next = rerun;
      }
    })().finally(() => (reconciling = undefined));
    return reconciling;
  }

  async function reconcileGuarded(via: SeenVia, atStart: boolean): Promise<void> {
    try {
      await reconcileOnce(via, atStart);
    } catch (err) {
      if (err instanceof AccountError && err.failure.kind === 'flood_wait') {
        nextReconcileNotBefore = Date.now() + err.failure.seconds * 1000;
        log.warn({ seconds: err.failure.seconds }, 'reconcile postponed by FLOOD_WAIT');
      } else {
        log.warn({ code: err instanceof AccountError ? err.code : String(err) }, 'reconcile failed');
      }
    }
  }

  function every(ms: number, task: () => Promise<unknown>): void {
    const timer = setInterval(() => void task().catch(() => undefined), ms);
    timer.unref();
    timers.push(timer);
  }

  return {
    /** Subscribes to pushes, runs the first reconcile (baseline or logins made while offline), starts timers. */
    async start(): Promise<void> {
      unsubscribe.push(
        d.account.onNewLogin(onPush),
        d.account.onServiceMessage(() => {
          log.info('a message from Telegram (777000) arrived; checking the session list');
          void reconcile('service_message');
        }),
        // Telegram's own notice of an auth event (a session used from elsewhere, say): check at once.
        d.account.onServiceNotification?.((type) => {
          if (!type.startsWith('auth')) return;
          log.info({ type }, 'a service notification about authorization arrived; checking the session list');
          void reconcile('service_message');
        }) ?? (() => undefined),
        d.account.onLoggedOut((code) => {
          if (companionLost) return;
          companionLost = true;
          d.audit.record({ actorId: null, action: 'companion_lost', detail: code }, code);
          void d.emit({ kind: 'companion_lost', code });
        }),
      );
      await reconcile('reconcile', true);
      every(d.reconcileIntervalMs, () => reconcile('reconcile'));
      // One probe at a time: during an outage each waits out the request timeout, and a pile of them
      // would only queue up behind gramjs's reconnect.
      let probing = false;
      every(probeIntervalMs, async () => {
        if (companionLost || probing) return;
        probing = true;
        // A replaced link may have lost pushes: read the session list now, not at the next interval.
        const outcome = await d.account.probe().finally(() => (probing = false));
        if (outcome === 'reconnected') void reconcile('reconcile');
      });
    },
    stop(): void {
      stopped = true;
      for (const t of timers) clearInterval(t);
      for (const u of unsubscribe) u();
    },
    reconcileNow: (): Promise<void> => reconcile('reconcile'),
    /** Until when (ms since the epoch) Telegram asked the session checks to wait (FLOOD_WAIT), while it does. */
    pausedUntil: (): number | undefined => (Date.now() < nextReconcileNotBefore ? nextReconcileNotBefore : undefined),
    get lastReconcileAt(): number | undefined {
      return lastReconcileAt;
    },
    get companionLost(): boolean {
      return companionLost;
    },
    /** The companion's own date_created from the last list read (for the 24 h rule). */
    get companionCreatedAt(): number | undefined {
      return companionCreatedAt;
    },
    guardOn,
  };
}

export type LoginWatcher = ReturnType<typeof createLoginWatcher>;
