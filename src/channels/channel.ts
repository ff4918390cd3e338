// channels/ — ways to reach the owner that do not pass through Telegram: email, ntfy push, a JSON webhook, the heartbeat ping.

/** The channels a message can take besides the bot's chat, by the name `/test` uses. */
export const CHANNEL_NAMES = ['email', 'ntfy', 'webhook'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/**
 * One message for the owner outside Telegram. Plain text, already in the owner's language; it never
 * holds a login code, a secret or a session string (the bot side builds it from words only).
 */
export interface OutOfBandMessage {
  /** What happened, as the chat's notice kind: `new_login`, `password_off`, `bot_blocked`, `test`... */
  readonly event: string;
  readonly title: string;
  readonly text: string;
  /** When it happened (ISO 8601). */
  readonly at: string;
  /** The guarded account's Telegram user id (decimal). */
  readonly account: string;
  /** ntfy's priority: 5 (urgent) for a takeover, 4 for other safety news, 3 for the rest. */
  readonly priority: 3 | 4 | 5;
  /** ntfy tags (emoji short codes or words). */
  readonly tags?: readonly string[];
  /** Where a tap on the push leads (the bot's chat). */
  readonly click?: string;
  /** The event's own fields, for the webhook: never a secret. */
  readonly fields?: Readonly<Record<string, string | number | boolean>>;
}

/** A channel's failure: `retryAfterMs` when the server said when to come back (HTTP 429/503 Retry-After). */
export class ChannelError extends Error {
  override readonly name = 'ChannelError';

  constructor(
    message: string,
    /** A short technical name of the failure for the owner's screen: `http_502`, `timeout`, `smtp_421`, `ECONNREFUSED`. */
    readonly code: string,
    readonly retryAfterMs?: number,
    /**
     * The server refused this message itself (too large, malformed), so sending it again can never
     * work: a group is then split, and a single message dropped and counted, instead of holding the
     * channel for a day.
     */
    readonly refusedForGood = false,
  ) {
    super(message);
  }
}

/** HTTP answers about the message itself, not the server's state or our settings: retrying the same body cannot help. */
export const HTTP_REFUSED_FOR_GOOD: ReadonlySet<number> = new Set([400, 413, 414, 415, 422]);
/** SMTP answers about the message itself: too large (552), or rejected as it is (554). */
export const SMTP_REFUSED_FOR_GOOD: ReadonlySet<number> = new Set([552, 554]);

/** Sends one message; resolves once the server accepted it, rejects (ChannelError or a network error) otherwise. */
export interface Channel {
  readonly name: ChannelName;
  send(message: OutOfBandMessage): Promise<void>;
}

/**
 * The wait an HTTP `Retry-After` header asks for, in ms: delta-seconds or an HTTP date. Undefined when
 * absent or unreadable. Capped at one hour: a server cannot park a takeover alert for a day.
 */
export function retryAfterMs(header: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = /^\s*\d+\s*$/.test(header) ? Number(header) * 1000 : Date.parse(header) - nowMs;
  if (!Number.isFinite(seconds)) return undefined;
  return Math.min(3_600_000, Math.max(0, seconds));
}

/** One channel as /status shows it. */
export interface ChannelState {
  readonly name: ChannelName;
  readonly waiting: number;
  /** Messages given up after the age bound (24 h), among those kept for a week. */
  readonly dropped: number;
  readonly lastDeliveredAt: number | undefined;
  /** Why the last try failed (ChannelError.code), while it is still failing. */
  readonly failing: string | undefined;
}
