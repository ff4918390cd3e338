import { InlineKeyboard } from 'grammy';
import { byLastActivity, type Session } from '../../domain/session';
import { FIELD_MAX } from '../text/field';
import { clip } from '../text/html';
import { clampPage, pageArrows, pageBlocks } from '../text/pages';
import type { SessionRisk } from '../../guard/session-risk';
import { sessionCard } from './session-card';
import { LIMITS } from '../text/limits';
import { wordsOf, type Speech } from '../text/i18n';
import { buttonData } from '../buttons/buttons';

/** Telegram's limit is 4096 characters after entity parsing; raw HTML is never shorter, so counting it is safe. */
export const MESSAGE_LIMIT = LIMITS.message;
const MAX_PER_PAGE = 8;

/** Extra 🚩 lines per decimal hash (a session that moved, changed hands or woke up). */
export type SessionMarks = ReadonlyMap<string, readonly string[]>;

export interface SessionPage {
  readonly text: string;
  readonly keyboard: InlineKeyboard;
}

/** Splits sessions into pages that each fit one message, most recently active first. `risk` flags each card as the alerts do. */
export function paginateSessions(sessions: readonly Session[], nowMs: number, speech: Speech, risk?: SessionRisk, marks?: SessionMarks): string[][] {
  const cards = [...sessions].sort(byLastActivity).map((s, i) => sessionCard(s, i + 1, nowMs, speech, { ...(risk ? { risk } : {}), flags: marks?.get(s.hash.toString(10)) ?? [] }));
  return pageBlocks(cards, MAX_PER_PAGE, undefined, '\n\n');
}

/**
 * Page `n` of the session list in `speech`'s language, with an End button per session (except the
 * companion's) and page arrows. `risk` (sessionRisk) adds the flags that need stored state, such as
 * "trusted device, new country".
 */
export function sessionPage(sessions: readonly Session[], requested: number, nowMs: number, speech: Speech, risk?: SessionRisk, marks?: SessionMarks): SessionPage {
  const t = wordsOf(speech);
  const sorted = [...sessions].sort(byLastActivity);
  const pages = paginateSessions(sorted, nowMs, speech, risk, marks);
  const total = Math.max(pages.length, 1);
  const n = clampPage(requested, total);
  const first = pages.slice(0, n).reduce((count, p) => count + p.length, 0);
  const onPage = sorted.slice(first, first + (pages[n]?.length ?? 0));

  const header =
    sorted.length === 0
      ? t('sessions-none')
      : `${t('sessions-header', { count: sorted.length })}${total > 1 ? ` ${t('sessions-page', { page: n + 1, pages: total })}` : ''}\n${t('sessions-order')}`;
  const keyboard = new InlineKeyboard();
  onPage.forEach((s, i) => {
    if (s.current) return;
    keyboard.text(t('sessions-end-button', { index: first + i + 1, device: clip(s.deviceModel, FIELD_MAX.button) }), buttonData('se', s.hash)).row();
  });
  pageArrows(keyboard, n, total, (k) => buttonData('sp', k), t);
  return { text: [header, ...(pages[n] ?? [])].join('\n\n'), keyboard };
}
