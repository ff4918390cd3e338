/**
 * reply_markup validation. Only inline keyboards are kept on messages (the
 * server echoes only those back), other keyboard kinds are accepted and dropped.
 */
import { Errors, badRequest } from './errors';

export interface WireButton {
  text: string;
  [action: string]: unknown;
}

export interface WireInlineMarkup {
  inline_keyboard: WireButton[][];
}

const ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
] as const;

const MAX_CALLBACK_DATA_BYTES = 64;

export function callbackDataBytes(data: string): number {
  return Buffer.byteLength(data, 'utf8');
}

/** Returns the inline keyboard to store, or undefined when the message ends up without one. */
export function parseReplyMarkup(raw: unknown): WireInlineMarkup | undefined {
  if (raw === undefined || raw === null) return undefined;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw Errors.replyMarkupParse();
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('object expected as reply markup');
  }
  const obj = value as Record<string, unknown>;
  if (!('inline_keyboard' in obj)) return undefined;
  const rows = obj['inline_keyboard'];
  if (!Array.isArray(rows)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array');
  }
  const keyboard: WireButton[][] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) {
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    }
    const out: WireButton[] = [];
    for (const button of row) out.push(parseButton(button));
    // Empty rows are silently skipped by the server.
    if (out.length > 0) keyboard.push(out);
  }
  if (keyboard.length === 0) return undefined;
  return { inline_keyboard: keyboard };
}

function parseButton(raw: unknown): WireButton {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw Errors.buttonParse('InlineKeyboardButton must be an Object');
  }
  const b = raw as Record<string, unknown>;
  if (!('text' in b) || b['text'] === undefined || b['text'] === null) throw Errors.buttonParse('Can\'t find field "text"');
  const text = b['text'];
  if (typeof text !== 'string') throw Errors.buttonParse('Field "text" must be of type String');
  if (text.trim() === '') throw badRequest('BUTTON_TEXT_INVALID');

  const out: WireButton = { text };
  let action: (typeof ACTIONS)[number] | undefined;
  for (const key of ACTIONS) {
    if (b[key] !== undefined && b[key] !== null) {
      action = key;
      break;
    }
  }
  if (action === undefined) throw Errors.buttonParse('Text buttons are unallowed in the inline keyboard');

  const value = b[action];
  if (action === 'callback_data') {
    if (typeof value !== 'string') throw Errors.buttonParse('Field "callback_data" must be of type String');
    const bytes = callbackDataBytes(value);
    if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw Errors.buttonDataInvalid();
  } else if (action === 'url') {
    if (typeof value !== 'string') throw Errors.buttonParse('Field "url" must be of type String');
    checkButtonUrl(value);
  }
  out[action] = value;
  if (typeof b['style'] === 'string') out['style'] = b['style'];
  return out;
}

function checkButtonUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw Errors.buttonUrlInvalid();
  }
  if (!['http:', 'https:', 'tg:', 'ton:'].includes(parsed.protocol)) throw Errors.buttonUrlInvalid();
}

export function sameMarkup(a: WireInlineMarkup | undefined, b: WireInlineMarkup | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function findCallbackButton(markup: WireInlineMarkup | undefined, data: string): WireButton | undefined {
  for (const row of markup?.inline_keyboard ?? []) {
    for (const button of row) if (button['callback_data'] === data) return button;
  }
  return undefined;
}

