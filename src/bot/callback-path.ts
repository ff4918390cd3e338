import type { Context, MiddlewareFn } from 'grammy';
import type { Logger } from '../log';
import { BUTTONS, buttonPrefix, type ButtonSpec } from './buttons';

/** How many finished one-shot presses are remembered; old messages beyond this fall back on their own state. */
const REMEMBERED = 2000;

const retryable = new WeakSet<Context>();

/**
 * Lets a one-shot button be pressed again after this press: its action failed (a FLOOD_WAIT, a
 * 24-hour refusal) and the redrawn message still offers it.
 */
export function allowRetry(ctx: Context): void {
  retryable.add(ctx);
}

/**
 * The one path every button press takes, before any feature sees it:
 * 1. answer the query first (answerCallbackQuery), and go on if that fails: a 400 "query is too
 *    old" after a slow Telegram must never stop the action;
 * 2. take the lock for (chat, message, action): a second tap while the first is being handled, or
 *    of a one-shot action that already finished, is answered and does nothing else;
 * 3. run the feature's handler, which redraws the message from what is now true.
 */
export function callbackPath(log: Logger): MiddlewareFn<Context> {
  const inFlight = new Set<string>();
  const done = new Set<string>();

  return async (ctx, next) => {
    const query = ctx.callbackQuery;
    if (!query) return next();
    const prefix = buttonPrefix(query.data ?? '');
    const spec: ButtonSpec = prefix ? BUTTONS[prefix] : {};
    const message = query.message ? `${query.message.chat.id}:${query.message.message_id}` : `inline:${query.inline_message_id ?? query.id}`;
    const action = spec.prompt ? 'prompt' : (query.data ?? '');
    const key = `${message}:${action}`;
    const busy = inFlight.has(key) || done.has(key);
    // Taken before the first await, so a second tap arriving meanwhile finds it.
    if (!busy) inFlight.add(key);

    const answer = !prefix
      ? { text: 'This button is no longer valid. Send the command again.' }
      : busy
        ? { text: 'Already done, or being done: see the message.' }
        : spec.answer
          ? { text: spec.answer }
          : {};
    await ctx.answerCallbackQuery(answer).catch((err: unknown) => log.warn({ err, prefix }, 'could not answer a button press; acting anyway'));
    // A query can be answered once; anything later in the handler must not try again and fail.
    ctx.answerCallbackQuery = async () => true;
    if (busy) return;
    try {
      await next();
      if (spec.once && !retryable.has(ctx)) {
        done.add(key);
        if (done.size > REMEMBERED) done.delete(done.values().next().value as string);
      }
    } finally {
      inFlight.delete(key);
    }
  };
}
