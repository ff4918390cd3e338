import { AccountError } from '../../domain/account-error';
import { CODE_GUARD_SETTING } from '../../guard/doors/code-watcher';
import { audited, describeFailure } from './account-call';
import type { BotDeps } from '../deps';
import { TTL_CHOICES } from '../views/ttl-label';
import { wordsFor } from '../text/i18n';

/** The owner's actions on the other doors, shared by their buttons, /security and /panic. */

/** The shortest inactive-session TTL Telegram accepts (the official apps' "1 week"). */
export const SHORTEST_TTL_DAYS = Math.min(...TTL_CHOICES.map(([d]) => d));

/** account.declinePasswordReset behind the audit log; the owner-facing result line, in the owner's language. */
export async function declineReset(deps: BotDeps, actorId: number, detail: string): Promise<{ ok: boolean; text: string }> {
  try {
    await audited(deps, { actorId, action: 'decline_reset', detail }, () => deps.account.declinePasswordReset());
    return { ok: true, text: wordsFor(deps)('door-reset-declined') };
  } catch (err) {
    if (err instanceof AccountError && err.code === 'RESET_REQUEST_MISSING') {
      return { ok: true, text: wordsFor(deps)('door-reset-not-pending') };
    }
    return { ok: false, text: `❌ ${await describeFailure(deps, err, 'doing-cancel-reset')}` };
  }
}

/**
 * account.updateConnectedBot(deleted) behind the audit log; the owner-facing result line.
 * A bot that is already gone is reported as such, not as a failure.
 */
export async function disconnectBot(deps: BotDeps, actorId: number, botId: bigint, detail: string): Promise<{ ok: boolean; text: string }> {
  try {
    await audited(deps, { actorId, action: 'bot_disconnect', targetHash: botId, detail }, () => deps.account.disconnectBot(botId));
    return { ok: true, text: wordsFor(deps)('door-bot-disconnected') };
  } catch (err) {
    if (err instanceof AccountError && err.code === 'BOT_NOT_CONNECTED') {
      return { ok: true, text: wordsFor(deps)('door-bot-gone') };
    }
    return { ok: false, text: `❌ ${await describeFailure(deps, err, 'doing-disconnect-bot')}` };
  }
}

/** Turns code guard on and audits it; shared by /codeguard, /security and /panic. */
export function turnCodeGuard(deps: BotDeps, on: boolean, actorId: number, detail?: string): void {
  deps.guard.settings.setFlag(CODE_GUARD_SETTING, on);
  deps.audit.record({ actorId, action: on ? 'codeguard_on' : 'codeguard_off', detail: detail ?? null }, 'ok');
}
