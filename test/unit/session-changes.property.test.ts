import fc from 'fast-check';
import { createAuditLog } from '../../src/db/audit-log';
import { createKnownSessions } from '../../src/db/known-sessions';
import { openDatabase } from '../../src/db/open-database';
import { createSessionHistory } from '../../src/db/session-history';
import { createTrustedDevices } from '../../src/db/trusted-devices';
import type { Session } from '../../src/domain/session';
import type { ChangeKind } from '../../src/domain/session-change';
import { createChangeWatcher } from '../../src/guard/doors/change-watcher';
import { ASLEEP_SECONDS, changesOf } from '../../src/guard/session-changes';

/** One session as a step lists it: the fields the rules look at, plus noise that must never alert. */
const look = fc.record({
  country: fc.constantFrom('Spain', 'Nigeria', 'Brazil'),
  deviceModel: fc.constantFrom('Pixel 8', 'Desktop PC'),
  platform: fc.constantFrom('Android', 'Windows'),
  apiId: fc.constantFrom(6, 2040),
  appName: fc.constantFrom('Telegram Android', 'Telegram Desktop'),
  // Noise: none of these may alert.
  ip: fc.constantFrom('203.0.113.7', '198.51.100.9'),
  region: fc.constantFrom('North', 'South'),
  appVersion: fc.constantFrom('11.0', '11.1'),
  systemVersion: fc.constantFrom('14', '15'),
});
type Look = typeof look extends fc.Arbitrary<infer T> ? T : never;

const HASHES = [-(2n ** 63n), 7n, 2n ** 63n - 1n];
const step = fc.record({ looks: fc.tuple(look, look, look), restart: fc.boolean() });

const session = (hash: bigint, l: Look, nowSec: number): Session => ({
  hash,
  ...l,
  officialApp: true,
  dateCreated: nowSec - 86_400,
  dateActive: nowSec,
  current: false,
  passwordPending: false,
  unconfirmed: false,
});

describe('session changes over random sequences of session lists', () => {
  it('each change of country (to one not seen before), device, platform, api_id or app name alerts exactly once, across restarts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const db = openDatabase(':memory:');
        let clock = 1_800_000_000;
        const watcher = () =>
          createChangeWatcher({
            history: createSessionHistory(db),
            trusted: createTrustedDevices(db),
            known: createKnownSessions(db),
            audit: createAuditLog(db),
            account: { revoke: () => Promise.reject(new Error('guard mode is off: nothing is ended')) },
            guardOn: () => false,
            nowSec: () => clock,
          });
        let w = watcher();
        const previous = new Map<bigint, Look>();
        const countries = new Map<bigint, Set<string>>();
        for (const s of steps) {
          clock += 60;
          if (s.restart) w = watcher();
          const found = await w.observe(HASHES.map((h, i) => session(h, s.looks[i]!, clock)));
          HASHES.forEach((hash, i) => {
            const now = s.looks[i]!;
            const before = previous.get(hash);
            const seen = countries.get(hash) ?? new Set<string>();
            const expected: ChangeKind[] = [];
            if (before && !seen.has(now.country)) expected.push('moved');
            if (before && (['deviceModel', 'platform', 'apiId', 'appName'] as const).some((k) => before[k] !== now[k])) expected.push('changed_hands');
            const got = found.filter((c) => c.hash === hash);
            expect(got.map((c) => c.kinds)).toEqual(expected.length > 0 ? [expected] : []);
            previous.set(hash, now);
            countries.set(hash, seen.add(now.country));
          });
        }
        db.close();
      }),
      { numRuns: 80 },
    );
  });

  it('woke up: only a session asleep over 30 days at the previous check that is active now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 90 }), (idleDays, activeAgoDays) => {
        const checkedAt = 1_800_000_000;
        const nowSec = checkedAt + 86_400;
        const trace = { ip: '', country: 'Spain', region: '', deviceModel: 'd', platform: 'p', systemVersion: '', apiId: 1, appName: 'a', appVersion: '', dateActive: checkedAt - idleDays * 86_400 };
        const after = { ...trace, dateActive: nowSec - activeAgoDays * 86_400 };
        const kinds = changesOf({ trace, checkedAt, countries: new Set(['Spain']) }, after, nowSec);
        const expected = checkedAt - trace.dateActive > ASLEEP_SECONDS && after.dateActive > trace.dateActive && nowSec - after.dateActive <= ASLEEP_SECONDS;
        expect(kinds.includes('woke_up')).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
