import type { Session } from '../domain/session';

const DAY_SECONDS = 86_400;

export interface TrustCandidates {
  readonly trust: readonly Session[];
  /** Sessions left out, each with why: an attacker's fresh or half-finished login must not slip in. */
  readonly leftOut: ReadonlyArray<{ readonly session: Session; readonly why: LeftOutReason }>;
}

/** Why a session was left out: waiting for the 2FA password, not confirmed by Telegram, or under 24 h old. */
export type LeftOutReason = 'password_pending' | 'unconfirmed' | 'too_new';

/**
 * Which current sessions "Trust current sessions" may trust: not the companion, and by default none
 * that is password_pending, unconfirmed, or younger than 24 hours.
 */
export function trustCandidates(sessions: readonly Session[], nowMs: number): TrustCandidates {
  const trust: Session[] = [];
  const leftOut: Array<{ session: Session; why: LeftOutReason }> = [];
  for (const s of sessions) {
    if (s.current) continue;
    const why: LeftOutReason | undefined = s.passwordPending
      ? 'password_pending'
      : s.unconfirmed
        ? 'unconfirmed'
        : nowMs / 1000 - s.dateCreated < DAY_SECONDS
          ? 'too_new'
          : undefined;
    if (why) leftOut.push({ session: s, why });
    else trust.push(s);
  }
  return { trust, leftOut };
}
