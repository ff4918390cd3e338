import type { Api, Transformer } from 'grammy';

/** While calls fail on the network, one cheap getMe this often tells when the Bot API is back (ms). */
const PROBE_EVERY_MS = 1000;

/**
 * Knows when the Bot API answers again after a network failure, so everything waiting out a
 * backoff can try at once instead of up to a full backoff later. Waiters sleep through `wait()`;
 * any successful call (through `transformer`, installed on bot.api) or the probe wakes them.
 */
export function createReachability(api: Api) {
  /** Waits that end early when the Bot API answers. */
  const napping = new Set<() => void>();
  /** Every wait, including retry_after waits that must not end early: stop() ends them all, so no timer outlives shutdown. */
  const pending = new Set<() => void>();
  let down = 0;
  let probing = false;
  let stopped = false;

  /**
   * Resolves after `ms`, or earlier when `wakeOnReachable` and the Bot API answers something, or at
   * once when stopped: a retry_after of minutes must not keep a stopping process alive.
   */
  const wait = (ms: number, wakeOnReachable: boolean): Promise<void> =>
    new Promise((resolve) => {
      if (stopped) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        napping.delete(done);
        pending.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pending.add(done);
      if (wakeOnReachable) napping.add(done);
    });

  function reachable(): void {
    for (const wake of [...napping]) wake();
  }

  /** One getMe at a time while calls fail on the network, instead of every waiter hammering the API. */
  function probe(): void {
    if (probing || stopped) return;
    probing = true;
    void (async () => {
      while (down > 0 && !stopped) {
        await wait(PROBE_EVERY_MS, true);
        if (down === 0 || stopped) break;
        await api.getMe().then(reachable, () => undefined);
      }
    })().finally(() => (probing = false));
  }

  return {
    wait,
    /** Any answer from the Bot API: every network-failure wait ends now. */
    reachable,
    /** Waits out a network failure (`ms` at most), ending early once the Bot API answers again. */
    async afterNetworkFailure(ms: number): Promise<void> {
      down += 1;
      probe();
      try {
        await wait(ms, true);
      } finally {
        down -= 1;
      }
    },
    transformer: ((prev, method, payload, signal) =>
      prev(method, payload, signal).then((r) => {
        if (down > 0) reachable();
        return r;
      })) as Transformer,
    /** Ends every wait and the probe (shutdown). */
    stop(): void {
      stopped = true;
      for (const end of [...pending]) end();
    },
  };
}
