import { createHash } from 'node:crypto';
import type { AuditLog } from '../../db/audit-log';
import type { PasswordStates } from '../../db/password-state';
import type { AccountPort } from '../../domain/account-port';
import type { Logger } from '../../core/log';
import type { DoorEventSink } from '../events';
import { doorRead } from './door-read';
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
  async function checkOnce(): Promise<void> {
    const current = await d.account.getPassword();
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

  return doorRead('password', checkOnce, d.log.child({ part: 'password-watch' }), d.now);
}

export type PasswordWatcher = ReturnType<typeof createPasswordWatcher>;
