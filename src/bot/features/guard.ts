import { Composer, InlineKeyboard, type CallbackQueryContext, type Context } from 'grammy';
import { GUARD_SETTING } from '../../guard/doors/login-watcher';
import type { Session } from '../../domain/session';
import { formatSessionHash } from '../../domain/session-hash';
import { trustCandidates } from '../../guard/trust-candidates';
import { describeFailure, endingRefusedUntil } from '../actions/account-call';
import { ownerClock } from '../text/owner-clock';
import { escapeHtml } from '../text/html';
import { describeSession } from '../views/session-card';
import type { BotDeps } from '../deps';
import { speechFor, wordsFor, wordsOf, type Speech } from '../text/i18n';
import { takeConfirmation } from '../buttons/acts-once';
import { buttonData, buttonPattern, readButton } from '../buttons/buttons';
import type { ConfirmationId } from '../buttons/confirmations';

/** /guard on|off: when on, every new login from an untrusted device is ended at once. Persisted. */
export function guardFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const { settings, trusted } = deps.guard;

  const turn = (on: boolean, actorId: number, detail?: string): void => {
    settings.setFlag(GUARD_SETTING, on);
    deps.audit.record({ actorId, action: on ? 'guard_on' : 'guard_off', detail: detail ?? null }, 'ok');
  };
  /** The sessions "Trust current sessions" would trust and those it leaves out, as prompt lines. */
  const currentCandidates = async (speech: Speech): Promise<{ trust: readonly Session[]; lines: string[] }> => {
    const t = wordsOf(speech);
    try {
      const { trust, leftOut } = trustCandidates(await deps.account.listSessions(), deps.now());
      return {
        trust,
        lines: [
          trust.length > 0 ? `\n${t('guard-would-trust')}` : `\n${t('guard-none-trustable')}`,
          ...trust.map((s) => `• ${escapeHtml(describeSession(s, speech))}`),
          ...(leftOut.length > 0 ? [t('guard-leaves-out')] : []),
          ...leftOut.map((l) => `• ${escapeHtml(describeSession(l.session, speech))}: ${t(`guard-left-out-${l.why}`)}`),
        ],
      };
    } catch (err) {
      return { trust: [], lines: [`\n${escapeHtml(await describeFailure(deps, err, 'doing-read-sessions'))}`] };
    }
  };
  /** "Guard mode is on", saying until when Telegram will refuse to end sessions if the companion is under 24 hours old. */
  const onText = async (speech: Speech): Promise<string> => {
    const until = await endingRefusedUntil(deps);
    const count = trusted.list().length;
    if (until === undefined) return wordsOf(speech)('guard-on', { trusted: count });
    return wordsOf(speech)('guard-on-fresh', { trusted: count, at: ownerClock(speech.locale, deps.i18n.timeZone).at(until) });
  };

  composer.command('guard', async (ctx) => {
    const speech = speechFor(deps, ctx);
    const t = wordsOf(speech);
    const arg = ctx.match.trim().toLowerCase();
    if (arg === 'off') {
      turn(false, ctx.from!.id);
      return void (await ctx.reply(t('guard-turned-off')));
    }
    if (arg !== 'on') {
      const state = settings.flag(GUARD_SETTING) ? await onText(speech) : t('guard-is-off');
      return void (await ctx.reply(`${state}\n${t('guard-usage')}`, { parse_mode: 'HTML' }));
    }
    if (trusted.list().length > 0) {
      turn(true, ctx.from!.id);
      return void (await ctx.reply(await onText(speech), { parse_mode: 'HTML' }));
    }
    const candidates = await currentCandidates(speech);
    const id = deps.confirmations.create({ kind: 'guard_on', count: 0, trust: candidates.trust.map((s) => formatSessionHash(s.hash)) });
    const keyboard = new InlineKeyboard();
    // Offered only when it would trust someone: with none to trust it would only turn guard mode on.
    if (candidates.trust.length > 0) keyboard.text(t('guard-trust-and-on-button'), buttonData('gt', id)).row();
    keyboard.text(t('guard-on-anyway-button'), buttonData('go', id)).text(t('button-cancel'), buttonData('gx', id));
    await ctx.reply(
      [t('guard-no-trusted-prompt'), ...candidates.lines].join('\n'),
      { parse_mode: 'HTML', reply_markup: keyboard },
    );
  });

  composer.callbackQuery(buttonPattern('gx'), async (ctx) => {
    deps.confirmations.cancel(readButton('gx', ctx.callbackQuery.data) ?? '');
    await ctx.editMessageText(wordsFor(deps, ctx)('guard-stays-off'));
  });

  /** "Trust current sessions and turn on" (`trustFirst`) or "Turn on anyway": both take the prompt's one confirmation. */
  const turnOn = async (ctx: CallbackQueryContext<Context>, id: ConfirmationId | undefined, trustFirst: boolean): Promise<void> => {
    const speech = speechFor(deps, ctx);
    const t = wordsOf(speech);
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, id, 'guard_on');
    if (!pending) return;
    let added = 0;
    if (trustFirst) {
      try {
        // Only the sessions the prompt listed: one that appeared since cannot slip in.
        const listed = new Set(pending.trust ?? []);
        for (const s of (await deps.account.listSessions()).filter((s) => listed.has(formatSessionHash(s.hash)))) {
          if (trusted.add(s)) added += 1;
          deps.doors.seenCountries.note(s, s.country);
        }
      } catch (err) {
        return void (await ctx.editMessageText(`${await describeFailure(deps, err, 'doing-read-sessions')} ${t('guard-stays-off')}`));
      }
    }
    turn(true, ctx.from.id, added ? `trusted ${added} current devices first` : 'with no trusted devices');
    await ctx.editMessageText(`${added ? `${t('guard-trusted-current', { count: added })} ` : ''}${await onText(speech)}`, { parse_mode: 'HTML' });
  };
  composer.callbackQuery(buttonPattern('gt'), (ctx) => turnOn(ctx, readButton('gt', ctx.callbackQuery.data), true));
  composer.callbackQuery(buttonPattern('go'), (ctx) => turnOn(ctx, readButton('go', ctx.callbackQuery.data), false));

  return composer;
}
