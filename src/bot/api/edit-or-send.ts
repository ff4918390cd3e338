import type { Transformer } from 'grammy';
import type { Logger } from '../../core/log';

/** Telegram's answers to an edit of a message that is gone or can no longer be edited. */
const GONE = /message to edit not found|message can't be edited|MESSAGE_ID_INVALID/i;

/**
 * A redraw whose message is gone becomes a new message. A button's action has already run (a
 * session ended, a bot disconnected) when its handler redraws the message with the outcome; if
 * the owner deleted that message meanwhile, or Telegram no longer lets it be edited, the outcome
 * must still reach them, not "Something went wrong". Applies to editMessageText only: a keyboard-only
 * edit carries no outcome to tell. Installed for every button press by the callback path.
 */
export function editOrSend(log: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method !== 'editMessageText' || result.ok || result.error_code !== 400 || !GONE.test(result.description)) return result;
    const edit = payload as { chat_id?: number | string; text: string; parse_mode?: string; reply_markup?: unknown };
    if (edit.chat_id === undefined) return result;
    log.info({ description: result.description }, 'the message to redraw is gone; sending its new text as a new message');
    const sent = await prev(
      'sendMessage',
      {
        chat_id: edit.chat_id,
        text: edit.text,
        ...(edit.parse_mode ? { parse_mode: edit.parse_mode } : {}),
        ...(edit.reply_markup ? { reply_markup: edit.reply_markup } : {}),
      } as never,
      signal,
    );
    return sent as typeof result;
  };
}
