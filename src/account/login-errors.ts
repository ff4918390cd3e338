import { errors } from 'telegram';

/** The answer the owner may give again after an error; anything else ends the login. */
export type RetryStep = 'phone' | 'code' | 'password';

/** A login failure the terminal can show as is: `message` is plain language, `code` Telegram's. */
export class LoginError extends Error {
  override readonly name = 'LoginError';

  constructor(
    /** Telegram's error code (PHONE_CODE_INVALID, FLOOD_WAIT_60...), or NETWORK, CANCELLED, UNKNOWN... */
    readonly code: string,
    message: string,
    readonly retry?: RetryStep,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const RUN_AGAIN = 'Run `npm run login` again';

/** Codes are matched exactly; messages never quote what the owner typed. */
const KNOWN: Record<string, { message: string; retry?: RetryStep }> = {
  PHONE_NUMBER_INVALID: {
    message: 'Telegram does not accept that phone number. Type it with the country code, e.g. +44 7700 900123.',
    retry: 'phone',
  },
  PHONE_NUMBER_UNOCCUPIED: {
    message: 'No Telegram account uses this phone number. Sign up in a Telegram app first.',
  },
  PHONE_NUMBER_BANNED: { message: 'Telegram has banned this phone number.' },
  PHONE_NUMBER_FLOOD: { message: `Too many login codes were asked for this number. Wait a few hours, then ${RUN_AGAIN.toLowerCase()}.` },
  PHONE_CODE_INVALID: { message: 'That login code is not right.', retry: 'code' },
  PHONE_CODE_EMPTY: { message: 'No login code was entered.', retry: 'code' },
  PHONE_CODE_EXPIRED: { message: `The login code has expired. ${RUN_AGAIN} to get a new one.` },
  PASSWORD_HASH_INVALID: { message: 'That two-step verification password is not right.', retry: 'password' },
  PASSWORD_EMPTY: { message: 'No password was entered.', retry: 'password' },
  // A password check answers one challenge; if it went stale, asking again fetches a fresh one.
  SRP_ID_INVALID: { message: 'The password check expired. Type the password again.', retry: 'password' },
  API_ID_INVALID: {
    message: 'Telegram rejected API_ID / API_HASH. Copy both again from my.telegram.org (API development tools).',
  },
  API_ID_PUBLISHED_FLOOD: {
    message: 'This API_ID has been published and Telegram limits it. Create your own app on my.telegram.org.',
  },
  AUTH_TOKEN_EXPIRED: { message: `The QR code expired before it was scanned. ${RUN_AGAIN}.` },
  AUTH_TOKEN_INVALID: { message: `The QR code is no longer valid. ${RUN_AGAIN}.` },
  AUTH_TOKEN_ALREADY_ACCEPTED: { message: `That QR code was already used. ${RUN_AGAIN}.` },
  SESSION_PASSWORD_NEEDED: { message: 'This account needs its two-step verification password.' },
};

const FLOOD = /^(?:FLOOD_WAIT|FLOOD_PREMIUM_WAIT|PHONE_PASSWORD_FLOOD)_?(\d+)?$/;

export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hours`;
}

function floodError(code: string, seconds: number | undefined, cause: unknown): LoginError {
  const wait = seconds === undefined ? 'a while' : describeWait(seconds);
  return new LoginError(code, `Too many attempts: Telegram asks to wait ${wait} before trying again.`, undefined, { cause });
}

/** The one place where gramjs and Telegram errors during a login become plain-language messages. */
export function toLoginError(err: unknown): LoginError {
  if (err instanceof LoginError) return err;
  if (err instanceof errors.FloodWaitError) return floodError(`FLOOD_WAIT_${err.seconds}`, err.seconds, err);
  if (err instanceof errors.RPCError) {
    const code = err.errorMessage || 'UNKNOWN';
    const known = KNOWN[code];
    if (known) return new LoginError(code, known.message, known.retry, { cause: err });
    const flood = FLOOD.exec(code);
    if (flood) return floodError(code, flood[1] === undefined ? undefined : Number(flood[1]), err);
    return new LoginError(code, `Telegram refused the login (${code}).`, undefined, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  // gramjs reports a missing connection with plain Errors and rejects queued requests with strings.
  if (/disconnected|not connected|timeout|timed out|connection|ECONN|socket|reconnect|ENOTFOUND|EAI_AGAIN/i.test(message)) {
    return new LoginError('NETWORK', 'Could not reach Telegram. Check the network connection and try again.', undefined, {
      cause: err,
    });
  }
  return new LoginError('UNKNOWN', `The login failed: ${message}`, undefined, { cause: err });
}

/** SESSION_PASSWORD_NEEDED is not a failure: it is the step that asks for the password. */
export function isPasswordNeeded(err: unknown): boolean {
  return err instanceof errors.RPCError && err.errorMessage === 'SESSION_PASSWORD_NEEDED';
}
