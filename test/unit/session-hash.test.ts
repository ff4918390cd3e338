import fc from 'fast-check';
import { formatSessionHash, INT64_MAX, INT64_MIN, parseSessionHash, toInt64 } from '../../src/domain/session-hash';

describe('session hashes (int64)', () => {
  it('round-trips every int64 except 0 through its decimal text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), (hash) => {
        fc.pre(hash !== 0n);
        const parsed = parseSessionHash(formatSessionHash(hash));
        expect(parsed).toEqual({ ok: true, hash });
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps values above 2^53 exact, where a JS number would not', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n ** 53n + 1n, max: INT64_MAX }), (hash) => {
        const text = hash.toString();
        expect(parseSessionHash(text)).toEqual({ ok: true, hash });
        expect(parseSessionHash(`-${text}`)).toEqual({ ok: true, hash: -hash });
      }),
    );
    expect(parseSessionHash('9007199254740993')).toEqual({ ok: true, hash: 9007199254740993n });
  });

  it.each([
    ['9223372036854775807', INT64_MAX],
    ['-9223372036854775807', -INT64_MAX],
    ['-9223372036854775808', INT64_MIN],
    ['+17', 17n],
    ['  -5 ', -5n],
    ['0009', 9n],
  ])('accepts %s', (text, hash) => {
    expect(parseSessionHash(text)).toEqual({ ok: true, hash });
  });

  it('rejects anything outside int64', () => {
    fc.assert(
      fc.property(fc.oneof(fc.bigInt({ min: INT64_MAX + 1n, max: 10n ** 40n }), fc.bigInt({ min: -(10n ** 40n), max: INT64_MIN - 1n })), (n) => {
        expect(parseSessionHash(n.toString())).toEqual({ ok: false, reason: 'out_of_range' });
      }),
    );
    expect(parseSessionHash('1'.repeat(100_000))).toEqual({ ok: false, reason: 'out_of_range' });
  });

  it.each([
    [undefined, 'missing'],
    ['', 'missing'],
    ['abc', 'not_a_number'],
    ['1e5', 'not_a_number'],
    ['0x10', 'not_a_number'],
    ['1.0', 'not_a_number'],
    ['--1', 'not_a_number'],
    ['1 2', 'not_a_number'],
    ['0', 'current_session'],
    ['-0', 'current_session'],
  ])('rejects %p as %s', (text, reason) => {
    expect(parseSessionHash(text)).toEqual({ ok: false, reason });
  });

  it('rejects arbitrary non-numeric text without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseSessionHash(s);
        if (r.ok) expect(r.hash.toString()).toBe(BigInt(s.trim()).toString());
      }),
      { numRuns: 2000 },
    );
  });

  it('converts gramjs big-integers through their text', () => {
    expect(toInt64({ toString: () => '-9223372036854775808' })).toBe(INT64_MIN);
    expect(() => toInt64({ toString: () => '9223372036854775808' })).toThrow(RangeError);
  });
});
