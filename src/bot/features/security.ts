import { Composer, InlineKeyboard, type Context } from 'grammy';
import { CODE_GUARD_SETTING } from '../../guard/code-watcher';
import { GUARD_SETTING } from '../../guard/login-watcher';
import { sessionRisk } from '../../guard/session-risk';
import { describeFailure } from '../account-call';
import { declineReset, SHORTEST_TTL_DAYS } from '../door-actions';
import type { BotDeps } from '../deps';
import { addDisconnectButtons, DECLINE_RESET } from '../door-notices';
import { botLabel } from '../format/door-alerts';
import { clip, escapeHtml } from '../format/html';
import { relativeTime, utcTime } from '../format/time';
import { pressOneShot } from '../take-one-shot';

const TWO_FA_PATH = 'Settings → Privacy and Security → Two-Step Verification';

/** Runs one read for the checkup; a failure becomes a line saying what could not be read. */
async function read<T>(deps: BotDeps, what: string, call: () => Promise<T>): Promise<T | string> {
  try {
    return await call();
  } catch (err) {
    return `❔ ${await describeFailure(deps, err, `Reading ${what}`)}`;
  }
}

async function checkup(deps: BotDeps): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const { account } = deps;
  const nowMs = deps.now();
  const [password, sessions, web, bots, ttl] = await Promise.all([
    read(deps, 'the 2FA state', () => account.getPassword()),
    read(deps, 'the sessions', () => account.listSessions()),
    read(deps, 'the website logins', () => account.listWebSessions()),
    read(deps, 'the connected bots', () => account.listConnectedBots()),
    read(deps, 'the inactivity period', () => account.getSessionTtlDays()),
  ]);
  const lines = ['<b>Security checkup</b>', ''];
  const keyboard = new InlineKeyboard();
  if (typeof password === 'string') lines.push(password);
  else {
    lines.push(password.hasPassword ? '✅ 2FA is on.' : `❌ 2FA is off: set a password with a recovery email only you control (${TWO_FA_PATH}).`);
    if (password.hasPassword) {
      lines.push(password.hasRecovery ? '✅ A recovery email is set.' : `⚠️ No recovery email: add one you control (${TWO_FA_PATH}).`);
    }
    if (password.emailUnconfirmedPattern) {
      lines.push(`🚨 A recovery email is being set: ${escapeHtml(clip(password.emailUnconfirmedPattern))}. If it is not yours, send /panic.`);
    }
    if (password.pendingResetDate !== undefined) {
      lines.push(`🚨 A 2FA reset is pending: it removes the password at ${utcTime(password.pendingResetDate)} (${relativeTime(password.pendingResetDate, nowMs)}). Cancel it if it was not you.`);
      keyboard.text('Cancel the reset', `dr:${deps.doors.oneShots.create(DECLINE_RESET)}`).row();
    } else lines.push('✅ No 2FA reset is pending.');
  }
  if (typeof sessions === 'string') lines.push(sessions);
  else {
    const risk = sessionRisk(deps.guard.trusted, deps.doors.seenCountries);
    const flagged = sessions.map((s) => ({ s, flags: risk(s, nowMs) })).filter((f) => f.flags.length > 0);
    lines.push(flagged.length === 0 ? `✅ None of the ${sessions.length - 1} other sessions has a risk flag.` : `⚠️ ${flagged.length} ${flagged.length === 1 ? 'session has' : 'sessions have'} risk flags (end any you do not know with /sessions):`);
    for (const { s, flags } of flagged.slice(0, 10)) lines.push(`• ${escapeHtml(clip(s.deviceModel, 40))}: ${escapeHtml(flags.join('; '))}`);
  }
  if (typeof web === 'string') lines.push(web);
  else lines.push(web.length === 0 ? '✅ No website logins.' : `ℹ️ ${web.length} website ${web.length === 1 ? 'login' : 'logins'}: review them with /websessions.`);
  if (typeof bots === 'string') lines.push(bots);
  else if (bots.length === 0) lines.push('✅ No business bots are connected.');
  else {
    lines.push(`⚠️ ${bots.length} business ${bots.length === 1 ? 'bot is' : 'bots are'} connected and can read your chats: ${bots.map(botLabel).join(', ')}. Disconnect any you did not connect.`);
    addDisconnectButtons(keyboard, deps.doors.oneShots, bots.slice(0, 5));
  }
  if (typeof ttl === 'string') lines.push(ttl);
  else if (ttl > SHORTEST_TTL_DAYS) {
    lines.push(`⚠️ Inactive sessions end after ${ttl} days; 7 days leaves a forgotten device logged in for less time.`);
    keyboard.text('Shorten to 1 week', `tt:${SHORTEST_TTL_DAYS}`).row();
  } else lines.push(`✅ Inactive sessions end after ${ttl} days.`);
  lines.push(deps.guard.settings.flag(GUARD_SETTING) ? '✅ Guard mode is on.' : 'ℹ️ Guard mode is off: new logins are reported, not ended (/guard on).');
  if (deps.guard.settings.flag(CODE_GUARD_SETTING)) lines.push('✅ Code guard is on.');
  else {
    lines.push('ℹ️ Code guard is off: login codes stay valid after they are reported.');
    keyboard.text('Turn code guard on', 'cg:on').row();
  }
  return { text: lines.join('\n'), keyboard };
}

/** /security: a one-page checkup of every door, with a button wherever one call fixes a line. */
export function securityFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command('security', async (ctx) => {
    deps.audit.record({ actorId: ctx.from!.id, action: 'security_checkup' }, 'ok');
    const view = await checkup(deps);
    await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
  });

  // "Cancel the reset" needs no confirmation: it only protects. It acts once however often it is pressed.
  composer.callbackQuery(/^dr:([\w-]{1,16})$/, (ctx) =>
    pressOneShot(ctx, deps.doors.oneShots, ctx.match[1], DECLINE_RESET, 'Cancelling the reset…', () => () => declineReset(deps, ctx.from.id, 'button')),
  );

  return composer;
}
