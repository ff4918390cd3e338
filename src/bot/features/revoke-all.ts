import { Composer, InlineKeyboard, type Context } from 'grammy';
import { audited, describeFailure } from '../actions/account-call';
import type { BotDeps } from '../deps';
import { describeUntrustedResult, endUntrustedSessions } from '../actions/end-untrusted';
import { escapeHtml } from '../text/html';
import { wordsFor } from '../text/i18n';
import { takeConfirmation } from '../buttons/acts-once';
import { buttonData, buttonPattern, readButton } from '../buttons/buttons';

/** /revokeall: auth.resetAuthorizations, only after the owner confirms with a one-shot button. */
export function revokeAllFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command('revokeall', async (ctx) => {
    const t = wordsFor(deps, ctx);
    let others: number;
    let trustedNow: number;
    try {
      const sessions = await audited(deps, { actorId: ctx.from?.id ?? null, action: 'list', detail: 'for /revokeall' }, () =>
        deps.account.listSessions(),
      );
      others = sessions.filter((s) => !s.current).length;
      // "Except trusted devices" only means something when a session logged in now is trusted.
      trustedNow = sessions.filter((s) => !s.current && deps.guard.trusted.isTrusted(s)).length;
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'doing-count-sessions'));
      return;
    }
    if (others === 0) {
      await ctx.reply(t('revokeall-none'));
      return;
    }
    const id = deps.confirmations.create({ kind: 'end_all', count: others });
    const keyboard = new InlineKeyboard().text(t('revokeall-end-button', { count: others }), buttonData('ra', id)).text(t('button-cancel'), buttonData('rx', id));
    // The same one-shot id backs both ending buttons, so tapping one disarms the other.
    if (trustedNow > 0) keyboard.row().text(t('revokeall-except-trusted-button'), buttonData('rt', id));
    await ctx.reply(
      [
        t('revokeall-confirm', { count: others }),
        '',
        t('revokeall-explain'),
        '',
        trustedNow > 0 ? t('revokeall-keeps-trusted', { count: trustedNow }) : t('revokeall-no-trusted'),
        '',
        t('revokeall-buttons-expire'),
      ].join('\n'),
      { parse_mode: 'HTML', reply_markup: keyboard },
    );
  });

  composer.callbackQuery(buttonPattern('ra'), async (ctx) => {
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, readButton('ra', ctx.callbackQuery.data), 'end_all', '/revokeall');
    if (!pending) return;
    const { count } = pending;
    let result: string;
    try {
      await audited(deps, { actorId: ctx.from.id, action: 'revoke_all', detail: `${count} other ${count === 1 ? 'session' : 'sessions'}` }, () =>
        deps.account.revokeAll(),
      );
      result = wordsFor(deps, ctx)('revokeall-done', { count });
    } catch (err) {
      result = await describeFailure(deps, err, 'doing-end-others');
    }
    await ctx.editMessageText(escapeHtml(result), { parse_mode: 'HTML' });
  });

  composer.callbackQuery(buttonPattern('rt'), async (ctx) => {
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, readButton('rt', ctx.callbackQuery.data), 'end_all', '/revokeall');
    if (!pending) return;
    let result: string;
    try {
      result = await describeUntrustedResult(deps, await endUntrustedSessions(deps, ctx.from.id));
    } catch (err) {
      result = await describeFailure(deps, err, 'doing-read-sessions');
    }
    await ctx.editMessageText(escapeHtml(result), { parse_mode: 'HTML' });
  });

  composer.callbackQuery(buttonPattern('rx'), async (ctx) => {
    const wasPending = deps.confirmations.cancel(readButton('rx', ctx.callbackQuery.data) ?? '');
    if (wasPending) deps.audit.record({ actorId: ctx.from.id, action: 'revoke_all', detail: 'cancelled by the owner' }, 'cancelled');
    await ctx.editMessageText(wordsFor(deps, ctx)('revoke-cancelled'));
  });

  return composer;
}
