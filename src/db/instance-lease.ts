import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { storageProblem } from './storage-error';

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
 *
 * The lease is the one writer that does not go through the resilient store: a heartbeat or a release
 * is about now, and replaying it after an outage would only claim life that was not checked. So a
 * write the database refuses (full, read-only, locked) is skipped instead: a renewal tries again at
 * the next one (the lease lasts three), and a lease left by a copy that has exited is taken over at
 * once by the pid check. Other errors (bugs) still throw.
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
  /** Runs a lease write; on a storage problem, `refused` says what is known without it. */
  const attempt = <T>(write: () => T, refused: () => T): T => {
    try {
      return write();
    } catch (err) {
      if (!storageProblem(err)) throw err;
      return refused();
    }
  };
  /** Whether the row still names this copy (read when the renewal could not be written). */
  const stillMine = (): boolean => {
    try {
      const row = read.get() as Row | undefined;
      return row !== undefined && mine(row);
    } catch {
      return true;
    }
  };

  return {
    /** Takes the lease, or returns the live copy that holds it. */
    acquire: db.transaction((): { ok: true } | { ok: false; holder: LeaseHolder } => {
      const row = read.get() as Row | undefined;
      const live = row !== undefined && !mine(row) && now() - row.heartbeat_ms < LEASE_TTL_MS && (row.host !== self.host || alive(row.pid));
      if (live) return { ok: false, holder: { pid: row.pid, host: row.host, startedAt: row.started_at, heartbeatMs: row.heartbeat_ms } };
      write.run(self.pid, self.host, new Date(now()).toISOString(), now());
      return { ok: true };
    }).immediate,
    /** Says this copy is still alive; false if the lease was taken over meanwhile. Never throws for storage. */
    renew: (): boolean => attempt(() => renew.run(now(), self.pid, self.host).changes === 1, stillMine),
    /** Gives the lease up (at exit). Never throws for storage: a lease of a gone pid is taken over anyway. */
    release: (): void => attempt(() => void release.run(self.pid, self.host), () => undefined),
  };
}

export type InstanceLease = ReturnType<typeof createInstanceLease>;
