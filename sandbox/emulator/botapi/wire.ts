/** Serialisation of stored state into the JSON objects the Bot API returns. */
import type { BotState, StoredMessage } from './state';

export function wireMessage(state: BotState, m: StoredMessage, withReply = true): Record<string, unknown> {
  const out: Record<string, unknown> = { message_id: m.message_id };
  if (m.from !== undefined) out['from'] = { ...m.from };
  if (m.sender_chat !== undefined) out['sender_chat'] = { ...m.sender_chat };
  out['chat'] = { ...m.chat };
  out['date'] = m.date;
  if (m.edit_date !== undefined) out['edit_date'] = m.edit_date;
  if (withReply && m.reply_to_message_id !== undefined) {
    const replied = state.message(m.chat.id, m.reply_to_message_id);
    // The server nests replies one level deep only.
    if (replied !== undefined && !replied.deleted) out['reply_to_message'] = wireMessage(state, replied, false);
  }
  out['text'] = m.text;
  // The server omits empty arrays instead of sending [].
  if (m.entities.length > 0) out['entities'] = m.entities.map((e) => ({ ...e }));
  if (m.reply_markup !== undefined) out['reply_markup'] = structuredClone(m.reply_markup);
  return out;
}
