import { InlineKeyboard } from 'grammy';
import { byLastActivity, type Session } from '../../domain/session';
import { formatSessionHash } from '../../domain/session-hash';
import { FIELD_MAX } from './field';
import { clip } from './html';
import { clampPage, pageArrows, pageBlocks } from './pages';
import type { SessionRisk } from '../../guard/session-risk';
import { sessionCard } from './session-card';
import { LIMITS } from '../telegram-limits';

/** Telegram's limit is 4096 characters after entity parsing; raw HTML is never shorter, so counting it is safe. */
export const MESSAGE_LIMIT = LIMITS.message;
const MAX_PER_PAGE = 8;

export interface SessionPage {
  readonly text: string;
  readonly keyboard: InlineKeyboard;
}

/** Splits sessions into pages that each fit one message, most recently active first. `risk` flags each card as the alerts do. */
export function paginateSessions(sessions: readonly Session[], nowMs: number, risk?: SessionRisk): string[][] {
  const cards = [...sessions].sort(byLastActivity).map((s, i) => sessionCard(s, i + 1, nowMs, risk ? { risk } : {}));
  return pageBlocks(cards, MAX_PER_PAGE, undefined, '\n\n');
}

/**
 * Page `n` of the session list, with an End button per session (except the companion's) and page
 * arrows. `risk` (sessionRisk) adds the flags that need stored state, such as "trusted device, new country".
 */
export function sessionPage(sessions: readonly Session[], requested: number, nowMs: number, risk?: SessionRisk): SessionPage {
  const sorted = [...sessions].sort(byLastActivity);
  const pages = paginateSessions(sorted, nowMs, risk);
  const total = Math.max(pages.length, 1);
  const n = clampPage(requested, total);
  const first = pages.slice(0, n).reduce((count, p) => count + p.length, 0);
  const onPage = sorted.slice(first, first + (pages[n]?.length ?? 0));

  const header =
    sorted.length === 0
      ? '<b>No active sessions.</b>'
      : `<b>Active sessions: ${sorted.length}</b>${total > 1 ? ` (page ${n + 1}/${total})` : ''}\nMost recently active first.`;
  const keyboard = new InlineKeyboard();
  onPage.forEach((s, i) => {
    if (s.current) return;
    keyboard.text(`End #${first + i + 1} ${clip(s.deviceModel, FIELD_MAX.button)}`, `se:${formatSessionHash(s.hash)}`).row();
  });
  pageArrows(keyboard, n, total, (k) => `sp:${k}`);
  return { text: [header, ...(pages[n] ?? [])].join('\n\n'), keyboard };
}
