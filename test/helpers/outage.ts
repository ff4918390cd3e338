import type { CallRecord } from '../../src/emulator/botapi';
import { sleep, type World } from './world';

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
