import { InlineKeyboard } from 'grammy';
import type { OneShotActions } from '../../db/one-shot-actions';
import type { ConnectedBot } from '../../domain/connected-bot';
import type { DoorEvent, DoorEventSink } from '../../guard/events';
import { doorAlertText } from '../views/door-alerts';
import { field, FIELD_MAX } from '../text/field';
import type { OwnerNotices } from './owner-notices';
import { buttonData, DECLINE_RESET, DISCONNECT_BOT } from '../buttons/buttons';
import { wordsOf, type Speech } from '../text/i18n';

type Words = ReturnType<typeof wordsOf>;

export { DECLINE_RESET, DISCONNECT_BOT };

/** "Cancel the reset", a one-shot button (account.declinePasswordReset), labelled in `t`'s language. */
export function declineResetKeyboard(oneShots: OneShotActions, t: Words): InlineKeyboard {
  return new InlineKeyboard().text(t('door-cancel-reset-button'), buttonData('dr', oneShots.create(DECLINE_RESET)));
}

/** "Disconnect", a one-shot button (account.updateConnectedBot), labelled in `t`'s language. */
export function disconnectBotKeyboard(oneShots: OneShotActions, botId: bigint, t: Words): InlineKeyboard {
  return new InlineKeyboard().text(t('door-disconnect-button'), buttonData('bd', oneShots.create(DISCONNECT_BOT, botId.toString(10))));
}

/** One "Disconnect @name" row per bot, each a one-shot button; the name passes the output layer (field.ts). */
export function addDisconnectButtons(keyboard: InlineKeyboard, oneShots: OneShotActions, bots: readonly ConnectedBot[], t: Words): InlineKeyboard {
  for (const b of bots) {
    keyboard.text(t('door-disconnect-bot-button', { bot: field(b.username ? `@${b.username}` : b.name, FIELD_MAX.button) }), buttonData('bd', oneShots.create(DISCONNECT_BOT, b.botId.toString(10)))).row();
  }
  return keyboard;
}

function keyboardFor(e: DoorEvent, oneShots: OneShotActions, t: Words): InlineKeyboard | undefined {
  if (e.kind === 'reset_pending') return declineResetKeyboard(oneShots, t);
  if (e.kind === 'bot_connected') return disconnectBotKeyboard(oneShots, e.bot.botId, t);
  return undefined;
}

/**
 * Turns the door watchers' events into owner notices, each keyed so one change is told once, in the
 * owner's language at the time (`speech`: notices are built outside any update).
 */
export function doorNotices(notices: OwnerNotices, oneShots: OneShotActions, speech: () => Speech, now: () => number = Date.now): DoorEventSink {
  return (event, key) => {
    const s = speech();
    const keyboard = keyboardFor(event, oneShots, wordsOf(s));
    notices.notify({ kind: event.kind, text: doorAlertText(event, now(), s), key, ...(keyboard ? { keyboard } : {}) });
  };
}
