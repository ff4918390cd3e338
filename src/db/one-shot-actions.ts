import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export type OneShotTake =
  | { readonly ok: true; readonly kind: string; readonly target: string | null }
  | { readonly ok: false; readonly why: 'used' | 'unknown' };

/**
 * The `one_shot_action` table: buttons that must act once however often, and however concurrently,
 * they are pressed, also after a restart (their alerts may be delivered by the outbox much later).
 * Taking is one UPDATE ... WHERE used_at IS NULL, so exactly one press wins.
 */
export function createOneShotActions(db: Database, now: () => Date = () => new Date()) {
  const insert = db.prepare<[string, string, string | null, string]>(
    `INSERT INTO one_shot_action (id, kind, target, created_at) VALUES (?, ?, ?, ?)`,
  );
  const take = db.prepare<[string, string, string]>(`UPDATE one_shot_action SET used_at = ? WHERE id = ? AND kind = ? AND used_at IS NULL`);
  const read = db.prepare<[string, string]>(`SELECT target, used_at FROM one_shot_action WHERE id = ? AND kind = ?`);
  const release = db.prepare<[string]>(`UPDATE one_shot_action SET used_at = NULL WHERE id = ?`);
  return {
    /** Returns the id to put in the button's callback data (10 url-safe characters). */
    create(kind: string, target: string | null = null): string {
      const id = randomBytes(8).toString('base64url').slice(0, 10);
      insert.run(id, kind, target, now().toISOString());
      return id;
    },
    take(id: string, kind: string): OneShotTake {
      const changed = take.run(now().toISOString(), id, kind).changes === 1;
      const row = read.get(id, kind) as { target: string | null; used_at: string | null } | undefined;
      if (!row) return { ok: false, why: 'unknown' };
      return changed ? { ok: true, kind, target: row.target } : { ok: false, why: 'used' };
    },
    /** The action failed before changing anything: the button may be pressed again. */
    release(id: string): void {
      release.run(id);
    },
  };
}

export type OneShotActions = ReturnType<typeof createOneShotActions>;
