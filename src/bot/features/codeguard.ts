import { Composer, type Context } from 'grammy';
import { turnCodeGuard } from '../actions/door-actions';
import { CODE_GUARD_SETTING } from '../../guard/doors/code-watcher';
import type { BotDeps } from '../deps';
import { showCheckupResult } from './security';

import { speechFor, wordsOf, type Speech } from '../text/i18n';
import { buttonPattern } from '../buttons/buttons';
import { codeGuardWeakenedUntil } from '../../guard/doors/weakening-windows';
import { ownerClock } from '../text/owner-clock';
import type { Settings } from '../../db/settings';

/**
 * What code guard does now, read from the settings: on, on but weakened by an open /expect window
 * (codes stay valid until it closes, so "every code is invalidated" would not be true), or off.
 */
export function codeGuardState(settings: Settings, nowMs: number, speech: Speech): string {
  const t = wordsOf(speech);
  if (!settings.flag(CODE_GUARD_SETTING)) return t('codeguard-off');
  const until = codeGuardWeakenedUntil(settings, nowMs);
  if (until === undefined) return t('codeguard-on');
  return t('codeguard-on-window', { at: ownerClock(speech.locale, speech.i18n.timeZone).at(Math.floor(until / 1000)) });
}

/** /codeguard on|off: invalidate every login code the moment it arrives. Persisted, off by default. */
export function codeguardFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('codeguard', async (ctx) => {
    const speech = speechFor(deps, ctx);
    const t = wordsOf(speech);
    const arg = ctx.match.trim().toLowerCase();
    if (arg === 'on' || arg === 'off') {
      turnCodeGuard(deps, arg === 'on', ctx.from!.id);
      return void (await ctx.reply(codeGuardState(deps.guard.settings, deps.now(), speech), { parse_mode: 'HTML' }));
    }
    const state = codeGuardState(deps.guard.settings, deps.now(), speech);
    const bad = arg === '' ? '' : `${t('codeguard-not-on-off')}\n`;
    await ctx.reply(`${bad}${state}\n${t('codeguard-usage')}`, { parse_mode: 'HTML' });
  });
  // /security's "Turn code guard on": the checkup is read again, with the result under it.
  composer.callbackQuery(buttonPattern('cg'), async (ctx) => {
    turnCodeGuard(deps, true, ctx.from.id, 'button');
    await showCheckupResult(deps, ctx, { ok: true, text: codeGuardState(deps.guard.settings, deps.now(), speechFor(deps, ctx)) });
  });
  return composer;
}
