import type { Session } from '../../domain/session';
import { AccountError } from '../../domain/account-error';
import type { BotDeps } from '../deps';
import { describeFailure } from './account-call';
import { endSessions } from '../../guard/end-sessions';
import { wordsFor } from '../text/i18n';

export interface UntrustedResult {
  readonly ended: Session[];
  readonly failed: Array<{ session: Session; error: AccountError }>;
  readonly kept: number;
}

/**
 * account.resetAuthorization for every session whose device is not trusted, so the owner's own
 * devices stay logged in (auth.resetAuthorizations cannot spare anything but the companion).
 * Through the one audited path guard mode also takes (guard/end-sessions.ts).
 */
export async function endUntrustedSessions(deps: BotDeps, actorId: number): Promise<UntrustedResult> {
  const sessions = (await deps.account.listSessions()).filter((s) => !s.current);
  const targets = sessions.filter((s) => !deps.guard.trusted.isTrusted(s));
  const results = await endSessions(deps, actorId, 'revoke_untrusted', targets.map((s) => ({ hash: s.hash, detail: s.deviceModel })));
  const ended: Session[] = [];
  const failed: UntrustedResult['failed'] = [];
  results.forEach((r, i) => (r.ok ? ended.push(targets[i]!) : failed.push({ session: targets[i]!, error: r.error })));
  return { ended, failed, kept: sessions.length - targets.length };
}

/**
 * "Ended 3 sessions and kept your 2 trusted devices. 1 could not be ended: ...", in the owner's
 * remembered language (the same one describeFailure speaks). Plain text.
 */
export async function describeUntrustedResult(deps: BotDeps, r: UntrustedResult): Promise<string> {
  const t = wordsFor(deps);
  const parts = [t('untrusted-result', { ended: r.ended.length, kept: r.kept })];
  if (r.failed.length > 0) {
    parts.push(t('untrusted-failed', { count: r.failed.length, reason: await describeFailure(deps, r.failed[0]!.error, 'doing-end-them') }));
  }
  return parts.join(' ');
}
