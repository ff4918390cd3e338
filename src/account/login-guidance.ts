import { utcTime } from '../domain/time';
import { endingAllowedAt } from '../domain/fresh-session';

/**
 * What `npm run login` and `npm run setup` tell the owner before anything is sent to Telegram.
 * Logging in is the riskiest moment: a brand-new session from a server is what Telegram's anti-fraud
 * looks at, and owners of other unofficial clients report being logged out of every device.
 */
export const LOGIN_SAFETY: readonly string[] = [
  'Before you log in:',
  '  - Prefer the QR code: on your phone, open Telegram > Settings > Devices > Link Desktop Device. The new login is then',
  '    approved from a device Telegram already knows, and no login code is ever typed on this server.',
  '  - Use your own api_id and api_hash (my.telegram.org > API development tools), not ones copied from another project:',
  '    values shared by many programs are what Telegram watches for abuse.',
  "  - Telegram's anti-fraud may check a brand-new session like this one. Keep your phone at hand to confirm the login",
  '    if Telegram asks, and check Settings > Devices afterwards: the companion is listed as "session-warden".',
];

/** Why the QR code is offered first, in one line for the method question. */
export const QR_CHOICE = 'Scan a QR code with the Telegram app on your phone (recommended: approved from your phone, no code typed here)';
export const PHONE_CHOICE = 'Type the phone number and the login code';

/** Said once the account recommends its own api_id (the setup step that asks for it). */
export const OWN_API_ID =
  "Use your own app's api_id and api_hash, not ones copied from another project: values shared by many programs are what Telegram watches for abuse.";

/**
 * The 24-hour window, said right after a fresh login made at `loggedInAtMs` (epoch milliseconds):
 * until then the bot lists sessions and alerts, but Telegram refuses to let it end any.
 */
export function endingWindowNote(loggedInAtMs: number): string {
  const allowedAt = utcTime(endingAllowedAt(Math.floor(loggedInAtMs / 1000)));
  return (
    `Telegram lets a new session end other sessions only 24 hours after it logged in: session-warden can end sessions from ${allowedAt}. ` +
    'Until then it lists sessions and sends alerts, and any attempt to end one explains the wait.'
  );
}
