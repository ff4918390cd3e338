import { Composer, InlineKeyboard, type Context } from 'grammy';
import { CODE_GUARD_SETTING } from '../../guard/doors/code-watcher';
import { GUARD_SETTING } from '../../guard/doors/login-watcher';
import { codeGuardWeakenedUntil } from '../../guard/doors/weakening-windows';
import { sessionRisk } from '../../guard/session-risk';
import { describeFailure } from '../actions/account-call';
import { declineReset, SHORTEST_TTL_DAYS } from '../actions/door-actions';
import type { BotDeps } from '../deps';
import { addDisconnectButtons, DECLINE_RESET } from '../delivery/door-notices';
import { checkupView, type CheckupAction, type CheckupReadings } from '../views/security-checkup';
import { addResultLine, pressOneShot } from '../buttons/take-one-shot';
import { allowRetry } from '../buttons/acts-once';
import { buttonData, buttonPattern } from '../buttons/buttons';
import { speechFor, wordsFor, wordsOf } from '../text/i18n';
import { TTL_CHOICES } from '../views/ttl-label';
import { FLAG_WINDOW_SECONDS } from '../views/change-alert';
import type { Doing } from '../views/explain-failure';

/** Runs one read for the checkup; a failure becomes a line saying what could not be read. */
async function read<T>(deps: BotDeps, doing: Doing, call: () => Promise<T>): Promise<T | string> {
  try {
    return await call();
  } catch (err) {
    return `❔ ${await describeFailure(deps, err, doing)}`;
  }
}

async function readings(deps: BotDeps): Promise<CheckupReadings> {
  const { account } = deps;
  const risk = sessionRisk(deps.guard.trusted, deps.doors.seenCountries);
  const [password, sessions, web, bots, ttlDays] = await Promise.all([
    read(deps, 'doing-read-2fa', () => account.getPassword()),
    read(deps, 'doing-read-sessions', () => account.listSessions()),
    read(deps, 'doing-read-web-sessions', () => account.listWebSessions()),
    read(deps, 'doing-read-bots', () => account.listConnectedBots()),
    read(deps, 'doing-read-ttl', () => account.getSessionTtlDays()),
  ]);
  return {
    password,
    sessions: typeof sessions === 'string' ? sessions : sessions.map((session) => ({ session, flags: risk(session, deps.now()) })),
    webSessions: typeof web === 'string' ? web : web.length,
    bots,
    ttlDays,
    shortestTtlDays: SHORTEST_TTL_DAYS,
    guardOn: deps.guard.settings.flag(GUARD_SETTING),
    codeGuardOn: deps.guard.settings.flag(CODE_GUARD_SETTING),
    ...weakenedUntil(deps),
    ...(deps.doors.history ? { changes: deps.doors.history.since(Math.floor(deps.now() / 1000) - FLAG_WINDOW_SECONDS) } : {}),
    channels: deps.channels?.names() ?? [],
  };
}

/** While an /expect window is open, when it closes (unix s): code guard leaves codes valid until then. */
function weakenedUntil(deps: BotDeps): { codeGuardWeakenedUntil?: number } {
  const until = codeGuardWeakenedUntil(deps.guard.settings, deps.now());
  return until === undefined ? {} : { codeGuardWeakenedUntil: Math.floor(until / 1000) };
}

/** The checkup's one-call fixes as buttons; the one-shot ones get their tokens here. */
function keyboardFor(deps: BotDeps, actions: readonly CheckupAction[], t: ReturnType<typeof wordsOf>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const a of actions) {
    if (a.kind === 'decline_reset') keyboard.text(t('door-cancel-reset-button'), buttonData('dr', deps.doors.oneShots.create(DECLINE_RESET))).row();
    if (a.kind === 'disconnect') addDisconnectButtons(keyboard, deps.doors.oneShots, a.bots, t);
    if (a.kind === 'shorten_ttl') keyboard.text(t('checkup-shorten-ttl-button', { period: t(TTL_CHOICES.find(([d]) => d === SHORTEST_TTL_DAYS)?.[1] ?? 'ttl-1-week') }), buttonData('tt', SHORTEST_TTL_DAYS)).row();
    if (a.kind === 'code_guard_on') keyboard.text(t('checkup-codeguard-button'), buttonData('cg', 'on')).row();
  }
  return keyboard;
}

/** Whether a press came from the checkup: its first line is the checkup's title, in any of the bot's languages. */
function fromCheckup(deps: BotDeps, ctx: Context): boolean {
  const m = ctx.callbackQuery?.message;
  const first = (m && 'text' in m ? (m.text ?? '') : '').split('\n')[0];
  return deps.i18n.locales.some((l) => wordsOf({ i18n: deps.i18n, locale: l })('checkup-title').replace(/<[^>]+>/g, '') === first);
}

/**
 * A checkup button's result, under the checkup read again: every line then says the state after the
 * press, never the one the page was drawn with (guard mode turned on since, the TTL just shortened),
 * and only the fixes still needed keep a button. Under any other message (a door alert, /bots,
 * /ttl) the result is a line under it, as before.
 */
export async function showCheckupResult(deps: BotDeps, ctx: Context, result: { readonly ok: boolean; readonly text: string }): Promise<void> {
  if (!fromCheckup(deps, ctx)) return addResultLine(ctx, result);
  if (!result.ok) allowRetry(ctx);
  const speech = speechFor(deps, ctx);
  const t = wordsOf(speech);
  const view = checkupView(await readings(deps), deps.now(), speech);
  const text = deps.secondFactor ? view.text : `${view.text}\n\n${t('second-factor-missing')}`;
  await ctx.editMessageText(`${text}\n\n${result.text}`, { parse_mode: 'HTML', reply_markup: keyboardFor(deps, view.actions, t) });
}

/** /security: a one-page checkup of every door, with a button wherever one call fixes a line. */
export function securityFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command('security', async (ctx) => {
    deps.audit.record({ actorId: ctx.from!.id, action: 'security_checkup' }, 'ok');
    const speech = speechFor(deps, ctx);
    const view = checkupView(await readings(deps), deps.now(), speech);
    const text = deps.secondFactor ? view.text : `${view.text}\n\n${wordsOf(speech)('second-factor-missing')}`;
    await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboardFor(deps, view.actions, wordsOf(speech)) });
  });

  // "Cancel the reset" needs no confirmation prompt (only the code, when a second factor is set): it
  // only protects. It acts once however often it is pressed.
  composer.callbackQuery(buttonPattern('dr'), (ctx) =>
    pressOneShot(
      ctx,
      wordsFor(deps, ctx)('button-not-valid-nothing-changed'),
      () => () => declineReset(deps, ctx.from.id, 'button'),
      (c, result) => showCheckupResult(deps, c, result),
    ),
  );

  return composer;
}
