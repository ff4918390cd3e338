/**
 * What can go wrong when the companion asks Telegram to do something, as values the bot can explain.
 * Built in one place (`src/account/map-error.ts`); everything else switches on `failure.kind`.
 */
export type AccountFailure =
  /** No active session has that hash (HASH_INVALID). */
  | { readonly kind: 'hash_invalid' }
  /** The companion's session is younger than 24 h (FRESH_RESET_AUTHORISATION_FORBIDDEN). */
  | { readonly kind: 'too_fresh' }
  /** FLOOD_WAIT_n and its relatives. */
  | { readonly kind: 'flood_wait'; readonly seconds: number }
  /** The companion's own session is gone (AUTH_KEY_UNREGISTERED, SESSION_REVOKED, ...). */
  | { readonly kind: 'logged_out' }
  /** Not connected, timed out, or the connection broke. */
  | { readonly kind: 'unreachable' }
  /** Any other Telegram error. */
  | { readonly kind: 'other' };

/**
 * Telegram's code for a session whose auth key was used by two programs at once: it ends the session
 * for good. A `logged_out` failure like the others, but the owner must hear that it was a duplicate.
 */
export const DUPLICATED_SESSION = 'AUTH_KEY_DUPLICATED';

export class AccountError extends Error {
  override readonly name = 'AccountError';

  /**
   * @param code Telegram's error code as sent (`HASH_INVALID`, `FLOOD_WAIT_30`, ...), or
   *   `NETWORK`/`UNKNOWN` when Telegram sent none. This is what the audit log stores as the outcome.
   */
  constructor(
    readonly failure: AccountFailure,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
