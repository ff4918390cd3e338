import { request } from './http';

/** The healthchecks.io convention: the same URL with `/fail` appended says "down" at once. */
export function failUrl(url: string): string {
  const u = new URL(url);
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/fail`;
  return u.toString();
}

/** One heartbeat GET (HEARTBEAT_URL, or its /fail form); rejects when the monitor did not take it. */
export function pingHeartbeat(url: string, timeoutMs = 10_000): Promise<void> {
  return request({ method: 'GET', url, timeoutMs });
}
