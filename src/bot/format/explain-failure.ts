import { DUPLICATED_SESSION, type AccountError } from '../../domain/account-error';
import { endingAllowedAt, FRESH_SESSION_SECONDS } from '../../domain/fresh-session';
import { duration, utcTime } from './time';

export const DAY_SECONDS = FRESH_SESSION_SECONDS;

export interface FailureContext {
  /** What was being done, as the start of a sentence: "Ending that session", "Listing sessions". */
  readonly doing: string;
  readonly nowMs: number;
  /** The companion's own date_created (unix seconds), for the 24 h rule; undefined when unknown. */
  readonly companionCreatedAt?: number | undefined;
}

/** One or two plain sentences: what happened and what to do next. HTML-safe (no markup from input). */
export function explainFailure(err: AccountError, c: FailureContext): string {
  const f = err.failure;
  switch (f.kind) {
    case 'hash_invalid':
      return 'No active session has that hash. It may have ended already: send /sessions to see the current list.';
    case 'too_fresh':
      return explainTooFresh(c);
    case 'flood_wait':
      return `Telegram asks to wait ${duration(f.seconds)} before trying again (${err.code}). Try again after ${utcTime(
        Math.ceil(c.nowMs / 1000) + f.seconds,
        f.seconds < 3600,
      )}.`;
    case 'logged_out':
      return `${c.doing} failed: the companion account is logged out (${err.code}): ${describeLoggedOut(err.code)}`;
    case 'unreachable':
      return `${c.doing} failed: Telegram could not be reached (${err.code}). The companion reconnects by itself; try again in a minute, and check /sessions to see whether anything changed.`;
    case 'other':
      return `${c.doing} failed: Telegram answered ${err.code}. Nothing else was changed; the details are in the log.`;
  }
}

/**
 * Why the companion is logged out and what to do, from Telegram's code: one sentence each, plain
 * text. Every message that reports a lost companion (a failed command, the companion-lost notice,
 * start-up) says it this way, so a duplicate is never mistaken for an expired session.
 */
export function explainLoggedOut(code: string): { readonly why: string; readonly fix: string } {
  if (code === DUPLICATED_SESSION) {
    return {
      why: 'the same session was used by two programs at once (two copies of session-warden, or its session file copied to another machine), so Telegram ended it for good.',
      fix: 'Log in again with npm run login on the server and run one copy only, then restart session-warden.',
    };
  }
  return {
    why: 'its session was ended from another device, it expired, or it was never logged in.',
    fix: 'Run npm run login on the server, then restart session-warden.',
  };
}

/** `explainLoggedOut` as one plain-text string: why, then what to do. */
export function describeLoggedOut(code: string): string {
  const lost = explainLoggedOut(code);
  return `${lost.why} ${lost.fix}`;
}

function explainTooFresh(c: FailureContext): string {
  const base =
    'Telegram refused (FRESH_RESET_AUTHORISATION_FORBIDDEN): a session may end other sessions only once it is at least 24 hours old, and the session doing it here is session-warden\'s companion.';
  if (c.companionCreatedAt === undefined) return `${base} Try again 24 hours after the companion logged in.`;
  const allowedAt = endingAllowedAt(c.companionCreatedAt);
  const wait = allowedAt - c.nowMs / 1000;
  return `${base} It will be old enough at ${utcTime(allowedAt)}${wait > 0 ? ` (in ${duration(wait)})` : ''}.`;
}
