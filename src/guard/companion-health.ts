import type { CompanionStatus } from '../domain/account-port';

/**
 * How long the guard may be blind (no answer from Telegram, or no audit log) before it counts as an
 * outage: the owner is told, and the heartbeat stops. One value for both, so they agree.
 */
export const BLIND_AFTER_MS = 60_000;

export interface CompanionHealthDeps {
  /** The companion's state as requests see it (TelegramAccount.status()). */
  readonly status: () => CompanionStatus;
  /** An outage at least this long is reported (ms; 60 s by default). Shorter blips are not news. */
  readonly reportAfterMs?: number;
  /** How often the state is looked at (ms). */
  readonly checkEveryMs?: number;
  readonly now?: () => number;
  /** The companion has not reached Telegram since `since` (ms since epoch): told once per outage. */
  readonly onDown: (since: number) => void;
  /** The outage reported by onDown is over; `since` is when it began. */
  readonly onUp: (since: number, now: number) => void;
}

/**
 * Watches for MTProto outages long enough that the owner must know the guard is blind: one notice
 * when it passes `reportAfterMs`, one when it ends, never a stream. A logged-out companion is not an
 * outage (the watcher reports that itself). Returns a stop function.
 */
export function watchCompanionHealth(d: CompanionHealthDeps): () => void {
  const reportAfterMs = d.reportAfterMs ?? BLIND_AFTER_MS;
  const now = d.now ?? Date.now;
  let reported: number | undefined;
  const check = (): void => {
    const s = d.status();
    if (reported === undefined) {
      const since = s.loggedOut ? undefined : s.unreachableSince;
      if (since !== undefined && now() - since >= reportAfterMs) {
        reported = since;
        d.onDown(since);
      }
    } else if (s.unreachableSince === undefined && !s.loggedOut) {
      const since = reported;
      reported = undefined;
      d.onUp(since, now());
    }
  };
  const timer = setInterval(check, d.checkEveryMs ?? Math.min(5000, reportAfterMs / 4));
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Whether the guard can watch the account now: the companion is logged in, Telegram answered it within
 * `blindAfterMs`, and the audit log has not been failing for that long. The heartbeat pings only then.
 */
export function canWatch(s: CompanionStatus, storageDownSince: number | undefined, nowMs: number, blindAfterMs = BLIND_AFTER_MS): boolean {
  if (s.loggedOut) return false;
  if (s.unreachableSince !== undefined && nowMs - s.unreachableSince >= blindAfterMs) return false;
  return storageDownSince === undefined || nowMs - storageDownSince < blindAfterMs;
}
