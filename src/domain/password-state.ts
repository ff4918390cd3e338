/**
 * What account.getPassword says about two-step verification and recovery, without its one-time
 * SRP challenge (srp_B, srp_id): those are never kept. Produced by `src/account/map-password.ts`.
 */
export interface PasswordState {
  readonly hasPassword: boolean;
  /** A confirmed recovery email is set. */
  readonly hasRecovery: boolean;
  readonly hint: string | undefined;
  /** A recovery email waiting for its confirmation code, masked by Telegram ("a***@example.com"). */
  readonly emailUnconfirmedPattern: string | undefined;
  /** The login email, masked by Telegram. */
  readonly loginEmailPattern: string | undefined;
  /** Unix seconds at which a requested password reset takes effect, unless it is declined. */
  readonly pendingResetDate: number | undefined;
  /**
   * A digest of current_algo (its salts and group). The salts change whenever a password is set, so
   * a new fingerprint means the password was set again. Undefined without a password.
   */
  readonly algoFingerprint: string | undefined;
}
