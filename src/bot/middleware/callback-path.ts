// bot/middleware/ — what every update passes first: the owner gate, the callback path, the error boundary.
import type { Context, MiddlewareFn } from 'grammy';
import type { OneShotActions } from '../../db/one-shot-actions';
import type { Confirmations } from '../buttons/confirmations';
import type { Logger } from '../../core/log';
import type { Localizer } from '../text/i18n';
import { createActsOnce } from '../buttons/acts-once';
import { editOrSend } from '../api/edit-or-send';
import { wordsFor } from '../text/i18n';

/**
 * The one path every button press takes, before any feature sees it:
 * 1. judge whether it may act (buttons/acts-once.ts): a second tap while the first is being handled,
 *    or of a one-shot action that already finished, does nothing else; a button with a durable token
 *    takes it here. Both are synchronous, so the answer can already say whether this press will act;
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
  const once = createActsOnce(oneShots, confirmations);

  return async (ctx, next) => {
    const query = ctx.callbackQuery;
    if (!query) return next();
    const press = once.begin(ctx, query);
    // A prompt that expired gets no "Ending…" toast: its handler then says it expired, and nothing else.
    const toast = press.refusal ?? (press.stalePrompt ? undefined : press.spec.answer);
    const answer = toast ? { text: wordsFor({ i18n }, ctx)(toast) } : {};
    await ctx.answerCallbackQuery(answer).catch((err: unknown) => log.warn({ err, prefix: press.prefix }, 'could not answer a button press; acting anyway'));
    // A query can be answered once; anything later in the handler must not try again and fail.
    ctx.answerCallbackQuery = async () => true;
    if (press.refusal) return;
    // The action may already have run when its message turns out to be gone: the redraw is then sent anew.
    ctx.api.config.use(editOrSend(log));
    let returned = false;
    try {
      await next();
      returned = true;
    } finally {
      press.end(returned);
    }
  };
}
