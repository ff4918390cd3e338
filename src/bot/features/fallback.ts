import { Composer, type Context } from 'grammy';

/**
 * Registered last: a message no feature handled still gets an answer. Button presses were all
 * answered already by the callback path (callback-path.ts), so none spins forever.
 */
export function fallbackFeature(): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message', (ctx) => ctx.reply('I do not know that command. Send /help to see what I can do.'));
  return composer;
}
