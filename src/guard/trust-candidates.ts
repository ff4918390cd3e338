import type { Session } from '../domain/session';

const DAY_SECONDS = 86_400;

export interface TrustCandidates {
  readonly trust: readonly Session[];
  /** Sessions left out, each with why: an attacker's fresh or half-finished login must not slip in. */
  readonly leftOut: ReadonlyArray<{ readonly session: Session; readonly why: string }>;
}

/**
 * Which current sessions "Trust current sessions" may trust: not the companion, and by default none
 * that is password_pending, unconfirmed, or younger than 24 hours.
 */
export function trustCandidates(sessions: readonly Session[], nowMs: number): TrustCandidates {
  const trust: Session[] = [];
  const leftOut: Array<{ session: Session; why: string }> = [];
  for (const s of sessions) {
    if (s.current) continue;
    const why = s.passwordPending
      ? 'waiting for the 2FA password (password_pending)'
      : s.unconfirmed
        ? 'not confirmed by Telegram yet'
        : nowMs / 1000 - s.dateCreated < DAY_SECONDS
          ? 'logged in less than 24 hours ago'
          : undefined;
    if (why) leftOut.push({ session: s, why });
    else trust.push(s);
  }
  return { trust, leftOut };
}
