import type { Api } from 'grammy';
import type { Logger } from '../../core/log';
import type { OwnerNotice } from '../views/owner-notice';

/**
 * The one way to tell the owner something that must not be lost. The outbox (`createOutbox` in
 * src/bot/delivery/outbox.ts, wired in src/main.ts) implements it: a SQLite row until the Bot API accepts it.
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
