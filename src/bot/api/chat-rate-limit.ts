import type { Transformer } from 'grammy';

export interface ChatRateLimitOptions {
  /** Calls a chat may take at once. */
  readonly burst: number;
  /** Calls a chat regains per second once the burst is spent. */
  readonly perSecond: number;
}

/**
 * Keeps each chat within Telegram's per-chat rate (about one message a second, short bursts allowed)
 * as a token bucket: a call with a token left goes out at once, one without waits its turn.
 *
 * This replaces @grammyjs/transformer-throttler. Its scheduler costs 5–10 ms on every call even when
 * nothing is throttled (timer-based yields, measured by `npm run bench`); for a security alert that is
 * pure delay, while this bucket adds nothing until the rate is actually reached.
 */
export function chatRateLimit(options: ChatRateLimitOptions, now: () => number = Date.now): Transformer {
  const buckets = new Map<string, Bucket>();

  const refill = (b: Bucket): void => {
    const t = now();
    b.tokens = Math.min(options.burst, b.tokens + ((t - b.at) / 1000) * options.perSecond);
    b.at = t;
  };

  /** Resolves when this chat may make one more call; a chat's waiting calls keep their order. */
  const take = (chat: string): Promise<void> => {
    let b = buckets.get(chat);
    if (!b) buckets.set(chat, (b = { tokens: options.burst, at: now(), queued: 0, tail: Promise.resolve() }));
    const bucket = b;
    refill(bucket);
    if (bucket.queued === 0 && bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return Promise.resolve();
    }
    bucket.queued += 1;
    bucket.tail = bucket.tail.then(async () => {
      refill(bucket);
      if (bucket.tokens < 1) await new Promise((resolve) => setTimeout(resolve, ((1 - bucket.tokens) / options.perSecond) * 1000));
      refill(bucket);
      bucket.tokens -= 1;
      bucket.queued -= 1;
    });
    return bucket.tail;
  };

  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    // Telegram's per-chat limit is about sending messages. Edits get a bucket of their own, so filling
    // in an alert's details can never hold back the next alert; so do deletions (of a message holding
    // an authenticator code), which must not hold back the answer to it.
    if (chatId !== undefined) await take(method.startsWith('edit') ? `${String(chatId)}:edit` : method === 'deleteMessage' ? `${String(chatId)}:delete` : String(chatId));
    return prev(method, payload, signal);
  };
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
  /** Calls waiting for a token; a new call may not overtake them. */
  queued: number;
  tail: Promise<void>;
}
