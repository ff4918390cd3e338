import { byLastActivity, type Session } from '../../domain/session';
import { formatSessionHash } from '../../domain/session-hash';
import { riskFlags } from '../../guard/risk-flags';
import type { SessionRisk } from '../../guard/session-risk';
import { field, FIELD_MAX } from './field';
import { escapeHtml } from './html';
import { riskLine } from './risk-line';
import { relativeTime } from './time';

const orDash = (s: string, max: number): string => field(s, max) || '—';
const h = (s: string, max: number): string => escapeHtml(orDash(s, max));

/** "Madrid, Spain": region first, then country, the one order used for places everywhere. */
export function place(region: string, country: string): string {
  return [field(region, FIELD_MAX.place), field(country, FIELD_MAX.place)].filter((p) => p !== '').join(', ');
}

/** The number a session has everywhere (cards, End buttons, confirmations): its rank, most recently active first, from 1. */
export function sessionNumber(sessions: readonly Session[], hash: bigint): number | undefined {
  const i = [...sessions].sort(byLastActivity).findIndex((s) => s.hash === hash);
  return i < 0 ? undefined : i + 1;
}

/** "iPhone 15, Telegram iOS 10.2, Berlin, Germany (203.0.113.7)": how a session is named in replies and the audit log. Plain text. */
export function describeSession(s: Session): string {
  const device = orDash(s.deviceModel, FIELD_MAX.device);
  const app = field(`${s.appName} ${s.appVersion}`, FIELD_MAX.app) || 'unknown app';
  return `${device}, ${app}, ${place(s.region, s.country) || 'unknown place'} (${field(s.ip, FIELD_MAX.ip) || 'no IP'})`;
}

/** Optional lines other parts add to a card (risk flags, "this guard"); each is one line of HTML. */
export interface CardExtras {
  readonly flags?: readonly string[];
  /**
   * The risk flags as the alerts compute them (sessionRisk: with the countries seen for a trusted
   * device). Without it, only what the session itself shows is flagged, never "new country".
   */
  readonly risk?: SessionRisk;
}

/** One session as HTML: who, where, when, what Telegram says about it, and its full hash. Every field on its own line. */
export function sessionCard(s: Session, index: number, nowMs: number, extras: CardExtras = {}): string {
  const flags = [
    s.current ? '🛡 this guard: this is session-warden\'s companion' : '',
    s.passwordPending ? '⚠️ password pending: someone has the login code but not the 2FA password' : '',
    s.unconfirmed ? '⚠️ unconfirmed new login' : '',
    ...(extras.flags ?? []),
  ].filter(Boolean);
  const official = s.officialApp ? 'official app' : `unofficial app, api_id ${s.apiId}`;
  return [
    `<b>#${index} ${h(s.deviceModel, FIELD_MAX.device)}</b>`,
    `System: ${h(s.platform, FIELD_MAX.platform)} ${h(s.systemVersion, FIELD_MAX.version)}`,
    `App: ${h(`${s.appName} ${s.appVersion}`, FIELD_MAX.app)} (${official})`,
    `IP: ${h(s.ip, FIELD_MAX.ip)}`,
    `Place: ${escapeHtml(place(s.region, s.country) || '—')}`,
    `Created ${relativeTime(s.dateCreated, nowMs)} · active ${relativeTime(s.dateActive, nowMs)}`,
    ...flags,
    ...riskLine((extras.risk ?? riskFlags)(s, nowMs)),
    `Hash: <code>${formatSessionHash(s.hash)}</code>`,
  ].join('\n');
}
