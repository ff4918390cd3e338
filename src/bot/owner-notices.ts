import type { Api, InlineKeyboard } from 'grammy';
import type { Logger } from '../log';

/**
 * A message the owner must receive even if the Bot API is down right now: a security alert, a
 * health or storage notice, a report. Built by the bot side from guard events; `text` is Telegram
 * HTML that has already passed the output layer (cleaned fields, within Telegram's limits).
 */
export interface OwnerNotice {
  /** What it is, for the audit log and the logs: `password_off`, `storage_down`, `code_requested`, ... */
  readonly kind: string;
  readonly text: string;
  readonly keyboard?: InlineKeyboard;
  /**
   * Notices with the same key are delivered at most once (a change seen twice is told once); the
   * outbox remembers delivered keys for 7 days.
   */
  readonly key?: string;
}

/**
 * The one way to tell the owner something that must not be lost. The outbox (`createOutbox` in
 * src/bot/outbox.ts, wired in src/main.ts) implements it: a SQLite row until the Bot API accepts it.
 */
export interface OwnerNotices {
  /** Queues a notice and returns at once; delivery is at least once, retried until the Bot API accepts it. */
  notify(notice: OwnerNotice): void;
}

/**
 * One sendMessage, failures only logged: for tests and tools that need an OwnerNotices without a
 * database. The app itself uses the outbox.
 */
export function directNotices(api: Api, ownerId: number, log: Logger): OwnerNotices {
  return {
    notify(n: OwnerNotice): void {
      void api
        .sendMessage(ownerId, n.text, { parse_mode: 'HTML', ...(n.keyboard ? { reply_markup: n.keyboard } : {}) })
        .catch((err: unknown) => log.error({ err, kind: n.kind }, 'could not send a notice to the owner'));
    },
  };
}
