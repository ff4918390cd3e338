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
    text: `✅ The companion reaches Telegram again, after ${duration((nowMs - sinceMs) / 1000)}. Logins made meanwhile are found by the next session check.`,
  };
}
