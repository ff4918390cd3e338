import { Composer, type Context } from 'grammy';
import type { Session } from '../../domain/session';
import { parseSessionHash } from '../../domain/session-hash';
import type { NewLogin } from '../../guard/doors/login-watcher';
import { audited, companionCreatedAt, describeFailure } from '../actions/account-call';
import { allowRetry } from '../buttons/press-state';
import type { BotDeps } from '../deps';
import { wordsOf } from '../text/i18n';
import { endButtonHash, endSessionOutcome, findSession } from '../actions/end-session';
import { alertMessage, type AlertOutcome } from '../views/alert';
import { burstRedraw, type BurstItem } from '../views/batch-redraw';

type Button = { text: string; callback_data?: string };
type BurstResult = { n: number; hash: bigint; session: Session | undefined; result: string };

/** The End buttons on the pressed message, with the number each shows ("End 3" → 3). */
function endButtons(ctx: Context): Array<{ n: number; hash: bigint }> {
  const markup = ctx.callbackQuery?.message?.reply_markup as { inline_keyboard?: Button[][] } | undefined;
  const out: Array<{ n: number; hash: bigint }> = [];
  for (const b of markup?.inline_keyboard?.flat() ?? []) {
    const m = /^ee:(-?\d{1,19})$/.exec(b.callback_data ?? '');
    const n = /(\d+)$/.exec(b.text);
    const parsed = parseSessionHash(m?.[1]);
    if (m && n && parsed.ok) out.push({ n: Number(n[1]), hash: parsed.hash });
  }
  return out;
}

/** A single alert has "It's me"; a burst alert has only numbered End buttons. */
const isBurst = (ctx: Context): boolean => {
  const markup = ctx.callbackQuery?.message?.reply_markup as { inline_keyboard?: Button[][] } | undefined;
  const all = markup?.inline_keyboard?.flat() ?? [];
  return all.some((b) => b.callback_data?.startsWith('ee:')) && !all.some((b) => b.callback_data?.startsWith('ok:'));
};

/** The buttons under new-login alerts: "It's me" (confirm, then offer trust), "End it", and "No thanks". */
export function alertActionsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  /** Burst alerts' results by message, so a redraw still shows the logins already ended from it. */
  const burstResults = new Map<string, Map<string, BurstResult>>();

  /** Redraws a single alert from the session as it is now (or just before it ended) and the outcome. */
  const redraw = async (ctx: Context, hash: bigint, session: Session | undefined, outcome: AlertOutcome): Promise<void> => {
    const login: NewLogin = { hash, session, push: undefined, via: 'push', whileOffline: false };
    const m = alertMessage(login, { nowMs: deps.now(), autoconfirmSeconds: undefined, companionCreatedAt: await companionCreatedAt(deps), i18n: deps.i18n, locale: deps.i18n.localeFor(ctx) }, outcome);
    await ctx.editMessageText(m.text, { parse_mode: 'HTML', ...(m.keyboard ? { reply_markup: m.keyboard } : {}) });
  };

  /** The owner's words for a reply to `ctx`. */
  const words = (ctx: Context) => wordsOf({ i18n: deps.i18n, locale: deps.i18n.localeFor(ctx) });

  composer.callbackQuery(/^ok:(-?\d{1,19})$/, async (ctx) => {
    const t = words(ctx);
    const parsed = parseSessionHash(ctx.match[1]);
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

  composer.callbackQuery(/^tn:(-?\d{1,19})$/, async (ctx) => {
    const parsed = parseSessionHash(ctx.match[1]);
    if (!parsed.ok) return;
    const t = words(ctx);
    const session = await findSession(deps, parsed.hash);
    // Read from the list, not assumed: "Trust this device" may have been pressed first.
    const text = !session ? t('alert-session-gone-short') : deps.guard.trusted.isTrusted(session) ? t('alert-device-trusted') : t('alert-declined-trust');
    await redraw(ctx, parsed.hash, session, session ? { kind: 'mine', text, offerTrust: false } : { kind: 'ended', text });
  });

  composer.callbackQuery(/^ee:(-?\d{1,19})$/, async (ctx) => {
    const t = words(ctx);
    const hash = endButtonHash(ctx.match[1]);
    if (hash === undefined) return void (await ctx.reply(t('alert-button-invalid')));
    const parsed = { hash };
    deps.guard.alertHandled?.(parsed.hash);
    const before = await findSession(deps, parsed.hash);
    const outcome = await endSessionOutcome(deps, ctx.from.id, parsed.hash, before);
    if (!outcome.ended) allowRetry(ctx);
    if (!isBurst(ctx)) {
      return redraw(ctx, parsed.hash, before, outcome.ended ? { kind: 'ended', text: outcome.text } : { kind: 'failed', text: outcome.text });
    }
    // A burst alert: record this result, then redraw every line and keep the End buttons still useful.
    const message = `${ctx.chat?.id}:${ctx.callbackQuery.message?.message_id}`;
    const results = burstResults.get(message) ?? new Map<string, BurstResult>();
    burstResults.set(message, results);
    if (burstResults.size > 200) burstResults.delete(burstResults.keys().next().value as string);
    const buttons = endButtons(ctx);
    const pressed = buttons.find((b) => b.hash === parsed.hash);
    results.set(parsed.hash.toString(), { n: pressed?.n ?? 0, hash: parsed.hash, session: before, result: outcome.ended ? t('alert-batch-ended') : outcome.text });
    const sessions = await deps.account.listSessions().catch(() => undefined);
    const items = new Map<string, BurstItem>();
    const now = (hash: bigint) => sessions?.find((s) => s.hash === hash);
    // When the list cannot be read, a login is treated as still active: its button stays rather than vanish.
    const active = (hash: bigint): boolean => (sessions ? now(hash) !== undefined : true);
    for (const b of buttons) items.set(b.hash.toString(), { ...b, session: now(b.hash), active: active(b.hash) });
    for (const r of results.values()) items.set(r.hash.toString(), { ...r, session: now(r.hash) ?? r.session, active: active(r.hash) });
    const m = burstRedraw([...items.values()], { i18n: deps.i18n, locale: deps.i18n.localeFor(ctx) });
    await ctx.editMessageText(m.text, { parse_mode: 'HTML', ...(m.keyboard ? { reply_markup: m.keyboard } : {}) });
  });

  return composer;
}
