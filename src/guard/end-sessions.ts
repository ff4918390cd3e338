import type { AuditAction, AuditLog } from '../db/audit-log';
import { AccountError } from '../domain/account-error';
import type { AccountPort } from '../domain/account-port';

/** A session to end, and what its audit row names it by (the device, or why it is ended). */
export interface EndTarget {
  readonly hash: bigint;
  readonly detail: string | null;
}

/** What account.resetAuthorization said for one target. */
export type EndOutcome = { readonly hash: bigint; readonly ok: true } | { readonly hash: bigint; readonly ok: false; readonly error: AccountError };

export interface EndSessionsDeps {
  readonly account: Pick<AccountPort, 'revoke'>;
  readonly audit: AuditLog;
}

/**
 * The one way several sessions are ended with audit rows: guard mode's automatic ends (new logins
 * and changed sessions) and "End all except trusted" all come here. Every row is written `pending`
 * in one transaction before any call, the account.resetAuthorization calls run in parallel (gramjs
 * packs them into containers, so 200 take well under a second), and the rows are finished in one
 * transaction after. `onEnded` runs inside that second transaction for each session ended, so
 * bookkeeping (known_session.ended_at) commits with its audit row. Never rejects: each failure is an
 * outcome with Telegram's error (FLOOD_WAIT, FRESH_RESET_AUTHORISATION_FORBIDDEN, HASH_INVALID…).
 * `actorId`: the owner's id, or null for guard mode.
 */
export async function endSessions(
  d: EndSessionsDeps,
  actorId: number | null,
  action: AuditAction,
  targets: readonly EndTarget[],
  onEnded?: (hash: bigint) => void,
): Promise<EndOutcome[]> {
  if (targets.length === 0) return [];
  const ids = d.audit.batch(() => targets.map((t) => d.audit.begin({ actorId, action, targetHash: t.hash, detail: t.detail })));
  const results = await Promise.allSettled(targets.map((t) => d.account.revoke(t.hash)));
  return d.audit.batch(() =>
    results.map((r, i): EndOutcome => {
      const hash = targets[i]!.hash;
      if (r.status === 'fulfilled') {
        d.audit.finish(ids[i]!, 'ok');
        onEnded?.(hash);
        return { hash, ok: true };
      }
      const error = r.reason instanceof AccountError ? r.reason : new AccountError({ kind: 'other' }, 'UNKNOWN', String(r.reason));
      d.audit.finish(ids[i]!, error.code, error.message);
      return { hash, ok: false, error };
    }),
  );
}
