import { request } from './http';

/** The URL that tells the monitor "down" at once: healthchecks.io's `/fail`, or Uptime Kuma's `status=down`. */
export function failUrl(url: string): string {
  const u = new URL(url);
  // Uptime Kuma's push URL carries its state in the query (`?status=up&msg=OK`): down is `status=down`.
  if (u.searchParams.has('status')) {
    u.searchParams.set('status', 'down');
    if (u.searchParams.has('msg')) u.searchParams.set('msg', 'session-warden cannot watch the account');
    return u.toString();
  }
  // healthchecks.io and the monitors that copy it: the same URL with /fail.
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/fail`;
  return u.toString();
}

/** One heartbeat GET (HEARTBEAT_URL, or its /fail form); rejects when the monitor did not take it. */
export function pingHeartbeat(url: string, timeoutMs = 10_000): Promise<void> {
  return request({ method: 'GET', url, timeoutMs });
}
