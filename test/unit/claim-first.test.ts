import { createKnownSessions } from '../../src/db/known-sessions';
import { openDatabase } from '../../src/db/open-database';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A push's claim is decided at once and written a turn later, and is still the only claim. */
describe('claimFirst', () => {
  it('answers first-or-not at once, writes the row on the next turn, and every other path then sees it claimed', async () => {
    const db = openDatabase(':memory:');
    const known = createKnownSessions(db);
    const rows = () => db.prepare('SELECT hash, seen_via AS via FROM known_session').all();
    expect(known.claimFirst(77n, 'push')).toBe(true);
    expect(rows()).toEqual([]); // nothing written before the alert goes out
    expect(known.claim(77n, 'reconcile')).toBe(false);
    expect(known.claimFirst(77n, 'push')).toBe(false);
    expect(known.activeHashes().has('77')).toBe(true);
    await nextTurn();
    expect(rows()).toEqual([{ hash: '77', via: 'push' }]);
    expect(known.claim(77n, 'reconcile')).toBe(false);
    expect(known.claimFirst(77n, 'push')).toBe(false);
  });

  it('a hash the database already has is not claimed again', () => {
    const db = openDatabase(':memory:');
    const known = createKnownSessions(db);
    expect(known.claim(5n, 'reconcile')).toBe(true);
    expect(known.claimFirst(5n, 'push')).toBe(false);
  });
});
