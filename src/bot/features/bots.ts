import { Composer, InlineKeyboard, type Context } from 'grammy';
import { parseSessionHash } from '../../domain/session-hash';
import { describeFailure } from '../actions/account-call';
import { disconnectBot } from '../actions/door-actions';
import type { BotDeps } from '../deps';
import { addDisconnectButtons } from '../delivery/door-notices';
import { botDetails } from '../views/door-alerts';
import { pressOneShot } from '../buttons/take-one-shot';
import { showCheckupResult } from './security';
import { speechFor, wordsFor, wordsOf } from '../text/i18n';
import { buttonPattern } from '../buttons/buttons';

/** /bots: the business bots connected to the account (account.getConnectedBots), each with a Disconnect button. */
export function botsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command('bots', async (ctx) => {
    const speech = speechFor(deps, ctx);
    const t = wordsOf(speech);
    let bots;
    try {
      bots = await deps.account.listConnectedBots();
    } catch (err) {
      return void (await ctx.reply(await describeFailure(deps, err, 'doing-read-bots')));
    }
    if (bots.length === 0) {
      return void (await ctx.reply(t('bots-none')));
    }
    const keyboard = addDisconnectButtons(new InlineKeyboard(), deps.doors.oneShots, bots, t);
    const text = [t('bots-header', { count: bots.length }), ...bots.map((b) => ['', ...botDetails(b, speech)].join('\n')), '', t('bots-explain')].join('\n');
    await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard });
  });

  composer.callbackQuery(buttonPattern('bd'), (ctx) =>
    pressOneShot(ctx, wordsFor(deps, ctx)('button-not-valid-nothing-changed'), (target) => {
      const parsed = parseSessionHash(target ?? '');
      return parsed.ok ? () => disconnectBot(deps, ctx.from.id, parsed.hash, 'button') : undefined;
    }, (c, result) => showCheckupResult(deps, c, result)),
  );

  return composer;
}

