import type { SessionChange } from '../../domain/session-change';
import type { DoorEventSink, GuardEvents } from '../../guard/events';
import { companionDownNotice, companionUpNotice } from '../views/companion-notice';
import type { Speech } from '../text/i18n';
import type { createAlertNotifier } from './alert-notifier';
import type { OwnerNotices } from './owner-notices';

export interface GuardEventDeps {
  /** New logins: coalesced, delivered, redrawn with details (alert-notifier.ts). */
  readonly alerts: Pick<ReturnType<typeof createAlertNotifier>, 'newLogins' | 'details' | 'ended' | 'baseline' | 'companionLost'>;
  /** Sessions that moved, changed hands or woke up (change-notifier.ts). */
  readonly changes: { sessionChanges(changes: readonly SessionChange[]): void };
  /** The other doors' changes, worded and keyed (door-notices.ts). */
  readonly doors: DoorEventSink;
  /** Everything else the owner must hear: the outbox. */
  readonly notices: OwnerNotices;
  /** The owner's remembered language: these come outside any update. */
  readonly speech: () => Speech;
}

/**
 * The one consumer of the guard's event stream: words each event in the owner's language and sends it
 * through the outbox (and from there to every other channel). The guard decides; this only tells.
 */
export function deliverGuardEvents(d: GuardEventDeps): GuardEvents {
  return (e) => {
    switch (e.kind) {
      case 'new_logins':
        return d.alerts.newLogins(e.logins);
      case 'login_details':
        return d.alerts.details(e.logins);
      case 'logins_ended':
        return d.alerts.ended(e.hashes);
      case 'baseline':
        return d.alerts.baseline(e.sessions);
      case 'companion_lost':
        return d.alerts.companionLost(e.code);
      case 'session_changes':
        return d.changes.sessionChanges(e.changes);
      case 'door':
        return d.doors(e.event, e.key);
      case 'companion_down':
        return d.notices.notify(companionDownNotice(e.since, Date.now(), d.speech()));
      case 'companion_up':
        return d.notices.notify(companionUpNotice(e.since, e.now, d.speech()));
    }
  };
}
