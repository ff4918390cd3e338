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
export const POLL_AGAIN_MS = 50;
/** Once the owner has been told of a fight, polling again slows down: no point in a busy loop. */
const FIGHT_POLL_AGAIN_MS = 1000;
/**
 * Long enough for the running copy's poll-again (POLL_AGAIN_MS plus one round trip) to reach
 * Telegram on a slow link, short enough not to hold up start-up: it overlaps the companion's connect.
 */
export const PROBE_MS = 600;

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
      await pause(told ? FIGHT_POLL_AGAIN_MS : POLL_AGAIN_MS, signal);
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
export async function anotherCopyPolls(api: Api, ms = PROBE_MS): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // getUpdates's own timeout is whole seconds; the probe ends sooner by dropping the request.
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), until - Date.now());
    try {
      const updates = await api.getUpdates({ timeout: Math.max(1, Math.ceil(ms / 1000)), limit: 1 }, stop.signal as Parameters<Api["getUpdates"]>[1]);
      // Updates waiting: the call returned at once without waiting; look again shortly.
      if (updates.length > 0) await pause(100);
    } catch (err) {
      if (err instanceof GrammyError && err.error_code === 409 && /terminated by other getUpdates/i.test(err.description)) return true;
      // Anything else (the probe's own end, a webhook still set, the Bot API unreachable) says
      // nothing about another copy; bot.start() handles it as it would without the probe.
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
  return false;
}
