import type { Database } from 'better-sqlite3';
import type { PasswordState } from '../domain/password-state';
import { asStore, type ResilientStore } from './resilient-store';

interface Row {
  has_password: number;
  has_recovery: number;
  hint: string | null;
  email_unconfirmed_pattern: string | null;
  login_email_pattern: string | null;
  pending_reset_date: number | null;
  algo_fingerprint: string | null;
}

/** The `password_state` table: the last account.getPassword the password watch saw (one row). */
export function createPasswordStates(source: Database | ResilientStore) {
  const store = asStore(source);
  const db = store.db;
  const read = db.prepare(`SELECT * FROM password_state WHERE id = 1`);
  const write = db.prepare<[number, number, string | null, string | null, string | null, number | null, string | null, string]>(
    `INSERT INTO password_state (id, has_password, has_recovery, hint, email_unconfirmed_pattern, login_email_pattern,
       pending_reset_date, algo_fingerprint, read_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET has_password = excluded.has_password, has_recovery = excluded.has_recovery,
       hint = excluded.hint, email_unconfirmed_pattern = excluded.email_unconfirmed_pattern,
       login_email_pattern = excluded.login_email_pattern, pending_reset_date = excluded.pending_reset_date,
       algo_fingerprint = excluded.algo_fingerprint, read_at = excluded.read_at`,
  );
  // The last state saved while the database refused writes: what the next diff compares against.
  const kept = { saved: new Map<1, PasswordState>() };
  const overlay = store.mirror(kept);
  return {
    /** Undefined before the first read: that read is the baseline. */
    last(): PasswordState | undefined {
      const saved = overlay().saved.get(1);
      if (saved) return saved;
      const r = read.get() as Row | undefined;
      if (!r) return undefined;
      return {
        hasPassword: r.has_password === 1,
        hasRecovery: r.has_recovery === 1,
        hint: r.hint ?? undefined,
        emailUnconfirmedPattern: r.email_unconfirmed_pattern ?? undefined,
        loginEmailPattern: r.login_email_pattern ?? undefined,
        pendingResetDate: r.pending_reset_date ?? undefined,
        algoFingerprint: r.algo_fingerprint ?? undefined,
      };
    },
    save(s: PasswordState, at = new Date()): void {
      const args = [
        s.hasPassword ? 1 : 0,
        s.hasRecovery ? 1 : 0,
        s.hint ?? null,
        s.emailUnconfirmedPattern ?? null,
        s.loginEmailPattern ?? null,
        s.pendingResetDate ?? null,
        s.algoFingerprint ?? null,
        at.toISOString(),
      ] as const;
      if (!store.write(() => write.run(...args))) kept.saved.set(1, s);
    },
  };
}

export type PasswordStates = ReturnType<typeof createPasswordStates>;
