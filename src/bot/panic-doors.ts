import { declineReset, disconnectBot, SHORTEST_TTL_DAYS, turnCodeGuard } from './door-actions';
import { ttlLabel } from './features/ttl';
import { audited, describeFailure } from './account-call';
import type { BotDeps } from './deps';


/** What /panic's door steps promise, for its confirmation prompt. */
export const PANIC_DOOR_STEPS = [
  'cancel a pending 2FA password reset;',
  'disconnect every business bot connected to the account;',
  `end inactive sessions after ${ttlLabel(SHORTEST_TTL_DAYS)}, the shortest Telegram accepts;`,
  'turn code guard on, so every login code is invalidated the moment it arrives.',
];

async function declinePendingReset(deps: BotDeps, actorId: number): Promise<string> {
  try {
    const password = await deps.account.getPassword();
    if (password.pendingResetDate === undefined) return '✅ No 2FA password reset was pending.';
  } catch (err) {
    return `❌ Could not check for a pending 2FA reset. ${await describeFailure(deps, err, 'doing-read-2fa')}`;
  }
  return (await declineReset(deps, actorId, 'panic')).text;
}

async function disconnectAllBots(deps: BotDeps, actorId: number): Promise<string> {
  let bots;
  try {
    bots = await deps.account.listConnectedBots();
  } catch (err) {
    return `❌ Could not read the connected bots. ${await describeFailure(deps, err, 'doing-read-them')}`;
  }
  if (bots.length === 0) return '✅ No business bots were connected.';
  const results = await Promise.all(bots.map((b) => disconnectBot(deps, actorId, b.botId, 'panic')));
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) return `✅ Disconnected ${bots.length} business ${bots.length === 1 ? 'bot' : 'bots'}.`;
  return `❌ Disconnected ${bots.length - failed.length} of ${bots.length} business bots. ${failed[0]!.text.replace(/^❌ /, '')} Send /bots to try the rest.`;
}

async function shortestTtl(deps: BotDeps, actorId: number): Promise<string> {
  try {
    await audited(deps, { actorId, action: 'ttl_set', detail: `${SHORTEST_TTL_DAYS} days (panic)` }, () => deps.account.setSessionTtlDays(SHORTEST_TTL_DAYS));
    return `✅ Inactive sessions now end after ${ttlLabel(SHORTEST_TTL_DAYS)}.`;
  } catch (err) {
    return `❌ Could not shorten the inactivity period. ${await describeFailure(deps, err, 'doing-change-it')}`;
  }
}

/**
 * /panic's steps for the doors besides sessions: decline a pending 2FA reset, disconnect every
 * business bot, set the shortest session TTL, turn code guard on. One plain line per step, saying
 * truthfully whether it worked.
 */
export async function lockOtherDoors(deps: BotDeps, actorId: number): Promise<string[]> {
  const lines = [await declinePendingReset(deps, actorId), await disconnectAllBots(deps, actorId), await shortestTtl(deps, actorId)];
  turnCodeGuard(deps, true, actorId, 'panic');
  lines.push('✅ Code guard is on: login codes are invalidated as they arrive. Send /expect before you log in yourself.');
  return lines;
}
