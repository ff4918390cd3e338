import { Composer, type Context } from 'grammy';
import { describeDevice } from '../views/trust-view';
import { endSessionOutcome } from '../actions/end-session';
import { addResultLine, pressedMessageText, pressOneShot, remainingButtons } from '../buttons/take-one-shot';
import type { BotDeps } from '../deps';
import { escapeHtml } from '../text/html';
import { wordsFor } from '../text/i18n';
import { buttonPattern, buttonPrefix, readButton } from '../buttons/buttons';

/**
 * The buttons under a moved, changed or woken session's alert. "End it" ends the session (audited,
 * once per message); "It's me" takes its durable one-shot token and accepts the change for that
 * session: its new country is vouched for its device, and the 🚩 in /sessions and /security goes.
 */
export function changeActionsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const words = (ctx: Context) => wordsFor(deps, ctx);

  composer.callbackQuery(buttonPattern('ce'), async (ctx) => {
    const t = words(ctx);
    const hash = readButton('ce', ctx.callbackQuery.data);
    if (hash === undefined) return void (await ctx.reply(t('alert-button-invalid')));
    const outcome = await endSessionOutcome(deps, ctx.from.id, hash);
    const result = `${outcome.ended ? '✅' : '❌'} ${escapeHtml(outcome.text)}`;
    if (!outcome.ended) return addResultLine(ctx, { ok: false, text: result });
    // Ended: "It's me" no longer applies to it, and other End buttons of a grouped alert still do.
    const others = remainingButtons(ctx, ctx.callbackQuery.data);
    const left = others?.inline_keyboard.map((row) => row.filter((b) => 'callback_data' in b && buttonPrefix(b.callback_data) === 'ce')).filter((row) => row.length > 0) ?? [];
    await ctx.editMessageText(`${pressedMessageText(ctx)}\n\n${result}`, { parse_mode: 'HTML', ...(left.length > 0 ? { reply_markup: { inline_keyboard: left } } : {}) });
  });

  composer.callbackQuery(buttonPattern('cm'), (ctx) => {
    const t = words(ctx);
    return pressOneShot(ctx, t('button-not-valid-nothing-changed'), (target) => {
      const id = Number(target);
      const change = Number.isSafeInteger(id) ? deps.doors.history?.accept(id) : undefined;
      if (!change) return undefined;
      return async () => {
        const device = { apiId: change.after.apiId, appName: change.after.appName, deviceModel: change.after.deviceModel, platform: change.after.platform };
        deps.doors.seenCountries.note(device, change.after.country);
        deps.audit.record({ actorId: ctx.from.id, action: 'accept_change', targetHash: change.hash, detail: `${change.kinds.join(', ')}: ${describeDevice(device)}, ${change.after.country}` }, 'ok');
        return { ok: true, text: `✅ ${t('change-accepted')}` };
      };
    });
  });

  return composer;
}
