import { randomBytes } from 'node:crypto';

export type Pending =
  | { readonly kind: 'end'; readonly hash: bigint }
  | { readonly kind: 'end_all'; readonly count: number }
  /** `label` names the website in English for the audit log; `shown` in the owner's language. */
  | { readonly kind: 'web_end'; readonly hash: bigint; readonly label: string; readonly shown: string }
  | { readonly kind: 'web_end_all'; readonly count: number }
  | { readonly kind: 'guard_on'; readonly count: number; /** Decimal hashes "Trust current sessions" may trust. */ readonly trust?: readonly string[] }
  | { readonly kind: 'panic'; readonly count: number };

/** The id of one confirmation prompt, in its buttons' data ("sc:<id>"); branded so no other string is drawn in its place. */
export type ConfirmationId = string & { readonly __confirmation: true };

export type Taken<P extends Pending> = { readonly ok: true; readonly pending: P } | { readonly ok: false; readonly why: 'expired' | 'unknown' };

/**
 * One-shot confirmations for destructive buttons. An id is taken at most once, so a double tap
 * does nothing the second time; a tap after `ttlMs`, or after a restart, finds it expired or gone.
 */
export function createConfirmations(ttlMs = 120_000, now: () => number = Date.now) {
  const entries = new Map<string, { pending: Pending; expiresAt: number }>();

  const sweep = (): void => {
    const t = now();
    // Expired entries stay one more TTL so a late tap can be told "expired" rather than "unknown".
    for (const [id, e] of entries) if (e.expiresAt + ttlMs < t) entries.delete(id);
  };

  return {
    create(pending: Pending): ConfirmationId {
      sweep();
      const id = randomBytes(6).toString('base64url') as ConfirmationId;
      entries.set(id, { pending, expiresAt: now() + ttlMs });
      return id;
    },
    take<K extends Pending['kind']>(id: string, kind: K): Taken<Extract<Pending, { kind: K }>> {
      const entry = entries.get(id);
      if (!entry || entry.pending.kind !== kind) return { ok: false, why: 'unknown' };
      entries.delete(id);
      if (entry.expiresAt < now()) return { ok: false, why: 'expired' };
      return { ok: true, pending: entry.pending as Extract<Pending, { kind: K }> };
    },
    /** Whether a press of `id` now would act: it exists and has not expired. Takes nothing. */
    isLive(id: string): boolean {
      const entry = entries.get(id);
      return entry !== undefined && entry.expiresAt >= now();
    },
    /** Drops a confirmation without acting (Cancel); true when it was still there. */
    cancel(id: string): boolean {
      return entries.delete(id);
    },
  };
}

export type Confirmations = ReturnType<typeof createConfirmations>;
