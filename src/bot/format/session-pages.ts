import { InlineKeyboard } from 'grammy';
import { byLastActivity, type Session } from '../../domain/session';
import { formatSessionHash } from '../../domain/session-hash';
import { clip } from './html';
import { sessionCard } from './session-card';

/** Telegram's limit is 4096 characters after entity parsing; raw HTML is never shorter, so this is safe. */
export const MESSAGE_LIMIT = 4096;
const PAGE_BUDGET = MESSAGE_LIMIT - 200;
const MAX_PER_PAGE = 8;

export interface SessionPage {
  readonly text: string;
  readonly keyboard: InlineKeyboard;
}

/** Splits sessions into pages that each fit one message, most recently active first. */
export function paginateSessions(sessions: readonly Session[], nowMs: number): string[][] {
  const cards = [...sessions].sort(byLastActivity).map((s, i) => sessionCard(s, i + 1, nowMs));
  const pages: string[][] = [];
  let page: string[] = [];
  let size = 0;
  for (const card of cards) {
    if (page.length > 0 && (page.length >= MAX_PER_PAGE || size + card.length + 2 > PAGE_BUDGET)) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(card);
    size += card.length + 2;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Page `n` of the session list, with an End button per session (except the companion's) and page arrows. */
export function sessionPage(sessions: readonly Session[], requested: number, nowMs: number): SessionPage {
  const sorted = [...sessions].sort(byLastActivity);
  const pages = paginateSessions(sorted, nowMs);
  const total = Math.max(pages.length, 1);
  const n = Math.min(Math.max(requested, 0), total - 1);
  const first = pages.slice(0, n).reduce((count, p) => count + p.length, 0);
  const onPage = sorted.slice(first, first + (pages[n]?.length ?? 0));

  const header =
    sorted.length === 0
      ? '<b>No active sessions.</b>'
      : `<b>Active sessions: ${sorted.length}</b>${total > 1 ? ` (page ${n + 1}/${total})` : ''}\nMost recently active first.`;
  const keyboard = new InlineKeyboard();
  onPage.forEach((s, i) => {
    if (s.current) return;
    keyboard.text(`End #${first + i + 1} ${clip(s.deviceModel, 20)}`, `se:${formatSessionHash(s.hash)}`).row();
  });
  // With many sessions the first and last pages are one tap away, not twenty.
  if (n > 1) keyboard.text('⏮ First', 'sp:0');
  if (n > 0) keyboard.text('◀ Previous', `sp:${n - 1}`);
  if (n < total - 1) keyboard.text('Next ▶', `sp:${n + 1}`);
  if (n < total - 2) keyboard.text('Last ⏭', `sp:${total - 1}`);
  return { text: [header, ...(pages[n] ?? [])].join('\n\n'), keyboard };
}
