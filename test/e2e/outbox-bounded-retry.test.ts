import fc from 'fast-check';
import { HttpError } from 'grammy';
import { boundedRetry } from '../../src/bot/api/bounded-retry';

type Outcome = { ok: true } | { status: 429; retryAfter: number } | { status: 500 | 502 | 400 } | { network: true };

const outcome: fc.Arbitrary<Outcome> = fc.oneof(
  fc.constant({ ok: true as const }),
  fc.record({ status: fc.constant(429 as const), retryAfter: fc.integer({ min: 1, max: 3600 }) }),
  fc.record({ status: fc.constantFrom(500 as const, 502 as const, 400 as const) }),
  fc.constant({ network: true as const }),
);

/**
 * The transformer under any sequence of Bot API answers: it never waits longer than maxDelayMs, never
 * tries more than retries + 1 times, hands back a longer retry_after without waiting on it, never
 * retries a 4xx other than 429, and getUpdates is never retried (the polling loop owns that).
 */
describe('boundedRetry (property)', () => {
  it('bounded waits and tries for any sequence of answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(outcome, { minLength: 1, maxLength: 8 }), fc.constantFrom('sendMessage', 'getUpdates'), async (answers, method) => {
        const waits: number[] = [];
        let calls = 0;
        const t = boundedRetry({ retries: 3, maxDelayMs: 10_000, sleep: async (ms) => void waits.push(ms) });
        const prev = async () => {
          const a = answers[Math.min(calls++, answers.length - 1)]!;
          if ('network' in a) throw new HttpError('Network request failed', new Error('ECONNREFUSED'));
          if ('ok' in a) return { ok: true as const, result: true };
          return { ok: false as const, error_code: a.status, description: 'x', ...(a.status === 429 ? { parameters: { retry_after: a.retryAfter } } : {}) };
        };
        await (t as unknown as (p: typeof prev, m: string, payload: object) => Promise<unknown>)(prev, method, {}).catch(() => undefined);
        expect(waits.every((ms) => ms <= 10_000)).toBe(true);
        expect(calls).toBeLessThanOrEqual(method === 'getUpdates' ? 1 : 4);
        for (let i = 0; i < calls - 1; i++) {
          const a = answers[Math.min(i, answers.length - 1)]!;
          expect('ok' in a).toBe(false);
          if ('status' in a) expect(a.status === 400 || (a.status === 429 && a.retryAfter > 10)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
