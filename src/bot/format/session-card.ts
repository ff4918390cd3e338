import type { Session } from '../../domain/session';
import { formatSessionHash } from '../../domain/session-hash';
import { riskFlags } from '../../guard/risk-flags';
import { clip, escapeHtml } from './html';
import { riskLine } from './risk-line';
import { relativeTime } from './time';

const orDash = (s: string): string => (s.trim() === '' ? '—' : s);

/** "iPhone 15, Telegram iOS 10.2, Berlin, Germany": how a session is named in replies and the audit log. */
export function describeSession(s: Session): string {
  const device = clip(orDash(s.deviceModel), 40);
  const app = clip(`${s.appName} ${s.appVersion}`.trim() || 'unknown app', 40);
  const place = [s.region, s.country].filter((p) => p.trim() !== '').join(', ') || 'unknown place';
  return `${device}, ${app}, ${clip(place, 40)} (${s.ip || 'no IP'})`;
}

/** One session as HTML: who, where, when, what Telegram says about it, and its full hash. */
export function sessionCard(s: Session, index: number, nowMs: number): string {
  const e = (t: string, max?: number): string => escapeHtml(clip(orDash(t), max));
  const flags = [
    s.current ? '🛡 this guard: this is session-warden\'s companion' : '',
    s.passwordPending ? '⚠️ password pending: someone has the login code but not the 2FA password' : '',
    s.unconfirmed ? '⚠️ unconfirmed new login' : '',
  ].filter(Boolean);
  const official = s.officialApp ? 'official app' : `unofficial app, api_id ${s.apiId}`;
  return [
    `<b>${index}. ${e(s.deviceModel)}</b> · ${e(s.platform, 32)} ${e(s.systemVersion, 32)}`,
    `App: ${e(`${s.appName} ${s.appVersion}`)} (${official})`,
    `IP ${e(s.ip, 45)} · ${e(s.country, 40)}${s.region.trim() ? `, ${e(s.region, 40)}` : ''}`,
    `Created ${relativeTime(s.dateCreated, nowMs)} · active ${relativeTime(s.dateActive, nowMs)}`,
    ...flags,
    ...riskLine(riskFlags(s, nowMs)),
    `Hash: <code>${formatSessionHash(s.hash)}</code>`,
  ].join('\n');
}
