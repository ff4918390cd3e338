import { GrammyError, type Api, type Transformer } from 'grammy';

/**
 * Telegram hands updates to one long poll per bot token: a newer getUpdates ends the older one with
 * 409 "terminated by other getUpdates request". Two copies of session-warden with one token would
 * take turns ending each other's polls, each restarting (pm2) and alerting every login twice.
 *
 * The rule here: the copy already running holds on (it polls again after POLL_AGAIN_MS and never
 * stops on the 409), and a starting copy listens first (`anotherCopyPolls`): if its own probe is
 * ended by the running copy's next poll, it stops before it polls for real or alerts.
 */
export const POLL_AGAIN_MS = 250;
/** Long enough for the running copy's poll-again to reach Telegram, on a slow link too. */
export const PROBE_SECONDS = 1;

const isConflict = (r: { ok: boolean; error_code?: number; description?: string }): boolean =>
  !r.ok && r.error_code === 409 && /terminated by other getUpdates/i.test(r.description ?? '');

const pause = (ms: number, signal?: Parameters<Transformer>[3]): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * The running copy's side, as an API transformer: a getUpdates ended by another copy's poll is
 * polled again instead of stopping the bot. `onFight` is called once when that happens again and
 * again (another copy that does not give way): the owner must hear of it, once.
 */
export function holdPolling(onFight: () => void, now: () => number = Date.now): Transformer & { arm(): void } {
  let armed = false;
  let told = false;
  let recent: number[] = [];
  const transformer = (async (prev, method, payload, signal) => {
    for (;;) {
      const result = await prev(method, payload, signal);
      if (!armed || method !== 'getUpdates' || !isConflict(result) || signal?.aborted) return result;
      recent = [...recent.filter((t) => now() - t < 60_000), now()];
      if (recent.length >= 3 && !told) {
        told = true;
        onFight();
      }
      await pause(POLL_AGAIN_MS, signal);
    }
  }) as Transformer & { arm(): void };
  // Armed once start-up's own probe is done: the probe must see its 409, not retry it.
  transformer.arm = () => void (armed = true);
  return transformer;
}

/**
 * The starting copy's side: one short getUpdates (without an offset, so nothing is confirmed). If a
 * running copy polls again meanwhile, this probe is the one ended with 409: another copy runs.
 */
export async function anotherCopyPolls(api: Api, seconds = PROBE_SECONDS): Promise<boolean> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const updates = await api.getUpdates({ timeout: Math.max(1, Math.ceil((until - Date.now()) / 1000)), limit: 1 });
      // Updates waiting: the call returned at once without waiting; look again shortly.
      if (updates.length > 0) await pause(200);
    } catch (err) {
      if (err instanceof GrammyError && err.error_code === 409 && /terminated by other getUpdates/i.test(err.description)) return true;
      // Anything else (a webhook still set, the Bot API unreachable) says nothing about another copy;
      // bot.start() handles it as it would without the probe (it deletes a webhook, say).
      return false;
    }
  }
  return false;
}
