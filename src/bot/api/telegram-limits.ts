// bot/api/ — bot.api transformers and Bot API plumbing: limits, retries, rate, reachability.
import type { Transformer } from 'grammy';
import type { Logger } from '../../core/log';
import { cleanField } from '../text/field';
import { LIMITS } from '../text/limits';

interface Button {
  text: string;
  callback_data?: string;
  [k: string]: unknown;
}

/** The text Telegram shows for an HTML-formatted message: tags removed and entities decoded. */
export function visibleText(text: string, parseMode: unknown): string {
  if (parseMode !== 'HTML') return text;
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Cuts a plain text to Telegram's message limit in whole characters. */
function cutPlain(text: string): string {
  const chars = Array.from(text);
  let out = '';
  for (const c of chars) {
    if (out.length + c.length > LIMITS.message - 1) return `${out}…`;
    out += c;
  }
  return out;
}

/** The keyboard as Telegram accepts it: labels clean and short, callback_data within 64 bytes, at most 100 buttons. */
function fitKeyboard(markup: { inline_keyboard: Button[][] }, problems: string[]): { inline_keyboard: Button[][] } {
  let count = 0;
  const rows: Button[][] = [];
  for (const row of markup.inline_keyboard) {
    const kept: Button[] = [];
    for (const b of row) {
      if (b.callback_data !== undefined && Buffer.byteLength(b.callback_data, 'utf8') > LIMITS.callbackDataBytes) {
        problems.push(`callback_data over ${LIMITS.callbackDataBytes} bytes`);
        continue;
      }
      if (count >= LIMITS.buttons || kept.length >= LIMITS.buttonsPerRow) {
        problems.push('too many buttons');
        continue;
      }
      const label = Array.from(cleanField(b.text) || '·');
      kept.push({ ...b, text: label.length > LIMITS.buttonText ? `${label.slice(0, LIMITS.buttonText - 1).join('')}…` : label.join('') });
      count++;
    }
    if (kept.length > 0) rows.push(kept);
  }
  return { inline_keyboard: rows };
}

/**
 * The last step before Telegram, applied to every sendMessage and editMessageText: whatever a view
 * got wrong, what goes out fits Telegram's limits. A text too long after entity parsing goes out as
 * plain text cut to 4096 characters (and is logged as a bug to fix in its view), so the message and
 * its buttons still arrive instead of a 400 "message is too long".
 */
export function fitOutgoing(method: string, payload: Record<string, unknown>): { payload: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  let out = payload;
  if ((method === 'sendMessage' || method === 'editMessageText') && typeof payload.text === 'string') {
    const visible = visibleText(payload.text, payload.parse_mode);
    if (visible.length > LIMITS.message) {
      problems.push(`text of ${visible.length} characters`);
      const { parse_mode: _dropped, ...rest } = payload;
      out = { ...rest, text: cutPlain(visible) };
    }
  }
  const markup = out.reply_markup as { inline_keyboard?: Button[][] } | undefined;
  if (markup?.inline_keyboard) out = { ...out, reply_markup: fitKeyboard({ inline_keyboard: markup.inline_keyboard }, problems) };
  if (method === 'answerCallbackQuery' && typeof out.text === 'string' && out.text.length > LIMITS.answer) {
    out = { ...out, text: cutPlain(out.text).slice(0, LIMITS.answer - 1) + '…' };
    problems.push('answer text too long');
  }
  return { payload: out, problems };
}

/**
 * The Bot API transformer around `fitOutgoing`. It also turns 400 "message is not modified" into
 * success: an edit that would show what is already shown is the outcome wanted, never an error.
 */
export function telegramLimits(log: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const fitted = fitOutgoing(method, payload as Record<string, unknown>);
    if (fitted.problems.length > 0) log.error({ method, problems: fitted.problems }, 'a view broke a Telegram limit; sent a fitted copy');
    const result = await prev(method, fitted.payload as typeof payload, signal);
    if (!result.ok && result.error_code === 400 && /message is not modified/i.test(result.description)) {
      return { ok: true, result: true } as unknown as typeof result;
    }
    return result;
  };
}
