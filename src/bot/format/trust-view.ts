import { InlineKeyboard } from 'grammy';
import type { TrustedDevice } from '../../db/trusted-devices';
import type { DeviceFingerprint } from '../../guard/fingerprint';
import { field, FIELD_MAX } from './field';
import { escapeHtml } from './html';
import { clampPage, pageArrows, pageBlocks } from './pages';

const PER_PAGE = 10;

/** "Pixel 8 (Android), Telegram Android, api_id 6": a trusted fingerprint, every field cleaned and clipped. Plain text. */
export function describeDevice(d: DeviceFingerprint): string {
  const device = field(d.deviceModel, FIELD_MAX.device) || 'unknown device';
  const platform = field(d.platform, FIELD_MAX.platform) || 'unknown platform';
  const app = field(d.appName, FIELD_MAX.app) || 'unknown app';
  return `${device} (${platform}), ${app}, api_id ${d.apiId}`;
}

/**
 * Page `requested` of /trust: ten devices at most, each with its Remove button on the same page, so
 * every device can be removed however many there are and however long their names.
 */
export function trustPage(devices: readonly TrustedDevice[], requested: number): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  if (devices.length === 0) {
    return { text: '<b>No trusted devices yet.</b> With guard mode on, every new login would be ended at once.', keyboard: keyboard.text('Add a current session', 'tl') };
  }
  const lines = devices.map((d, i) => `${i + 1}. ${escapeHtml(describeDevice(d))}`);
  const pages = pageBlocks(lines, PER_PAGE);
  const n = clampPage(requested, pages.length);
  const first = pages.slice(0, n).reduce((count, p) => count + p.length, 0);
  devices.slice(first, first + (pages[n]?.length ?? 0)).forEach((d, i) => keyboard.text(`Remove ${first + i + 1}`, `tx:${d.id}:${n}`).row());
  pageArrows(keyboard, n, pages.length, (k) => `tp:${k}`).row();
  keyboard.text('Add a current session', 'tl');
  const header = `<b>Trusted devices: ${devices.length}</b>${pages.length > 1 ? ` (page ${n + 1}/${pages.length})` : ''}\nGuard mode never ends their logins.`;
  return { text: [header, ...(pages[n] ?? [])].join('\n'), keyboard };
}
