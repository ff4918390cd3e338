import { Composer, type Context } from 'grammy';
import { turnCodeGuard } from '../door-actions';
import { CODE_GUARD_SETTING } from '../../guard/code-watcher';
import type { BotDeps } from '../deps';
import { addResultLine } from '../take-one-shot';

export const CODE_GUARD_ON_TEXT =
  '🔑 Code guard is <b>on</b>: every login code Telegram sends is invalidated at once (account.invalidateSignInCodes), so a phished code is useless. Before you log in yourself, send /expect.';
const OFF_TEXT = 'Code guard is <b>off</b>: login codes are reported here, but stay valid.';

/** /codeguard on|off: invalidate every login code the moment it arrives. Persisted, off by default. */
export function codeguardFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('codeguard', async (ctx) => {
    const arg = ctx.match.trim().toLowerCase();
    if (arg === 'on' || arg === 'off') {
      turnCodeGuard(deps, arg === 'on', ctx.from!.id);
      return void (await ctx.reply(arg === 'on' ? CODE_GUARD_ON_TEXT : OFF_TEXT, { parse_mode: 'HTML' }));
    }
    const state = deps.guard.settings.flag(CODE_GUARD_SETTING) ? CODE_GUARD_ON_TEXT : OFF_TEXT;
    const bad = arg === '' ? '' : 'That is not on or off; nothing was changed.\n';
    await ctx.reply(`${bad}${state}\nUsage: /codeguard on or /codeguard off.`, { parse_mode: 'HTML' });
  });
  // /security's "Turn code guard on": the result goes under the checkup, whose other buttons still apply.
  composer.callbackQuery(/^cg:(on)$/, async (ctx) => {
    turnCodeGuard(deps, true, ctx.from.id, 'button');
    await addResultLine(ctx, { ok: true, text: CODE_GUARD_ON_TEXT });
  });
  return composer;
}
