import { byLastActivity, type Session } from '../../domain/session';
import { formatSessionHash } from '../../domain/session-hash';
import { riskFlags } from '../../guard/risk-flags';
import type { SessionRisk } from '../../guard/session-risk';
import { field, FIELD_MAX } from '../text/field';
import { escapeHtml } from '../text/html';
import { riskLine } from './risk-line';
import { wordsOf, type Speech } from '../text/i18n';
import { ownerClock } from '../text/owner-clock';

const orDash = (s: string, max: number): string => field(s, max) || '—';
const h = (s: string, max: number): string => escapeHtml(orDash(s, max));

/** "Madrid, Spain": region first, then country, the one order used for places everywhere. */
export function place(region: string, country: string): string {
  return [field(region, FIELD_MAX.place), field(country, FIELD_MAX.place)].filter((p) => p !== '').join(', ');
}

/** The number a session has everywhere (cards, End buttons, confirmations): its rank, most recently active first, from 1. */
export function sessionOrdinal(sessions: readonly Session[], hash: bigint): number | undefined {
  const i = [...sessions].sort(byLastActivity).findIndex((s) => s.hash === hash);
  return i < 0 ? undefined : i + 1;
}

/**
 * "iPhone 15, Telegram iOS 10.2, Berlin, Germany (203.0.113.7)": how a session is named in replies,
 * in `speech`'s language, and without `speech` in English, as the audit log keeps it. Plain text.
 */
export function describeSession(s: Session, speech?: Speech): string {
  const t = speech ? wordsOf(speech) : (key: string) => ENGLISH_GAPS[key] ?? key;
  const device = orDash(s.deviceModel, FIELD_MAX.device);
  const app = field(`${s.appName} ${s.appVersion}`, FIELD_MAX.app) || t('session-unknown-app');
  return `${device}, ${app}, ${place(s.region, s.country) || t('session-unknown-place')} (${field(s.ip, FIELD_MAX.ip) || t('session-no-ip')})`;
}

/** The audit log's words for missing fields: log data stays English whatever the owner reads. */
const ENGLISH_GAPS: Readonly<Record<string, string>> = {
  'session-unknown-app': 'unknown app',
  'session-unknown-place': 'unknown place',
  'session-no-ip': 'no IP',
};

/** Optional lines other parts add to a card (risk flags, "this guard"); each is one line of HTML. */
export interface CardExtras {
  readonly flags?: readonly string[];
  /**
   * The risk flags as the alerts compute them (sessionRisk: with the countries seen for a trusted
   * device). Without it, only what the session itself shows is flagged, never "new country".
   */
  readonly risk?: SessionRisk;
}

/** One session as HTML in `speech`'s language: who, where, when, what Telegram says about it, and its full hash. Every field on its own line. */
export function sessionCard(s: Session, index: number, nowMs: number, speech: Speech, extras: CardExtras = {}): string {
  const t = wordsOf(speech);
  const clock = ownerClock(speech.locale, speech.i18n.timeZone);
  const flags = [
    s.current ? t('session-flag-companion') : '',
    s.passwordPending ? t('session-flag-password-pending') : '',
    s.unconfirmed ? t('session-flag-unconfirmed') : '',
    ...(extras.flags ?? []),
  ].filter(Boolean);
  const official = s.officialApp ? t('app-official') : t('app-unofficial', { apiId: String(s.apiId) });
  return [
    t('session-card-title', { index, device: h(s.deviceModel, FIELD_MAX.device) }),
    t('session-card-system', { platform: h(s.platform, FIELD_MAX.platform), system: h(s.systemVersion, FIELD_MAX.version) }),
    t('app-line', { app: h(`${s.appName} ${s.appVersion}`, FIELD_MAX.app), official }),
    t('session-card-ip', { ip: h(s.ip, FIELD_MAX.ip) }),
    t('session-card-place', { place: escapeHtml(place(s.region, s.country) || '—') }),
    t('session-card-times', { created: clock.ago(s.dateCreated, nowMs), active: clock.ago(s.dateActive, nowMs) }),
    ...flags,
    ...riskLine((extras.risk ?? riskFlags)(s, nowMs), speech),
    t('hash-line', { hash: formatSessionHash(s.hash) }),
  ].join('\n');
}
