import { duration, relativeTime, utcTime } from '../../src/domain/time';

describe('time formatting', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [75, '1 min 15 s'],
    [3600, '1 h'],
    [3661, '1 h 1 min'],
    [86_400 * 3 + 7200, '3 d 2 h'],
    [86_400 * 400, '1 y 1 mo'],
  ])('duration(%i) = %s', (s, text) => expect(duration(s)).toBe(text));

  it('relative times', () => {
    const now = 1_000_000 * 1000;
    expect(relativeTime(1_000_000 - 10, now)).toBe('just now');
    expect(relativeTime(1_000_000 - 300, now)).toBe('5 min ago');
    expect(relativeTime(1_000_000 - 86_400 * 2, now)).toBe('2 d ago');
  });

  it('absolute times are UTC', () => {
    expect(utcTime(0)).toBe('1970-01-01 00:00 UTC');
    expect(utcTime(59, true)).toBe('1970-01-01 00:00:59 UTC');
  });
});
