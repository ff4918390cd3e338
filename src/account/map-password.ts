import { createHash } from 'node:crypto';
import { Api } from 'telegram';
import type { PasswordState } from '../domain/password-state';

/**
 * `Api.account.Password` to a plain `PasswordState`. srp_B and srp_id are a one-time login
 * challenge and are dropped here; current_algo is kept only as a digest of its salts and group.
 */
export function toPasswordState(p: Api.account.Password): PasswordState {
  return {
    hasPassword: Boolean(p.hasPassword),
    hasRecovery: Boolean(p.hasRecovery),
    hint: p.hint || undefined,
    emailUnconfirmedPattern: p.emailUnconfirmedPattern || undefined,
    loginEmailPattern: p.loginEmailPattern || undefined,
    pendingResetDate: p.pendingResetDate || undefined,
    algoFingerprint: p.hasPassword && p.currentAlgo ? algoFingerprint(p.currentAlgo) : undefined,
  };
}

function algoFingerprint(algo: Api.TypePasswordKdfAlgo): string {
  const h = createHash('sha256').update(algo.className);
  if (algo instanceof Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow) {
    h.update(algo.salt1).update(algo.salt2).update(String(algo.g)).update(algo.p);
  }
  return h.digest('hex').slice(0, 32);
}
