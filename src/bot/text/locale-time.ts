/**
 * Dates, times and durations in the owner's language, through Intl (time.ts keeps the English-only
 * versions the logs and older texts use). Absolute times name their zone ("UTC", "GMT+3"), so a
 * reader never has to guess which clock is meant.
 */

/** Where and how to write a time: the locale ("en", "ru") and an IANA zone ("UTC" unless the owner set TZ). */
export interface TimeStyle {
  readonly locale: string;
  readonly timeZone: string;
}

const UNITS: ReadonlyArray<readonly [number, Intl.RelativeTimeFormatUnit & Intl.NumberFormatOptions['unit']]> = [
  [365 * 86_400, 'year'],
  [30 * 86_400, 'month'],
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** Formatters are costly to build and a session list asks for dozens of times: one per locale and zone. */
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f as T;
}

/**
 * "Dec 3, 2026, 07:05 UTC" / "3 дек. 2026 г., 07:05 UTC": a date and time with its zone.
 * `unixSeconds` is Telegram's date field; `withSeconds` for waits shorter than an hour.
 */
export function localDateTime(unixSeconds: number, style: TimeStyle, withSeconds = false): string {
  const f = cached(`dt|${style.locale}|${style.timeZone}|${withSeconds}`, () =>
    new Intl.DateTimeFormat(style.locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
      timeZone: style.timeZone,
      timeZoneName: 'short',
    }),
  );
  return f.format(new Date(unixSeconds * 1000));
}

/**
 * "5 minutes ago" / "5 минут назад", "in 2 hours" / "через 2 часа", "now" / "сейчас": the largest
 * whole unit, which is what a session list needs. Within a minute either way counts as now.
 */
export function localRelativeTime(unixSeconds: number, nowMs: number, locale: string): string {
  const f = cached(`rt|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' }));
  const seconds = Math.round(unixSeconds - nowMs / 1000);
  if (Math.abs(seconds) < 60) return f.format(0, 'second');
  const [size, unit] = UNITS.find(([s]) => Math.abs(seconds) >= s) ?? [1, 'second'];
  return f.format(Math.trunc(seconds / size), unit);
}

/** A duration in its two largest units: "2 hours 5 minutes" / "2 часа 5 минут", "45 seconds". Negative counts as 0. */
export function localDuration(totalSeconds: number, locale: string): string {
  let rest = Math.max(0, Math.round(totalSeconds));
  const parts: string[] = [];
  for (const [size, unit] of UNITS) {
    if (parts.length === 2) break;
    if (rest >= size || (unit === 'second' && parts.length === 0)) {
      const f = cached(`du|${locale}|${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }));
      parts.push(f.format(Math.floor(rest / size)));
      rest %= size;
    } else if (parts.length > 0) break;
  }
  return parts.join(' ');
}

/** Whole minutes in their two largest units: "6 дней 23 часа", and "0 минут" rather than seconds. */
export function localMinutes(count: number, locale: string): string {
  if (count > 0) return localDuration(count * 60, locale);
  return cached(`du|${locale}|minute`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' })).format(0);
}
