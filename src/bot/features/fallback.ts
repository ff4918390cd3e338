import { Composer, type Context } from 'grammy';
import type { BotDeps } from '../deps';
import { wordsFor } from '../text/i18n';

/**
 * Registered last: a message no feature handled still gets an answer. Button presses were all
 * answered already by the callback path (callback-path.ts), so none spins forever.
 */
export function fallbackFeature(deps: Pick<BotDeps, 'i18n'>): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message', (ctx) => ctx.reply(wordsFor(deps, ctx)('unknown-command')));
  return composer;
}
