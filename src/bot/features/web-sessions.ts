import type { Doing } from '../views/explain-failure';
import { Composer, InlineKeyboard, type Context } from 'grammy';
import { AccountError } from '../../domain/account-error';
import { sessionOf } from '../../domain/session-hash';
import type { WebSession } from '../../domain/web-session';
import { audited, describeFailure } from '../actions/account-call';
import type { BotDeps } from '../deps';
import { escapeHtml } from '../text/html';
import { describeWebSession, webSessionCard, webSessionList } from '../views/web-session-card';
import { speechFor, wordsFor, wordsOf } from '../text/i18n';
import { takeConfirmation } from '../buttons/acts-once';
import { buttonData, buttonPattern, readButton } from '../buttons/buttons';

/** /websessions: "Log in with Telegram" website logins, each with an End button, and End all; both ask first. */
export function webSessionsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  const list = (ctx: Context, detail: string): Promise<WebSession[]> =>
    audited(deps, { actorId: ctx.from?.id ?? null, action: 'web_list', detail }, () => deps.account.listWebSessions());

  // The generic explanation points at /sessions; a stale web hash is fixed from /websessions.
  const explain = async (err: unknown, doing: Doing): Promise<string> =>
    err instanceof AccountError && err.failure.kind === 'hash_invalid'
      ? wordsFor(deps)('web-hash-invalid')
      : describeFailure(deps, err, doing);

  composer.command('websessions', async (ctx) => {
    try {
      const view = webSessionList(await list(ctx, '/websessions'), deps.now(), speechFor(deps, ctx));
      await ctx.reply(view.text, { parse_mode: 'HTML', ...(view.keyboard ? { reply_markup: view.keyboard } : {}) });
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'doing-list-web-sessions'));
    }
  });

  composer.callbackQuery(buttonPattern('we'), async (ctx) => {
    const speech = speechFor(deps, ctx);
    const t = wordsOf(speech);
    const parsed = sessionOf(readButton('we', ctx.callbackQuery.data));
    if (!parsed.ok) return void (await ctx.reply(t('web-button-invalid')));
    let web: WebSession | undefined;
    try {
      web = (await deps.account.listWebSessions()).find((w) => w.hash === parsed.hash);
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'doing-read-web-sessions'));
      return;
    }
    if (!web) {
      await ctx.reply(t('web-session-gone'));
      return;
    }
    const id = deps.confirmations.create({ kind: 'web_end', hash: web.hash, label: describeWebSession(web), shown: describeWebSession(web, speech) });
    await ctx.reply(
      `${t('web-confirm')}\n\n${webSessionCard(web, 1, deps.now(), speech)}\n\n${t('web-confirm-explain')}`,
      { parse_mode: 'HTML', reply_markup: new InlineKeyboard().text(t('button-end-it'), buttonData('wc', id)).text(t('button-cancel'), buttonData('wx', id)) },
    );
  });

  composer.callbackQuery(buttonPattern('wc'), async (ctx) => {
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, readButton('wc', ctx.callbackQuery.data), 'web_end');
    if (!pending) return;
    const { hash, label, shown } = pending;
    let result: string;
    try {
      await audited(deps, { actorId: ctx.from.id, action: 'web_revoke', targetHash: hash, detail: label }, () =>
        deps.account.revokeWebSession(hash),
      );
      result = wordsFor(deps, ctx)('web-ended', { session: shown });
    } catch (err) {
      result = await explain(err, 'doing-end-web-session');
    }
    await ctx.editMessageText(escapeHtml(result), { parse_mode: 'HTML' });
  });

  composer.callbackQuery(buttonPattern('wx'), async (ctx) => {
    deps.confirmations.cancel(readButton('wx', ctx.callbackQuery.data) ?? '');
    await ctx.editMessageText(wordsFor(deps, ctx)('revoke-cancelled'));
  });

  composer.callbackQuery(buttonPattern('wa'), async (ctx) => {
    const t = wordsFor(deps, ctx);
    let count: number;
    try {
      count = (await list(ctx, 'for End all web sessions')).length;
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'doing-count-web-sessions'));
      return;
    }
    if (count === 0) {
      await ctx.reply(t('web-none-to-end'));
      return;
    }
    const id = deps.confirmations.create({ kind: 'web_end_all', count });
    await ctx.reply(t('web-confirm-all', { count }), {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text(t('web-end-all-count-button', { count }), buttonData('wy', id)).text(t('button-cancel'), buttonData('wn', id)),
    });
  });

  composer.callbackQuery(buttonPattern('wy'), async (ctx) => {
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, readButton('wy', ctx.callbackQuery.data), 'web_end_all', '/websessions');
    if (!pending) return;
    const { count } = pending;
    let result: string;
    try {
      await audited(deps, { actorId: ctx.from.id, action: 'web_revoke_all', detail: `${count} web ${count === 1 ? 'session' : 'sessions'}` }, () =>
        deps.account.revokeAllWebSessions(),
      );
      result = wordsFor(deps, ctx)('web-done-all', { count });
    } catch (err) {
      result = await explain(err, 'doing-end-web-sessions');
    }
    await ctx.editMessageText(escapeHtml(result), { parse_mode: 'HTML' });
  });

  composer.callbackQuery(buttonPattern('wn'), async (ctx) => {
    const wasPending = deps.confirmations.cancel(readButton('wn', ctx.callbackQuery.data) ?? '');
    if (wasPending) deps.audit.record({ actorId: ctx.from.id, action: 'web_revoke_all', detail: 'cancelled by the owner' }, 'cancelled');
    await ctx.editMessageText(wordsFor(deps, ctx)('revoke-cancelled'));
  });

  return composer;
}
