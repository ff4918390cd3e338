import type { Session } from '../../domain/session';
import { fingerprintOf, norm, type DeviceFingerprint } from '../../domain/fingerprint';
import { field, FIELD_MAX } from '../text/field';
import { escapeHtml } from '../text/html';
import { wordsOf, type Speech } from '../text/i18n';

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
 * One line of HTML in `speech`'s language, or undefined when there is nothing to say.
 */
export function guardReason(session: Session | undefined, endedByGuard: boolean, guard: GuardView | undefined, speech: Speech): string | undefined {
  if (!guard || !session) return undefined;
  const t = wordsOf(speech);
  const key = fingerprintOf(session);
  if (!endedByGuard) {
    return guard.on && guard.trusted.some((t) => fingerprintOf(t) === key)
      ? t('guard-let-through')
      : undefined;
  }
  const sameModel = guard.trusted.find((t) => norm(t.deviceModel) === norm(session.deviceModel));
  if (!sameModel) return undefined;
  const parts: string[] = [];
  if (norm(sameModel.appName) !== norm(session.appName)) parts.push(t('guard-differs-app', { now: show(session.appName, FIELD_MAX.app), trusted: show(sameModel.appName, FIELD_MAX.app) }));
  if (sameModel.apiId !== session.apiId) parts.push(t('guard-differs-api-id', { now: String(session.apiId), trusted: String(sameModel.apiId) }));
  if (norm(sameModel.platform) !== norm(session.platform)) parts.push(t('guard-differs-platform', { now: show(session.platform, FIELD_MAX.platform), trusted: show(sameModel.platform, FIELD_MAX.platform) }));
  return t('guard-model-matched', { device: show(session.deviceModel, FIELD_MAX.device), parts: parts.join(', ') });
}
