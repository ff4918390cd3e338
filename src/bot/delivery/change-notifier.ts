import type { OneShotActions } from '../../db/one-shot-actions';
import type { SessionHistory } from '../../db/session-history';
import type { TrustedDevices } from '../../db/trusted-devices';
import type { SessionChange } from '../../domain/session-change';
import { ACCEPT_CHANGE, buttonData } from '../buttons/buttons';
import { changeAlert, changeBatch, type ChangeView } from '../views/change-alert';
import type { Speech } from '../text/i18n';
import type { Outbox } from './outbox';

export interface ChangeNotifierDeps {
  readonly outbox: Pick<Outbox, 'post' | 'told'>;
  readonly oneShots: Pick<OneShotActions, 'create'>;
  readonly history: Pick<SessionHistory, 'markAlerted'>;
  readonly trusted: Pick<TrustedDevices, 'isTrusted'>;
  /** The owner's remembered language: these alerts come outside an update. */
  readonly speech: () => Speech;
  readonly now?: () => number;
}

/**
 * Tells the owner about sessions that moved, changed hands or woke up, through the outbox like a
 * new login (kind `session_change`), so the alert survives a restart and is delivered at least once.
 * The changes of one check go out together: one alert with buttons for one session, a few grouped
 * messages for many. Each message's key names its changes, and they are marked alerted once its row
 * is safe, so a start re-posts only what a crash left unqueued.
 */
export function createChangeNotifier(d: ChangeNotifierDeps): { sessionChanges(changes: readonly SessionChange[]): void } {
  const now = d.now ?? Date.now;
  return {
    sessionChanges(changes: readonly SessionChange[]): void {
      if (changes.length === 0) return;
      const view: ChangeView = {
        ...d.speech(),
        nowMs: now(),
        trusted: (c) => d.trusted.isTrusted({ apiId: c.after.apiId, appName: c.after.appName, deviceModel: c.after.deviceModel, platform: c.after.platform }),
      };
      const messages =
        changes.length === 1
          ? [{ m: changeAlert(changes[0]!, view, buttonData('cm', d.oneShots.create(ACCEPT_CHANGE, String(changes[0]!.id)))), ids: [changes[0]!.id] }]
          : changeBatch(changes, view).map((m, i) => ({ m, ids: i === 0 ? changes.map((c) => c.id) : [] }));
      const key = `session-change:${changes.map((c) => c.id).join(',')}`;
      // Queued by a run that crashed before marking them: the outbox has them already.
      if (d.outbox.told(key)) return d.history.markAlerted(changes.map((c) => c.id));
      messages.forEach(({ m, ids }, i) => {
        d.outbox.post(
          { kind: 'session_change', text: m.text, key: i === 0 ? key : `${key}#${i + 1}`, ...(m.keyboard ? { keyboard: m.keyboard } : {}) },
          { onSafe: () => ids.length > 0 && d.history.markAlerted(ids) },
        );
      });
    },
  };
}
