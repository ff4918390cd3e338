import type { ConnectedBot } from './connected-bot';
import type { PasswordState } from './password-state';
import type { AccountUser, Session } from './session';
import type { WebSession } from './web-session';

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
  /** account.getWebAuthorizations: "Log in with Telegram" website logins. */
  listWebSessions(): Promise<WebSession[]>;
  /** account.resetWebAuthorization(hash) */
  revokeWebSession(hash: bigint): Promise<void>;
  /** account.resetWebAuthorizations */
  revokeAllWebSessions(): Promise<void>;
  /** authorization_ttl_days from account.getAuthorizations: inactive sessions end after this many days. */
  getSessionTtlDays(): Promise<number>;
  /** account.setAuthorizationTTL */
  setSessionTtlDays(days: number): Promise<void>;
  /** account.changeAuthorizationSettings(hash, confirmed): the owner says an unconfirmed login is theirs. */
  confirm(hash: bigint): Promise<void>;
  /** account.getPassword, without the SRP challenge. */
  getPassword(): Promise<PasswordState>;
  /** account.declinePasswordReset: cancels a pending 2FA reset (RESET_REQUEST_MISSING when none). */
  declinePasswordReset(): Promise<void>;
  /** account.invalidateSignInCodes: the codes can no longer be used to log in. */
  invalidateSignInCodes(codes: readonly string[]): Promise<void>;
  /** account.getConnectedBots: business bots connected to the account. */
  listConnectedBots(): Promise<ConnectedBot[]>;
  /** account.updateConnectedBot(deleted): disconnects the bot (BOT_NOT_CONNECTED when it is not). */
  disconnectBot(botId: bigint): Promise<void>;
}

/** What Telegram pushes when a new login appears (`updateNewAuthorization`). */
export interface NewLoginPush {
  readonly hash: bigint;
  readonly unconfirmed: boolean;
  readonly date: number | undefined;
  readonly device: string | undefined;
  readonly location: string | undefined;
}

/** Where a 777000 message sits, so one message is handled once (never its text: it may hold a code). */
export interface ServiceMessageMeta {
  readonly id: number;
  /** Unix seconds. */
  readonly date: number;
}

export interface CompanionStatus {
  /** Telegram answered the last request (gramjs's own `connected` flag stays true while it reconnects). */
  readonly connected: boolean;
  /** When requests started failing to reach Telegram (ms since epoch); undefined while they succeed. */
  readonly unreachableSince?: number;
  /** The companion's session was ended elsewhere; only `npm run login` brings it back. */
  readonly loggedOut: boolean;
  /** Telegram's code when it logged the companion out (AUTH_KEY_DUPLICATED says more than "logged out"). */
  readonly loggedOutCode?: string;
}

/** The push side of the companion, used by the guard to see new logins and its own health. */
export interface AccountWatchPort extends AccountPort {
  onNewLogin(listener: (push: NewLoginPush) => void): () => void;
  /** Messages from Telegram's service account (777000), which announces logins among other things. */
  onServiceMessage(listener: (text: string, message: ServiceMessageMeta) => void): () => void;
  /**
   * updateServiceNotification: Telegram's notices to the account, by their `type` (such as
   * "auth12345_..."); the text is never passed on. Optional: not every client sees them.
   */
  onServiceNotification?(listener: (type: string) => void): () => void;
  /** Called once when any request finds the companion logged out. */
  onLoggedOut(listener: (code: string) => void): () => void;
  /**
   * A cheap request (updates.getState) that fails fast when the companion's session is gone. When
   * the link stops answering without a close, it replaces the link at once and asks again:
   * 'reconnected' then says pushes sent meanwhile may be lost, so the sessions should be read now.
   * @throws AccountError when Telegram cannot be reached even on a new link, or the session is gone.
   */
  probe(): Promise<'ok' | 'reconnected'>;
  /** Seconds after which Telegram confirms a new login by itself (authorization_autoconfirm_period). */
  autoconfirmPeriodSeconds(): Promise<number>;
  status(): CompanionStatus;
}
