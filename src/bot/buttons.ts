/**
 * Every inline button the bot draws, by the prefix of its callback_data. One table, so the
 * callback path (callback-path.ts) and the tests know all of them.
 *
 * - `answer`: the toast shown at once, before any work (answerCallbackQuery), so a slow Telegram
 *   call can never make the answer late.
 * - `once`: the button changes something; after one press on a message has finished, later presses
 *   of the same action on that message do nothing.
 * - `prompt`: the button is one of the choices of a confirmation prompt; all choices of one prompt
 *   share one lock, so "End" and "Cancel" tapped together cannot both act.
 * - `token`: the button carries a durable one-shot token of this kind (`one_shot_action` rows), for
 *   buttons under messages that may outlive a restart (alerts the outbox delivers late). The callback
 *   path takes it; a used one is answered like any second tap.
 */
export interface ButtonSpec {
  readonly answer?: string;
  readonly once?: boolean;
  readonly prompt?: boolean;
  readonly token?: string;
}

/** One-shot token kinds as stored in `one_shot_action.kind` (callback data `dr:<id>`, `bd:<id>`). */
export const DECLINE_RESET = 'decline_reset';
export const DISCONNECT_BOT = 'disconnect_bot';

export const BUTTONS = {
  ok: { once: true },
  ee: { answer: 'Ending it…', once: true },
  tn: { once: true },
  se: {},
  sc: { answer: 'Ending the session…', once: true, prompt: true },
  sx: { answer: 'Cancelled', once: true, prompt: true },
  sp: {},
  tl: {},
  tp: {},
  tr: { answer: 'Trusting…', once: true },
  tx: { answer: 'Removing…', once: true },
  ra: { answer: 'Ending the other sessions…', once: true, prompt: true },
  rt: { answer: 'Ending the untrusted sessions…', once: true, prompt: true },
  rx: { answer: 'Cancelled', once: true, prompt: true },
  we: {},
  wc: { answer: 'Ending the web session…', once: true, prompt: true },
  wx: { answer: 'Cancelled', once: true, prompt: true },
  wa: {},
  wy: { answer: 'Ending the web sessions…', once: true, prompt: true },
  wn: { answer: 'Cancelled', once: true, prompt: true },
  gt: { once: true, prompt: true },
  go: { once: true, prompt: true },
  gx: { answer: 'Cancelled', once: true, prompt: true },
  pk: { answer: 'Locking down…', once: true, prompt: true },
  px: { answer: 'Cancelled', once: true, prompt: true },
  tt: { answer: 'Changing…' },
  dr: { answer: 'Cancelling the reset…', once: true, token: DECLINE_RESET },
  bd: { answer: 'Disconnecting…', once: true, token: DISCONNECT_BOT },
  cg: { answer: 'Turning code guard on…', once: true },
  lang: {},
} as const satisfies Record<string, ButtonSpec>;

export type ButtonPrefix = keyof typeof BUTTONS;

/** The prefix of a callback_data ("ee" for "ee:-20"), if it is one of ours. */
export function buttonPrefix(data: string): ButtonPrefix | undefined {
  const prefix = data.split(':', 1)[0] ?? '';
  return Object.hasOwn(BUTTONS, prefix) ? (prefix as ButtonPrefix) : undefined;
}
