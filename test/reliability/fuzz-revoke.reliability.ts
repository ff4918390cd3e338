import { botHarness } from '../helpers/bot-harness';
import { FakeAccount } from '../helpers/fake-account';
import { OWNER, startWorld, type World } from '../helpers/world';
import { EDGE_ARGS, expectedHash, INT64_MAX, INT64_MIN, isWellFormed, randomArgs } from './helpers/revoke-args';

/**
 * `/revoke <arg>` for 500 arguments through the bot (handleUpdate, fake account: fast), then a sample
 * through the real app and both emulators (the bot's throttler allows ~1 reply/s, so a sample only).
 * Anything that is not a non-zero int64 gets a clear error and no account call; every valid hash
 * reaches the account with exactly its value.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
const TOTAL = 500;
const ARGS = [...EDGE_ARGS, ...randomArgs(TOTAL - EDGE_ARGS.length, SEED)];

const CLEAR_ERROR = /Nothing was changed\.$/;

describe(`reliability: fuzzed /revoke arguments (seed ${SEED}; FUZZ_SEED=n to vary)`, () => {
  it(`${ARGS.length} arguments through the bot: an error and no call, or exactly the same int64`, async () => {
    expect(ARGS).toHaveLength(TOTAL);
    const h = botHarness(new FakeAccount([]));
    const problems: string[] = [];
    let valid = 0;
    for (const arg of ARGS) {
      const callsBefore = h.account.calls.length;
      const sentBefore = h.calls.length;
      await h.send(`/revoke ${arg}`);
      const revokes = h.account.calls.slice(callsBefore).filter((c) => c.method === 'revoke' || c.method === 'revokeAll');
      const replies = h.calls.slice(sentBefore).filter((c) => c.method === 'sendMessage');
      const text = String(replies[0]?.payload.text ?? '');
      const expected = expectedHash(arg);
      const where = JSON.stringify(arg).slice(0, 80);
      if (replies.length !== 1) problems.push(`${where}: ${replies.length} replies`);
      if (text.trim() === '' || text.length > 4096) problems.push(`${where}: reply of ${text.length} characters`);
      // A user cannot send broken UTF-16 (Telegram only carries UTF-8), so the reply must not contain any either.
      if (isWellFormed(arg) && !isWellFormed(text)) problems.push(`${where}: the reply is not valid UTF-8/UTF-16: ${JSON.stringify(text.slice(-12))}`);
      if (expected === undefined) {
        if (revokes.length > 0) problems.push(`${where}: ${revokes.length} account calls (${revokes.map((c) => c.hash).join(', ')})`);
        if (!CLEAR_ERROR.test(text)) problems.push(`${where}: unclear reply ${JSON.stringify(text.slice(0, 100))}`);
      } else {
        valid += 1;
        if (revokes.length !== 1 || revokes[0]!.hash !== expected) {
          problems.push(`${where}: expected revoke(${expected}), got ${JSON.stringify(revokes.map((c) => `${c.method}(${c.hash})`))}`);
        }
        // The fake account has no such session, so the account answers HASH_INVALID and the bot explains it.
        if (!/No active session has that hash/.test(text)) problems.push(`${where}: reply ${JSON.stringify(text.slice(0, 100))}`);
      }
    }
    console.log(`fuzzed /revoke: ${ARGS.length} arguments, ${valid} valid int64, ${ARGS.length - valid} rejected, ${problems.length} problems`);
    expect(problems).toEqual([]);
    expect(valid).toBeGreaterThan(100);
    expect(ARGS.length - valid).toBeGreaterThan(100);
    // Only the valid ones were audited, each with its exact decimal text.
    const audited = h.auditRows('revoke').map((r) => r.targetHash);
    expect(audited).toEqual(ARGS.map(expectedHash).filter((v): v is bigint => v !== undefined).map(String));
  }, 60_000);

  describe('end to end (real app, gramjs and grammY against the emulators)', () => {
    let w: World;
    afterAll(async () => {
      await w?.stop();
    });

    it('a sample: errors and no MTProto call, or account.resetAuthorization with exactly the same value', async () => {
      const valids = ARGS.map(expectedHash).filter((v): v is bigint => v !== undefined);
      const existing = [INT64_MIN, INT64_MAX, ...valids.slice(0, 6)];
      w = await startWorld({ sessions: [...new Set(existing)].map((hash) => ({ hash })) });
      // The boundary values, some that must be refused, then a random mix: 24 in all (about 20 s at 1 reply/s).
      const sample = [
        String(INT64_MIN),
        String(INT64_MAX),
        String(INT64_MAX + 1n),
        String(INT64_MIN - 1n),
        '0',
        '',
        '1.5',
        '0x10',
        '١٢٣',
        '<b>&amp;',
        ...ARGS.filter((a) => expectedHash(a) !== undefined).slice(0, 6),
        ...ARGS.slice(EDGE_ARGS.length, EDGE_ARGS.length + 8),
      ];
      const expectedCalls: bigint[] = [];
      for (const arg of sample) {
        const reply = await w.ask(`/revoke ${arg}`.trimEnd());
        const expected = expectedHash(arg);
        if (expected === undefined) {
          expect([arg, reply]).toEqual([arg, expect.stringMatching(CLEAR_ERROR)]);
        } else {
          expectedCalls.push(expected);
          expect([arg, reply]).toEqual([arg, expect.stringMatching(/^(Ended: |No active session has that hash)/)]);
        }
        expect(w.mt.callsOf('account.resetAuthorization').map((c) => c.args.hash)).toEqual(expectedCalls);
      }
      expect(expectedCalls.length).toBeGreaterThanOrEqual(8);
      expect(w.mt.sessions().some((s) => s.hash === INT64_MIN || s.hash === INT64_MAX)).toBe(false);
      expect(w.rejectedCalls()).toEqual([]);
      expect(w.auditRows('revoke').map((r) => r.target_hash)).toEqual(expectedCalls.map(String));
      expect(OWNER.id).toBe(w.app.ownerId);
    }, 90_000);
  });
});
