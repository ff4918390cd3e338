import { InlineKeyboard } from 'grammy';
import type { TrustedDevice } from '../../db/trusted-devices';
import type { DeviceFingerprint } from '../../domain/fingerprint';
import { field, FIELD_MAX } from '../text/field';
import { escapeHtml } from '../text/html';
import { clampPage, pageArrows, pageBlocks } from '../text/pages';
import { wordsOf, type Speech } from '../text/i18n';
import { buttonData } from '../buttons/buttons';

const PER_PAGE = 10;

/** Words for fields a session left empty: English for the audit log, the owner's language in messages. */
const ENGLISH_UNKNOWN: Record<string, string> = { 'trust-unknown-device': 'unknown device', 'trust-unknown-platform': 'unknown platform', 'session-unknown-app': 'unknown app' };

/**
 * "Pixel 8 (Android), Telegram Android, api_id 6": a trusted fingerprint, every field cleaned and
 * clipped. Plain text; empty fields are named in `speech`'s language, or in English without one (audit log).
 */
export function describeDevice(d: DeviceFingerprint, speech?: Speech): string {
  const t = speech ? wordsOf(speech) : (key: string) => ENGLISH_UNKNOWN[key] ?? key;
  const device = field(d.deviceModel, FIELD_MAX.device) || t('trust-unknown-device');
  const platform = field(d.platform, FIELD_MAX.platform) || t('trust-unknown-platform');
  const app = field(d.appName, FIELD_MAX.app) || t('session-unknown-app');
  return `${device} (${platform}), ${app}, api_id ${d.apiId}`;
}

/**
 * Page `requested` of /trust, in `speech`'s language: ten devices at most, each with its Remove button on the same page, so
 * every device can be removed however many there are and however long their names.
 */
export function trustPage(devices: readonly TrustedDevice[], requested: number, speech: Speech): { text: string; keyboard: InlineKeyboard } {
  const t = wordsOf(speech);
  const keyboard = new InlineKeyboard();
  if (devices.length === 0) {
    return { text: t('trust-none'), keyboard: keyboard.text(t('trust-add-button'), buttonData('tl')) };
  }
  const lines = devices.map((d, i) => `${i + 1}. ${escapeHtml(describeDevice(d, speech))}`);
  const pages = pageBlocks(lines, PER_PAGE);
  const n = clampPage(requested, pages.length);
  const first = pages.slice(0, n).reduce((count, p) => count + p.length, 0);
  devices.slice(first, first + (pages[n]?.length ?? 0)).forEach((d, i) => keyboard.text(t('trust-remove-button', { index: first + i + 1 }), buttonData('tx', { id: d.id, page: n })).row());
  pageArrows(keyboard, n, pages.length, (k) => buttonData('tp', k)).row();
  keyboard.text(t('trust-add-button'), buttonData('tl'));
  const header = `${t('trust-header', { count: devices.length })}${pages.length > 1 ? ` ${t('sessions-page', { page: n + 1, pages: pages.length })}` : ''}\n${t('trust-explain')}`;
  return { text: [header, ...(pages[n] ?? [])].join('\n'), keyboard };
}
