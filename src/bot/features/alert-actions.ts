import { Composer, InlineKeyboard, type Context } from 'grammy';
import { formatSessionHash, parseSessionHash } from '../../domain/session-hash';
import { describeFingerprint } from '../../guard/fingerprint';
import { audited, describeFailure } from '../account-call';
import type { BotDeps } from '../deps';
import { endButtonHash, endSession, findSession } from '../end-session';
import { escapeHtml } from '../format/html';

/** The buttons under a new-login alert: "It's me" (confirm, then offer trust) and "End it". */
export function alertActionsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const original = (ctx: Context): string => escapeHtml(ctx.callbackQuery?.message && 'text' in ctx.callbackQuery.message ? (ctx.callbackQuery.message.text ?? '') : '');

  composer.callbackQuery(/^ok:(-?\d{1,19})$/, async (ctx) => {
    const parsed = parseSessionHash(ctx.match[1]);
    if (!parsed.ok) return void (await ctx.answerCallbackQuery({ text: 'This button is not valid.' }));
    deps.guard.alertHandled?.(parsed.hash);
    await ctx.answerCallbackQuery();
    const session = await findSession(deps, parsed.hash);
    if (!session) {
      await ctx.editMessageText(`${original(ctx)}\n\nThat session is no longer active: it may have ended already.`, { parse_mode: 'HTML' });
      return;
    }
    // The owner vouches for this login: its country is now known for this device.
    deps.doors.seenCountries.note(session, session.country);
    let result = 'Marked as yours.';
    if (session.unconfirmed) {
      try {
        await audited(deps, { actorId: ctx.from.id, action: 'confirm', targetHash: parsed.hash, detail: session.deviceModel }, () =>
          deps.account.confirm(parsed.hash),
        );
        result = 'Confirmed: Telegram now treats this login as yours.';
      } catch (err) {
        result = await describeFailure(deps, err, 'Confirming the login');
      }
    } else {
      deps.audit.record({ actorId: ctx.from.id, action: 'confirm', targetHash: parsed.hash, detail: 'acknowledged (already confirmed)' }, 'ok');
    }
    const trusted = deps.guard.trusted.isTrusted(session);
    const keyboard = trusted ? undefined : new InlineKeyboard().text('Trust this device', `tr:${formatSessionHash(parsed.hash)}`);
    await ctx.editMessageText(
      `${original(ctx)}\n\n✅ ${escapeHtml(result)}${trusted ? '' : `\nTrust ${escapeHtml(describeFingerprint(session))}, so guard mode never ends its logins?`}`,
      { parse_mode: 'HTML', ...(keyboard ? { reply_markup: keyboard } : {}) },
    );
  });

  composer.callbackQuery(/^ee:(-?\d{1,19})$/, async (ctx) => {
    const hash = endButtonHash(ctx.match[1]);
    if (hash === undefined) return void (await ctx.answerCallbackQuery({ text: 'This button is not valid.' }));
    deps.guard.alertHandled?.(hash);
    await ctx.answerCallbackQuery({ text: 'Ending it…' });
    const result = await endSession(deps, ctx.from.id, hash);
    await ctx.editMessageText(`${original(ctx)}\n\n${result}`, { parse_mode: 'HTML' });
  });

  return composer;
}
