import { Composer, type Context } from 'grammy';
import { GUARD_SETTING } from '../../guard/login-watcher';
import type { BotDeps } from '../deps';
import { endingAllowedAt } from '../../domain/fresh-session';
import { describeLoggedOut } from '../format/explain-failure';
import { field, FIELD_MAX } from '../format/field';
import { escapeHtml } from '../format/html';
import { duration, relativeTime, utcTime } from '../format/time';

/** Why, when Telegram said (a duplicate is worth naming), and what to do. */
function loggedOutDetail(code: string | undefined): string {
  if (!code) return ': run npm run login on the server, then restart';
  return ` (${escapeHtml(code)}): ${escapeHtml(describeLoggedOut(code))}`;
}

/** /status: is the warden able to see and end logins right now, and if not, why. */
export function statusFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('status', async (ctx) => {
    const s = deps.guard.status();
    const nowMs = deps.now();
    const who = s.account ? `${escapeHtml(field(s.account.firstName, FIELD_MAX.device))}${s.account.username ? ` (@${escapeHtml(field(s.account.username, FIELD_MAX.bot))})` : ''}, id ${s.account.id}` : 'unknown';
    const companion = s.companion.loggedOut
      ? `❌ logged out${loggedOutDetail(s.companion.loggedOutCode)}`
      : s.companion.unreachableSince !== undefined
        ? `⚠️ reconnecting since ${utcTime(s.companion.unreachableSince / 1000, true)} (${duration((nowMs - s.companion.unreachableSince) / 1000)}): alerts resume when Telegram answers`
        : s.companion.connected
          ? '✅ connected'
          : '⚠️ not connected (reconnecting by itself)';
    const lines = [
      `<b>session-warden status</b>`,
      `Companion: ${companion}`,
      '🛡 The companion is this guard\'s own session, shown in Telegram\'s Devices as "session-warden".',
      `Account: ${who}`,
    ];
    if (s.companionCreatedAt !== undefined) {
      const allowedAt = endingAllowedAt(s.companionCreatedAt);
      lines.push(`Companion session age: ${duration(nowMs / 1000 - s.companionCreatedAt)}`);
      lines.push(
        allowedAt > nowMs / 1000
          ? `⚠️ Telegram will refuse to end other sessions until ${utcTime(allowedAt)} (the companion must be 24 hours old).`
          : 'Ending other sessions: allowed.',
      );
    }
    const guardOn = deps.guard.settings.flag(GUARD_SETTING);
    lines.push(`Guard mode: ${guardOn ? 'on' : 'off'}, ${deps.guard.trusted.list().length} trusted devices`);
    lines.push(`Last session check: ${s.lastReconcileAt ? relativeTime(s.lastReconcileAt / 1000, nowMs) : 'not yet'}`);
    lines.push(`Uptime: ${duration((nowMs - s.startedAt) / 1000)}`);
    lines.push(`Alerts waiting to be sent: ${s.pendingAlerts}`);
    await ctx.reply(lines.join('\n'), { parse_mode: 'HTML' });
  });
  return composer;
}
