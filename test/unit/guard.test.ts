import { createKnownSessions } from '../../src/db/known-sessions';
import { openDatabase } from '../../src/db/open-database';
import { createOutboxStore } from '../../src/db/outbox';
import { createTrustedDevices } from '../../src/db/trusted-devices';
import { diffSessions } from '../../src/guard/doors/diff';
import { fingerprintOf } from '../../src/domain/fingerprint';
import { companionSession, makeSession } from '../helpers/fake-account';

describe('fingerprints', () => {
  it('ignore the per-login hash, dates, IP and letter case', () => {
    const a = makeSession({ hash: 1n, ip: '1.1.1.1', dateCreated: 1, deviceModel: 'iPhone 15' });
    const b = makeSession({ hash: 2n, ip: '2.2.2.2', dateCreated: 9, deviceModel: ' iphone  15 ' });
    expect(fingerprintOf(a)).toBe(fingerprintOf(b));
  });

  it.each([
    ['apiId', { apiId: 7 }],
    ['appName', { appName: 'Other' }],
    ['deviceModel', { deviceModel: 'Pixel 9' }],
    ['platform', { platform: 'iOS' }],
  ])('differ when %s differs', (_, change) => {
    expect(fingerprintOf(makeSession())).not.toBe(fingerprintOf(makeSession(change)));
  });
});

describe('diffSessions', () => {
  it('finds new hashes and vanished ones, skipping the companion', () => {
    const known = new Set(['1', '-9223372036854775808']);
    const listed = [companionSession(), makeSession({ hash: 1n }), makeSession({ hash: 2n ** 63n - 1n })];
    const d = diffSessions(known, listed);
    expect(d.added.map((s) => s.hash)).toEqual([2n ** 63n - 1n]);
    expect(d.vanished).toEqual(['-9223372036854775808']);
  });

  it('finds nothing when nothing changed', () => {
    expect(diffSessions(new Set(['5']), [makeSession({ hash: 5n })])).toEqual({ added: [], vanished: [] });
  });
});

describe('known sessions (dedup in SQLite)', () => {
  it('lets exactly one path claim a hash, whichever comes first', () => {
    const known = createKnownSessions(openDatabase(':memory:'));
    const hash = -(2n ** 62n) - 3n;
    expect(known.claim(hash, 'push')).toBe(true);
    expect(known.claim(hash, 'reconcile')).toBe(false);
    expect(known.claim(hash, 'service_message')).toBe(false);
    expect(known.activeHashes()).toEqual(new Set([hash.toString()]));
  });

  it('survives a restart: a claimed hash stays claimed in the file', () => {
    const db = openDatabase(':memory:');
    createKnownSessions(db).claim(42n, 'push');
    expect(createKnownSessions(db).claim(42n, 'start')).toBe(false);
  });

  it('ended sessions leave the active snapshot', () => {
    const known = createKnownSessions(openDatabase(':memory:'));
    known.claim(1n, 'baseline');
    known.claim(2n, 'baseline');
    known.markEnded('1');
    expect(known.activeHashes()).toEqual(new Set(['2']));
  });
});

describe('trusted devices', () => {
  it('trusts a fingerprint once, matches later logins of that device, and can be removed', () => {
    const trusted = createTrustedDevices(openDatabase(':memory:'));
    expect(trusted.add(makeSession({ hash: 1n }))).toBe(true);
    expect(trusted.add(makeSession({ hash: 2n }))).toBe(false);
    expect(trusted.isTrusted(makeSession({ hash: 3n }))).toBe(true);
    expect(trusted.isTrusted(makeSession({ hash: 3n, apiId: 99 }))).toBe(false);
    expect(trusted.remove(trusted.list()[0]!.id)).toBe(true);
    expect(trusted.isTrusted(makeSession())).toBe(false);
  });
});

describe('alert delivery bookkeeping', () => {
  it('a claimed login stays undelivered until marked alerted, even once ended; the baseline counts as told; one queued in the outbox is left to it', () => {
    const db = openDatabase(':memory:');
    const known = createKnownSessions(db);
    const hashes = (): string[] => known.unalerted().map((u) => u.hash);
    known.claim(1n, 'baseline');
    known.claim(2n, 'push');
    known.claim(-3n, 'reconcile');
    known.claim(4n, 'push');
    expect(hashes()).toEqual(['2', '-3', '4']);
    known.markAlerted([2n]);
    known.markEnded('-3');
    // Ended before anyone was told: still to be reported.
    expect(hashes()).toEqual(['-3', '4']);
    const store = createOutboxStore(db);
    store.write(() => store.insert({ kind: 'new_login', text: 'x', replyMarkup: null, key: null, hashes: ['4'] }, false));
    expect(hashes()).toEqual(['-3']);
    expect(known.markAlerted([-3n, 2n])).toEqual([{ hash: -3n, via: 'reconcile' }]);
    expect(hashes()).toEqual([]);
  });
});
