import { ChannelError, retryAfterMs, HTTP_REFUSED_FOR_GOOD } from './channel';

/** How long one HTTP request may take before it counts as failed (ms): a hanging server must not hold a queue. */
export const HTTP_TIMEOUT_MS = 15_000;

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly timeoutMs?: number;
}

/**
 * One HTTP request with Node's fetch. Resolves on a 2xx; rejects with a ChannelError naming the status
 * (with Retry-After when the server sent one) or the network failure. The URL is never in the message:
 * it may hold a token (a topic, a webhook secret, a ping UUID).
 */
export async function request(r: HttpRequest): Promise<void> {
  let res: Response;
  try {
    res = await fetch(r.url, {
      method: r.method,
      ...(r.headers ? { headers: r.headers } : {}),
      ...(r.body !== undefined ? { body: r.body } : {}),
      signal: AbortSignal.timeout(r.timeoutMs ?? HTTP_TIMEOUT_MS),
      redirect: 'follow',
    });
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string } };
    const why = e.name === 'TimeoutError' ? 'no answer in time' : (e.cause?.code ?? e.name ?? 'network error');
    throw new ChannelError(`the server could not be reached (${why})`, e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? 'network'));
  }
  // Read (and drop) the body so the connection is released.
  await res.arrayBuffer().catch(() => undefined);
  if (res.ok) return;
  const wait = res.status === 429 || res.status === 503 ? retryAfterMs(res.headers.get('retry-after')) : undefined;
  throw new ChannelError(`the server answered ${res.status}`, `http_${res.status}`, wait, HTTP_REFUSED_FOR_GOOD.has(res.status));
}
