import { InlineKeyboard } from 'grammy';
import { formatSessionHash } from '../../domain/session-hash';
import { byWebActivity, type WebSession } from '../../domain/web-session';
import { clip, escapeHtml } from '../text/html';
import { MESSAGE_LIMIT } from './session-pages';
import { ownerClock } from '../text/owner-clock';
import { wordsOf, type Speech } from '../text/i18n';
import { buttonData } from '../buttons/buttons';

const orDash = (s: string): string => (s.trim() === '' ? '—' : s);

/**
 * "example.org via @example_bot (Firefox, Linux)": how a web login is named. Plain text; in
 * `speech`'s language, or in English without one (the audit log).
 */
export function describeWebSession(w: WebSession, speech?: Speech): string {
  const vars = { domain: clip(orDash(w.domain), 48), bot: clip(w.bot, 40), browser: clip(orDash(w.browser), 32), platform: clip(orDash(w.platform), 32) };
  if (speech) return wordsOf(speech)('web-session-name', vars);
  return `${vars.domain} via ${vars.bot} (${vars.browser}, ${vars.platform})`;
}

/** One web login as an HTML card, in `speech`'s language; every field cleaned and clipped. */
export function webSessionCard(w: WebSession, index: number, nowMs: number, speech: Speech): string {
  const t = wordsOf(speech);
  const clock = ownerClock(speech.locale, speech.i18n.timeZone);
  const e = (s: string, max?: number): string => escapeHtml(clip(orDash(s), max));
  return [
    t('web-card-title', { index, domain: e(w.domain, 48), bot: e(w.bot, 40) }),
    t('web-card-device', { browser: e(w.browser, 40), platform: e(w.platform, 32), ip: e(w.ip, 45), region: e(w.region, 48) }),
    t('web-card-times', { created: clock.ago(w.dateCreated, nowMs), active: clock.ago(w.dateActive, nowMs) }),
    t('hash-line', { hash: formatSessionHash(w.hash) }),
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
export function webSessionList(sessions: readonly WebSession[], nowMs: number, speech: Speech): WebSessionList {
  const t = wordsOf(speech);
  const sorted = [...sessions].sort(byWebActivity);
  const keyboard = new InlineKeyboard();
  if (sorted.length === 0) {
    return { text: t('web-none'), keyboard: undefined };
  }
  const parts = [t('web-header', { count: sorted.length })];
  let size = parts[0]!.length;
  let shown = 0;
  for (const [i, w] of sorted.entries()) {
    const card = webSessionCard(w, i + 1, nowMs, speech);
    if (size + card.length + 2 > MESSAGE_LIMIT - 200) break;
    parts.push(card);
    size += card.length + 2;
    shown++;
    keyboard.text(t('web-end-button', { index: i + 1, domain: clip(w.domain, 24) }), buttonData('we', w.hash)).row();
  }
  if (shown < sorted.length) parts.push(t('web-more', { count: sorted.length - shown }));
  keyboard.text(t('web-end-all-button'), buttonData('wa'));
  return { text: parts.join('\n\n'), keyboard };
}
