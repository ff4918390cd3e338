/** One entry of account.getAuthorizations, kept in plain TS types; converted to TL only on the wire. */
export interface EmulatedSession {
  hash: bigint;
  current?: boolean;
  officialApp?: boolean;
  passwordPending?: boolean;
  unconfirmed?: boolean;
  encryptedRequestsDisabled?: boolean;
  callRequestsDisabled?: boolean;
  deviceModel: string;
  platform: string;
  systemVersion: string;
  apiId: number;
  appName: string;
  appVersion: string;
  /** Unix seconds. */
  dateCreated: number;
  /** Unix seconds. */
  dateActive: number;
  ip: string;
  country: string;
  region: string;
}

/** One entry of account.getWebAuthorizations (a "Log in with Telegram" website). */
export interface EmulatedWebSession {
  hash: bigint;
  botId: bigint;
  domain: string;
  browser: string;
  platform: string;
  dateCreated: number;
  dateActive: number;
  ip: string;
  region: string;
  /** Name and username of the bot user reported alongside; defaults derive from the domain. */
  botName?: string;
  botUsername?: string;
}

/** Two-step verification details account.getPassword reports besides the password itself. */
export interface EmulatedPasswordDetails {
  hasRecovery?: boolean;
  /** Overrides the hint given with the password. */
  hint?: string;
  /** A recovery email being set, masked as Telegram shows it ("a***@example.com"). */
  emailUnconfirmedPattern?: string;
  loginEmailPattern?: string;
  /** Unix seconds at which a requested reset removes the password (declinePasswordReset clears it). */
  pendingResetDate?: number;
}

/** One business bot connected to the account (account.getConnectedBots). */
export interface EmulatedConnectedBot {
  botId: bigint;
  accessHash?: bigint;
  username?: string;
  firstName: string;
  canReply?: boolean;
  existingChats?: boolean;
  newChats?: boolean;
  contacts?: boolean;
  nonContacts?: boolean;
  excludeSelected?: boolean;
  users?: bigint[];
}

export interface EmulatedSelf {
  id: bigint;
  firstName: string;
  lastName?: string;
  username?: string;
  phone?: string;
}

export interface InjectedError {
  code: number;
  message: string;
  /** How many calls fail; defaults to 1. Ignored when `persistent` is set. */
  times?: number;
  persistent?: boolean;
}

export interface RecordedCall {
  /** Method name as in the TL schema, e.g. 'account.resetAuthorization'. */
  method: string;
  /** Request fields; long values are bigint, nested TL objects are records with a `_` class name. */
  args: Record<string, unknown>;
  /** Date.now() when the request was received. */
  at: number;
}

/** What a client said about itself in initConnection: what Telegram shows in every Devices list. */
export interface RecordedInitConnection {
  /** auth_key_id (hex) of the key the client spoke with; `sessionOf` maps it back to the StringSession. */
  keyIdHex: string;
  apiId: number;
  deviceModel: string;
  systemVersion: string;
  appVersion: string;
  langCode: string;
  systemLangCode: string;
  /** Date.now() when it was received. */
  at: number;
}

export type Logger = (line: string) => void;

export interface MtprotoEmulatorOptions {
  host?: string;
  /** 0 (default) picks an ephemeral port. */
  port?: number;
  dcId?: number;
  self?: Partial<EmulatedSelf>;
  /** Fields of the calling (companion) session as listed by getAuthorizations. */
  companion?: Partial<EmulatedSession>;
  sessions?: EmulatedSession[];
  webSessions?: EmulatedWebSession[];
  authorizationTtlDays?: number;
  /** Values account.setAuthorizationTTL accepts; others get 400 TTL_DAYS_INVALID. */
  acceptedTtlDays?: number[];
  /** Replies whose TL body is larger than this are sent gzip_packed. */
  gzipThreshold?: number;
  logger?: Logger;
  /** The code auth.signIn accepts (default '12345'); auth.sendCode reports it as sent to the app. */
  loginCode?: string;
  /** A two-step verification password: logins then need auth.checkPassword (SRP) after the code or QR. */
  password?: string;
  passwordHint?: string;
  passwordDetails?: EmulatedPasswordDetails;
  connectedBots?: EmulatedConnectedBot[];
  /** Lifetime of the tokens auth.exportLoginToken hands out (default 30 s, as Telegram's). */
  loginTokenTtlSeconds?: number;
}

export interface IssueAuthKeyOptions {
  /**
   * false: the key is not logged in yet, as after a fresh key exchange. Every call but the login
   * methods fails with 401 AUTH_KEY_UNREGISTERED until the key logs in (code, password or QR).
   */
  loggedIn?: boolean;
}

export interface PushNewAuthorizationInput {
  hash: bigint;
  unconfirmed?: boolean;
  date?: number;
  device?: string;
  location?: string;
}

export interface PushNewAuthorizationOptions {
  form?: 'updateShort' | 'updates';
  /** Also list the new session in getAuthorizations (default true). */
  addSession?: boolean;
}

export interface PushServiceMessageOptions {
  form?: 'updateShortMessage' | 'updates';
}
