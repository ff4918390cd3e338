import { Composer, InlineKeyboard, type Context } from 'grammy';
import { GUARD_SETTING } from '../../guard/login-watcher';
import { audited, describeFailure } from '../account-call';
import type { BotDeps } from '../deps';
import { escapeHtml } from '../format/html';
import { lockOtherDoors, PANIC_DOOR_STEPS } from '../panic-doors';
import { plural } from '../format/plural';
import { takeConfirmation } from '../take-confirmation';

/**
 * What to do next, worded for what just happened: when every other session ended, the owner's own
 * apps are logged out too, so the steps start with logging in again rather than "a device you trust".
 */
function checklist(othersEnded: boolean): string {
  return [
    othersEnded
      ? '<b>Now log in again on your own phone (your apps were logged out too), then:</b>'
      : '<b>Now, on your own phone or computer:</b>',
    '1. Change your 2FA password (Settings → Privacy and Security → Two-Step Verification), or set one if you have none.',
    '2. Set or change the 2FA password, with a recovery email that only you control: check that the one shown there is yours.',
    '3. Review /log and /sessions for anything you did not do.',
    '4. Never share login codes: Telegram never asks for them.',
  ].join('\n');
}

/**
 * /panic: for an account being taken over. One confirmation, then every other session and every
 * website login ends and guard mode turns on. The reply says plainly which steps worked.
 */
export function panicFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command('panic', async (ctx) => {
    const id = deps.confirmations.create({ kind: 'panic', count: 0 });
    await ctx.reply(
      [
        '🚨 <b>Lock the account down?</b>',
        'This will, at once:',
        '1. end every session except session-warden\'s companion, including your own phone and desktop apps;',
        '2. end every website login made with "Log in with Telegram";',
        '3. turn guard mode on, so new logins from untrusted devices are ended immediately.',
        ...PANIC_DOOR_STEPS.map((step, i) => `${i + 4}. ${step}`),
        '',
        'The button works once and expires in 2 minutes.',
      ].join('\n'),
      { parse_mode: 'HTML', reply_markup: new InlineKeyboard().text('Lock it down', `pk:${id}`).text('Cancel', `px:${id}`) },
    );
  });

  composer.callbackQuery(/^pk:([\w-]+)$/, async (ctx) => {
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, ctx.match[1], 'panic');
    if (!pending) return;
    const actorId = ctx.from.id;
    const report: string[] = [];
    let othersEnded = false;
    try {
      await audited(deps, { actorId, action: 'revoke_all', detail: 'panic' }, () => deps.account.revokeAll());
      othersEnded = true;
      report.push('✅ Ended every other session, including your own apps.');
    } catch (err) {
      report.push(`❌ Could not end the other sessions. ${await describeFailure(deps, err, 'doing-end-them')}`);
    }
    try {
      await audited(deps, { actorId, action: 'web_revoke_all', detail: 'panic' }, () => deps.account.revokeAllWebSessions());
      report.push('✅ Ended every website login.');
    } catch (err) {
      report.push(`❌ Could not end the website logins. ${await describeFailure(deps, err, 'doing-end-them')}`);
    }
    deps.guard.settings.setFlag(GUARD_SETTING, true);
    deps.audit.record({ actorId, action: 'guard_on', detail: 'panic' }, 'ok');
    const trusted = deps.guard.trusted.list().length;
    report.push(
      trusted > 0
        ? `✅ Guard mode is on. Your ${plural(trusted, 'trusted device')} can log in again; guard mode ends logins from any other device.`
        : '✅ Guard mode is on, with no trusted devices: your own next login will be ended too. Use /trust or /guard off before you log in again.',
    );
    report.push(...(await lockOtherDoors(deps, actorId)));
    await ctx.editMessageText([`<b>Panic: what was done</b>`, ...report.map(escapeHtml), '', checklist(othersEnded)].join('\n'), { parse_mode: 'HTML' });
  });

  composer.callbackQuery(/^px:([\w-]+)$/, async (ctx) => {
    deps.confirmations.cancel(ctx.match[1] ?? '');
    await ctx.editMessageText('Cancelled. Nothing was changed.');
  });

  return composer;
}
