// Loaded only when OWNER_TOTP_SECRET is set (createTotp), so an install without a second factor carries none of it.
import type { TOTP as Totp } from 'otpauth';

/** RFC 6238 with the defaults every authenticator app uses: SHA-1, 6 digits, a 30 s step. */
export const TOTP_STEP_MS = 30_000;
export const TOTP_DIGITS = 6;

/** The one thing the second factor's rules need to know about a code: does it belong to this step? */
export interface TotpMatcher {
  /** Whether `code` (6 digits) is the code of time step `step` (unix ms / 30 000, floored). */
  matches(code: string, step: number): boolean;
}

/**
 * The owner's authenticator, from a base32 secret (RFC 4648), through the otpauth library: our code
 * never computes an HMAC. Comparison is otpauth's timing-safe one.
 */
export function createTotp(secretBase32: string): TotpMatcher & { readonly uri: (label: string) => string; readonly code: (step: number) => string } {
  const { TOTP } = require('otpauth') as { TOTP: typeof Totp };
  const totp = new TOTP({ issuer: 'session-warden', label: 'owner', secret: secretBase32, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_STEP_MS / 1000 });
  return {
    matches: (code, step) => totp.validate({ token: code, timestamp: step * TOTP_STEP_MS, window: 0 }) === 0,
    /** The code of one step; for the demo and setup's check, never for logs. */
    code: (step) => totp.generate({ timestamp: step * TOTP_STEP_MS }),
    /** The otpauth:// URI an authenticator app scans, labelled `label` in the app. */
    uri: (label) => new TOTP({ issuer: 'session-warden', label, secret: secretBase32, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_STEP_MS / 1000 }).toString(),
  };
}
