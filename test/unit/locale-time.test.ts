import { fakeSessionString } from '../helpers/session-string';
import fc from 'fast-check';
import { localDateTime, localDuration, localRelativeTime } from '../../src/bot/text/locale-time';
import { isTimeZone, parseConfig } from '../../src/core/config';

const AT = Date.UTC(2026, 11, 3, 7, 5, 9) / 1000; // 2026-12-03 07:05:09 UTC
const NOW_MS = AT * 1000;

describe('dates and times in the owner\'s language', () => {
  it('write the date in the locale and name the zone: UTC unless TZ says otherwise', () => {
    expect(localDateTime(AT, { locale: 'en', timeZone: 'UTC' })).toBe('Dec 3, 2026, 07:05 UTC');
    expect(localDateTime(AT, { locale: 'ru', timeZone: 'UTC' })).toBe('3 дек. 2026 г., 07:05 UTC');
    expect(localDateTime(AT, { locale: 'ru', timeZone: 'Europe/Moscow' })).toBe('3 дек. 2026 г., 10:05 GMT+3');
    expect(localDateTime(AT, { locale: 'en', timeZone: 'UTC' }, true)).toBe('Dec 3, 2026, 07:05:09 UTC');
  });

  it.each([
    [-10, 'now', 'сейчас'],
    [-300, '5 minutes ago', '5 минут назад'],
    [-60 * 21, '21 minutes ago', '21 минуту назад'],
    [-3600 * 2, '2 hours ago', '2 часа назад'],
    [-86_400 * 11, '11 days ago', '11 дней назад'],
    [7200, 'in 2 hours', 'через 2 часа'],
    [86_400 + 60, 'tomorrow', 'завтра'],
  ])('relative time %i s: %s / %s', (offset, en, ru) => {
    expect(localRelativeTime(AT + offset, NOW_MS, 'en')).toBe(en);
    expect(localRelativeTime(AT + offset, NOW_MS, 'ru')).toBe(ru);
  });

  it.each([
    [0, '0 seconds', '0 секунд'],
    [45, '45 seconds', '45 секунд'],
    [75, '1 minute 15 seconds', '1 минута 15 секунд'],
    [3661, '1 hour 1 minute', '1 час 1 минута'],
    [86_400 * 3 + 7200, '3 days 2 hours', '3 дня 2 часа'],
    [86_400 * 400, '1 year 1 month', '1 год 1 месяц'],
  ])('duration %i s: %s / %s', (s, en, ru) => {
    expect(localDuration(s, 'en')).toBe(en);
    expect(localDuration(s, 'ru')).toBe(ru);
  });

  it('never prints a negative or empty duration, in any locale', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e10 }), fc.constantFrom('en', 'ru'), (s, locale) => {
        const text = localDuration(s, locale);
        expect(text).toMatch(/^\d/);
        expect(text).not.toContain('-');
      }),
    );
  });
});

describe('TZ', () => {
  const VALID = { BOT_TOKEN: '1:a', API_ID: '1', API_HASH: '0123456789abcdef0123456789abcdef', ACCOUNT_SESSION: fakeSessionString() };
  it('is read from the environment, POSIX colon or not, and names an IANA zone', () => {
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(parseConfig({ ...VALID, TZ: 'Europe/Moscow' })).toMatchObject({ ok: true, config: { timeZone: 'Europe/Moscow' } });
    expect(parseConfig({ ...VALID, TZ: ':Asia/Tokyo' })).toMatchObject({ ok: true, config: { timeZone: 'Asia/Tokyo' } });
    expect(parseConfig(VALID)).toMatchObject({ ok: true });
    expect((parseConfig(VALID) as { config: { timeZone?: string } }).config.timeZone).toBeUndefined();
  });

  it('every spelling of UTC becomes UTC, and a zone its canonical name, so English keeps its compact times', () => {
    for (const tz of ['Etc/UTC', 'utc', 'GMT', 'Etc/GMT', 'Zulu', 'UCT']) {
      expect(parseConfig({ ...VALID, TZ: tz })).toMatchObject({ ok: true, config: { timeZone: 'UTC' } });
    }
    expect(parseConfig({ ...VALID, TZ: 'europe/moscow' })).toMatchObject({ ok: true, config: { timeZone: 'Europe/Moscow' } });
  });

  it('an unknown zone is a clear config problem, not a crash later', () => {
    expect(parseConfig({ ...VALID, TZ: 'Mars/Olympus' })).toEqual({
      ok: false,
      problems: ['TZ must be a time zone name such as Europe/Moscow or UTC (or unset for UTC)'],
    });
  });
});
