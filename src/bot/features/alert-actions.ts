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

  /** One burst redraw at a time per message: two End presses at once must not draw over each other's results. */
  const burstTurns = new Map<number, Promise<void>>();
  const inTurn = (messageId: number, work: () => Promise<void>): Promise<void> => {
    const run = (burstTurns.get(messageId) ?? Promise.resolve()).then(work);
    const settled = run.catch(() => undefined);
    burstTurns.set(messageId, settled);
    void settled.then(() => burstTurns.get(messageId) === settled && burstTurns.delete(messageId));
    return run;
  };

  composer.callbackQuery(buttonPattern('ee'), async (ctx) => {
    const t = words(ctx);
    const hash = readButton('ee', ctx.callbackQuery.data);
    if (hash === undefined) return void (await ctx.reply(t('alert-button-invalid')));
    deps.guard.alertHandled?.(hash);
    const before = await findSession(deps, hash);
    const outcome = await endSessionOutcome(deps, ctx.from.id, hash, before);
    if (!outcome.ended) allowRetry(ctx);
    const messageId = ctx.callbackQuery.message?.message_id;
    const lines = messageId === undefined ? [] : deps.alerts.lines(messageId);
    // No record of what this message shows (older than the record): say the outcome and leave the
    // message as it is, rather than redraw it from a guess and lose its other lines.
    if (messageId === undefined || lines.length === 0) return void (await ctx.reply(outcome.text));
    if (lines.length === 1) {
      return redraw(ctx, hash, before, outcome.ended ? { kind: 'ended', text: outcome.text } : { kind: 'failed', text: outcome.text });
    }
    // A burst alert: the outcome joins the alert's state, as data; the line shows it in a word or a
    // code, and a failure's full explanation (what to do) comes as its own message.
    deps.alerts.outcome(messageId, hash, outcome.ended ? { ended: true } : { ended: false, code: outcome.code ?? 'UNKNOWN' });
    if (!outcome.ended) await ctx.reply(outcome.text);
    await inTurn(messageId, async () => {
      const state = deps.alerts.lines(messageId);
      const sessions = await deps.account.listSessions().catch(() => undefined);
      const items = state.map((l): BurstItem => {
        const now = sessions?.find((s) => s.hash === l.hash);
        return {
          n: l.n,
          hash: l.hash,
          session: now ?? (l.hash === hash ? before : undefined),
          device: l.device,
          // When the list cannot be read, a login is still active unless a press ended it: its button stays rather than vanish.
          active: sessions ? now !== undefined : l.outcome?.ended !== true,
          result: l.outcome === undefined ? undefined : l.outcome.ended ? t('alert-batch-ended') : t('alert-batch-not-ended', { code: l.outcome.code }),
        };
      });
      const [m] = burstMessages(items, { i18n: deps.i18n, locale: deps.i18n.localeFor(ctx) }, true);
      await ctx.editMessageText(m!.text, { parse_mode: 'HTML', ...(m!.keyboard ? { reply_markup: m!.keyboard } : {}) });
    });
  });

  return composer;
}
