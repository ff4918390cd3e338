import { Composer, type Context } from 'grammy';
import { turnCodeGuard } from '../actions/door-actions';
import { CODE_GUARD_SETTING } from '../../guard/doors/code-watcher';
import type { BotDeps } from '../deps';
import { showCheckupResult } from './security';

import { wordsFor } from '../text/i18n';
import { buttonPattern } from '../buttons/buttons';

/** /codeguard on|off: invalidate every login code the moment it arrives. Persisted, off by default. */
export function codeguardFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('codeguard', async (ctx) => {
    const t = wordsFor(deps, ctx);
    const arg = ctx.match.trim().toLowerCase();
    if (arg === 'on' || arg === 'off') {
      turnCodeGuard(deps, arg === 'on', ctx.from!.id);
      return void (await ctx.reply(t(arg === 'on' ? 'codeguard-on' : 'codeguard-off'), { parse_mode: 'HTML' }));
    }
    const state = t(deps.guard.settings.flag(CODE_GUARD_SETTING) ? 'codeguard-on' : 'codeguard-off');
    const bad = arg === '' ? '' : `${t('codeguard-not-on-off')}\n`;
    await ctx.reply(`${bad}${state}\n${t('codeguard-usage')}`, { parse_mode: 'HTML' });
  });
  // /security's "Turn code guard on": the checkup is read again, with the result under it.
  composer.callbackQuery(buttonPattern('cg'), async (ctx) => {
    turnCodeGuard(deps, true, ctx.from.id, 'button');
    await showCheckupResult(deps, ctx, { ok: true, text: wordsFor(deps, ctx)('codeguard-on') });
  });
  return composer;
}
