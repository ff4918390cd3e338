import { InlineKeyboard } from 'grammy';
import type { Session } from '../../domain/session';
import { formatSessionHash } from '../../domain/session-hash';
import { field, FIELD_MAX } from '../text/field';
import { escapeHtml } from '../text/html';
import type { OutgoingMessage } from './alert';
import { place } from './session-card';
import { wordsOf, type Speech } from '../text/i18n';

/** One login of a burst alert, as it is now: its number in the alert, and what the owner did about it. */
export interface BurstItem {
  readonly n: number;
  readonly hash: bigint;
  /** From a fresh account.getAuthorizations, or as it was just before the owner ended it; undefined when unknown. */
  readonly session: Session | undefined;
  /** Still logged in now: its End button stays. */
  readonly active: boolean;
  /** "ended", or why ending failed; set once the owner pressed its End button. */
  readonly result?: string;
}

function line(i: BurstItem, t: ReturnType<typeof wordsOf>): string {
  const s = i.session;
  const what = s ? `${escapeHtml(field(s.deviceModel, FIELD_MAX.device) || '—')}, ${escapeHtml(field(s.appName, FIELD_MAX.app) || '—')}, ${escapeHtml(place(s.region, s.country) || '—')}` : t('burst-unknown-device');
  const state = i.result ?? (i.active ? '' : t('burst-no-longer-active'));
  return `${i.n}. ${what}${state ? ` — ${escapeHtml(state)}` : ''} · <code>${formatSessionHash(i.hash)}</code>`;
}

/**
 * A burst alert redrawn after one of its End buttons: every line from the sessions as they are now,
 * and an End button for each login still active, so ending one keeps the others one tap away; in
 * `speech`'s language.
 */
export function burstRedraw(items: readonly BurstItem[], speech: Speech): OutgoingMessage {
  const t = wordsOf(speech);
  const sorted = [...items].sort((a, b) => a.n - b.n);
  const active = sorted.filter((i) => i.active);
  const keyboard = new InlineKeyboard();
  for (const i of active) keyboard.text(t('alert-batch-end-button', { index: i.n }), `ee:${formatSessionHash(i.hash)}`);
  const head = t('burst-redraw-head', { active: active.length, count: sorted.length });
  return { text: [head, '', ...sorted.map((i) => line(i, t))].join('\n'), ...(active.length > 0 ? { keyboard } : {}) };
}
