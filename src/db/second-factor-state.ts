import type { Database } from 'better-sqlite3';
import { FRESH_FACTOR_STATE, type FactorState } from '../domain/second-factor';
import { asStore, type ResilientStore } from './resilient-store';

interface Row {
  last_step: number | null;
  wrong_at: string;
  locked_until: number | null;
  lock_level: number;
}

/**
 * The `second_factor` table (one row): what the owner's second factor must keep across restarts.
 * While the database refuses writes, the newest state is kept in memory and read from there, so a
 * full disk can neither reopen a used step nor lift a lockout.
 */
export function createSecondFactorStates(source: Database | ResilientStore, now: () => Date = () => new Date()) {
  const store = asStore(source);
  const read = store.db.prepare(`SELECT last_step, wrong_at, locked_until, lock_level FROM second_factor WHERE id = 1`);
  const write = store.db.prepare<[number | null, string, number | null, number, string]>(
    `INSERT INTO second_factor (id, last_step, wrong_at, locked_until, lock_level, updated_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET last_step = excluded.last_step, wrong_at = excluded.wrong_at,
       locked_until = excluded.locked_until, lock_level = excluded.lock_level, updated_at = excluded.updated_at`,
  );
  const kept = { saved: new Map<1, FactorState>() };
  const overlay = store.mirror(kept);
  return {
    /** The state as last saved; the fresh state before the first code. */
    load(): FactorState {
      const saved = overlay().saved.get(1);
      if (saved) return saved;
      const r = read.get() as Row | undefined;
      if (!r) return FRESH_FACTOR_STATE;
      const wrongAt = (JSON.parse(r.wrong_at) as unknown[]).filter((t): t is number => typeof t === 'number');
      return { lastStep: r.last_step, wrongAt, lockedUntil: r.locked_until, lockLevel: r.lock_level };
    },
    save(s: FactorState): void {
      const args = [s.lastStep, JSON.stringify(s.wrongAt), s.lockedUntil, s.lockLevel, now().toISOString()] as const;
      if (!store.write(() => write.run(...args))) kept.saved.set(1, s);
    },
  };
}

export type SecondFactorStates = ReturnType<typeof createSecondFactorStates>;
