import { Composer, InlineKeyboard, type Context } from 'grammy';
import { INT64_MAX, INT64_MIN, parseSessionHash, type HashParseResult } from '../../domain/session-hash';
import type { BotDeps } from '../deps';
import { takeConfirmation } from '../buttons/acts-once';
import { endSession, isOwnSession, ownSessionRefusal } from '../actions/end-session';
import { clip } from '../text/html';
import { sessionCard, sessionOrdinal } from '../views/session-card';
import type { Session } from '../../domain/session';
import { describeFailure } from '../actions/account-call';
import { sessionRisk } from '../../guard/session-risk';
import { speechFor, wordsFor, wordsOf, type Locale, type Localizer } from '../text/i18n';
import { buttonData, buttonPattern, readButton } from '../buttons/buttons';

const EXAMPLE = '/revoke -1234567890123456789';

/**
 * The answer to a /revoke argument that is not a session hash, in the owner's language.
 * Sent without parse_mode, so the echoed input needs no escaping, only a length bound.
 */
export function usageFor(
  i18n: Pick<Localizer, 't'>,
  locale: Locale,
  reason: Exclude<HashParseResult, { ok: true }>['reason'],
  input: string,
): string {
  const t = wordsOf({ i18n, locale });
  switch (reason) {
    case 'missing':
      return t('revoke-usage', { example: EXAMPLE });
    case 'not_a_number':
      return t('revoke-not-a-number', { input: clip(input, 40), example: EXAMPLE });
    case 'out_of_range':
      return t('revoke-out-of-range', { min: INT64_MIN.toString(), max: INT64_MAX.toString() });
    case 'current_session':
      return t('revoke-current-session');
  }
}

/** /revoke <hash>, and the End buttons under /sessions, which ask before ending. */
export function revokeFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command('revoke', async (ctx) => {
    const parsed = parseSessionHash(ctx.match);
    if (!parsed.ok) {
      await ctx.reply(usageFor(deps.i18n, deps.i18n.localeFor(ctx), parsed.reason, ctx.match));
      return;
    }
    await ctx.reply(await endSession(deps, ctx.from?.id ?? deps.ownerId, parsed.hash), { parse_mode: 'HTML' });
  });

  composer.callbackQuery(buttonPattern('se'), async (ctx) => {
    const speak = wordsFor(deps, ctx);
    const hash = readButton('se', ctx.callbackQuery.data);
    if (hash === undefined) return void (await ctx.reply(speak('revoke-button-invalid')));
    // Checked before anything is asked of Telegram, so it holds even when the list cannot be read.
    if (isOwnSession(hash)) return void (await ctx.reply(ownSessionRefusal(deps)));
    let sessions: Session[];
    try {
      sessions = await deps.account.listSessions();
    } catch (err) {
      return void (await ctx.reply(await describeFailure(deps, err, 'doing-read-sessions')));
    }
    const session = sessions.find((s) => s.hash === hash);
    if (isOwnSession(hash, session)) return void (await ctx.reply(ownSessionRefusal(deps)));
    if (!session) {
      await ctx.reply(speak('revoke-session-gone'));
      return;
    }
    const id = deps.confirmations.create({ kind: 'end', hash });
    // The same number as the card and the button in /sessions.
    const n = sessionOrdinal(sessions, session.hash) ?? 1;
    await ctx.reply(`${speak('revoke-confirm')}\n\n${sessionCard(session, n, deps.now(), speechFor(deps, ctx), { risk: sessionRisk(deps.guard.trusted, deps.doors.seenCountries) })}`, {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text(speak('revoke-end-button', { index: n }), buttonData('sc', id)).text(speak('button-cancel'), buttonData('sx', id)),
    });
  });

  composer.callbackQuery(buttonPattern('sc'), async (ctx) => {
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, readButton('sc', ctx.callbackQuery.data), 'end', '/sessions');
    if (!pending) return;
    await ctx.editMessageText(await endSession(deps, ctx.from.id, pending.hash), { parse_mode: 'HTML' });
  });

  composer.callbackQuery(buttonPattern('sx'), async (ctx) => {
    deps.confirmations.cancel(readButton('sx', ctx.callbackQuery.data) ?? '');
    await ctx.editMessageText(wordsFor(deps, ctx)('revoke-cancelled'));
  });

  return composer;
}


