import fc from 'fast-check';
import { TOTP } from 'otpauth';
import { openDatabase } from '../../src/db/open-database';
import { createSecondFactorStates } from '../../src/db/second-factor-state';
import { codeIn, FIRST_LOCK_MS, FRESH_FACTOR_STATE, judgeCode, lockedUntil, stepAt, WRONG_WINDOW_MS, type FactorState } from '../../src/guard/second-factor';
import { createTotp, TOTP_STEP_MS, type TotpMatcher } from '../../src/guard/totp';

/**
 * A matcher whose codes never collide: step n's code is n mod 10^6, and steps are kept under 10^6
 * apart. With real TOTP two steps share a code once in a million; the rules must not depend on luck.
 */
const distinct: TotpMatcher = { matches: (code, step) => code === String(step % 1_000_000).padStart(6, '0') };
const codeOf = (step: number): string => String(step % 1_000_000).padStart(6, '0');

/** Any moment in 2001..2096, in ms. */
const moment = fc.integer({ min: 1_000_000_000_000, max: 4_000_000_000_000 });

describe('the code window (fake clock)', () => {
  it('accepts the current step and one either side, never two away', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: -3, max: 3 }), (now, drift) => {
        const verdict = judgeCode(FRESH_FACTOR_STATE, codeOf(stepAt(now) + drift), now, distinct);
        expect(verdict.kind).toBe(Math.abs(drift) <= 1 ? 'accepted' : 'wrong');
      }),
    );
  });

  it('holds at both edges of a step: the last and the first millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40_000_000, max: 130_000_000 }), fc.constantFrom(0, TOTP_STEP_MS - 1), fc.integer({ min: -2, max: 2 }), (step, offset, drift) => {
        const now = step * TOTP_STEP_MS + offset;
        expect(stepAt(now)).toBe(step);
        expect(judgeCode(FRESH_FACTOR_STATE, codeOf(step + drift), now, distinct).kind).toBe(Math.abs(drift) <= 1 ? 'accepted' : 'wrong');
      }),
    );
  });

  it('accepts each step at most once, and never one older than the last accepted', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 }), fc.integer({ min: 0, max: 40_000 }), (now, first, second, later) => {
        const a = judgeCode(FRESH_FACTOR_STATE, codeOf(stepAt(now) + first), now, distinct);
        expect(a.kind).toBe('accepted');
        const then = now + later;
        const target = stepAt(now) + second;
        const b = judgeCode(a.state, codeOf(target), then, distinct);
        const inWindow = Math.abs(target - stepAt(then)) <= 1;
        const expected = !inWindow ? 'wrong' : target > (a.kind === 'accepted' ? a.step : 0) ? 'accepted' : 'replayed';
        expect(b.kind).toBe(expected);
      }),
    );
  });

  it('a replay counts as wrong, and a right code clears the count', () => {
    const now = 1_700_000_000_000;
    const a = judgeCode(FRESH_FACTOR_STATE, codeOf(stepAt(now)), now, distinct);
    const replay = judgeCode(a.state, codeOf(stepAt(now)), now + 1000, distinct);
    expect(replay.kind).toBe('replayed');
    expect(replay.state.wrongAt).toEqual([now + 1000]);
    const right = judgeCode(replay.state, codeOf(stepAt(now) + 1), now + 2000, distinct);
    expect(right.kind).toBe('accepted');
    expect(right.state.wrongAt).toEqual([]);
  });
});

describe('the lockout (fake clock)', () => {
  const wrong = (state: FactorState, now: number) => judgeCode(state, 'xxxxxx', now, distinct);

  it('locks at the 5th wrong answer within 15 minutes, for 15 minutes doubling with each new lockout', () => {
    fc.assert(
      fc.property(moment, fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 5, maxLength: 5 }), fc.integer({ min: 1, max: 4 }), (start, gaps, rounds) => {
        let state = FRESH_FACTOR_STATE;
        let now = start;
        for (let round = 0; round < rounds; round += 1) {
          for (let i = 0; i < 5; i += 1) {
            now += gaps[i]!;
            const v = wrong(state, now);
            state = v.state;
            if (i < 4) expect(lockedUntil(state, now)).toBeUndefined();
            else expect(v).toMatchObject({ lockedUntil: now + FIRST_LOCK_MS * 2 ** round });
          }
          // While locked, even the right code is not looked at.
          expect(judgeCode(state, codeOf(stepAt(now)), now + 1, distinct).kind).toBe('locked');
          now = state.lockedUntil!;
        }
      }),
    );
  });

  it('forgets wrong answers older than 15 minutes', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 1, max: 4 }), (start, early) => {
        let state = FRESH_FACTOR_STATE;
        for (let i = 0; i < early; i += 1) state = wrong(state, start + i).state;
        const later = start + WRONG_WINDOW_MS + early;
        for (let i = 0; i < 4; i += 1) state = wrong(state, later + i).state;
        expect(lockedUntil(state, later + 4)).toBeUndefined();
      }),
    );
  });
});

describe('real TOTP (otpauth)', () => {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const app = new TOTP({ secret });
  const totp = createTotp(secret);

  it('matches what an authenticator app shows for the same step, at any moment', () => {
    fc.assert(
      fc.property(moment, (now) => {
        expect(totp.matches(app.generate({ timestamp: now }), stepAt(now))).toBe(true);
        expect(totp.code(stepAt(now))).toBe(app.generate({ timestamp: now }));
      }),
      { numRuns: 50 },
    );
  });

  it('uses the RFC 6238 test vector (SHA-1, 8 digits cut to 6)', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082; the 6-digit code is its last six digits.
    const rfc = createTotp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(rfc.matches('287082', stepAt(59_000))).toBe(true);
  });

  it('writes a URI an app can scan', () => {
    expect(totp.uri('owner')).toMatch(/^otpauth:\/\/totp\/session-warden:owner\?.*secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP/);
  });
});

describe('codeIn', () => {
  it.each([['123456', '123456'], ['123 456', '123456'], [' 1 2 3 4 5 6 ', '123456'], ['12345', undefined], ['1234567', undefined], ['/revoke 123456', undefined], ['12345a', undefined]])('"%s" → %s', (text, code) => {
    expect(codeIn(text)).toBe(code);
  });
});

describe('the second_factor table', () => {
  it('keeps the last step, the wrong answers and the lockout across a reopen, never a code', () => {
    const db = openDatabase(':memory:');
    const states = createSecondFactorStates(db);
    expect(states.load()).toEqual(FRESH_FACTOR_STATE);
    const s: FactorState = { lastStep: 56_666_666, wrongAt: [1, 2], lockedUntil: 99, lockLevel: 2 };
    states.save(s);
    expect(createSecondFactorStates(db).load()).toEqual(s);
    expect(Object.keys(db.prepare('SELECT * FROM second_factor').get() as object).sort()).toEqual(['id', 'last_step', 'lock_level', 'locked_until', 'updated_at', 'wrong_at']);
  });
});
