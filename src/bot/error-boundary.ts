import { BotError, GrammyError, HttpError, type Context } from 'grammy';
import type { Logger } from '../log';
import { storageProblem } from '../db/storage-error';
import type { Localizer } from './i18n';

/** What went wrong, in one line the owner can act on. */
function summary(err: unknown): string {
  if (err instanceof GrammyError) return `Telegram's Bot API refused ${err.method}: ${err.description}`;
  if (err instanceof HttpError) return 'the Bot API could not be reached';
  const storage = storageProblem(err);
  if (storage) return `the database could not be used: ${storage.reason}. ${storage.fix}`;
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
    // The cause stays in English: it quotes Telegram and the database word for word, for the log and a search.
    const text = i18n.t(i18n.localeFor(ctx), 'something-went-wrong', { cause: summary(error).slice(0, 300) });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    await ctx.api.sendMessage(ownerId, text).catch((e: unknown) => log.error({ err: e }, 'could not tell the owner'));
  };
}
