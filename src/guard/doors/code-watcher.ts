import type { AuditLog } from '../../db/audit-log';
import type { Settings } from '../../db/settings';
import { AccountError } from '../../domain/account-error';
import type { AccountPort, ServiceMessageMeta } from '../../domain/account-port';
import type { Logger } from '../../core/log';
import type { CodeOutcome, DoorEventSink } from '../events';
import { findLoginCode } from '../login-code';

/** `/codeguard on|off`: invalidate every login code at once (off by default). */
export const CODE_GUARD_SETTING = 'code_guard';
/** `/expect`: until this time (ms since the epoch), codes are the owner's own and are left alone. */
export const CODE_EXPECTED_UNTIL_SETTING = 'code_expected_until';

export interface CodeWatcherDeps {
  readonly account: Pick<AccountPort, 'invalidateSignInCodes'>;
  readonly settings: Settings;
  readonly audit: AuditLog;
  readonly emit: DoorEventSink;
  readonly log: Logger;
  readonly now?: () => number;
  /** The alert waits this long for the invalidation, so it can say whether it worked (default 600 ms). */
  readonly invalidateWaitMs?: number;
}

/** Whether a login window opened with /expect is open at `nowMs`. */
export function codeExpected(settings: Settings, nowMs: number): boolean {
  const until = Number(settings.get(CODE_EXPECTED_UNTIL_SETTING) ?? 0);
  return Number.isFinite(until) && until > nowMs;
}

/**
 * The login-code door: receives 777000 messages, and for one holding a login code emits an alert at
 * once. With code guard on (and no /expect window) the code is first invalidated with
 * account.invalidateSignInCodes; the alert waits briefly for that so it can say whether it worked.
 * The code goes only to Telegram: never into an event, an audit row or a log line.
 */
export function createCodeWatcher(d: CodeWatcherDeps) {
  const log = d.log.child({ part: 'code-watch' });
  const now = d.now ?? Date.now;
  const waitMs = d.invalidateWaitMs ?? 600;
  const seen = new Set<string>();

  /** `key` names the alert; when Telegram answers only after it went out, the answer follows under `key:late`. */
  async function invalidate(code: string, key: string): Promise<CodeOutcome> {
    const call = d.account.invalidateSignInCodes([code]).then(
      (): CodeOutcome => ({ kind: 'invalidated' }),
      (err: unknown): CodeOutcome => ({ kind: 'invalidate_failed', code: err instanceof AccountError ? err.code : 'UNKNOWN' }),
    );
    const auditId = d.audit.begin({ actorId: null, action: 'code_invalidate' });
    void call
      .then((o) => d.audit.finish(auditId, o.kind === 'invalidated' ? 'ok' : o.kind === 'invalidate_failed' ? o.code : 'UNKNOWN'))
      .catch(() => log.warn('could not record the outcome of a code invalidation'));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<CodeOutcome>((resolve) => (timer = setTimeout(() => resolve({ kind: 'invalidating' }), waitMs)));
    try {
      const first = await Promise.race([call, late]);
      if (first.kind === 'invalidating') {
        void call.then((outcome) => d.emit({ kind: 'code_invalidation_late', outcome }, `code_invalidation_late:${key}`));
      }
      return first;
    } finally {
      clearTimeout(timer);
    }
  }

  async function onMessage(text: string, meta: ServiceMessageMeta): Promise<void> {
    const code = findLoginCode(text);
    if (code === undefined) return;
    // The same message can arrive twice (a reconnect replays updates): one alert, one invalidation.
    const key = `${meta.id}:${meta.date}`;
    if (seen.has(key)) return;
    seen.add(key);
    // Replays come within seconds; a short memory is enough and must not grow with every code.
    if (seen.size > 200) seen.delete(seen.values().next().value as string);
    const expected = codeExpected(d.settings, now());
    const outcome: CodeOutcome = expected
      ? { kind: 'expected' }
      : d.settings.flag(CODE_GUARD_SETTING)
        ? await invalidate(code, key)
        : { kind: 'unguarded' };
    d.audit.record({ actorId: null, action: 'code_requested', detail: outcome.kind }, 'ok');
    log.info({ outcome: outcome.kind }, 'a login code was requested for the account');
    d.emit({ kind: 'code_requested', messageId: meta.id, date: meta.date, outcome }, `code_requested:${key}`);
  }

  return {
    /** Listener for AccountWatchPort.onServiceMessage. */
    onServiceMessage(text: string, meta: ServiceMessageMeta): void {
      void onMessage(text, meta).catch((err: unknown) =>
        log.error({ code: err instanceof AccountError ? err.code : 'UNKNOWN' }, 'handling a login code failed'),
      );
    },
  };
}
