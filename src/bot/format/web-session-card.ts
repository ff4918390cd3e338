import { InlineKeyboard } from 'grammy';
import { formatSessionHash } from '../../domain/session-hash';
import { byWebActivity, type WebSession } from '../../domain/web-session';
import { clip, escapeHtml } from './html';
import { MESSAGE_LIMIT } from './session-pages';
import { relativeTime } from './time';

const orDash = (s: string): string => (s.trim() === '' ? '—' : s);

/** "example.org via @example_bot (Firefox, Linux)": how a web login is named in replies and the audit log. */
export function describeWebSession(w: WebSession): string {
  return `${clip(orDash(w.domain), 48)} via ${clip(w.bot, 40)} (${clip(orDash(w.browser), 32)}, ${clip(orDash(w.platform), 32)})`;
}

export function webSessionCard(w: WebSession, index: number, nowMs: number): string {
  const e = (t: string, max?: number): string => escapeHtml(clip(orDash(t), max));
  return [
    `<b>${index}. ${e(w.domain, 48)}</b> · bot ${e(w.bot, 40)}`,
    `${e(w.browser, 40)} on ${e(w.platform, 32)} · IP ${e(w.ip, 45)} · ${e(w.region, 48)}`,
    `Logged in ${relativeTime(w.dateCreated, nowMs)} · active ${relativeTime(w.dateActive, nowMs)}`,
    `Hash: <code>${formatSessionHash(w.hash)}</code>`,
  ].join('\n');
}

export interface WebSessionList {
  readonly text: string;
  /** None when there is nothing to end: Telegram refuses an empty keyboard row. */
  readonly keyboard: InlineKeyboard | undefined;
}

/**
 * The web logins as one message. Websites are few in practice, so instead of pages the list stops
 * at Telegram's limit and says how many were left out; "End all" still covers those.
 */
export function webSessionList(sessions: readonly WebSession[], nowMs: number): WebSessionList {
  const sorted = [...sessions].sort(byWebActivity);
  const keyboard = new InlineKeyboard();
  if (sorted.length === 0) {
    return { text: '<b>No web sessions.</b>\nNo website is logged in with your Telegram account.', keyboard: undefined };
  }
  const parts = [`<b>Web sessions: ${sorted.length}</b>\nWebsites you logged in to with "Log in with Telegram", most recently active first.`];
  let size = parts[0]!.length;
  let shown = 0;
  for (const [i, w] of sorted.entries()) {
    const card = webSessionCard(w, i + 1, nowMs);
    if (size + card.length + 2 > MESSAGE_LIMIT - 200) break;
    parts.push(card);
    size += card.length + 2;
    shown++;
    keyboard.text(`End #${i + 1} ${clip(w.domain, 24)}`, `we:${formatSessionHash(w.hash)}`).row();
  }
  if (shown < sorted.length) parts.push(`…and ${sorted.length - shown} more that do not fit in one message.`);
  keyboard.text('End all web sessions', 'wa');
  return { text: parts.join('\n\n'), keyboard };
}
