import type { Database } from 'better-sqlite3';
import { asStore, type ResilientStore } from './resilient-store';
import type { Session } from '../domain/session';

export type SeenVia = 'baseline' | 'push' | 'reconcile' | 'service_message' | 'start';

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
  const alerted = db.prepare<[string, string]>(`UPDATE known_session SET alerted_at = ? WHERE hash = ? AND alerted_at IS NULL`);
  const unalerted = db.prepare(`SELECT hash FROM known_session WHERE alerted_at IS NULL AND ended_at IS NULL ORDER BY first_seen_at`);
  const fill = db.prepare<[number, string, string, string, string | null, string]>(
    `UPDATE known_session SET api_id = ?, app_name = ?, device_model = ?, platform = ?, description = COALESCE(?, description)
     WHERE hash = ? AND api_id IS NULL`,
  );
  const unalertedEnded = db.prepare(
    `SELECT hash, device_model, description, first_seen_at FROM known_session WHERE alerted_at IS NULL AND ended_at IS NOT NULL ORDER BY first_seen_at`,
  );
  const active = db.prepare(`SELECT hash FROM known_session WHERE ended_at IS NULL`);
  const end = db.prepare<[string, string]>(`UPDATE known_session SET ended_at = ? WHERE hash = ? AND ended_at IS NULL`);
  const revive = db.prepare<[string]>(`UPDATE known_session SET ended_at = NULL WHERE hash = ?`);
  const count = db.prepare(`SELECT count(*) AS n FROM known_session`);
  const exists = db.prepare<[string]>(`SELECT 1 FROM known_session WHERE hash = ?`);
  // Claims and ends kept in memory with the writes that record them; empty once those are written.
  const kept = { claimed: new Set<string>(), ended: new Set<string>() };
  const overlay = store.mirror(kept);
  /** Whether the database already has the hash; on a failed read, no: a second alert beats none. */
  const inDatabase = (h: string): boolean => {
    try {
      return exists.get(h) !== undefined;
    } catch {
      return false;
    }
  };

  return {
    /**
     * True only for the first caller with this hash: the one that alerts. A session is claimed with
     * whatever is known (a push has no api_id); details are filled in once the list shows it.
     */
    claim(hash: bigint, via: SeenVia, session?: Session, description?: string): boolean {
      const h = hash.toString(10);
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
      if (pendingClaim || inDatabase(h)) return false;
      kept.claimed.add(h);
      return true;
    },
    remember(session: Session, description: string): void {
      const args = [session.apiId, session.appName, session.deviceModel, session.platform, description, session.hash.toString(10)] as const;
      store.write(() => fill.run(...args));
    },
    /** Hashes believed active: the snapshot reconcile diffs against. */
    activeHashes(): Set<string> {
      const { claimed, ended } = overlay();
      const hashes = new Set([...(active.all() as Array<{ hash: string }>).map((r) => r.hash), ...claimed]);
      for (const h of ended) hashes.delete(h);
      return hashes;
    },
    /** The owner has been told about these logins. */
    markAlerted(hashes: readonly bigint[]): void {
      const at = now().toISOString();
      const list = hashes.map((h) => h.toString(10));
      store.batch(() => list.forEach((h) => store.write(() => alerted.run(at, h))));
    },
    /** Claimed but never delivered (a crash or a failed send): to be alerted at the next start. */
    unalerted(): Set<string> {
      return new Set((unalerted.all() as Array<{ hash: string }>).map((r) => r.hash));
    },
    /**
     * Claimed, ended (guard mode, or from another device) and never told: a crash between ending a
     * login and alerting it must not hide it. The next start alerts these too.
     */
    unalertedEnded(): Array<{ hash: bigint; device: string | undefined; firstSeenAt: number }> {
      return (unalertedEnded.all() as Array<{ hash: string; device_model: string | null; description: string | null; first_seen_at: string }>).map((r) => ({
        hash: BigInt(r.hash),
        device: r.device_model ?? r.description ?? undefined,
        firstSeenAt: Math.floor(Date.parse(r.first_seen_at) / 1000),
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
