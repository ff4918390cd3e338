import type { Context } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { allowRetry, takenTarget } from './acts-once';
import { escapeHtml } from '../text/html';

/** The text of the message a button sits under, escaped for HTML, so an edit can add a result line. */
export function pressedMessageText(ctx: Context): string {
  const m = ctx.callbackQuery?.message;
  const text = m && 'text' in m ? (m.text ?? '') : '';
  return escapeHtml(text);
}

/** The pressed message's keyboard without the pressed button (and rows left empty); undefined when none remain. */
export function remainingButtons(ctx: Context, pressed: string): InlineKeyboardMarkup | undefined {
  const rows = (ctx.callbackQuery?.message?.reply_markup?.inline_keyboard ?? [])
    .map((row) => row.filter((b) => !('callback_data' in b) || b.callback_data !== pressed))
    .filter((row) => row.length > 0);
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

/**
 * Adds a result line (HTML) under the pressed message. A done action takes just its own button away,
 * so every other button there still applies; a failed one keeps them all and lets the press be retried.
 */
export async function addResultLine(ctx: Context, result: { readonly ok: boolean; readonly text: string }): Promise<void> {
  if (!result.ok) allowRetry(ctx);
  const data = ctx.callbackQuery?.data ?? '';
  const rest = result.ok ? remainingButtons(ctx, data) : ctx.callbackQuery?.message?.reply_markup;
  await ctx.editMessageText(`${pressedMessageText(ctx)}\n\n${result.text}`, { parse_mode: 'HTML', ...(rest ? { reply_markup: rest } : {}) });
}

/**
 * The press of a one-shot button (no confirmation, acts once). The callback path has already
 * answered it and taken its durable token (buttons.ts `token`); `prepare` reads the token's target
 * and returns the action, or undefined when the target is not valid. The result is added under the
 * message (`invalid`, HTML, when the target is not valid); a failed action gives the token back (allowRetry), so the button can be pressed again.
 */
export async function pressOneShot(
  ctx: Context,
  invalid: string,
  prepare: (target: string | null) => (() => Promise<{ readonly ok: boolean; readonly text: string }>) | undefined,
  /** How the result is shown: a line under the message, unless the caller redraws the message from the state. */
  show: (ctx: Context, result: { readonly ok: boolean; readonly text: string }) => Promise<void> = addResultLine,
): Promise<void> {
  const act = prepare(takenTarget(ctx));
  await show(ctx, act ? await act() : { ok: true, text: invalid });
}
