/**
 * A plain view of one `Api.WebAuthorization`: a website the owner logged in to with "Log in with
 * Telegram". `hash` is an int64 like a session hash: a `bigint` here, decimal text at every edge.
 */
export interface WebSession {
  readonly hash: bigint;
  readonly domain: string;
  /** The bot the website logs in through, as @username when it has one (else its name or id). */
  readonly bot: string;
  readonly browser: string;
  readonly platform: string;
  readonly ip: string;
  readonly region: string;
  /** Unix seconds. */
  readonly dateCreated: number;
  /** Unix seconds. */
  readonly dateActive: number;
}

/** Most recently active first, as sessions are shown. */
export function byWebActivity(a: WebSession, b: WebSession): number {
  return b.dateActive - a.dateActive || b.dateCreated - a.dateCreated;
}
