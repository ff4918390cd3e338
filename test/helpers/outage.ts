import type { CallRecord } from '../../sandbox/emulator/botapi';
import { OWNER, sleep, type World } from './world';

export const isAlert = (c: CallRecord): boolean => c.method === 'sendMessage' && c.ok && String(c.params.text).startsWith('🚨');

/** Successful alert sends that name this hash. */
export const alertsFor = (w: World, hash: bigint): CallRecord[] =>
  w.botApi.calls.filter((c) => isAlert(c) && String(c.params.text).includes(hash.toString()));

/**
 * The Bot API refuses connections for `ms` while `during` runs, then answers again. Resolves with the
 * moment it came back (ms since epoch), for "within N s of recovery" checks.
 */
export async function outage(w: World, ms: number, during: () => Promise<void> | void): Promise<number> {
  await w.botApi.setReachable(false);
  const started = Date.now();
  await during();
  await sleep(Math.max(0, ms - (Date.now() - started)));
  await w.botApi.setReachable(true);
  return Date.now();
}

/**
 * The outage scenario of issue 9: the Bot API refuses connections for `ms` while a login is pushed
 * for each of `hashes` and the owner sends /help. Returns how long after recovery the /help reply and
 * each alert arrived (ms), and how many times each alert was delivered.
 */
export async function outageWithLogins(w: World, ms: number, hashes: readonly bigint[]) {
  let helpMark = 0;
  const back = await outage(w, ms, async () => {
    for (const [i, hash] of hashes.entries()) {
      w.mt.pushNewAuthorization({ hash, unconfirmed: true, device: `Phone ${i}`, location: 'Lima, Peru' });
      await sleep(300);
    }
    helpMark = w.botApi.calls.length;
    w.botApi.injectMessage({ from: OWNER, text: '/help' });
  });
  const help = await w.next(helpMark, 'sendMessage', (c) => String(c.params.text).includes('/revokeall'), 15_000);
  const alertsAfterMs: number[] = [];
  for (const hash of hashes) {
    const alert = await w.botApi.waitForCall('sendMessage', (c) => isAlert(c) && String(c.params.text).includes(hash.toString()), { timeoutMs: 15_000 });
    alertsAfterMs.push(alert.at - back);
  }
  await sleep(1500);
  return { helpAfterMs: help.at - back, alertsAfterMs, deliveries: hashes.map((h) => alertsFor(w, h).length) };
}
