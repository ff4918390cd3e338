import type { OwnerNotice } from '../owner-notices';
import { duration, utcTime } from './time';

/** kind `companion_down`: the guard cannot see or end logins until Telegram answers again. */
export function companionDownNotice(sinceMs: number, nowMs: number): OwnerNotice {
  return {
    kind: 'companion_down',
    key: `companion_down:${sinceMs}`,
    text:
      `⚠️ The companion cannot reach Telegram since ${utcTime(sinceMs / 1000, true)} (${duration((nowMs - sinceMs) / 1000)}). ` +
      'Until it can, new logins are not seen and cannot be ended. It keeps reconnecting by itself; if this lasts, check the server\'s network.',
  };
}

/** kind `companion_up`: the outage told by companionDownNotice is over; missed logins are caught now. */
export function companionUpNotice(sinceMs: number, nowMs: number): OwnerNotice {
  return {
    kind: 'companion_up',
    key: `companion_up:${sinceMs}`,
    text: `✅ The companion reaches Telegram again, after ${duration((nowMs - sinceMs) / 1000)}. The session list is being checked now for logins made meanwhile.`,
  };
}

/**
 * kind `another_copy`: two copies poll with one bot token. `stoppedHere`: this copy found the other
 * at start and stops; otherwise they keep taking turns and each sees only some updates.
 */
export function anotherCopyNotice(stoppedHere: boolean): OwnerNotice {
  const text = stoppedHere
    ? '⚠️ A second copy of session-warden started with this bot token (with its own database, or on another server) and stopped itself: the copy already running keeps guarding. If you did not mean to start it, find where it runs (<code>pm2 ls</code> on each server) and remove it.'
    : '⚠️ Another copy of session-warden is running with this bot token (with its own database, or on another server). Telegram gives each update to only one of them, so commands may go unanswered and alerts may come twice. Run one copy only: find the other with <code>pm2 ls</code> on each server.';
  return { kind: 'another_copy', key: `another_copy:${stoppedHere ? 'stopped' : 'fighting'}`, text };
}

/** kind `started_late`: with OWNER_ID unset, start-up waited for Telegram before the bot could run. */
export function startedLateNotice(waitedMs: number): OwnerNotice {
  return {
    kind: 'started_late',
    text: `session-warden is running. The companion could not reach Telegram at first, so start-up waited ${duration(waitedMs / 1000)}; logins made meanwhile are found by the first session check now.`,
  };
}
