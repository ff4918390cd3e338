import { InlineKeyboard } from 'grammy';
import type { OneShotActions } from '../db/one-shot-actions';
import type { DoorEvent, DoorEventSink } from '../guard/door-events';
import { doorAlertText } from './format/door-alerts';
import type { OwnerNotices } from './owner-notices';

/** One-shot button kinds (callback data `dr:<id>`, `bd:<id>`). */
export const DECLINE_RESET = 'decline_reset';
export const DISCONNECT_BOT = 'disconnect_bot';

export function declineResetKeyboard(oneShots: OneShotActions): InlineKeyboard {
  return new InlineKeyboard().text('Cancel the reset', `dr:${oneShots.create(DECLINE_RESET)}`);
}

export function disconnectBotKeyboard(oneShots: OneShotActions, botId: bigint, label = 'Disconnect'): InlineKeyboard {
  return new InlineKeyboard().text(label, `bd:${oneShots.create(DISCONNECT_BOT, botId.toString(10))}`);
}

function keyboardFor(e: DoorEvent, oneShots: OneShotActions): InlineKeyboard | undefined {
  if (e.kind === 'reset_pending') return declineResetKeyboard(oneShots);
  if (e.kind === 'bot_connected') return disconnectBotKeyboard(oneShots, e.bot.botId);
  return undefined;
}

/** Turns the door watchers' events into owner notices, each keyed so one change is told once. */
export function doorNotices(notices: OwnerNotices, oneShots: OneShotActions, now: () => number = Date.now): DoorEventSink {
  return (event, key) => {
    const keyboard = keyboardFor(event, oneShots);
    notices.notify({ kind: event.kind, text: doorAlertText(event, now()), key, ...(keyboard ? { keyboard } : {}) });
  };
}
