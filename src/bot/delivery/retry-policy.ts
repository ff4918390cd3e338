/**
 * The one retry policy for everything the owner must be told, in the chat or outside it: the first
 * retry after FIRST_BACKOFF_MS, doubling up to a ceiling, and a server's own "come back in" (Telegram's
 * retry_after, HTTP's Retry-After) honoured as given.
 */
export const FIRST_BACKOFF_MS = 500;
/** Longest wait between two tries while a server is unreachable or failing (ms). */
export const MAX_BACKOFF_MS = 10_000;

/** Backoff state for one message or queue: `next()` is the wait before the coming try (ms). */
export function backoff(first: number = FIRST_BACKOFF_MS, max: number = MAX_BACKOFF_MS) {
  let current = first;
  return {
    /** The wait to use now; the one after is twice as long, up to `max`. */
    next(): number {
      const wait = current;
      current = Math.min(max, current * 2);
      return wait;
    },
    reset(): void {
      current = first;
    },
  };
}

/** The wait before the next try: the server's own when it gave one, else the backoff's. */
export function waitFor(serverSaysMs: number | undefined, b: { next(): number }): number {
  const own = b.next();
  return serverSaysMs ?? own;
}

/** Logged on the 1st, 2nd, 4th, 8th... try: a long outage must not flood the log. */
export const worthLogging = (tries: number): boolean => (tries & (tries - 1)) === 0;
