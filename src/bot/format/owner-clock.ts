import type { Locale } from '../i18n';
import { localDateTime, localDuration, localRelativeTime } from './locale-time';
import { duration, relativeTime, utcTime } from './time';

/** Times written for one reader: an absolute time with its zone, a wait, and a time relative to now. */
export interface OwnerClock {
  at(unixSeconds: number, withSeconds?: boolean): string;
  wait(seconds: number): string;
  ago(unixSeconds: number, nowMs: number): string;
}

/**
 * The clock for texts in `locale`. English keeps today's compact forms ("2026-12-03 07:05 UTC",
 * "19 h"), which replies, logs and their tests share; every other language goes through Intl
 * (locale-time.ts) in `timeZone`.
 */
export function ownerClock(locale: Locale, timeZone: string): OwnerClock {
  if (locale === 'en') return { at: utcTime, wait: duration, ago: relativeTime };
  const style = { locale, timeZone };
  return {
    at: (s, withSeconds) => localDateTime(s, style, withSeconds),
    wait: (s) => localDuration(s, locale),
    ago: (s, nowMs) => localRelativeTime(s, nowMs, locale),
  };
}
