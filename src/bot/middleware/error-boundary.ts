import { BotError, GrammyError, HttpError, type Context } from 'grammy';
import type { Logger } from '../../core/log';
import { storageProblem } from '../../db/storage-error';
import type { Localizer, Words } from '../text/i18n';
import { wordsOf } from '../text/i18n';

/**
 * What went wrong, in one line the owner can act on, in their language (`t`). Telegram's method and
 * description, SQLite's code and an unknown error's own message are quoted as they are, for a search.
 */
function summary(err: unknown, t: Words): string {
  if (err instanceof GrammyError) return t('cause-bot-api-refused', { method: err.method, description: err.description });
  if (err instanceof HttpError) return t('cause-bot-api-unreachable');
  const storage = storageProblem(err);
  if (storage) {
    const { kind, code } = storage;
    // SQLite's code is quoted after the reason; the 'other' reason already is the code.
    const reason = kind === 'other' ? t('storage-reason-other', { code }) : `${t(`storage-reason-${kind}`)} (${code})`;
    return t('cause-storage', { reason, fix: t(`storage-fix-${kind}`) });
  }
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** True only for an update from the owner in their private chat with the bot. */
const fromOwnerInPrivate = (ctx: Context, ownerId: number): boolean =>
  ctx.from?.id === ownerId && ctx.chat?.type === 'private' && ctx.chat.id === ownerId;

/**
 * The single error boundary: logs the details, tells the owner in one sentence (in their language), never lets an error
 * stop the bot. It speaks only in the owner's private chat and answers only the owner's buttons: if
 * an error ever escapes before or around the owner gate, a stranger still gets silence.
 */
export function errorBoundary(log: Logger, ownerId: number, i18n: Pick<Localizer, 't' | 'localeFor'>) {
  return async (botError: BotError<Context>): Promise<void> => {
    const { ctx, error } = botError;
    log.error({ err: error, updateId: ctx.update.update_id }, 'an update failed');
    if (!fromOwnerInPrivate(ctx, ownerId)) return;
    const t: Words = wordsOf({ i18n, locale: i18n.localeFor(ctx) });
    const text = t('something-went-wrong', { cause: summary(error, t).slice(0, 300) });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    await ctx.api.sendMessage(ownerId, text).catch((e: unknown) => log.error({ err: e }, 'could not tell the owner'));
  };
}
