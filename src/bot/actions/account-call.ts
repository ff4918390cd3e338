// bot/actions/ — audited account changes (end sessions, the other doors), each logged before and after.
import { AccountError } from '../../domain/account-error';
import { endingAllowedAt } from '../../domain/fresh-session';
import type { AuditStart } from '../../db/audit-log';
import type { BotDeps } from '../deps';
import { explainFailure, type Doing } from '../views/explain-failure';

/**
 * Runs an account call between an audit `pending` row and its outcome, so a crash in between is
 * visible, and turns any failure into an `AccountError` with Telegram's code as the outcome.
 */
export async function audited<T>(deps: BotDeps, entry: AuditStart, call: () => Promise<T>): Promise<T> {
  const id = deps.audit.begin(entry);
  try {
    const result = await call();
    deps.audit.finish(id, 'ok');
    return result;
  } catch (err) {
    const failure = err instanceof AccountError ? err : new AccountError({ kind: 'other' }, 'UNKNOWN', String(err));
    deps.audit.finish(id, failure.code, failure.message);
    deps.log.warn({ action: entry.action, code: failure.code }, 'account call failed');
    throw failure;
  }
}

/** The companion's own date_created, for the 24 h rule; undefined when it cannot be read now. */
export async function companionCreatedAt(deps: BotDeps): Promise<number | undefined> {
  try {
    return (await deps.account.listSessions()).find((s) => s.current)?.dateCreated;
  } catch {
    return undefined;
  }
}

/**
 * Until when (unix seconds) Telegram refuses to let the companion end sessions (the 24 h rule), or
 * undefined when it may (or its age cannot be read now: the reports then say what they would).
 */
export async function endingRefusedUntil(deps: BotDeps): Promise<number | undefined> {
  const created = await companionCreatedAt(deps);
  if (created === undefined) return undefined;
  const allowed = endingAllowedAt(created);
  return allowed * 1000 > deps.now() ? allowed : undefined;
}

/**
 * The owner-facing sentence for a failed account call, in the owner's language (the owner gate's
 * i18n middleware has already remembered this update's language_code). `doing` is a `doing-…`
 * message id, or an English phrase for texts not yet in the locale files. Non-account errors go
 * to the error boundary.
 */
export async function describeFailure(deps: BotDeps, err: unknown, doing: Doing): Promise<string> {
  if (!(err instanceof AccountError)) throw err;
  const createdAt = err.failure.kind === 'too_fresh' ? await companionCreatedAt(deps) : undefined;
  const { i18n } = deps;
  return explainFailure(err, { doing, nowMs: deps.now(), companionCreatedAt: createdAt, i18n, locale: i18n.localeFor() });
}
