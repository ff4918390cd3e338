import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { asStore, type ResilientStore } from './resilient-store';

export type OneShotTake =
  | { readonly ok: true; readonly kind: string; readonly target: string | null }
  | { readonly ok: false; readonly why: 'used' | 'unknown' };

/** The id of one durable one-shot button, in its data ("dr:<id>"); branded so no other string is drawn in its place. */
export type OneShotToken = string & { readonly __oneShotToken: true };

/**
 * The `one_shot_action` table: buttons that must act once however often, and however concurrently,
 * they are pressed, also after a restart (their alerts may be delivered by the outbox much later).
 * Taking is one UPDATE ... WHERE used_at IS NULL, so exactly one press wins.
 *
 * While the database refuses writes (full, read-only, locked), a press still acts: the take is
 * decided in memory, against what the database says plus the creates, takes and releases kept in
 * the store, and its UPDATE is written when the database recovers. One process holds the database
 * (the instance lease) and JavaScript runs one press at a time, so memory decides as surely as the
 * UPDATE would: never twice. A crash before the kept take is written forgets it: the button may act
 * once more after the restart, which is what a button whose action never happened would do too.
 */
export function createOneShotActions(source: Database | ResilientStore, now: () => Date = () => new Date()) {
  const store = asStore(source);
  const db = store.db;
  const insert = db.prepare<[string, string, string | null, string]>(
    `INSERT INTO one_shot_action (id, kind, target, created_at) VALUES (?, ?, ?, ?)`,
  );
  const take = db.prepare<[string, string, string]>(`UPDATE one_shot_action SET used_at = ? WHERE id = ? AND kind = ? AND used_at IS NULL`);
  const read = db.prepare<[string, string]>(`SELECT target, used_at FROM one_shot_action WHERE id = ? AND kind = ?`);
  const release = db.prepare<[string]>(`UPDATE one_shot_action SET used_at = NULL WHERE id = ?`);
  // Kept in memory with the writes that record them; empty once those are written.
  const kept = { created: new Map<string, { kind: string; target: string | null }>(), used: new Map<string, boolean>() };
  const overlay = store.mirror(kept);
  /** The button as the database plus what is kept says; undefined when unknown. */
  const current = (id: string, kind: string): { target: string | null; used: boolean } | undefined => {
    const { created, used } = overlay();
    const made = created.get(id);
    const row = made ? (made.kind === kind ? { target: made.target, used_at: null } : undefined) : (read.get(id, kind) as { target: string | null; used_at: string | null } | undefined);
    if (!row) return undefined;
    return { target: row.target, used: used.get(id) ?? row.used_at !== null };
  };
  return {
    /** Returns the id to put in the button's callback data (10 url-safe characters). */
    create(kind: string, target: string | null = null): OneShotToken {
      const id = randomBytes(8).toString('base64url').slice(0, 10) as OneShotToken;
      const at = now().toISOString();
      if (!store.write(() => insert.run(id, kind, target, at))) kept.created.set(id, { kind, target });
      return id;
    },
    /** Exactly one press of a button gets ok; see above for a database that refuses writes. */
    take(id: string, kind: string): OneShotTake {
      const at = now().toISOString();
      if (store.pending === 0) {
        let changed = false;
        if (store.write(() => (changed = take.run(at, id, kind).changes === 1))) {
          const row = read.get(id, kind) as { target: string | null } | undefined;
          if (!row) return { ok: false, why: 'unknown' };
          return changed ? { ok: true, kind, target: row.target } : { ok: false, why: 'used' };
        }
        // Refused: the write is kept, and the decision below is the one it will record.
        const button = current(id, kind);
        if (!button || button.used) return button ? { ok: false, why: 'used' } : { ok: false, why: 'unknown' };
        kept.used.set(id, true);
        return { ok: true, kind, target: button.target };
      }
      const button = current(id, kind);
      if (!button) return { ok: false, why: 'unknown' };
      if (button.used) return { ok: false, why: 'used' };
      kept.used.set(id, true);
      store.write(() => take.run(at, id, kind));
      return { ok: true, kind, target: button.target };
    },
    /** The action failed before changing anything: the button may be pressed again. */
    release(id: string): void {
      if (!store.write(() => release.run(id))) kept.used.set(id, false);
    },
  };
}

export type OneShotActions = ReturnType<typeof createOneShotActions>;
