import type { Session } from '../../domain/session';

export interface SessionDiff {
  /** Listed now, never seen before: new logins. */
  readonly added: Session[];
  /** Seen before, missing now: ended (by the owner, by Telegram's TTL, or elsewhere). */
  readonly vanished: string[];
}

/** Compares a fresh account.getAuthorizations list with the stored snapshot. The companion is skipped. */
export function diffSessions(known: ReadonlySet<string>, listed: readonly Session[]): SessionDiff {
  const others = listed.filter((s) => !s.current);
  const now = new Set(others.map((s) => s.hash.toString(10)));
  return {
    added: others.filter((s) => !known.has(s.hash.toString(10))),
    vanished: [...known].filter((h) => !now.has(h)),
  };
}
