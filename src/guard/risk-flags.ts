import type { Session } from '../domain/session';

const IDLE_DAYS = 30;

/**
 * One reason a session is worth a second look. Data, not words: the bot words each flag in the
 * owner's language (src/bot/views/risk-line.ts).
 */
export type RiskFlag =
  /** Not one of Telegram's official apps: its api_id. */
  | { readonly kind: 'unofficial_app'; readonly apiId: number }
  /** Logged in with the code, still waiting for the 2FA password (password_pending). */
  | { readonly kind: 'password_pending' }
  /** No activity for over 30 days: whole days since date_active. */
  | { readonly kind: 'idle'; readonly days: number }
  /** A trusted device in a country never seen for it; the country as Telegram names it (server-chosen text). */
  | { readonly kind: 'new_country'; readonly country: string };

/**
 * What makes a session worth a second look: an unofficial app, a login still waiting for the 2FA
 * password, a session idle for over 30 days, and for a trusted device a country it never logged in
 * from before. `seenCountries` are the countries seen for the session's trusted fingerprint;
 * undefined when the device is not trusted. Pure: the caller supplies the clock (`nowMs`, ms).
 */
export function riskFlags(session: Session, nowMs: number, seenCountries?: ReadonlySet<string>): RiskFlag[] {
  const flags: RiskFlag[] = [];
  if (!session.officialApp && !session.current) flags.push({ kind: 'unofficial_app', apiId: session.apiId });
  if (session.passwordPending) flags.push({ kind: 'password_pending' });
  const idleDays = Math.floor((nowMs / 1000 - session.dateActive) / 86_400);
  if (idleDays > IDLE_DAYS && !session.current) flags.push({ kind: 'idle', days: idleDays });
  if (seenCountries && seenCountries.size > 0 && session.country !== '' && !seenCountries.has(session.country)) {
    flags.push({ kind: 'new_country', country: session.country });
  }
  return flags;
}
