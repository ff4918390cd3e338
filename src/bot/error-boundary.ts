import { BotError, GrammyError, HttpError, type Context } from 'grammy';
import type { Logger } from '../log';

/** What went wrong, in one line the owner can act on. */
function summary(err: unknown): string {
  if (err instanceof GrammyError) return `Telegram's Bot API refused ${err.method}: ${err.description}`;
  if (err instanceof HttpError) return 'the Bot API could not be reached';
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * The single error boundary: logs the details, tells the owner in one sentence, never lets an error
 * stop the bot. Only the owner's updates get this far (the gate comes first), so nothing leaks.
 */
export function errorBoundary(log: Logger) {
  return async (botError: BotError<Context>): Promise<void> => {
    const { ctx, error } = botError;
    log.error({ err: error, updateId: ctx.update.update_id }, 'an update failed');
    const text = `Something went wrong while handling that (${summary(error).slice(0, 300)}). The details are in the log.`;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, text).catch((e: unknown) => log.error({ err: e }, 'could not tell the owner'));
  };
}
