import type { Session } from '../domain/session';
import { FRESH_SESSION_SECONDS } from '../domain/fresh-session';

export interface TrustCandidates {
  readonly trust: readonly Session[];
  /** Sessions left out, each with why: an attacker's fresh or half-finished login must not slip in. */
  readonly leftOut: ReadonlyArray<{ readonly session: Session; readonly why: LeftOutReason }>;
}

/** Why a session was left out: waiting for the 2FA password, not confirmed by Telegram, under 24 h old, or an unofficial app's. */
export type LeftOutReason = 'password_pending' | 'unconfirmed' | 'too_new' | 'unofficial';

/**
 * Why `s` must not be trusted without the owner seeing the flag first, or undefined when nothing
 * stands in the way. The one rule for every path to the trusted list: an attacker's fresh,
 * half-finished or tool-made login must never slip in unnoticed.
 */
export function trustExclusion(s: Session, nowMs: number): LeftOutReason | undefined {
  if (s.passwordPending) return 'password_pending';
  if (s.unconfirmed) return 'unconfirmed';
  // Telegram's own 24-hour line: a session younger than that cannot even end others yet, and may be the intruder's.
  if (nowMs / 1000 - s.dateCreated < FRESH_SESSION_SECONDS) return 'too_new';
  if (!s.officialApp) return 'unofficial';
  return undefined;
}

/** Which current sessions "Trust current sessions" may trust: not the companion, and none with a trustExclusion. */
export function trustCandidates(sessions: readonly Session[], nowMs: number): TrustCandidates {
  const trust: Session[] = [];
  const leftOut: Array<{ session: Session; why: LeftOutReason }> = [];
  for (const s of sessions) {
    if (s.current) continue;
    const why = trustExclusion(s, nowMs);
    if (why) leftOut.push({ session: s, why });
    else trust.push(s);
  }
  return { trust, leftOut };
}
