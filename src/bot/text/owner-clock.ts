import type { Locale } from './i18n';
import { localDateTime, localDuration, localMinutes, localRelativeTime } from './locale-time';
import { duration, relativeTime, utcTime } from '../../domain/time';

/** Times written for one reader: an absolute time with its zone, a wait, and a time relative to now. */
export interface OwnerClock {
  at(unixSeconds: number, withSeconds?: boolean): string;
  wait(seconds: number): string;
  ago(unixSeconds: number, nowMs: number): string;
  /**
   * A deadline: its time and the time left, written by the one rule below. Every message that shows
   * a deadline uses this. `side` says which way the owner acts on it (see DeadlineSide).
   */
  until(unixSeconds: number, nowMs: number, side?: DeadlineSide): Deadline;
}

/** A deadline as a message shows it: "2026-12-03 07:05 UTC" and "6 d 23 h" / "6 дней 23 часа". */
export type Deadline = { readonly at: string; readonly left: string };

/**
 * Which way a deadline is rounded to its minute, so the time shown is always safe to act on:
 * - `by` (the default): something happens at it, and the owner must act before it (Telegram confirms
 *   a login by itself, a 2FA reset removes the password, a login window or a code prompt closes).
 *   It is written as the minute it falls in: 07:05:40 is "07:05".
 * - `from`: something becomes possible at it (ending sessions once the companion is 24 hours old, a
 *   lockout's end, a paused watch resuming). It is written as the first whole minute after it:
 *   07:05:40 is "07:06", so trying at the time shown always works, and it never reads "0" ahead of time.
 */
export type DeadlineSide = 'by' | 'from';

/**
 * The one rounding for time left: whole minutes from the minute it is now to the minute the deadline
 * is written as, which is what the owner reads off the two clock times. So a deadline reads the same
 * for the whole minute and in every message, and counts down once a minute ("6 d 23 h", not "7 d",
 * once a minute has passed). Never negative.
 */
export function minutesLeft(deadlineSeconds: number, nowMs: number, side: DeadlineSide = 'by'): number {
  return Math.max(0, deadlineMinute(deadlineSeconds, side) / 60 - Math.floor(nowMs / 60_000));
}

/** The minute a deadline is written as, in unix seconds (see DeadlineSide). */
const deadlineMinute = (s: number, side: DeadlineSide): number => (side === 'from' ? Math.ceil(s / 60) : Math.floor(s / 60)) * 60;

/**
 * The clock for texts in `locale`, in `timeZone` (IANA; 'UTC' unless the owner set TZ). Every
 * absolute time names its zone. English keeps its compact forms ("2026-12-03 07:05 UTC", "19 h")
 * and, in UTC, writes dates without Intl; every other language, and English in another zone, goes
 * through Intl (locale-time.ts).
 */
export function ownerClock(locale: Locale, timeZone: string): OwnerClock {
  const style = { locale, timeZone };
  const local = (s: number, withSeconds?: boolean): string => localDateTime(s, style, withSeconds);
  if (locale === 'en') {
    const at = timeZone === 'UTC' ? utcTime : local;
    return { at, wait: duration, ago: relativeTime, until: (s, nowMs, side = 'by') => ({ at: at(deadlineMinute(s, side)), left: minutes(minutesLeft(s, nowMs, side)) }) };
  }
  return {
    at: local,
    wait: (s) => localDuration(s, locale),
    ago: (s, nowMs) => localRelativeTime(s, nowMs, locale),
    until: (s, nowMs, side = 'by') => ({ at: local(deadlineMinute(s, side)), left: localMinutes(minutesLeft(s, nowMs, side), locale) }),
  };
}

/** English's compact form of whole minutes, in its two largest units: "6 d 23 h", "0 min". */
const minutes = (count: number): string => (count === 0 ? '0 min' : duration(count * 60));

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
