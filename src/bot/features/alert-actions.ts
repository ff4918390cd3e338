import { Composer, type Context } from 'grammy';
import type { Session } from '../../domain/session';
import { sessionOf } from '../../domain/session-hash';
import type { NewLogin } from '../../domain/new-login';
import { audited, companionCreatedAt, describeFailure } from '../actions/account-call';
import { allowRetry } from '../buttons/acts-once';
import type { BotDeps } from '../deps';
import { wordsFor } from '../text/i18n';
import { endSessionOutcome, findSession } from '../actions/end-session';
import { alertMessage, burstMessages, type AlertOutcome, type BurstItem } from '../views/alert';
import type { AlertLine } from '../../db/alert-lines';
import { buttonPattern, readButton } from '../buttons/buttons';

/** The buttons under new-login alerts: "It's me" (confirm, then offer trust), "End it", and "No thanks". */
export function alertActionsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  /** What the pressed alert shows, as recorded when it was delivered (none for an alert older than the record). */
  const linesOf = (ctx: Context): AlertLine[] => {
    const id = ctx.callbackQuery?.message?.message_id;
    return id === undefined ? [] : deps.alerts.lines(id);
  };

  /** Redraws a single alert from its record, the session as it is now (or just before it ended) and the outcome. */
  const redraw = async (ctx: Context, hash: bigint, session: Session | undefined, outcome: AlertOutcome): Promise<void> => {
    const via = linesOf(ctx).find((l) => l.hash === hash)?.via ?? 'push';
    const login: NewLogin = { hash, session, push: undefined, via, whileOffline: via === 'start' };
    const m = alertMessage(login, { nowMs: deps.now(), autoconfirmSeconds: undefined, companionCreatedAt: await companionCreatedAt(deps), i18n: deps.i18n, locale: deps.i18n.localeFor(ctx) }, outcome);
    await ctx.editMessageText(m.text, { parse_mode: 'HTML', ...(m.keyboard ? { reply_markup: m.keyboard } : {}) });
  };

  /** The owner's words for a reply to `ctx`. */
  const words = (ctx: Context) => wordsFor(deps, ctx);

  composer.callbackQuery(buttonPattern('ok'), async (ctx) => {
    const t = words(ctx);
    const parsed = sessionOf(readButton('ok', ctx.callbackQuery.data));
    if (!parsed.ok) return void (await ctx.reply(t('alert-button-invalid')));
    deps.guard.alertHandled?.(parsed.hash);
    const session = await findSession(deps, parsed.hash);
    if (!session) return redraw(ctx, parsed.hash, undefined, { kind: 'ended', text: t('alert-session-gone') });
    // The owner vouches for this login: its country is now known for this device.
    deps.doors.seenCountries.note(session, session.country);
    let text = t('alert-marked-yours');
    if (session.unconfirmed) {
      try {
        await audited(deps, { actorId: ctx.from.id, action: 'confirm', targetHash: parsed.hash, detail: session.deviceModel }, () => deps.account.confirm(parsed.hash));
        text = t('alert-confirmed');
      } catch (err) {
        allowRetry(ctx);
        return redraw(ctx, parsed.hash, session, { kind: 'failed', text: await describeFailure(deps, err, 'doing-confirm-login') });
      }
    } else {
      deps.audit.record({ actorId: ctx.from.id, action: 'confirm', targetHash: parsed.hash, detail: 'acknowledged (already confirmed)' }, 'ok');
    }
    const now = { ...session, unconfirmed: false };
    await redraw(ctx, parsed.hash, now, { kind: 'mine', text, offerTrust: !deps.guard.trusted.isTrusted(session) });
  });

  composer.callbackQuery(buttonPattern('tn'), async (ctx) => {
    const parsed = sessionOf(readButton('tn', ctx.callbackQuery.data));
    if (!parsed.ok) return;
    const t = words(ctx);
    const session = await findSession(deps, parsed.hash);
    // Read from the list, not assumed: "Trust this device" may have been pressed first.
    const text = !session ? t('alert-session-gone-short') : deps.guard.trusted.isTrusted(session) ? t('alert-device-trusted') : t('alert-declined-trust');
    await redraw(ctx, parsed.hash, session, session ? { kind: 'mine', text, offerTrust: false } : { kind: 'ended', text });
  });

  composer.callbackQuery(buttonPattern('ee'), async (ctx) => {
    const t = words(ctx);
    const hash = readButton('ee', ctx.callbackQuery.data);
    if (hash === undefined) return void (await ctx.reply(t('alert-button-invalid')));
    const parsed = { hash };
    deps.guard.alertHandled?.(parsed.hash);
    const before = await findSession(deps, parsed.hash);
    const outcome = await endSessionOutcome(deps, ctx.from.id, parsed.hash, before);
    if (!outcome.ended) allowRetry(ctx);
    const lines = linesOf(ctx);
    if (lines.length < 2) {
      return redraw(ctx, parsed.hash, before, outcome.ended ? { kind: 'ended', text: outcome.text } : { kind: 'failed', text: outcome.text });
    }
    // A burst alert: record this result with the alert's state, then redraw every line from that
    // state and the list as it is now, keeping the End buttons of the logins still active.
    const result = outcome.ended ? t('alert-batch-ended') : outcome.text;
    deps.alerts.result(ctx.callbackQuery.message!.message_id, parsed.hash, result);
    const sessions = await deps.account.listSessions().catch(() => undefined);
    const items = lines.map((l): BurstItem => {
      const now = sessions?.find((s) => s.hash === l.hash);
      return {
        n: l.n,
        hash: l.hash,
        session: now ?? (l.hash === parsed.hash ? before : undefined),
        device: l.device,
        // When the list cannot be read, a login is treated as still active: its button stays rather than vanish.
        active: sessions ? now !== undefined : true,
        result: l.hash === parsed.hash ? result : l.result,
      };
    });
    const [m] = burstMessages(items, { i18n: deps.i18n, locale: deps.i18n.localeFor(ctx) }, true);
    await ctx.editMessageText(m!.text, { parse_mode: 'HTML', ...(m!.keyboard ? { reply_markup: m!.keyboard } : {}) });
  });

  return composer;
}
