import { HttpError, type Transformer } from 'grammy';

export interface BoundedRetryOptions {
  /** Retries after the first try. */
  readonly retries: number;
  /** No single wait is longer than this (ms); a longer retry_after is handed back to the caller. */
  readonly maxDelayMs: number;
  /** Waits between tries (tests record them instead). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Retries a Bot API call a few times on 429 (waiting retry_after), 5xx and network errors, with
 * waits that double from 0.5 s up to `maxDelayMs`, then hands the failure back. It replaces
 * @grammyjs/auto-retry, which retries network errors without end, doubling the wait up to an hour:
 * a Bot API outage of 50 s then delayed everything by 40 s more after it ended.
 *
 * getUpdates passes straight through: grammY's polling loop retries it every 3 s by itself, so
 * commands are answered within seconds of the Bot API coming back. The outbox owns longer retries.
 */
export function boundedRetry(options: BoundedRetryOptions): Transformer {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async (prev, method, payload, signal) => {
    if (method === 'getUpdates') return prev(method, payload, signal);
    let delay = 500;
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= options.retries;
      let wait = delay;
      try {
        const result = await prev(method, payload, signal);
        if (result.ok || last) return result;
        const retryAfterMs = (result.parameters?.retry_after ?? Number.NaN) * 1000;
        if (retryAfterMs <= options.maxDelayMs) wait = retryAfterMs;
        else if (!(result.error_code >= 500)) return result;
      } catch (err) {
        if (!(err instanceof HttpError) || last || signal?.aborted) throw err;
      }
      await sleep(wait);
      delay = Math.min(options.maxDelayMs, delay * 2);
    }
  };
}
