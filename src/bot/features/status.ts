import { Composer, type Context } from 'grammy';
import { GUARD_SETTING } from '../../guard/doors/login-watcher';
import type { BotDeps, WardenStatus } from '../deps';
import { endingAllowedAt } from '../../domain/fresh-session';
import { lockedUntil } from '../../guard/second-factor';
import { loggedOutWords } from '../views/explain-failure';
import { field, FIELD_MAX } from '../text/field';
import { escapeHtml } from '../text/html';
import { ownerClock, type OwnerClock } from '../text/owner-clock';
import { speechFor, wordsOf, type Words } from '../text/i18n';


/** Why, when Telegram said (a duplicate is worth naming), and what to do. */
function loggedOutDetail(code: string | undefined, t: Words): string {
  if (!code) return t('status-logged-out-no-code');
  return t('status-logged-out-code', { code: escapeHtml(code), ...loggedOutWords(code, t) });
}

/** Each channel outside Telegram (last delivery, what waits, what was dropped, a failure), and the heartbeat. */
function channelLines(s: WardenStatus, nowMs: number, clock: OwnerClock, t: Words): string[] {
  const lines: string[] = [];
  if (!s.channels || s.channels.length === 0) lines.push(t('status-channels-none'));
  else {
    lines.push(t('status-channels'));
    for (const c of s.channels) {
      const parts = [c.lastDeliveredAt ? t('status-channel-delivered', { ago: clock.ago(c.lastDeliveredAt / 1000, nowMs) }) : t('status-channel-never')];
      if (c.waiting > 0) parts.push(t('status-channel-waiting', { count: c.waiting }));
      if (c.dropped > 0) parts.push(t('status-channel-dropped', { count: c.dropped }));
      if (c.failing) parts.push(t('status-channel-failing', { code: escapeHtml(c.failing) }));
      lines.push(t('status-channel', { name: c.name, state: parts.join(', ') }));
    }
  }
  const hb = s.heartbeat;
  if (!hb) lines.push(t('status-heartbeat-off'));
  else if (hb.pausedSince !== undefined) lines.push(t('status-heartbeat-paused', { since: clock.at(hb.pausedSince / 1000, true) }));
  else {
    const interval = clock.wait(hb.intervalMs / 1000);
    lines.push(hb.lastPingAt ? t('status-heartbeat-on', { interval, ago: clock.ago(hb.lastPingAt / 1000, nowMs) }) : t('status-heartbeat-none-yet', { interval }));
  }
  return lines;
}

/** /status: is the warden able to see and end logins right now, and if not, why; in the owner's language. */
export function statusFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('status', async (ctx) => {
    const speech = speechFor(deps, ctx);
    const t = wordsOf(speech);
    const clock = ownerClock(speech.locale, deps.i18n.timeZone);
    const s = deps.guard.status();
    const nowMs = deps.now();
    const who = s.account
      ? t('status-account', {
          name: escapeHtml(field(s.account.firstName, FIELD_MAX.device)),
          username: s.account.username ? ` (@${escapeHtml(field(s.account.username, FIELD_MAX.bot))})` : '',
          id: String(s.account.id),
        })
      : t('status-unknown');
    const companion = s.companion.loggedOut
      ? loggedOutDetail(s.companion.loggedOutCode, t)
      : s.companion.unreachableSince !== undefined
        ? t('status-reconnecting', { since: clock.at(s.companion.unreachableSince / 1000, true), wait: clock.wait((nowMs - s.companion.unreachableSince) / 1000) })
        : s.companion.connected
          ? t('status-connected')
          : t('status-not-connected');
    const lines = [t('status-title'), t('status-companion', { state: companion }), t('status-companion-explain'), t('status-account-line', { who })];
    if (s.companionCreatedAt !== undefined) {
      const allowedAt = endingAllowedAt(s.companionCreatedAt);
      lines.push(t('status-companion-age', { age: clock.wait(nowMs / 1000 - s.companionCreatedAt) }));
      lines.push(allowedAt > nowMs / 1000 ? t('status-ending-refused', clock.until(allowedAt, nowMs, 'from')) : t('status-ending-allowed'));
    }
    const guardOn = deps.guard.settings.flag(GUARD_SETTING);
    lines.push(t(guardOn ? 'status-guard-on' : 'status-guard-off', { trusted: deps.guard.trusted.list().length }));
    lines.push(t('status-last-check', { ago: s.lastReconcileAt ? clock.ago(s.lastReconcileAt / 1000, nowMs) : t('status-not-yet') }));
    for (const blind of s.blindWatches) lines.push(t('status-blind', { door: t(`door-name-${blind.door}`), ...clock.until(blind.until / 1000, nowMs, 'from') }));
    lines.push(t('status-uptime', { uptime: clock.wait((nowMs - s.startedAt) / 1000) }));
    lines.push(t('status-pending', { count: s.pendingAlerts }));
    const factor = deps.secondFactor;
    const locked = factor ? lockedUntil(factor.states.load(), factor.now()) : undefined;
    if (!factor) lines.push(t('second-factor-missing'));
    else lines.push(locked === undefined ? t('status-second-factor-on') : t('status-second-factor-locked', clock.until(locked / 1000, nowMs, 'from')));
    lines.push(...channelLines(s, nowMs, clock, t));
    await ctx.reply(lines.join('\n'), { parse_mode: 'HTML' });
  });
  return composer;
}
