import { InlineKeyboard } from 'grammy';
import type { OneShotActions } from '../db/one-shot-actions';
import type { ConnectedBot } from '../domain/connected-bot';
import type { DoorEvent, DoorEventSink } from '../guard/door-events';
import { doorAlertText } from './format/door-alerts';
import { field, FIELD_MAX } from './format/field';
import type { OwnerNotices } from './owner-notices';
import { DECLINE_RESET, DISCONNECT_BOT } from './buttons';

export { DECLINE_RESET, DISCONNECT_BOT };

export function declineResetKeyboard(oneShots: OneShotActions): InlineKeyboard {
  return new InlineKeyboard().text('Cancel the reset', `dr:${oneShots.create(DECLINE_RESET)}`);
}

export function disconnectBotKeyboard(oneShots: OneShotActions, botId: bigint, label = 'Disconnect'): InlineKeyboard {
  return new InlineKeyboard().text(label, `bd:${oneShots.create(DISCONNECT_BOT, botId.toString(10))}`);
}

/** One "Disconnect @name" row per bot, each a one-shot button; the name passes the output layer (field.ts). */
export function addDisconnectButtons(keyboard: InlineKeyboard, oneShots: OneShotActions, bots: readonly ConnectedBot[]): InlineKeyboard {
  for (const b of bots) {
    keyboard.text(`Disconnect ${field(b.username ? `@${b.username}` : b.name, FIELD_MAX.button)}`, `bd:${oneShots.create(DISCONNECT_BOT, b.botId.toString(10))}`).row();
  }
  return keyboard;
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
