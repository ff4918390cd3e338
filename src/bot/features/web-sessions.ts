import { Composer, InlineKeyboard, type Context } from 'grammy';
import { AccountError } from '../../domain/account-error';
import { parseSessionHash } from '../../domain/session-hash';
import type { WebSession } from '../../domain/web-session';
import { audited, describeFailure } from '../account-call';
import type { BotDeps } from '../deps';
import { escapeHtml } from '../format/html';
import { describeWebSession, webSessionCard, webSessionList } from '../format/web-session-card';
import { plural } from '../format/plural';
import { takeConfirmation } from '../take-confirmation';

/** /websessions: "Log in with Telegram" website logins, each with an End button, and End all; both ask first. */
export function webSessionsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  const list = (ctx: Context, detail: string): Promise<WebSession[]> =>
    audited(deps, { actorId: ctx.from?.id ?? null, action: 'web_list', detail }, () => deps.account.listWebSessions());

  // The generic explanation points at /sessions; a stale web hash is fixed from /websessions.
  const explain = async (err: unknown, doing: string): Promise<string> =>
    err instanceof AccountError && err.failure.kind === 'hash_invalid'
      ? 'No web session has that hash: the website may have been logged out already. Send /websessions to see the current list.'
      : describeFailure(deps, err, doing);

  composer.command('websessions', async (ctx) => {
    try {
      const view = webSessionList(await list(ctx, '/websessions'), deps.now());
      await ctx.reply(view.text, { parse_mode: 'HTML', ...(view.keyboard ? { reply_markup: view.keyboard } : {}) });
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'Listing the web sessions'));
    }
  });

  composer.callbackQuery(/^we:(-?\d{1,19})$/, async (ctx) => {
    const parsed = parseSessionHash(ctx.match[1]);
    if (!parsed.ok) return void (await ctx.reply('That button is not valid. Send the command again for a fresh list.'));
    let web: WebSession | undefined;
    try {
      web = (await deps.account.listWebSessions()).find((w) => w.hash === parsed.hash);
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'Reading the web sessions'));
      return;
    }
    if (!web) {
      await ctx.reply('That web session is no longer in the list: it may have ended already. Send /websessions to refresh.');
      return;
    }
    const id = deps.confirmations.create({ kind: 'web_end', hash: web.hash, label: describeWebSession(web) });
    await ctx.reply(
      `<b>End this web session?</b>\n\n${webSessionCard(web, 1, deps.now())}\n\nThe website will have to ask you to log in again.`,
      { parse_mode: 'HTML', reply_markup: new InlineKeyboard().text('End it', `wc:${id}`).text('Cancel', `wx:${id}`) },
    );
  });

  composer.callbackQuery(/^wc:([\w-]+)$/, async (ctx) => {
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, ctx.match[1], 'web_end');
    if (!pending) return;
    const { hash, label } = pending;
    let result: string;
    try {
      await audited(deps, { actorId: ctx.from.id, action: 'web_revoke', targetHash: hash, detail: label }, () =>
        deps.account.revokeWebSession(hash),
      );
      result = `Ended the web session: ${label}`;
    } catch (err) {
      result = await explain(err, 'Ending that web session');
    }
    await ctx.editMessageText(escapeHtml(result), { parse_mode: 'HTML' });
  });

  composer.callbackQuery(/^wx:([\w-]+)$/, async (ctx) => {
    deps.confirmations.cancel(ctx.match[1] ?? '');
    await ctx.editMessageText('Cancelled. Nothing was ended.');
  });

  composer.callbackQuery('wa', async (ctx) => {
    let count: number;
    try {
      count = (await list(ctx, 'for End all web sessions')).length;
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'Counting the web sessions'));
      return;
    }
    if (count === 0) {
      await ctx.reply('There are no web sessions: no website is logged in with your account. Nothing to end.');
      return;
    }
    const id = deps.confirmations.create({ kind: 'web_end_all', count });
    const noun = plural(count, 'web session');
    await ctx.reply(
      `<b>End ${noun}?</b>\n\nEvery website logged in with "Log in with Telegram" will have to ask you to log in again. ` +
        'Your apps stay logged in.\n\nThe button works once and expires in 2 minutes.',
      { parse_mode: 'HTML', reply_markup: new InlineKeyboard().text(`End ${noun}`, `wy:${id}`).text('Cancel', `wn:${id}`) },
    );
  });

  composer.callbackQuery(/^wy:([\w-]+)$/, async (ctx) => {
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, ctx.match[1], 'web_end_all', '/websessions');
    if (!pending) return;
    const { count } = pending;
    let result: string;
    try {
      await audited(deps, { actorId: ctx.from.id, action: 'web_revoke_all', detail: plural(count, 'web session') }, () =>
        deps.account.revokeAllWebSessions(),
      );
      result = `Done: Telegram logged out every website (${plural(count, 'web session')} when you asked). Send /websessions to check.`;
    } catch (err) {
      result = await explain(err, 'Ending the web sessions');
    }
    await ctx.editMessageText(escapeHtml(result), { parse_mode: 'HTML' });
  });

  composer.callbackQuery(/^wn:([\w-]+)$/, async (ctx) => {
    const wasPending = deps.confirmations.cancel(ctx.match[1] ?? '');
    if (wasPending) deps.audit.record({ actorId: ctx.from.id, action: 'web_revoke_all', detail: 'cancelled by the owner' }, 'cancelled');
    await ctx.editMessageText('Cancelled. Nothing was ended.');
  });

  return composer;
}
