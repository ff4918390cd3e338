import { Composer, InlineKeyboard, type Context } from 'grammy';
import { audited, describeFailure } from '../account-call';
import type { BotDeps } from '../deps';
import { describeUntrustedResult, endUntrustedSessions } from '../end-untrusted';
import { escapeHtml } from '../format/html';
import { plural } from '../format/plural';
import { takeConfirmation } from '../take-confirmation';

/** /revokeall: auth.resetAuthorizations, only after the owner confirms with a one-shot button. */
export function revokeAllFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command('revokeall', async (ctx) => {
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
      await ctx.reply(await describeFailure(deps, err, 'Counting the sessions'));
      return;
    }
    if (others === 0) {
      await ctx.reply('There are no other sessions: only session-warden\'s companion is logged in. Nothing to end.');
      return;
    }
    const id = deps.confirmations.create({ kind: 'end_all', count: others });
    const noun = plural(others, 'session');
    const keyboard = new InlineKeyboard().text(`End ${noun}`, `ra:${id}`).text('Cancel', `rx:${id}`);
    // The same one-shot id backs both ending buttons, so tapping one disarms the other.
    if (trustedNow > 0) keyboard.row().text('End all except trusted devices', `rt:${id}`);
    await ctx.reply(
      [
        `<b>End ${noun}?</b>`,
        '',
        'This uses Telegram\'s auth.resetAuthorizations. It ends <b>every</b> session except session-warden\'s companion, ' +
          'including your own phone and desktop apps: you will have to log in on each of them again.',
        '',
        trustedNow > 0
          ? `"End all except trusted devices" keeps the ${plural(trustedNow, 'session')} of devices on your /trust list logged in instead.`
          : 'None of these sessions is on your /trust list; add your own devices there to be offered "End all except trusted devices".',
        '',
        'The buttons work once and expire in 2 minutes.',
      ].join('\n'),
      { parse_mode: 'HTML', reply_markup: keyboard },
    );
  });

  composer.callbackQuery(/^ra:([\w-]+)$/, async (ctx) => {
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, ctx.match[1], 'end_all', '/revokeall');
    if (!pending) return;
    const { count } = pending;
    let result: string;
    try {
      await audited(deps, { actorId: ctx.from.id, action: 'revoke_all', detail: `${plural(count, 'other session')}` }, () =>
        deps.account.revokeAll(),
      );
      result = `Done: Telegram ended every session except session-warden's companion (${plural(count, 'session')} when you asked). Send /sessions to check.`;
    } catch (err) {
      result = await describeFailure(deps, err, 'Ending the other sessions');
    }
    await ctx.editMessageText(escapeHtml(result), { parse_mode: 'HTML' });
  });

  composer.callbackQuery(/^rt:([\w-]+)$/, async (ctx) => {
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, ctx.match[1], 'end_all', '/revokeall');
    if (!pending) return;
    let result: string;
    try {
      result = await describeUntrustedResult(deps, await endUntrustedSessions(deps, ctx.from.id));
    } catch (err) {
      result = await describeFailure(deps, err, 'Reading the sessions');
    }
    await ctx.editMessageText(escapeHtml(result), { parse_mode: 'HTML' });
  });

  composer.callbackQuery(/^rx:([\w-]+)$/, async (ctx) => {
    const wasPending = deps.confirmations.cancel(ctx.match[1] ?? '');
    if (wasPending) deps.audit.record({ actorId: ctx.from.id, action: 'revoke_all', detail: 'cancelled by the owner' }, 'cancelled');
    await ctx.editMessageText('Cancelled. Nothing was ended.');
  });

  return composer;
}
