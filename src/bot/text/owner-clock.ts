import type { Locale } from './i18n';
import { localDateTime, localDuration, localRelativeTime } from './locale-time';
import { duration, relativeTime, utcTime } from '../../domain/time';

/** Times written for one reader: an absolute time with its zone, a wait, and a time relative to now. */
export interface OwnerClock {
  at(unixSeconds: number, withSeconds?: boolean): string;
  wait(seconds: number): string;
  ago(unixSeconds: number, nowMs: number): string;
}

/**
 * The clock for texts in `locale`, in `timeZone` (IANA; 'UTC' unless the owner set TZ). Every
 * absolute time names its zone. English keeps its compact forms ("2026-12-03 07:05 UTC", "19 h")
 * and, in UTC, writes dates without Intl; every other language, and English in another zone, goes
 * through Intl (locale-time.ts).
 */
export function ownerClock(locale: Locale, timeZone: string): OwnerClock {
  const style = { locale, timeZone };
  const at = (s: number, withSeconds?: boolean): string => localDateTime(s, style, withSeconds);
  if (locale === 'en') return { at: timeZone === 'UTC' ? utcTime : at, wait: duration, ago: relativeTime };
  return {
    at,
    wait: (s) => localDuration(s, locale),
    ago: (s, nowMs) => localRelativeTime(s, nowMs, locale),
  };
}

/** A full ISO-8601 stamp with its zone: what the stores write (Date.toISOString) and nothing looser. */
const FULL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A stored ISO-8601 stamp (audit rows' created_at) written by `clock`, to the second. Anything else
 * is shown exactly as stored, not thrown on (a list must not fail for one odd row) and not guessed at:
 * Date.parse would read a zone-less stamp in the server's zone and "1" as a year. Plain text: escape
 * it for HTML.
 */
export function storedTime(clock: OwnerClock, iso: string): string {
  const ms = FULL_ISO.test(iso) ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? clock.at(Math.floor(ms / 1000), true) : iso;
}
