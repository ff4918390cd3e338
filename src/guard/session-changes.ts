import { norm } from '../domain/fingerprint';
import type { ChangeKind, SessionTrace } from '../domain/session-change';

/** Asleep means not active for this long (seconds): a session file lying unused on a disk. */
export const ASLEEP_SECONDS = 30 * 86_400;

/** What is known of a session before this check: its last trace, when that was read, the countries it was seen in. */
export interface SessionPast {
  readonly trace: SessionTrace;
  /** Unix seconds: when the trace was read. */
  readonly checkedAt: number;
  readonly countries: ReadonlySet<string>;
}

const sameText = (a: string, b: string): boolean => norm(a) === norm(b);

/**
 * The changes in one session between its last check and now, in a fixed order. Pure, no words.
 *
 * - moved: a known country in the past, and the country now is not among them (an unknown, empty
 *   country never counts). An IP or region change inside a known country is no move: mobile
 *   networks do that all day;
 * - changed hands: device model, platform, api_id or app name differ. An honest client never
 *   changes these for its session; app and system version updates do not count;
 * - woke up: its date_active was over ASLEEP_SECONDS old when last checked, and now it is not.
 *
 * `nowSec` is the unix second of this check.
 */
export function changesOf(past: SessionPast | undefined, now: SessionTrace, nowSec: number): ChangeKind[] {
  if (!past) return [];
  const kinds: ChangeKind[] = [];
  const before = past.trace;
  const knownCountries = [...past.countries].filter((c) => norm(c) !== '');
  if (norm(now.country) !== '' && knownCountries.length > 0 && !knownCountries.some((c) => sameText(c, now.country))) kinds.push('moved');
  if (!sameText(before.deviceModel, now.deviceModel) || !sameText(before.platform, now.platform) || before.apiId !== now.apiId || !sameText(before.appName, now.appName)) {
    kinds.push('changed_hands');
  }
  const wasAsleep = past.checkedAt - before.dateActive > ASLEEP_SECONDS;
  if (wasAsleep && now.dateActive > before.dateActive && nowSec - now.dateActive <= ASLEEP_SECONDS) kinds.push('woke_up');
  return kinds;
}
