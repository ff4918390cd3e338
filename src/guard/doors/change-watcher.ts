import type { AuditLog } from '../../db/audit-log';
import type { KnownSessions } from '../../db/known-sessions';
import type { NewChange, SessionHistory, StoredPast } from '../../db/session-history';
import type { TrustedDevices } from '../../db/trusted-devices';
import { endSessions } from '../end-sessions';
import type { AccountPort } from '../../domain/account-port';
import type { Session } from '../../domain/session';
import { traceOf, type ChangeGuard, type SessionChange, type SessionTrace } from '../../domain/session-change';
import { ASLEEP_SECONDS, changesOf } from '../session-changes';

/** A place's last sight is refreshed at least this often (seconds), so the newest 20 are kept. */
const REFRESH_SECONDS = 3600;

export interface ChangeWatcherDeps {
  readonly history: SessionHistory;
  readonly trusted: TrustedDevices;
  readonly known: KnownSessions;
  readonly audit: AuditLog;
  readonly account: Pick<AccountPort, 'revoke'>;
  readonly guardOn: () => boolean;
  /** Unix seconds. */
  readonly nowSec?: () => number;
}

const sameTrace = (a: SessionTrace, b: SessionTrace): boolean =>
  (Object.keys(a) as Array<keyof SessionTrace>).every((k) => a[k] === b[k]);

/**
 * Watches each known session for a change of place, of hands or of sleep (src/guard/session-changes.ts),
 * the sign of a copied session file, which makes no new login. Fed the full session list of every
 * check; the first list a hash appears in is its baseline. The pasts live in memory, loaded once.
 */
export function createChangeWatcher(d: ChangeWatcherDeps) {
  const nowSec = d.nowSec ?? (() => Math.floor(Date.now() / 1000));
  let pasts: Map<string, StoredPast> | undefined;
  const load = (): Map<string, StoredPast> => (pasts ??= d.history.load());

  /**
   * Guard mode ends a changed session only when its device is not trusted and its app is not an
   * official one: a moved phone of the owner's abroad is the common case and must keep working.
   */
  async function enforce(changes: SessionChange[], sessions: ReadonlyMap<bigint, Session>): Promise<SessionChange[]> {
    if (!d.guardOn()) return changes;
    const endable = changes.filter((c) => {
      const s = sessions.get(c.hash);
      return s !== undefined && !s.officialApp && !d.trusted.isTrusted(s);
    });
    const results = await endSessions(
      d,
      null,
      'auto_end',
      endable.map((c) => ({ hash: c.hash, detail: `changed session: ${c.kinds.join(', ')}` })),
      (hash) => d.known.markEnded(hash.toString(10)),
    );
    const outcomes = results.map((r, i): [number, ChangeGuard] => [endable[i]!.id, r.ok ? { kind: 'ended' } : { kind: 'failed', code: r.error.code }]);
    const byId = new Map(outcomes);
    for (const [id, guard] of byId) d.history.setGuard(id, guard);
    return changes.map((c) => {
      const guard = byId.get(c.id);
      return guard ? { ...c, guard } : c;
    });
  }

  return {
    /**
     * Compares every listed session (the companion's own excluded) with its past, stores what is new,
     * and returns the changes found, guard mode's action already taken. Never alerts a change twice:
     * the new values are the past of the next check, in memory and in the database.
     */
    async observe(listed: readonly Session[]): Promise<SessionChange[]> {
      const now = nowSec();
      const known = load();
      const others = listed.filter((s) => !s.current);
      const listedHashes = new Set(others.map((s) => s.hash.toString(10)));
      const gone = [...known.keys()].filter((h) => !listedHashes.has(h));
      const write: Session[] = [];
      const found: NewChange[] = [];
      for (const s of others) {
        const hash = s.hash.toString(10);
        const past = known.get(hash);
        const trace = traceOf(s);
        const kinds = changesOf(past, trace, now);
        if (kinds.length > 0) {
          found.push({ hash: s.hash, kinds, before: past!.trace, after: trace, foundAt: now, officialApp: s.officialApp, guard: { kind: d.guardOn() ? 'left' : 'off' } });
        }
        // Written when anything changed, when it fell asleep since (so "asleep at the last check" holds
        // across a restart), or to refresh its place's last sight.
        const asleepFlip = past !== undefined && (past.checkedAt - past.trace.dateActive > ASLEEP_SECONDS) !== (now - trace.dateActive > ASLEEP_SECONDS);
        if (!past || !sameTrace(past.trace, trace) || asleepFlip || now - past.checkedAt >= REFRESH_SECONDS) {
          write.push(s);
          const countries = new Set(past?.countries ?? []);
          countries.add(s.country);
          known.set(hash, { trace, checkedAt: now, countries });
        }
      }
      for (const h of gone) known.delete(h);
      if (write.length === 0 && gone.length === 0 && found.length === 0) return [];
      const stored = d.history.record(now, write, gone, found);
      // The countries a session is known in are those its kept places hold, as a restart reads them.
      for (const s of write) {
        const entry = known.get(s.hash.toString(10));
        if (entry) known.set(s.hash.toString(10), { ...entry, countries: new Set(d.history.places(s.hash).map((p) => p.country)) });
      }
      return enforce(stored, new Map(others.map((s) => [s.hash, s])));
    },
    /** Changes a crashed run found but never handed over: to be alerted now. */
    unalerted: (): SessionChange[] => d.history.unalerted(),
  };
}

export type ChangeWatcher = ReturnType<typeof createChangeWatcher>;
