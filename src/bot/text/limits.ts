/** Telegram's limits (Bot API: sendMessage, InlineKeyboardButton). Lengths are in UTF-16 units, as Telegram counts them. */
export const LIMITS = {
  /** Text of a message, after entity parsing. */
  message: 4096,
  /** callback_data, in bytes. */
  callbackDataBytes: 64,
  /** A button's label; Telegram cuts longer ones, we keep them short enough to read. */
  buttonText: 64,
  buttonsPerRow: 8,
  buttons: 100,
  /** answerCallbackQuery's text. */
  answer: 200,
} as const;
