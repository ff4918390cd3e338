import { Composer, InlineKeyboard, type Context } from 'grammy';
import { byLastActivity, type Session } from '../../domain/session';
import { audited, describeFailure } from '../actions/account-call';
import type { BotDeps } from '../deps';
import { sessionRisk } from '../../guard/session-risk';
import { changeFlags, FLAG_WINDOW_SECONDS, placeLines } from '../views/change-alert';
import { sessionCard } from '../views/session-card';
import { sessionPage, type SessionMarks } from '../views/session-pages';
import { FIELD_MAX } from '../text/field';
import { clip } from '../text/html';
import { speechFor, wordsFor, wordsOf, type Speech } from '../text/i18n';
import { buttonData, buttonPattern, readButton } from '../buttons/buttons';

/**
 * /sessions and its page arrows: account.getAuthorizations, shown as cards that fit Telegram's limit.
 * `/sessions <number>` shows the session with that # from the list, with its place history.
 */
export function sessionsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  const risk = sessionRisk(deps.guard.trusted, deps.doors.seenCountries);
  const list = (ctx: Context, detail: string): Promise<Session[]> =>
    audited(deps, { actorId: ctx.from?.id ?? null, action: 'list', detail }, () => deps.account.listSessions());
  /** 🚩 lines for sessions that moved, changed hands or woke up in the last 30 days. */
  const marks = (speech: Speech): SessionMarks => {
    const since = Math.floor(deps.now() / 1000) - FLAG_WINDOW_SECONDS;
    return deps.doors.history ? changeFlags(deps.doors.history.since(since), speech, deps.now()) : new Map();
  };

  const page = async (ctx: Context, n: number) => {
    const speech = speechFor(deps, ctx);
    return sessionPage(await list(ctx, `page ${n + 1}`), n, deps.now(), speech, risk.forList(), marks(speech));
  };

  /** One session by its # in the list (most recently active first), with its places and an End button. */
  const one = async (ctx: Context, number: number) => {
    const speech = speechFor(deps, ctx);
    const t = wordsOf(speech);
    const sorted = (await list(ctx, `session #${number}`)).sort(byLastActivity);
    const s = sorted[number - 1];
    if (!s) return ctx.reply(t('sessions-no-such-number', { number, count: sorted.length }), { parse_mode: 'HTML' });
    const card = sessionCard(s, number, deps.now(), speech, { risk, flags: marks(speech).get(s.hash.toString(10)) ?? [] });
    const places = deps.doors.history ? placeLines(deps.doors.history.places(s.hash), speech) : [];
    const keyboard = s.current ? undefined : new InlineKeyboard().text(t('sessions-end-button', { index: number, device: clip(s.deviceModel, FIELD_MAX.button) }), buttonData('se', s.hash));
    return ctx.reply([card, ...(places.length > 0 ? ['', ...places] : [])].join('\n'), { parse_mode: 'HTML', ...(keyboard ? { reply_markup: keyboard } : {}) });
  };

  composer.command('sessions', async (ctx) => {
    const arg = ctx.match.trim();
    try {
      if (arg === '') {
        const p = await page(ctx, 0);
        return void (await ctx.reply(p.text, { parse_mode: 'HTML', reply_markup: p.keyboard }));
      }
      if (/^#?\d{1,4}$/.test(arg) && Number(arg.replace('#', '')) >= 1) return void (await one(ctx, Number(arg.replace('#', ''))));
      await ctx.reply(wordsFor(deps, ctx)('sessions-usage'), { parse_mode: 'HTML' });
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'doing-list-sessions'));
    }
  });

  composer.callbackQuery(buttonPattern('sp'), async (ctx) => {
    const n = readButton('sp', ctx.callbackQuery.data) ?? 0;
    try {
      const p = await page(ctx, n);
      await ctx.editMessageText(p.text, { parse_mode: 'HTML', reply_markup: p.keyboard });
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'doing-list-sessions'));
    }
  });

  return composer;
}
