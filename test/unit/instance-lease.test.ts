import { spawnSync } from 'node:child_process';
import { openDatabase } from '../../src/db/open-database';
import { createInstanceLease, LEASE_TTL_MS } from '../../src/db/instance-lease';

/** The single-copy lease on a real in-memory database: a live holder wins, a dead or silent one is taken over. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

test('a live holder on this host keeps the lease; a dead one (kill -9) or one silent past the TTL is taken over', () => {
  const db = openDatabase(':memory:');
  let t = 1_000_000;
  const now = () => t;
  const first = createInstanceLease(db, now, { pid: process.pid, host: 'h' });
  expect(first.acquire()).toEqual({ ok: true });
  const second = createInstanceLease(db, now, { pid: deadPid(), host: 'h' });
  expect(second.acquire()).toMatchObject({ ok: false, holder: { pid: process.pid, host: 'h' } });

  // The holder's process is gone: taken over at once, whatever its heartbeat says.
  const gone = createInstanceLease(db, now, { pid: deadPid(), host: 'h' });
  db.prepare('UPDATE instance_lease SET pid = ?').run(deadPid());
  expect(gone.acquire()).toEqual({ ok: true });
  gone.release();

  // Another host cannot be asked about its pids: only the heartbeat counts.
  const remote = createInstanceLease(db, now, { pid: 4242, host: 'other' });
  expect(remote.acquire()).toEqual({ ok: true });
  expect(first.acquire()).toMatchObject({ ok: false });
  t += LEASE_TTL_MS - 1;
  expect(first.acquire()).toMatchObject({ ok: false });
  expect(remote.renew()).toBe(true);
  t += LEASE_TTL_MS;
  expect(first.acquire()).toEqual({ ok: true });
  expect(remote.renew()).toBe(false);
  first.release();
  expect(db.prepare('SELECT COUNT(*) AS n FROM instance_lease').get()).toEqual({ n: 0 });
  db.close();
});

test('a database that refuses writes never makes renew or release throw: the lease is about now, never replayed', () => {
  const db = openDatabase(':memory:');
  let t = 1_000_000;
  const lease = createInstanceLease(db, () => t, { pid: process.pid, host: 'h' });
  expect(lease.acquire()).toEqual({ ok: true });
  db.pragma('query_only = ON');
  t += 1000;
  // Not renewed, but still ours: the heartbeat is older, the holder the same.
  expect(lease.renew()).toBe(true);
  expect(() => lease.release()).not.toThrow();
  db.pragma('query_only = OFF');
  expect(db.prepare('SELECT pid, heartbeat_ms FROM instance_lease').get()).toEqual({ pid: process.pid, heartbeat_ms: 1_000_000 });
  expect(lease.renew()).toBe(true);
  lease.release();
  expect(db.prepare('SELECT count(*) AS n FROM instance_lease').get()).toEqual({ n: 0 });
});
