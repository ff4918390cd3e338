import { errors } from 'telegram';
import { AccountError, DUPLICATED_SESSION } from '../domain/account-error';

/** Telegram's codes for "this session no longer exists"; the owner has to log the companion in again. */
const LOGGED_OUT = new Set([
  'AUTH_KEY_UNREGISTERED',
  'AUTH_KEY_INVALID',
  DUPLICATED_SESSION,
  'SESSION_REVOKED',
  'SESSION_EXPIRED',
  'USER_DEACTIVATED',
  'USER_DEACTIVATED_BAN',
]);

const FLOOD = /^(?:FLOOD_WAIT|FLOOD_PREMIUM_WAIT|SLOWMODE_WAIT)_(\d+)$/;

/**
 * The one place where gramjs and Telegram errors become domain errors. Anything unrecognised keeps
 * Telegram's own code so the owner and the audit log still see what happened.
 */
export function toAccountError(err: unknown): AccountError {
  if (err instanceof AccountError) return err;
  if (err instanceof errors.FloodWaitError) {
    return new AccountError({ kind: 'flood_wait', seconds: err.seconds }, `FLOOD_WAIT_${err.seconds}`, err.message);
  }
  if (err instanceof errors.RPCError) {
    const code = err.errorMessage || 'UNKNOWN';
    const flood = FLOOD.exec(code);
    if (flood) return new AccountError({ kind: 'flood_wait', seconds: Number(flood[1]) }, code, err.message);
    if (code === 'HASH_INVALID') return new AccountError({ kind: 'hash_invalid' }, code, err.message);
    if (code === 'FRESH_RESET_AUTHORISATION_FORBIDDEN') return new AccountError({ kind: 'too_fresh' }, code, err.message);
    if (LOGGED_OUT.has(code) || err.code === 401) return new AccountError({ kind: 'logged_out' }, code, err.message);
    return new AccountError({ kind: 'other' }, code, err.message);
  }
  const message = err instanceof Error ? err.message : String(err);
  // gramjs reports a missing connection with plain Errors and rejects queued requests with strings.
  if (/disconnected|not connected|timeout|timed out|connection|ECONN|socket|reconnect/i.test(message)) {
    return new AccountError({ kind: 'unreachable' }, 'NETWORK', message);
  }
  return new AccountError({ kind: 'other' }, 'UNKNOWN', message);
}
