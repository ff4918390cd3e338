import { Composer, InlineKeyboard, type Context } from 'grammy';
import { GUARD_SETTING } from '../../guard/doors/login-watcher';
import { audited, describeFailure, endingRefusedUntil } from '../actions/account-call';
import { ownerClock } from '../text/owner-clock';
import type { BotDeps } from '../deps';
import { escapeHtml } from '../text/html';
import { lockOtherDoors, panicDoorSteps } from '../actions/panic-doors';
import { wordsFor, type Words } from '../text/i18n';

import { takeConfirmation } from '../buttons/acts-once';
import { buttonData, buttonPattern, readButton } from '../buttons/buttons';

/**
 * What to do next, worded for what just happened: when every other session ended, the owner's own
 * apps are logged out too, so the steps start with logging in again rather than "a device you trust".
 */
/**
 * What to do next. With the other sessions ended and no trusted device, guard mode would end the
 * owner's own next login too: the first step then says so, rather than "log in again".
 */
function checklist(othersEnded: boolean, trustedDevices: number, t: Words): string {
  const first = !othersEnded ? 'panic-next' : trustedDevices > 0 ? 'panic-next-relogin' : 'panic-next-relogin-untrusted';
  return [t(first), t('panic-next-steps')].join('\n');
}

/**
 * /panic: for an account being taken over. One confirmation, then every other session and every
 * website login ends and guard mode turns on. The reply says plainly which steps worked.
 */
export function panicFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command('panic', async (ctx) => {
    const t = wordsFor(deps, ctx);
    const id = deps.confirmations.create({ kind: 'panic', count: 0 });
    await ctx.reply(
      [
        t('panic-confirm'),
        t('panic-will'),
        `1. ${t('panic-step-sessions')}`,
        `2. ${t('panic-step-web')}`,
        `3. ${t('panic-step-guard')}`,
        ...panicDoorSteps(t).map((step, i) => `${i + 4}. ${step}`),
        '',
        t('panic-button-expires'),
      ].join('\n'),
      { parse_mode: 'HTML', reply_markup: new InlineKeyboard().text(t('panic-lock-button'), buttonData('pk', id)).text(t('button-cancel'), buttonData('px', id)) },
    );
  });

  composer.callbackQuery(buttonPattern('pk'), async (ctx) => {
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, readButton('pk', ctx.callbackQuery.data), 'panic');
    if (!pending) return;
    const actorId = ctx.from.id;
    const t = wordsFor(deps);
    const report: string[] = [];
    let othersEnded = false;
    try {
      await audited(deps, { actorId, action: 'revoke_all', detail: 'panic' }, () => deps.account.revokeAll());
      othersEnded = true;
      report.push(t('panic-ended-sessions'));
    } catch (err) {
      report.push(t('panic-sessions-failed', { reason: await describeFailure(deps, err, 'doing-end-them') }));
    }
    try {
      await audited(deps, { actorId, action: 'web_revoke_all', detail: 'panic' }, () => deps.account.revokeAllWebSessions());
      report.push(t('panic-ended-web'));
    } catch (err) {
      report.push(t('panic-web-failed', { reason: await describeFailure(deps, err, 'doing-end-them') }));
    }
    deps.guard.settings.setFlag(GUARD_SETTING, true);
    deps.audit.record({ actorId, action: 'guard_on', detail: 'panic' }, 'ok');
    const trusted = deps.guard.trusted.list().length;
    const refusedUntil = await endingRefusedUntil(deps);
    if (refusedUntil !== undefined) {
      report.push(t('panic-guard-on-fresh', { at: ownerClock(deps.i18n.localeFor(), deps.i18n.timeZone).at(refusedUntil) }));
    } else report.push(trusted > 0 ? t('panic-guard-on', { count: trusted }) : t('panic-guard-on-untrusted'));
    report.push(...(await lockOtherDoors(deps, actorId)));
    await ctx.editMessageText([t('panic-done-title'), ...report.map(escapeHtml), '', checklist(othersEnded, deps.guard.trusted.list().length, t)].join('\n'), { parse_mode: 'HTML' });
  });

  composer.callbackQuery(buttonPattern('px'), async (ctx) => {
    deps.confirmations.cancel(readButton('px', ctx.callbackQuery.data) ?? '');
    await ctx.editMessageText(wordsFor(deps, ctx)('panic-cancelled'));
  });

  return composer;
}
