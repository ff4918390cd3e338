import type { Logger } from '../core/log';

export interface HeartbeatDeps {
  /** One GET of a monitor URL; rejects when the monitor did not take it. */
  readonly ping: (url: string) => Promise<void>;
  /** HEARTBEAT_URL. */
  readonly url: string;
  /** The URL that says "down" at once (HEARTBEAT_URL + /fail). */
  readonly failUrl: string;
  /** HEARTBEAT_INTERVAL in ms. */
  readonly intervalMs: number;
  /** Whether the guard can watch right now (canWatch in companion-health.ts). */
  readonly canWatch: () => boolean;
  readonly log: Logger;
  /** How often the guard's state is looked at (ms); by default the interval, at most 5 s. */
  readonly checkEveryMs?: number;
  readonly now?: () => number;
}

/** What /status shows of the heartbeat. */
export interface HeartbeatState {
  readonly intervalMs: number;
  /** The last ping the monitor took (ms since epoch). */
  readonly lastPingAt: number | undefined;
  /** Since when pinging stopped because the guard cannot watch (ms since epoch). */
  readonly pausedSince: number | undefined;
}

/**
 * A dead-man's switch: pings `url` every `intervalMs` while the guard can watch. When it cannot, the
 * fail URL is fetched once and pinging stops, so the monitor raises its alarm now rather than after
 * its grace time; pinging resumes (at once) when the guard can watch again. A stopped process pings
 * nothing, and the monitor's missing ping is the alarm. Returns the state and a stop function.
 */
export function startHeartbeat(d: HeartbeatDeps) {
  const now = d.now ?? Date.now;
  let lastTry: number | undefined;
  let lastPingAt: number | undefined;
  let pausedSince: number | undefined;
  let failTold = false;
  let busy = false;

  async function send(url: string, what: 'ping' | 'fail'): Promise<boolean> {
    try {
      await d.ping(url);
      return true;
    } catch (err) {
      d.log.warn({ why: (err as Error).message, what }, 'the heartbeat monitor did not take a ping');
      return false;
    }
  }

  async function tick(): Promise<void> {
    const at = now();
    if (d.canWatch()) {
      if (pausedSince !== undefined) {
        d.log.info('the guard can watch again; the heartbeat resumes');
        pausedSince = undefined;
        failTold = false;
        lastTry = undefined;
      }
      if (lastTry !== undefined && at - lastTry < d.intervalMs) return;
      lastTry = at;
      if (await send(d.url, 'ping')) lastPingAt = now();
      return;
    }
    if (pausedSince === undefined) {
      pausedSince = at;
      d.log.warn('the guard cannot watch; the heartbeat stops and tells the monitor');
    }
    // Told once; a /fail the monitor did not take is tried again at the next check.
    if (!failTold) failTold = await send(d.failUrl, 'fail');
  }

  const run = (): void => {
    if (busy) return;
    busy = true;
    void tick().finally(() => (busy = false));
  };
  const timer = setInterval(run, d.checkEveryMs ?? Math.min(5000, d.intervalMs));
  timer.unref();
  run();
  return {
    state: (): HeartbeatState => ({ intervalMs: d.intervalMs, lastPingAt, pausedSince }),
    stop: (): void => clearInterval(timer),
  };
}

export type Heartbeat = ReturnType<typeof startHeartbeat>;
