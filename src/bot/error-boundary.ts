import { BotError, GrammyError, HttpError, type Context } from 'grammy';
import type { Logger } from '../log';
import { storageProblem } from '../db/storage-error';

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
 * The single error boundary: logs the details, tells the owner in one sentence, never lets an error
 * stop the bot. It speaks only in the owner's private chat and answers only the owner's buttons: if
 * an error ever escapes before or around the owner gate, a stranger still gets silence.
 */
export function errorBoundary(log: Logger, ownerId: number) {
  return async (botError: BotError<Context>): Promise<void> => {
    const { ctx, error } = botError;
    log.error({ err: error, updateId: ctx.update.update_id }, 'an update failed');
    if (!fromOwnerInPrivate(ctx, ownerId)) return;
    const text = `Something went wrong while handling that (${summary(error).slice(0, 300)}). The details are in the log.`;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    await ctx.api.sendMessage(ownerId, text).catch((e: unknown) => log.error({ err: e }, 'could not tell the owner'));
  };
}
