// domain/ — plain types and pure rules of the guarded account; imports nothing else of ours.
/**
 * A plain view of one `Api.Authorization` (an active login of the account).
 * Produced at the gramjs boundary so nothing outside `src/account/` sees TL objects.
 * `hash` is an int64: it is a `bigint` here and a decimal string at every edge.
 */
export interface Session {
  readonly hash: bigint;
  readonly deviceModel: string;
  readonly platform: string;
  readonly systemVersion: string;
  readonly appName: string;
  readonly appVersion: string;
  readonly apiId: number;
  readonly officialApp: boolean;
  readonly ip: string;
  readonly country: string;
  readonly region: string;
  /** Unix seconds. */
  readonly dateCreated: number;
  /** Unix seconds. */
  readonly dateActive: number;
  /** The session this program itself is logged in with (Telegram reports its hash as 0). */
  readonly current: boolean;
  /** Someone has the login code but has not entered the 2FA password yet. */
  readonly passwordPending: boolean;
  /** A new login Telegram has not confirmed yet (it may still be ended without the 24 h rule). */
  readonly unconfirmed: boolean;
}

/** The account the companion is logged in to. */
export interface AccountUser {
  /** Telegram user ids fit in 52 bits, so a JS number is exact here (unlike session hashes). */
  readonly id: number;
  readonly firstName: string;
  readonly username?: string;
}

/** Order used everywhere sessions are shown: most recently active first, ties by newest login. */
export function byLastActivity(a: Session, b: Session): number {
  return b.dateActive - a.dateActive || b.dateCreated - a.dateCreated;
}
