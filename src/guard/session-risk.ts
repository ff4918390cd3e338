import type { SeenCountries } from '../db/seen-countries';
import type { TrustedDevices } from '../db/trusted-devices';
import type { Session } from '../domain/session';
import { riskFlags } from './risk-flags';

/**
 * riskFlags with the countries vouched for the session's device, when that device is trusted:
 * the form the alerts and /sessions use.
 */
export function sessionRisk(trusted: TrustedDevices, seen: SeenCountries) {
  return (s: Session, nowMs: number): string[] => riskFlags(s, nowMs, trusted.isTrusted(s) ? seen.of(s) : undefined);
}

export type SessionRisk = ReturnType<typeof sessionRisk>;
