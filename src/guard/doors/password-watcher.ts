import { createHash } from 'node:crypto';
import type { AuditLog } from '../../db/audit-log';
import type { PasswordStates } from '../../db/password-state';
import { AccountError } from '../../domain/account-error';
import type { AccountPort } from '../../domain/account-port';
import type { Logger } from '../../core/log';
import type { DoorEventSink } from './door-events';
import { diffPassword } from './password-diff';

export interface PasswordWatcherDeps {
  readonly account: Pick<AccountPort, 'getPassword'>;
  readonly states: PasswordStates;
  readonly audit: AuditLog;
  readonly emit: DoorEventSink;
  readonly log: Logger;
  readonly now?: () => number;
}

/**
 * The 2FA and recovery door: reads account.getPassword, diffs it against the last read kept in
 * SQLite and emits one event per change. The first read is the baseline and is not alerted.
 * A FLOOD_WAIT postpones only this watch; it has its own timer and never holds up session checks.
 */
export function createPasswordWatcher(d: PasswordWatcherDeps) {
  const log = d.log.child({ part: 'password-watch' });
  const now = d.now ?? Date.now;
  let notBefore = 0;
  let running: Promise<void> | undefined;

  async function checkOnce(): Promise<void> {
    let current;
    try {
      current = await d.account.getPassword();
    } catch (err) {
      if (err instanceof AccountError && err.failure.kind === 'flood_wait') {
        notBefore = now() + err.failure.seconds * 1000;
        log.warn({ seconds: err.failure.seconds }, 'password watch postponed by FLOOD_WAIT');
      } else {
        log.warn({ code: err instanceof AccountError ? err.code : String(err) }, 'could not read the 2FA state');
      }
      return;
    }
    const before = d.states.last();
    if (!before) {
      d.states.save(current);
      d.audit.record({ actorId: null, action: 'password_baseline', detail: current.hasPassword ? '2FA on' : '2FA off' }, 'ok');
      return;
    }
    // Told before the new state is saved: a crash in between tells it again under the same key.
    const change = createHash('sha256').update(JSON.stringify([before, current])).digest('hex').slice(0, 16);
    for (const event of diffPassword(before, current)) {
      d.audit.record({ actorId: null, action: event.kind }, 'ok');
      d.emit(event, `${event.kind}:${change}`);
    }
    d.states.save(current);
  }

  return {
    /** One read and diff; single flight, and skipped while a FLOOD_WAIT lasts. */
    check(): Promise<void> {
      if (now() < notBefore) return running ?? Promise.resolve();
      // Never rejects: it runs from a timer, and a storage error must not become an unhandled rejection.
      running ??= checkOnce()
        .catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'the password watch failed'))
        .finally(() => (running = undefined));
      return running;
    },
  };
}

export type PasswordWatcher = ReturnType<typeof createPasswordWatcher>;
