import type { Transformer } from 'grammy';

export interface ChatRateLimitOptions {
  /** Calls a chat may take at once. */
  readonly burst: number;
  /** Calls a chat regains per second once the burst is spent. */
  readonly perSecond: number;
}

/**
 * Keeps each chat within Telegram's per-chat rate (about one message a second, short bursts allowed)
 * as a token bucket: a call with a token left goes out at once, one without waits its turn. A
 * message made over BACKLOG_AFTER_MS before it reaches here (MADE_AT: one held by an outage or a
 * blocked bot, a retry, one a previous run left) is backlog: it waits behind every fresh call, so a
 * reply or a new alert never queues behind hours of old messages, and the backlog goes newest first.
 *
 * This replaces @grammyjs/transformer-throttler. Its scheduler costs 5–10 ms on every call even when
 * nothing is throttled (timer-based yields, measured by `npm run bench`); for a security alert that is
 * pure delay, while this bucket adds nothing until the rate is actually reached.
 */
/**
 * When the message in a call was made (ms since the epoch), for messages that may wait (the outbox's).
 * A symbol, so it travels with the payload through the transformers and is never sent to Telegram.
 */
export const MADE_AT = Symbol('madeAt');

/** A message made longer ago than this when it reaches the rate limit is backlog (ms). */
export const BACKLOG_AFTER_MS = 2_000;

export function chatRateLimit(options: ChatRateLimitOptions, now: () => number = Date.now): Transformer {
  const buckets = new Map<string, Bucket>();

  const refill = (b: Bucket): void => {
    const t = now();
    b.tokens = Math.min(options.burst, b.tokens + ((t - b.at) / 1000) * options.perSecond);
    b.at = t;
  };

  /** A waiting call is fresh unless its message was made over BACKLOG_AFTER_MS ago, judged when served. */
  const isFresh = (w: Waiter): boolean => w.madeAt === undefined || now() - w.madeAt <= BACKLOG_AFTER_MS;

  /** The next call to serve: the first fresh one in arrival order, else the newest message of the backlog. */
  const pick = (b: Bucket): Waiter | undefined => {
    const fresh = b.waiting.findIndex(isFresh);
    if (fresh >= 0) return b.waiting.splice(fresh, 1)[0];
    let newest = 0;
    b.waiting.forEach((w, i) => {
      if ((w.madeAt ?? 0) > (b.waiting[newest]!.madeAt ?? 0)) newest = i;
    });
    return b.waiting.splice(newest, 1)[0];
  };

  /** Hands out the tokens there are, then sleeps until the next one. */
  const serve = (b: Bucket): void => {
    b.timer = undefined;
    refill(b);
    while (b.tokens >= 1 && b.waiting.length > 0) {
      b.tokens -= 1;
      pick(b)!.go();
    }
    if (b.waiting.length > 0) b.timer = setTimeout(() => serve(b), ((1 - b.tokens) / options.perSecond) * 1000);
  };

  const refund = (chat: string): void => {
    const b = buckets.get(chat);
    if (!b) return;
    refill(b);
    b.tokens = Math.min(options.burst, b.tokens + 1);
    if (b.waiting.length > 0 && b.tokens >= 1) {
      clearTimeout(b.timer);
      serve(b);
    }
  };

  /** Resolves when this chat may make one more call. */
  const take = (chat: string, madeAt: number | undefined): Promise<void> => {
    let b = buckets.get(chat);
    if (!b) buckets.set(chat, (b = { tokens: options.burst, at: now(), waiting: [], timer: undefined }));
    const bucket = b;
    refill(bucket);
    if (bucket.waiting.length === 0 && bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((go) => {
      bucket.waiting.push({ madeAt, go });
      if (!bucket.timer) serve(bucket);
    });
  };

  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    const madeAt = (payload as { [MADE_AT]?: number } | undefined)?.[MADE_AT];
    // Telegram's per-chat limit is about sending messages. Edits get a bucket of their own, so filling
    // in an alert's details can never hold back the next alert; so do deletions (of a message holding
    // an authenticator code), which must not hold back the answer to it.
    const chat = chatId === undefined ? undefined : method.startsWith('edit') ? `${String(chatId)}:edit` : method === 'deleteMessage' ? `${String(chatId)}:delete` : String(chatId);
    if (chat === undefined) return prev(method, payload, signal);
    await take(chat, madeAt);
    // A call that never reached Telegram (network failure, 5xx) sent nothing: its token is given back,
    // so the tries made during an outage do not make the first reply after it wait.
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok && result.error_code >= 500) refund(chat);
      return result;
    } catch (err) {
      refund(chat);
      throw err;
    }
  };
}

interface Waiter {
  /** When the call's message was made (MADE_AT); none: a reply, always fresh. */
  readonly madeAt: number | undefined;
  readonly go: () => void;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
  /** Calls waiting for a token, in arrival order; `pick` chooses which goes next. */
  waiting: Waiter[];
  timer: NodeJS.Timeout | undefined;
}
