/** The inline buttons a recorded Bot API call carried (sendMessage or editMessageText). */
export const buttonsOf = (call: { params: Record<string, unknown> }): Array<{ text: string; data: string }> =>
  ((call.params.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } | undefined)?.inline_keyboard ?? [])
    .flat()
    .map((b) => ({ text: b.text, data: b.callback_data }));
