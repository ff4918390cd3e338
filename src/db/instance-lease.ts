import os from 'node:os';
import type { Database } from 'better-sqlite3';

/** A lease not renewed for this long belongs to a copy that is gone (renewed every LEASE_RENEW_MS). */
export const LEASE_TTL_MS = 30_000;
export const LEASE_RENEW_MS = 10_000;

export interface LeaseHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  readonly heartbeatMs: number;
}

interface Row {
  pid: number;
  host: string;
  started_at: string;
  heartbeat_ms: number;
}

/** Whether a process with this pid exists on this machine (signal 0 checks without sending). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The single-copy lease in `instance_lease`. `acquire` runs in one IMMEDIATE transaction, so two
 * copies starting together cannot both win. A holder on this host whose pid is gone (kill -9, a
 * crash) or whose heartbeat is older than LEASE_TTL_MS is taken over at once.
 */
export function createInstanceLease(db: Database, now: () => number = Date.now, self = { pid: process.pid, host: os.hostname() }) {
  const read = db.prepare(`SELECT pid, host, started_at, heartbeat_ms FROM instance_lease WHERE id = 1`);
  const write = db.prepare<[number, string, string, number]>(
    `INSERT INTO instance_lease (id, pid, host, started_at, heartbeat_ms) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, host = excluded.host, started_at = excluded.started_at, heartbeat_ms = excluded.heartbeat_ms`,
  );
  const renew = db.prepare<[number, number, string]>(`UPDATE instance_lease SET heartbeat_ms = ? WHERE pid = ? AND host = ?`);
  const release = db.prepare<[number, string]>(`DELETE FROM instance_lease WHERE pid = ? AND host = ?`);
  const mine = (r: Row): boolean => r.pid === self.pid && r.host === self.host;

  return {
    /** Takes the lease, or returns the live copy that holds it. */
    acquire: db.transaction((): { ok: true } | { ok: false; holder: LeaseHolder } => {
      const row = read.get() as Row | undefined;
      const live = row !== undefined && !mine(row) && now() - row.heartbeat_ms < LEASE_TTL_MS && (row.host !== self.host || alive(row.pid));
      if (live) return { ok: false, holder: { pid: row.pid, host: row.host, startedAt: row.started_at, heartbeatMs: row.heartbeat_ms } };
      write.run(self.pid, self.host, new Date(now()).toISOString(), now());
      return { ok: true };
    }).immediate,
    /** Says this copy is still alive; false if the lease was taken over meanwhile. */
    renew: (): boolean => renew.run(now(), self.pid, self.host).changes === 1,
    release: (): void => void release.run(self.pid, self.host),
  };
}

export type InstanceLease = ReturnType<typeof createInstanceLease>;
