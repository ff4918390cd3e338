import type { Context, MiddlewareFn } from 'grammy';
import type { BotDeps } from '../deps';

/**
 * The first middleware: only the owner, in their private chat with the bot, gets through.
 * Everyone else gets silence, not even "this is a private bot": a reply would confirm to a
 * stranger that the bot is alive and guarding someone, and every reply is a Bot API call a flood
 * could spend, delaying the owner's alerts. Each denial is audited, within a rate limit; whatever
 * fails while recording it (the disk, a bug) is logged here and never reaches the error boundary, so
 * a stranger's update ends in silence on every path.
 */
export function ownerGate(deps: Pick<BotDeps, 'ownerId' | 'denials' | 'log'>): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const chat = ctx.chat;
    if (ctx.from?.id === deps.ownerId && chat?.type === 'private' && chat.id === deps.ownerId) {
      await next();
      return;
    }
    const kind = Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'unknown';
    try {
      deps.denials.record({ actorId: ctx.from?.id ?? chat?.id ?? null, kind, chatType: chat?.type });
    } catch (err) {
      deps.log.error({ err }, 'could not record a denied update');
    }
    deps.log.debug({ from: ctx.from?.id, chat: chat?.id, kind }, 'denied an update');
  };
}
