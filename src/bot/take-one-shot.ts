import type { Context, Filter } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { OneShotActions } from '../db/one-shot-actions';
import { escapeHtml } from './format/html';

/**
 * The first step of a one-shot button (no confirmation, acts once): take its token, or answer the
 * press with why nothing happens and return undefined. The token lives in SQLite, so a second press,
 * even a concurrent one or one after a restart, finds it used.
 */
export async function takeOneShot(
  ctx: Context,
  oneShots: OneShotActions,
  id: string | undefined,
  kind: string,
): Promise<{ readonly target: string | null } | undefined> {
  const taken = oneShots.take(id ?? '', kind);
  if (taken.ok) return { target: taken.target };
  await ctx.answerCallbackQuery({
    text: taken.why === 'used' ? 'Already done (or in progress): nothing more was changed.' : 'This button is not valid. Nothing was changed.',
  });
  return undefined;
}

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
 * The whole press of a one-shot button: take the token (or say why nothing happens), answer at once
 * with `answering`, act, and add the result under the message. `prepare` reads the token's target
 * and returns the action, or undefined when the target is not valid. A failed action gives the token
 * back and keeps the button, so it can be pressed again; a successful one removes just that button.
 */
export async function pressOneShot(
  ctx: Filter<Context, 'callback_query:data'>,
  oneShots: OneShotActions,
  id: string | undefined,
  kind: string,
  answering: string,
  prepare: (target: string | null) => (() => Promise<{ readonly ok: boolean; readonly text: string }>) | undefined,
): Promise<void> {
  const taken = await takeOneShot(ctx, oneShots, id, kind);
  if (!taken) return;
  const act = prepare(taken.target);
  if (!act) return void (await ctx.answerCallbackQuery({ text: 'This button is not valid. Nothing was changed.' }));
  await ctx.answerCallbackQuery({ text: answering });
  const result = await act();
  if (!result.ok) oneShots.release(id ?? '');
  const rest = result.ok ? remainingButtons(ctx, ctx.callbackQuery.data) : ctx.callbackQuery.message?.reply_markup;
  await ctx.editMessageText(`${pressedMessageText(ctx)}\n\n${result.text}`, { parse_mode: 'HTML', ...(rest ? { reply_markup: rest } : {}) });
}
