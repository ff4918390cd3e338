import type { AccountError } from './account-error';
import type { NewLoginPush } from './account-port';
import type { Session } from './session';

/** How the guard first saw a session: the path that claimed it (see guard/doors/login-watcher.ts). */
export type SeenVia = 'baseline' | 'push' | 'reconcile' | 'service_message' | 'start';

export interface NewLogin {
  readonly hash: bigint;
  /** Details from account.getAuthorizations; undefined if the list could not be read or lacks it. */
  readonly session: Session | undefined;
  readonly push: NewLoginPush | undefined;
  readonly via: SeenVia;
  /** Found at start: it happened while session-warden was not running. */
  readonly whileOffline: boolean;
  /** Set when guard mode tried to end it. */
  readonly autoEnd?: AutoEnd;
  /** The session ended before its alert could go out (guard mode, another device, a restart between): still reported, as ended. */
  readonly endedBeforeAlert?: boolean;
}

/**
 * Guard mode's outcome. `listError` is set when account.getAuthorizations failed, so the device could
 * not be checked against the trusted list at all: guard mode then fails closed (ends it) and says so.
 */
export type AutoEnd =
  | { readonly ok: true; readonly listError?: AccountError }
  | { readonly ok: false; readonly error: AccountError; readonly listError?: AccountError };
