import type { InlineKeyboard } from 'grammy';

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
