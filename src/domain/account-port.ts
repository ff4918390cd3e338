import type { AccountUser, Session } from './session';

/**
 * The narrow face of the companion user-account client. The bot and the guard depend on this,
 * never on gramjs, so tests can pass the real client (pointed at the emulator) or a fake.
 * Every method rejects with `AccountError` only.
 */
export interface AccountPort {
  /** users.getUsers([inputUserSelf]) */
  me(): Promise<AccountUser>;
  /** account.getAuthorizations */
  listSessions(): Promise<Session[]>;
  /** account.resetAuthorization(hash) */
  revoke(hash: bigint): Promise<void>;
  /** auth.resetAuthorizations: every session except the companion's own. */
  revokeAll(): Promise<void>;
}
