import fc from 'fast-check';
import { createConnectedBots } from '../../src/db/connected-bots';
import { createOneShotActions } from '../../src/db/one-shot-actions';
import { openDatabase } from '../../src/db/open-database';
import { createPasswordStates } from '../../src/db/password-state';
import { createResilientStore } from '../../src/db/resilient-store';
import { createSeenCountries } from '../../src/db/seen-countries';

/** The door repositories over one store on a real database whose writes can be refused (query_only). */
function stack() {
  const db = openDatabase(':memory:');
  const store = createResilientStore(db, { retryMs: [3_600_000] });
  const refuse = (on: boolean) => db.pragma(`query_only = ${on ? 'ON' : 'OFF'}`);
  return { db, store, refuse, shots: createOneShotActions(store), countries: createSeenCountries(store), passwords: createPasswordStates(store), bots: createConnectedBots(store) };
}

const DEVICE = { apiId: 6, appName: 'Telegram Android', deviceModel: 'Pixel 8', platform: 'Android' };
const BOT = { botId: 2n ** 63n - 1n, username: 'helper_bot', name: 'Helper', canReply: true, recipients: { existingChats: true, newChats: true, contacts: true, nonContacts: true, excludeSelected: false, users: 0 } };
const PASSWORD = { hasPassword: true, hasRecovery: false, hint: 'h', emailUnconfirmedPattern: undefined, loginEmailPattern: undefined, pendingResetDate: 1_800_000_000, algoFingerprint: 'f' };

describe('door repositories while the database refuses writes', () => {
  it('a one-shot button made before the failure acts once, whatever number of presses, and the take is written later', () => {
    const s = stack();
    const id = s.shots.create('decline_reset', 'x');
    s.refuse(true);
    expect(s.shots.take(id, 'decline_reset')).toEqual({ ok: true, kind: 'decline_reset', target: 'x' });
    expect(s.shots.take(id, 'decline_reset')).toEqual({ ok: false, why: 'used' });
    expect(s.shots.take('nope', 'decline_reset')).toEqual({ ok: false, why: 'unknown' });
    s.refuse(false);
    expect(s.store.flush()).toBe(true);
    expect(s.shots.take(id, 'decline_reset')).toEqual({ ok: false, why: 'used' });
    expect((s.db.prepare('SELECT used_at FROM one_shot_action WHERE id = ?').get(id) as { used_at: string | null }).used_at).toEqual(expect.any(String));
  });

  it('a one-shot button made during the failure works, a released one may be pressed again, and both reach the database', () => {
    const s = stack();
    s.refuse(true);
    const id = s.shots.create('disconnect_bot', '7');
    expect(s.shots.take(id, 'disconnect_bot')).toEqual({ ok: true, kind: 'disconnect_bot', target: '7' });
    s.shots.release(id);
    expect(s.shots.take(id, 'disconnect_bot')).toEqual({ ok: true, kind: 'disconnect_bot', target: '7' });
    expect(s.shots.take(id, 'disconnect_bot')).toEqual({ ok: false, why: 'used' });
    s.refuse(false);
    expect(s.store.flush()).toBe(true);
    expect(s.db.prepare('SELECT target, used_at IS NOT NULL AS used FROM one_shot_action WHERE id = ?').get(id)).toEqual({ target: '7', used: 1 });
  });

  it('countries, password state and connected bots are read back at once and written once the database recovers', () => {
    const s = stack();
    s.bots.remember(BOT);
    s.refuse(true);
    s.countries.note(DEVICE, 'PT');
    expect(s.countries.of(DEVICE)).toEqual(new Set(['PT']));
    s.passwords.save(PASSWORD, new Date('2026-12-03T07:00:00Z'));
    expect(s.passwords.last()).toEqual(PASSWORD);
    s.bots.markGone(BOT.botId.toString(), new Date('2026-12-03T07:00:00Z'));
    expect(s.bots.activeIds()).toEqual(new Set());
    expect(s.bots.goneAt(BOT.botId.toString())).toBe('2026-12-03T07:00:00.000Z');
    s.refuse(false);
    expect(s.store.flush()).toBe(true);
    expect(s.countries.of(DEVICE)).toEqual(new Set(['PT']));
    expect(s.passwords.last()).toEqual(PASSWORD);
    expect(s.bots.activeIds()).toEqual(new Set());
    expect(s.db.prepare('SELECT gone_at FROM connected_bot').all()).toEqual([{ gone_at: '2026-12-03T07:00:00.000Z' }]);
  });
});

type ShotOp = { op: 'create' } | { op: 'take'; which: number } | { op: 'release'; which: number } | { op: 'down' } | { op: 'up' } | { op: 'flush' };

const shotOp: fc.Arbitrary<ShotOp> = fc.oneof(
  fc.record({ op: fc.constant('create' as const) }),
  fc.record({ op: fc.constant('take' as const), which: fc.nat(3) }),
  fc.record({ op: fc.constant('release' as const), which: fc.nat(3) }),
  fc.record({ op: fc.constant('down' as const) }),
  fc.record({ op: fc.constant('up' as const) }),
  fc.record({ op: fc.constant('flush' as const) }),
);

test('property: whatever writes the database refuses, a button acts exactly when an always-writable one would, and the database ends the same', () => {
  fc.assert(
    fc.property(fc.array(shotOp, { minLength: 10, maxLength: 40, size: 'max' }), (ops) => {
      const s = stack();
      const model = new Map<string, boolean>();
      const ids: string[] = [];
      for (const o of ops) {
        if (o.op === 'create') {
          const id = s.shots.create('decline_reset', String(ids.length));
          ids.push(id);
          model.set(id, false);
        } else if (o.op === 'take' || o.op === 'release') {
          const id = ids[o.which] ?? 'unknown000';
          if (o.op === 'release') {
            s.shots.release(id);
            if (model.has(id)) model.set(id, false);
            continue;
          }
          const used = model.get(id);
          const got = s.shots.take(id, 'decline_reset');
          if (used === undefined) expect(got).toEqual({ ok: false, why: 'unknown' });
          else if (used) expect(got).toEqual({ ok: false, why: 'used' });
          else expect(got).toEqual({ ok: true, kind: 'decline_reset', target: String(ids.indexOf(id)) });
          if (used === false) model.set(id, true);
        } else if (o.op === 'down') s.refuse(true);
        else if (o.op === 'up') s.refuse(false);
        else s.store.flush();
      }
      s.refuse(false);
      expect(s.store.flush()).toBe(true);
      const rows = s.db.prepare('SELECT id, used_at IS NOT NULL AS used FROM one_shot_action').all() as Array<{ id: string; used: number }>;
      expect(new Map(rows.map((r) => [r.id, r.used === 1]))).toEqual(model);
    }),
    { numRuns: 200 },
  );
});
