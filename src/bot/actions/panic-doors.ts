import { declineReset, disconnectBot, SHORTEST_TTL_DAYS, turnCodeGuard } from './door-actions';
import { ttlLabel } from '../views/ttl-label';
import { audited, describeFailure } from './account-call';
import type { BotDeps } from '../deps';
import { wordsFor, type Words } from '../text/i18n';
import { CODE_GUARD_SETTING } from '../../guard/doors/code-watcher';
import { anyWeakeningWindowOpen, closeWeakeningWindows } from '../../guard/doors/weakening-windows';


/** What /panic's door steps promise, for its confirmation prompt, in `t`'s language. */
export const panicDoorSteps = (t: Words): string[] => [
  t('panic-step-reset'),
  t('panic-step-bots'),
  t('panic-step-ttl', { period: ttlLabel(SHORTEST_TTL_DAYS, t) }),
  t('panic-step-codeguard'),
];

async function declinePendingReset(deps: BotDeps, actorId: number): Promise<string> {
  const t = wordsFor(deps);
  try {
    const password = await deps.account.getPassword();
    if (password.pendingResetDate === undefined) return t('panic-no-reset');
  } catch (err) {
    return t('panic-reset-unchecked', { reason: await describeFailure(deps, err, 'doing-read-2fa') });
  }
  return (await declineReset(deps, actorId, 'panic')).text;
}

async function disconnectAllBots(deps: BotDeps, actorId: number): Promise<string> {
  const t = wordsFor(deps);
  let bots;
  try {
    bots = await deps.account.listConnectedBots();
  } catch (err) {
    return t('panic-bots-unread', { reason: await describeFailure(deps, err, 'doing-read-them') });
  }
  if (bots.length === 0) return t('panic-no-bots');
  const results = await Promise.all(bots.map((b) => disconnectBot(deps, actorId, b.botId, 'panic')));
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) return t('panic-bots-disconnected', { count: bots.length });
  return t('panic-bots-partly', { done: bots.length - failed.length, count: bots.length, reason: failed[0]!.text.replace(/^❌ /, '') });
}

async function shortestTtl(deps: BotDeps, actorId: number): Promise<string> {
  const t = wordsFor(deps);
  try {
    await audited(deps, { actorId, action: 'ttl_set', detail: `${SHORTEST_TTL_DAYS} days (panic)` }, () => deps.account.setSessionTtlDays(SHORTEST_TTL_DAYS));
    return t('panic-ttl-done', { period: ttlLabel(SHORTEST_TTL_DAYS, t) });
  } catch (err) {
    return t('panic-ttl-failed', { reason: await describeFailure(deps, err, 'doing-change-it') });
  }
}

/**
 * /panic's steps for the doors besides sessions: decline a pending 2FA reset, disconnect every
 * business bot, set the shortest session TTL, turn code guard on and close every window that weakens
 * it (/expect). One plain line per step, saying
 * truthfully whether it worked, in the owner's language.
 */
export async function lockOtherDoors(deps: BotDeps, actorId: number): Promise<string[]> {
  const lines = [await declinePendingReset(deps, actorId), await disconnectAllBots(deps, actorId), await shortestTtl(deps, actorId)];
  turnCodeGuard(deps, true, actorId, 'panic');
  for (const window of closeWeakeningWindows(deps.guard.settings, deps.now())) {
    deps.audit.record({ actorId, action: `${window}_off`, detail: 'panic' }, 'ok');
  }
  lines.push(codeGuardLine(deps));
  return lines;
}

/** The code-guard line of the report, read back from the settings rather than assumed. */
function codeGuardLine(deps: BotDeps): string {
  const t = wordsFor(deps);
  const holds = deps.guard.settings.flag(CODE_GUARD_SETTING) && !anyWeakeningWindowOpen(deps.guard.settings, deps.now());
  return t(holds ? 'panic-codeguard-on' : 'panic-codeguard-failed');
}
