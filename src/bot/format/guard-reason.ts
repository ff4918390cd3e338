import type { Session } from '../../domain/session';
import { fingerprintOf, norm, type DeviceFingerprint } from '../../guard/fingerprint';
import { field, FIELD_MAX } from './field';
import { escapeHtml } from './html';

/** What guard mode knew when the alert was drawn; absent when the caller does not know. */
export interface GuardView {
  readonly on: boolean;
  readonly trusted: readonly DeviceFingerprint[];
}

const show = (s: string, max: number): string => escapeHtml(field(s, max) || '—');

/**
 * Why guard mode let a login through, or, when it ended one, which part of the fingerprint
 * (api_id, app name, device model, platform) differed from the trusted device most like it: an
 * owner whose own phone was ended after an app update sees "same model, different app" at once.
 * One line of HTML, or undefined when there is nothing to say.
 */
export function guardReason(session: Session | undefined, endedByGuard: boolean, guard: GuardView | undefined): string | undefined {
  if (!guard || !session) return undefined;
  const key = fingerprintOf(session);
  if (!endedByGuard) {
    return guard.on && guard.trusted.some((t) => fingerprintOf(t) === key)
      ? '🛡 Guard mode let it through: this device is on your trusted list (/trust).'
      : undefined;
  }
  const sameModel = guard.trusted.find((t) => norm(t.deviceModel) === norm(session.deviceModel));
  if (!sameModel) return undefined;
  const parts: string[] = [];
  if (norm(sameModel.appName) !== norm(session.appName)) parts.push(`app ${show(session.appName, FIELD_MAX.app)} instead of ${show(sameModel.appName, FIELD_MAX.app)}`);
  if (sameModel.apiId !== session.apiId) parts.push(`api_id ${session.apiId} instead of ${sameModel.apiId}`);
  if (norm(sameModel.platform) !== norm(session.platform)) parts.push(`platform ${show(session.platform, FIELD_MAX.platform)} instead of ${show(sameModel.platform, FIELD_MAX.platform)}`);
  return `The model matched a trusted device (${show(session.deviceModel, FIELD_MAX.device)}), but the ${parts.join(', ')} differed.`;
}
