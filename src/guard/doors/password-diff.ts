import type { PasswordState } from '../../domain/password-state';
import type { DoorEvent } from '../events';

/**
 * The changes between two account.getPassword reads that the owner must hear about, most urgent
 * first. Equal states give no events; a reset date that stays the same is told only once.
 */
export function diffPassword(before: PasswordState, after: PasswordState): DoorEvent[] {
  const events: DoorEvent[] = [];
  if (before.hasPassword && !after.hasPassword) events.push({ kind: 'password_off' });
  else if (!before.hasPassword && after.hasPassword) events.push({ kind: 'password_on' });
  else if (after.hasPassword && before.algoFingerprint !== after.algoFingerprint) events.push({ kind: 'password_changed' });
  if (after.pendingResetDate !== undefined && after.pendingResetDate !== before.pendingResetDate) {
    events.push({ kind: 'reset_pending', date: after.pendingResetDate });
  }
  if (after.emailUnconfirmedPattern !== undefined && after.emailUnconfirmedPattern !== before.emailUnconfirmedPattern) {
    events.push({ kind: 'recovery_email_pending', pattern: after.emailUnconfirmedPattern });
  }
  if (before.hasRecovery && !after.hasRecovery && after.hasPassword) events.push({ kind: 'recovery_email_removed' });
  if (!before.hasRecovery && after.hasRecovery) events.push({ kind: 'recovery_email_set' });
  if (before.loginEmailPattern !== after.loginEmailPattern) events.push({ kind: 'login_email_changed', pattern: after.loginEmailPattern });
  // Turning the password off or on carries its hint with it; only a hint changed on its own is news.
  if (before.hasPassword && after.hasPassword && before.hint !== after.hint) events.push({ kind: 'hint_changed', hint: after.hint });
  return events;
}
