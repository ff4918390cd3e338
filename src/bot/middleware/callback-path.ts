// bot/middleware/ — what every update passes first: the owner gate, the callback path, the error boundary.
import type { Context, MiddlewareFn } from 'grammy';
import type { OneShotActions } from '../../db/one-shot-actions';
import type { Confirmations } from '../buttons/confirmations';
import type { Logger } from '../../core/log';
import type { Localizer } from '../text/i18n';
import { BUTTONS, buttonPrefix, type ButtonSpec } from '../buttons/buttons';
import { editOrSend } from '../api/edit-or-send';
import { retryable, tokenTargets } from '../buttons/press-state';

/** How many finished one-shot presses are remembered; old messages beyond this fall back on their own state. */
const REMEMBERED = 2000;

/**
 * The answers of a press that does nothing (locales/*.ftl keys): one wording for "done or under way",
 * whichever lock found it (in memory or the durable token); one for a token the bot never issued;
 * one for a button the bot no longer draws.
 */
const ALREADY_DONE = 'button-already-done';
const NOT_VALID = 'button-invalid';
const EXPIRED = 'button-expired';

/** The id after the prefix ("dr:<id>" → "<id>"). */
const tokenId = (data: string): string => data.slice(data.indexOf(':') + 1);

/**
 * The one path every button press takes, before any feature sees it:
 * 1. take the lock for (chat, message, action): a second tap while the first is being handled, or
 *    of a one-shot action that already finished, does nothing else. A button with a durable token
 *    (SQLite, so it holds across restarts) takes it here too: the take is synchronous, so the
 *    answer can already say whether this press will act;
 * 2. answer the query (answerCallbackQuery), and go on if that fails: a 400 "query is too old"
 *    after a slow Telegram must never stop the action. Handlers never answer themselves;
 * 3. run the feature's handler, which redraws the message from what is now true. A handler whose
 *    action failed calls allowRetry, which releases both locks.
 */
export function callbackPath(
  log: Logger,
  i18n: Pick<Localizer, 't' | 'localeFor'>,
  oneShots?: Pick<OneShotActions, 'take' | 'release'>,
  confirmations?: Pick<Confirmations, 'isLive'>,
): MiddlewareFn<Context> {
  const inFlight = new Set<string>();
  const done = new Set<string>();

  return async (ctx, next) => {
    const query = ctx.callbackQuery;
    if (!query) return next();
    const data = query.data ?? '';
    const prefix = buttonPrefix(data);
    const spec: ButtonSpec = prefix ? BUTTONS[prefix] : { code: false };
    const message = query.message ? `${query.message.chat.id}:${query.message.message_id}` : `inline:${query.inline_message_id ?? query.id}`;
    const action = spec.prompt ? 'prompt' : data;
    const key = `${message}:${action}`;
    let refusal: string | undefined = !prefix ? EXPIRED : inFlight.has(key) || done.has(key) ? ALREADY_DONE : undefined;
    if (!refusal && spec.token && oneShots) {
      const taken = oneShots.take(tokenId(data), spec.token);
      if (taken.ok) tokenTargets.set(ctx, taken.target);
      else refusal = taken.why === 'used' ? ALREADY_DONE : NOT_VALID;
    }
    // Taken before the first await, so a second tap arriving meanwhile finds it.
    if (!refusal) inFlight.add(key);

    // A prompt that expired gets no "Ending…" toast: its handler then says it expired, and nothing else.
    const stalePrompt = spec.prompt === true && confirmations !== undefined && !confirmations.isLive(tokenId(data));
    const toast = refusal ?? (stalePrompt ? undefined : spec.answer);
    const answer = toast ? { text: i18n.t(i18n.localeFor(ctx), toast) } : {};
    await ctx.answerCallbackQuery(answer).catch((err: unknown) => log.warn({ err, prefix }, 'could not answer a button press; acting anyway'));
    // A query can be answered once; anything later in the handler must not try again and fail.
    ctx.answerCallbackQuery = async () => true;
    if (refusal) return;
    // The action may already have run when its message turns out to be gone: the redraw is then sent anew.
    ctx.api.config.use(editOrSend(log));
    let finished = false;
    try {
      await next();
      finished = !retryable.has(ctx);
    } finally {
      inFlight.delete(key);
      if (spec.once && finished) {
        done.add(key);
        if (done.size > REMEMBERED) done.delete(done.values().next().value as string);
      }
      // A failed action (or one that threw) gives its durable token back, so the button can be pressed again.
      if (spec.token && oneShots && !finished) oneShots.release(tokenId(data));
    }
  };
}
