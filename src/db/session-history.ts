import type { Database } from 'better-sqlite3';
import type { ChangeGuard, ChangeKind, PlaceSeen, SessionChange, SessionTrace } from '../domain/session-change';
import type { Session } from '../domain/session';
import { traceOf } from '../domain/session-change';
import { asStore, type ResilientStore } from './resilient-store';

/** Places kept per session: the newest of each country first, then the newest by last sight. */
export const PLACES_KEPT = 20;

/** What is stored of one session before a check (see src/guard/session-changes.ts). */
export interface StoredPast {
  readonly trace: SessionTrace;
  readonly checkedAt: number;
  readonly countries: Set<string>;
}

/** A change to be stored: everything but its id. */
export type NewChange = Omit<SessionChange, 'id' | 'acceptedAt'>;

interface ChangeRow {
  id: number;
  hash: string;
  kinds: string;
  before: string;
  after: string;
  found_at: number;
  official_app: number;
  guard: string | null;
  accepted_at: string | null;
}

const guardText = (g: ChangeGuard): string | null => (g.kind === 'off' ? null : g.kind === 'failed' ? `failed:${g.code}` : g.kind);
const guardOf = (s: string | null): ChangeGuard =>
  s === null ? { kind: 'off' } : s === 'left' || s === 'ended' ? { kind: s } : { kind: 'failed', code: s.replace(/^failed:/, '') };

const changeOf = (r: ChangeRow): SessionChange => ({
  id: r.id,
  hash: BigInt(r.hash),
  kinds: JSON.parse(r.kinds) as ChangeKind[],
  before: JSON.parse(r.before) as SessionTrace,
  after: JSON.parse(r.after) as SessionTrace,
  foundAt: r.found_at,
  officialApp: r.official_app === 1,
  guard: guardOf(r.guard),
  ...(r.accepted_at ? { acceptedAt: r.accepted_at } : {}),
});

/**
 * The `session_trace`, `session_place` and `session_change` tables. Reads come from the database
 * once at start (`load`); the caller keeps the pasts in memory from then on, so a write the database
 * refuses (kept and replayed by the resilient store) never makes the next check see stale values
 * and alert a change twice. Change ids are handed out here in memory for the same reason.
 */
export function createSessionHistory(source: Database | ResilientStore, now: () => Date = () => new Date()) {
  const store = asStore(source);
  const db = store.db;
  const traces = db.prepare(`SELECT * FROM session_trace`);
  const placesAll = db.prepare(`SELECT hash, country FROM session_place`);
  const upsertTrace = db.prepare(
    `INSERT INTO session_trace (hash, ip, country, region, device_model, platform, system_version, api_id, app_name, app_version, date_active, checked_at)
     VALUES (@hash, @ip, @country, @region, @deviceModel, @platform, @systemVersion, @apiId, @appName, @appVersion, @dateActive, @checkedAt)
     ON CONFLICT (hash) DO UPDATE SET ip = excluded.ip, country = excluded.country, region = excluded.region, device_model = excluded.device_model,
       platform = excluded.platform, system_version = excluded.system_version, api_id = excluded.api_id, app_name = excluded.app_name,
       app_version = excluded.app_version, date_active = excluded.date_active, checked_at = excluded.checked_at`,
  );
  const upsertPlace = db.prepare<[string, string, string, string, number, number]>(
    `INSERT INTO session_place (hash, country, region, ip, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (hash, country, region) DO UPDATE SET ip = excluded.ip, last_seen = excluded.last_seen`,
  );
  const prunePlaces = db.prepare<[string, string, number]>(
    // The newest place of each country first, then the newest others: a phone that crosses twenty
    // regions of one country abroad keeps its home country, so coming home is not a "move".
    `DELETE FROM session_place WHERE hash = ? AND rowid NOT IN (
       SELECT rowid FROM (
         SELECT rowid, last_seen, ROW_NUMBER() OVER (PARTITION BY country ORDER BY last_seen DESC, rowid DESC) AS nth
         FROM session_place WHERE hash = ?
       ) ORDER BY nth = 1 DESC, last_seen DESC, rowid DESC LIMIT ?)`,
  );
  const forgetTrace = db.prepare<[string]>(`DELETE FROM session_trace WHERE hash = ?`);
  const forgetPlaces = db.prepare<[string]>(`DELETE FROM session_place WHERE hash = ?`);
  const insertChange = db.prepare<[number, string, string, string, string, number, number, string | null]>(
    `INSERT INTO session_change (id, hash, kinds, before, after, found_at, official_app, guard) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setGuard = db.prepare<[string | null, number]>(`UPDATE session_change SET guard = ? WHERE id = ?`);
  const alerted = db.prepare<[string, number]>(`UPDATE session_change SET alerted_at = ? WHERE id = ? AND alerted_at IS NULL`);
  const accept = db.prepare<[string, number]>(`UPDATE session_change SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL`);
  const byId = db.prepare<[number]>(`SELECT * FROM session_change WHERE id = ?`);
  const unalerted = db.prepare(`SELECT * FROM session_change WHERE alerted_at IS NULL ORDER BY id`);
  const since = db.prepare<[number]>(`SELECT * FROM session_change WHERE found_at >= ? ORDER BY id`);
  const places = db.prepare<[string]>(`SELECT ip, country, region, first_seen AS firstSeen, last_seen AS lastSeen FROM session_place WHERE hash = ? ORDER BY last_seen DESC, rowid DESC`);
  const maxId = db.prepare(`SELECT coalesce(max(id), 0) AS id FROM session_change`);
  let nextId = (maxId.get() as { id: number }).id + 1;

  return {
    /** Every stored session's last trace and countries, by decimal hash. */
    load(): Map<string, StoredPast> {
      const out = new Map<string, StoredPast>();
      for (const r of traces.all() as Array<Record<string, string | number>>) {
        const trace: SessionTrace = {
          ip: String(r.ip),
          country: String(r.country),
          region: String(r.region),
          deviceModel: String(r.device_model),
          platform: String(r.platform),
          systemVersion: String(r.system_version),
          apiId: Number(r.api_id),
          appName: String(r.app_name),
          appVersion: String(r.app_version),
          dateActive: Number(r.date_active),
        };
        out.set(String(r.hash), { trace, checkedAt: Number(r.checked_at), countries: new Set() });
      }
      for (const p of placesAll.all() as Array<{ hash: string; country: string }>) out.get(p.hash)?.countries.add(p.country);
      return out;
    },
    /**
     * In one transaction: the traces of `seen` (read at `checkedAt`, unix seconds) and their places,
     * the places pruned to PLACES_KEPT, `gone` hashes forgotten, and `changes` stored. Returns the
     * changes with their ids.
     */
    record(checkedAt: number, seen: readonly Session[], gone: readonly string[], changes: readonly NewChange[]): SessionChange[] {
      const stored = changes.map((c) => ({ ...c, id: nextId++ }));
      store.write(() => {
        for (const s of seen) {
          const hash = s.hash.toString(10);
          upsertTrace.run({ hash, ...traceOf(s), checkedAt });
          upsertPlace.run(hash, s.country, s.region, s.ip, checkedAt, checkedAt);
          prunePlaces.run(hash, hash, PLACES_KEPT);
        }
        for (const hash of gone) {
          forgetTrace.run(hash);
          forgetPlaces.run(hash);
        }
        for (const c of stored) {
          insertChange.run(c.id, c.hash.toString(10), JSON.stringify(c.kinds), JSON.stringify(c.before), JSON.stringify(c.after), c.foundAt, c.officialApp ? 1 : 0, guardText(c.guard));
        }
      });
      return stored;
    },
    /** What guard mode did about change `id`. */
    setGuard(id: number, guard: ChangeGuard): void {
      store.write(() => setGuard.run(guardText(guard), id));
    },
    /** The owner has these changes in the outbox: a start does not post them again. */
    markAlerted(ids: readonly number[]): void {
      const at = now().toISOString();
      store.write(() => ids.forEach((id) => alerted.run(at, id)));
    },
    /** Changes found but never handed to the outbox (a crash in between): posted at the next start. */
    unalerted(): SessionChange[] {
      return (unalerted.all() as ChangeRow[]).map(changeOf);
    },
    /** "It's me": the owner accepts the change. Returns it, or undefined for an unknown id. */
    accept(id: number): SessionChange | undefined {
      const at = now().toISOString();
      store.write(() => accept.run(at, id));
      const row = byId.get(id) as ChangeRow | undefined;
      return row ? { ...changeOf(row), acceptedAt: row.accepted_at ?? at } : undefined;
    },
    get(id: number): SessionChange | undefined {
      const row = byId.get(id) as ChangeRow | undefined;
      return row ? changeOf(row) : undefined;
    },
    /** Changes found at or after `sinceSec` (unix seconds), oldest first. */
    since(sinceSec: number): SessionChange[] {
      return (since.all(sinceSec) as ChangeRow[]).map(changeOf);
    },
    /** A session's places, newest first. */
    places(hash: bigint): PlaceSeen[] {
      return places.all(hash.toString(10)) as PlaceSeen[];
    },
  };
}

export type SessionHistory = ReturnType<typeof createSessionHistory>;
