/**
 * Telegram's rule for new sessions: one may end other sessions (account.resetAuthorization,
 * auth.resetAuthorizations) only once it is 24 hours old; before that it gets
 * FRESH_RESET_AUTHORISATION_FORBIDDEN. Listing sessions and receiving login pushes work at once.
 */
export const FRESH_SESSION_SECONDS = 86_400;

/** When a session created at `createdAt` (unix seconds) may end other sessions, in unix seconds. */
export function endingAllowedAt(createdAt: number): number {
  return createdAt + FRESH_SESSION_SECONDS;
}
