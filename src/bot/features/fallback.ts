import { Composer, type Context } from 'grammy';

/** Registered last: anything no feature handled still gets an answer, and no button spins forever. */
export function fallbackFeature(): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('callback_query', (ctx) =>
    ctx.answerCallbackQuery({ text: 'This button is no longer valid. Send the command again.' }),
  );
  composer.on('message', (ctx) => ctx.reply('I do not know that command. Send /help to see what I can do.'));
  return composer;
}
