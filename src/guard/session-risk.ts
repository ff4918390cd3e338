// guard/ — decisions about the account, with no grammY and no words: risk, trust, health, denials.
import type { SeenCountries } from '../db/seen-countries';
import type { TrustedDevices } from '../db/trusted-devices';
import type { Session } from '../domain/session';
import { fingerprintOf } from '../domain/fingerprint';
import { riskFlags, type RiskFlag } from './risk-flags';

/**
 * riskFlags with the countries vouched for the session's device, when that device is trusted:
 * the form the alerts and /sessions use. For a whole list, `forList()` reads the trusted list once:
 * asking the database per session cost a 200-session /sessions about 2 ms (CPU profile of the bench).
 */
export function sessionRisk(trusted: TrustedDevices, seen: SeenCountries) {
  const judge = (isTrusted: (s: Session) => boolean) => (s: Session, nowMs: number): RiskFlag[] =>
    riskFlags(s, nowMs, isTrusted(s) ? seen.of(s) : undefined);
  const risk = judge((s) => trusted.isTrusted(s));
  /** The same judgement over one list: the trusted fingerprints are read once, for all its sessions. */
  const forList = () => {
    const fingerprints = new Set(trusted.list().map((d) => d.fingerprint));
    return judge((s) => fingerprints.has(fingerprintOf(s)));
  };
  return Object.assign(risk, { forList });
}

export type SessionRisk = (s: Session, nowMs: number) => RiskFlag[];
