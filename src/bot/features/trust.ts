import { Composer, InlineKeyboard, type Context } from 'grammy';
import type { Session } from '../../domain/session';
import { sessionOf } from '../../domain/session-hash';
import type { BotDeps } from '../deps';
import { findSession } from '../actions/end-session';
import { FIELD_MAX } from '../text/field';
import { clip, escapeHtml } from '../text/html';
import { describeDevice, trustPage } from '../views/trust-view';
import { describeFailure } from '../actions/account-call';
import { trustExclusion } from '../../guard/trust-candidates';
import { speechFor, wordsFor, wordsOf } from '../text/i18n';
import { buttonData, buttonPattern, readButton } from '../buttons/buttons';

/** /trust: the device fingerprints guard mode leaves alone, in pages; add from current sessions, remove. */
export function trustFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const { trusted } = deps.guard;

  const show = (ctx: Context, n: number) => trustPage(trusted.list(), n, speechFor(deps, ctx));

  composer.command('trust', async (ctx) => {
    const { text, keyboard } = show(ctx, 0);
    await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard });
  });

  composer.callbackQuery(buttonPattern('tp'), async (ctx) => {
    const { text, keyboard } = show(ctx, readButton('tp', ctx.callbackQuery.data) ?? 0);
    await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard });
  });

  composer.callbackQuery(buttonPattern('tx'), async (ctx) => {
    const pressed = readButton('tx', ctx.callbackQuery.data);
    if (!pressed) return;
    const removed = trusted.remove(pressed.id);
    if (removed) deps.audit.record({ actorId: ctx.from.id, action: 'untrust', detail: `trusted device #${pressed.id}` }, 'ok');
    // Redrawn from the list as it is now, on the page the owner was looking at.
    const { text, keyboard } = show(ctx, pressed.page);
    await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard });
  });

  composer.callbackQuery(buttonPattern('tl'), async (ctx) => {
    const t = wordsFor(deps, ctx);
    try {
      const others = (await deps.account.listSessions()).filter((s) => !s.current);
      const sessions = others.filter((s) => !trusted.isTrusted(s));
      // Read from the list: "already trusted" only when there is someone to have trusted.
      if (others.length === 0) return void (await ctx.reply(t('trust-no-other-sessions')));
      if (sessions.length === 0) return void (await ctx.reply(t('trust-all-trusted')));
      const keyboard = new InlineKeyboard();
      for (const s of sessions.slice(0, 30)) {
        // The risk is on the button itself: the owner sees it before choosing, not after.
        const flag = trustExclusion(s, deps.now()) ? '⚠️ ' : '';
        keyboard.text(`${flag}${clip(s.deviceModel, FIELD_MAX.button)}, ${clip(s.appName, FIELD_MAX.button)}`, buttonData('tr', s.hash)).row();
      }
      await ctx.reply(t('trust-which'), { reply_markup: keyboard });
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'doing-list-sessions'));
    }
  });

  /**
   * Every path to the trusted list takes two presses: "tr" shows exactly which device would be
   * trusted, with any flag that stands against it (trustExclusion), and changes nothing; "tf", under
   * that question, trusts it (and is the one that asks for the second factor). So the flag is always
   * seen before the device is trusted, and one code covers one trust.
   */
  /** The session a trust button names, or undefined after saying it is gone. */
  const pressedSession = async (ctx: Context, hash: bigint | undefined): Promise<Session | undefined> => {
    const parsed = sessionOf(hash);
    const session = parsed.ok ? await findSession(deps, parsed.hash) : undefined;
    if (!session) await ctx.reply(wordsFor(deps, ctx)('trust-session-gone'));
    return session;
  };

  composer.callbackQuery(buttonPattern('tr'), async (ctx) => {
    const speech = speechFor(deps, ctx);
    const t = wordsOf(speech);
    const session = await pressedSession(ctx, readButton('tr', ctx.callbackQuery.data));
    if (!session) return;
    const name = escapeHtml(describeDevice(session, speech));
    if (trusted.isTrusted(session)) return void (await ctx.reply(t('trust-already', { device: name }), { parse_mode: 'HTML' }));
    const why = trustExclusion(session, deps.now());
    const question = why ? t('trust-ask-again', { device: name, why: t(`guard-left-out-${why}`) }) : t('trust-confirm', { device: name });
    const keyboard = new InlineKeyboard().text(t(why ? 'trust-anyway-button' : 'trust-confirm-button'), buttonData('tf', session.hash));
    await ctx.reply(question, { parse_mode: 'HTML', reply_markup: keyboard });
  });

  composer.callbackQuery(buttonPattern('tf'), async (ctx) => {
    const speech = speechFor(deps, ctx);
    const t = wordsOf(speech);
    const session = await pressedSession(ctx, readButton('tf', ctx.callbackQuery.data));
    if (!session) return;
    const why = trustExclusion(session, deps.now());
    const added = trusted.add(session);
    deps.doors.seenCountries.note(session, session.country);
    const detail = `${describeDevice(session)}${why ? ` (despite: ${why})` : ''}`;
    deps.audit.record({ actorId: ctx.from.id, action: 'trust', targetHash: session.hash, detail }, added ? 'ok' : 'already_trusted');
    await ctx.reply(t(added ? 'trust-added' : 'trust-already', { device: escapeHtml(describeDevice(session, speech)) }), { parse_mode: 'HTML' });
  });

  return composer;
}
