// bot/buttons/ — every inline button: the prefix table, confirmations and one-shot tokens.
/**
 * Every inline button the bot draws, by the prefix of its callback_data. One table, so the
 * callback path (callback-path.ts) and the tests know all of them.
 *
 * - `answer`: the message id (locales/*.ftl) of the toast shown at once, in the owner's language, before any work (answerCallbackQuery), so a slow Telegram
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
/** "It's me" under a moved, changed or woken session's alert; the target is the change's id. */
export const ACCEPT_CHANGE = 'accept_change';

export const BUTTONS = {
  ok: { once: true },
  ee: { answer: 'answer-ending-it', once: true },
  tn: { once: true },
  se: {},
  sc: { answer: 'answer-ending-session', once: true, prompt: true },
  sx: { answer: 'answer-cancelled', once: true, prompt: true },
  sp: {},
  tl: {},
  tp: {},
  tr: { answer: 'answer-trusting', once: true },
  tf: { answer: 'answer-trusting', once: true },
  tx: { answer: 'answer-removing', once: true },
  ra: { answer: 'answer-ending-others', once: true, prompt: true },
  rt: { answer: 'answer-ending-untrusted', once: true, prompt: true },
  rx: { answer: 'answer-cancelled', once: true, prompt: true },
  we: {},
  wc: { answer: 'answer-ending-web-session', once: true, prompt: true },
  wx: { answer: 'answer-cancelled', once: true, prompt: true },
  wa: {},
  wy: { answer: 'answer-ending-web-sessions', once: true, prompt: true },
  wn: { answer: 'answer-cancelled', once: true, prompt: true },
  gt: { once: true, prompt: true },
  go: { once: true, prompt: true },
  gx: { answer: 'answer-cancelled', once: true, prompt: true },
  pk: { answer: 'answer-locking-down', once: true, prompt: true },
  px: { answer: 'answer-cancelled', once: true, prompt: true },
  tt: { answer: 'answer-changing' },
  dr: { answer: 'answer-cancelling-reset', once: true, token: DECLINE_RESET },
  bd: { answer: 'answer-disconnecting', once: true, token: DISCONNECT_BOT },
  cg: { answer: 'answer-code-guard-on', once: true },
  ce: { answer: 'answer-ending-it', once: true },
  cm: { answer: 'answer-accepting-change', once: true, token: ACCEPT_CHANGE },
  lang: {},
} as const satisfies Record<string, ButtonSpec>;

export type ButtonPrefix = keyof typeof BUTTONS;

/** The prefix of a callback_data ("ee" for "ee:-20"), if it is one of ours. */
export function buttonPrefix(data: string): ButtonPrefix | undefined {
  const prefix = data.split(':', 1)[0] ?? '';
  return Object.hasOwn(BUTTONS, prefix) ? (prefix as ButtonPrefix) : undefined;
}
