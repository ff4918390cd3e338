import { Composer, type Context } from 'grammy';
import type { Session } from '../../domain/session';
import { audited, describeFailure } from '../actions/account-call';
import type { BotDeps } from '../deps';
import { sessionRisk } from '../../guard/session-risk';
import { sessionPage } from '../views/session-pages';
import { speechFor } from '../text/i18n';

/** /sessions and its page arrows: account.getAuthorizations, shown as cards that fit Telegram's limit. */
export function sessionsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  const risk = sessionRisk(deps.guard.trusted, deps.doors.seenCountries);
  const list = (ctx: Context, detail: string): Promise<Session[]> =>
    audited(deps, { actorId: ctx.from?.id ?? null, action: 'list', detail }, () => deps.account.listSessions());

  composer.command('sessions', async (ctx) => {
    try {
      const page = sessionPage(await list(ctx, 'page 1'), 0, deps.now(), speechFor(deps, ctx), risk.forList());
      await ctx.reply(page.text, { parse_mode: 'HTML', reply_markup: page.keyboard });
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'doing-list-sessions'));
    }
  });

  composer.callbackQuery(/^sp:(\d{1,4})$/, async (ctx) => {
    const n = Number(ctx.match[1]);
    try {
      const page = sessionPage(await list(ctx, `page ${n + 1}`), n, deps.now(), speechFor(deps, ctx), risk.forList());
      await ctx.editMessageText(page.text, { parse_mode: 'HTML', reply_markup: page.keyboard });
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'doing-list-sessions'));
    }
  });

  return composer;
}
