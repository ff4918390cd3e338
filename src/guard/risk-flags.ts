import type { Session } from '../domain/session';

const IDLE_DAYS = 30;

/**
 * What makes a session worth a second look, as short phrases: an unofficial app, a login still
 * waiting for the 2FA password, a session idle for over 30 days, and for a trusted device a country
 * it never logged in from before. `seenCountries` are the countries seen for the session's trusted
 * fingerprint; undefined when the device is not trusted. Pure: the caller supplies the clock.
 */
export function riskFlags(session: Session, nowMs: number, seenCountries?: ReadonlySet<string>): string[] {
  const flags: string[] = [];
  if (!session.officialApp && !session.current) flags.push(`unofficial app (api_id ${session.apiId})`);
  if (session.passwordPending) flags.push('password_pending: has the code, not yet the 2FA password');
  const idleDays = Math.floor((nowMs / 1000 - session.dateActive) / 86_400);
  if (idleDays > IDLE_DAYS && !session.current) flags.push(`idle for ${idleDays} days`);
  if (seenCountries && seenCountries.size > 0 && session.country !== '' && !seenCountries.has(session.country)) {
    flags.push(`trusted device, new country: ${session.country}`);
  }
  return flags;
}
