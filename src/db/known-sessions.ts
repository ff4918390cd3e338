import type { Database } from 'better-sqlite3';
import { asStore, type ResilientStore } from './resilient-store';
import type { Session } from '../domain/session';

import type { SeenVia } from '../domain/new-login';

/**
 * The sessions the guard has seen; inserting a hash is how a login is claimed for alerting. Writes
 * go through the resilient store; while it keeps them in memory, the claims and ends it holds are
 * overlaid on what the database says, so a login is still alerted once, not zero times or twice.
 */
export function createKnownSessions(source: Database | ResilientStore, now: () => Date = () => new Date()) {
  const store = asStore(source);
  const db = store.db;
  const insert = db.prepare<[string, string, string, number | null, string | null, string | null, string | null, string | null, string | null]>(
    `INSERT INTO known_session (hash, first_seen_at, seen_via, api_id, app_name, device_model, platform, description, alerted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
  );
  const alerted = db.prepare<[string, string]>(`UPDATE known_session SET alerted_at = ? WHERE hash = ? AND alerted_at IS NULL RETURNING seen_via AS via`);
  // Ended sessions too: a login that ended before its alert went out must still be reported. Logins
  // whose alert waits in the outbox are left to it, so a start does not alert them twice.
  const unalerted = db.prepare(
    `SELECT hash, first_seen_at AS firstSeenAt, coalesce(device_model, description) AS device FROM known_session k
     WHERE alerted_at IS NULL AND NOT EXISTS (
       SELECT 1 FROM outbox o, json_each(o.hashes) j WHERE o.delivered_at IS NULL AND j.value = k.hash)
     ORDER BY first_seen_at`,
  );
  const fill = db.prepare<[number, string, string, string, string | null, string]>(
    `UPDATE known_session SET api_id = ?, app_name = ?, device_model = ?, platform = ?, description = COALESCE(?, description)
     WHERE hash = ? AND api_id IS NULL`,
  );
  const active = db.prepare(`SELECT hash FROM known_session WHERE ended_at IS NULL`);
  const end = db.prepare<[string, string]>(`UPDATE known_session SET ended_at = ? WHERE hash = ? AND ended_at IS NULL`);
  const revive = db.prepare<[string]>(`UPDATE known_session SET ended_at = NULL WHERE hash = ?`);
  const count = db.prepare(`SELECT count(*) AS n FROM known_session`);
  const exists = db.prepare<[string]>(`SELECT 1 FROM known_session WHERE hash = ?`);
  // Claims, revivals and ends kept in memory with the writes that record them; empty once those are
  // written. A revival is a claim of a hash the database already has: the kept write clears its
  // ended_at, so until then the session must count as active here too.
  const kept = { claimed: new Set<string>(), revived: new Set<string>(), ended: new Set<string>() };
  const overlay = store.mirror(kept);
  /** Whether the database already has the hash; on a failed read, no: a second alert beats none. */
  const inDatabase = (h: string): boolean => {
    try {
      return exists.get(h) !== undefined;
    } catch {
      return false;
    }
  };

  /** Pushes claimed by claimFirst whose row is written on the next turn: already claimed for everyone else. */
  const deferred = new Set<string>();

  /** Inserts the claim (or revives an ended row); true when this call claimed it. */
  function write(h: string, via: SeenVia, session?: Session, description?: string): boolean {
    const at = now().toISOString();
    // The baseline is summarised, not alerted: it counts as told.
    const told = via === 'baseline' ? at : null;
    const args = [h, at, via, session?.apiId ?? null, session?.appName ?? null, session?.deviceModel ?? null, session?.platform ?? null, description ?? null, told] as const;
    const pendingClaim = overlay().claimed.has(h);
    let claimed = false;
    const ranNow = store.write(() => {
      claimed = insert.run(...args).changes === 1;
      if (!claimed) revive.run(h);
    });
    if (ranNow) return claimed && !pendingClaim;
    kept.ended.delete(h);
    if (pendingClaim) return false;
    if (inDatabase(h)) {
      kept.revived.add(h);
      return false;
    }
    kept.claimed.add(h);
    return true;
  }

  return {
    /**
     * True only for the first caller with this hash: the one that alerts. A session is claimed with
     * whatever is known (a push has no api_id); details are filled in once the list shows it.
     */
    claim(hash: bigint, via: SeenVia, session?: Session, description?: string): boolean {
      const h = hash.toString(10);
      if (deferred.has(h)) return false;
      return write(h, via, session, description);
    },
    /**
     * claim() for a push, which is alerted at once: the same answer (true only for the first caller,
     * by this path or any other), decided now from memory and one read, with the row written on the
     * next turn of the event loop, so the alert's sendMessage does not wait on a SQLite transaction
     * (about 0.3 ms, the largest step of the alert's own work). The row is written before the
     * outbox's bookkeeping of that alert, which also waits a turn; a revival (a hash the database
     * already has) is written at once, as claim() does.
     */
    claimFirst(hash: bigint, via: SeenVia): boolean {
      const h = hash.toString(10);
      if (deferred.has(h) || overlay().claimed.has(h)) return false;
      if (inDatabase(h)) return write(h, via);
      deferred.add(h);
      setImmediate(() => {
        write(h, via);
        deferred.delete(h);
      });
      return true;
    },
    remember(session: Session, description: string): void {
      const args = [session.apiId, session.appName, session.deviceModel, session.platform, description, session.hash.toString(10)] as const;
      store.write(() => fill.run(...args));
    },
    /** Hashes believed active: the snapshot reconcile diffs against. */
    activeHashes(): Set<string> {
      const { claimed, revived, ended } = overlay();
      const hashes = new Set([...(active.all() as Array<{ hash: string }>).map((r) => r.hash), ...claimed, ...revived, ...deferred]);
      for (const h of ended) hashes.delete(h);
      return hashes;
    },
    /**
     * The owner has been told about these logins: sets `alerted_at` through the store. `onFresh` gets
     * those not marked before, with how each was seen, inside the same transaction, so what it writes
     * (the `alert_sent` audit rows) is written exactly once with them: now, or when a write the
     * database refused is replayed. Returns the fresh ones when written now, else none (yet).
     */
    markAlerted(hashes: readonly bigint[], onFresh?: (fresh: Array<{ hash: bigint; via: SeenVia }>) => void): Array<{ hash: bigint; via: SeenVia }> {
      const at = now().toISOString();
      let fresh: Array<{ hash: bigint; via: SeenVia }> = [];
      const ranNow = store.write(() => {
        fresh = hashes.flatMap((hash) => {
          const row = alerted.get(at, hash.toString(10)) as { via: SeenVia } | undefined;
          return row ? [{ hash, via: row.via }] : [];
        });
        onFresh?.(fresh);
      });
      return ranNow ? fresh : [];
    },
    /**
     * Claimed but never alerted nor queued in the outbox (a crash in between): to be alerted at the
     * next start, ended or not. `firstSeenAt` is unix seconds.
     */
    unalerted(): Array<{ hash: string; firstSeenAt: number; device: string | undefined }> {
      return (unalerted.all() as Array<{ hash: string; firstSeenAt: string; device: string | null }>).map((r) => ({
        hash: r.hash,
        firstSeenAt: Math.floor(Date.parse(r.firstSeenAt) / 1000),
        device: r.device ?? undefined,
      }));
    },
    markEnded(hash: string): void {
      const at = now().toISOString();
      if (!store.write(() => end.run(at, hash))) kept.ended.add(hash);
    },
    isEmpty(): boolean {
      return (count.get() as { n: number }).n === 0;
    },
  };
}

export type KnownSessions = ReturnType<typeof createKnownSessions>;
