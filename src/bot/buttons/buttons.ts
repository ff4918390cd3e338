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
 * - `code`: required, so no button is added without deciding. `false`: the press only reads or
 *   cancels. Otherwise the press changes the account or the guard, and with a second factor set it
 *   acts only after the owner's authenticator code (features/second-factor.ts); the value is the
 *   message id (locales/*.ftl) naming the action in the code prompt.
 */
export interface ButtonSpec {
  readonly code: false | `code-action-${string}`;
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
  ok: { code: 'code-action-its-me', once: true },
  ee: { code: 'code-action-end-login', answer: 'answer-ending-it', once: true },
  tn: { code: false, once: true },
  se: { code: false },
  sc: { code: 'code-action-end-session', answer: 'answer-ending-session', once: true, prompt: true },
  sx: { code: false, answer: 'answer-cancelled', once: true, prompt: true },
  sp: { code: false },
  tl: { code: false },
  tp: { code: false },
  // Shows what would be trusted and changes nothing; tf, under that question, trusts.
  tr: { code: false },
  tf: { code: 'code-action-trust', answer: 'answer-trusting', once: true },
  tx: { code: 'code-action-untrust', answer: 'answer-removing', once: true },
  ra: { code: 'code-action-end-others', answer: 'answer-ending-others', once: true, prompt: true },
  rt: { code: 'code-action-end-untrusted', answer: 'answer-ending-untrusted', once: true, prompt: true },
  rx: { code: false, answer: 'answer-cancelled', once: true, prompt: true },
  we: { code: false },
  wc: { code: 'code-action-end-web', answer: 'answer-ending-web-session', once: true, prompt: true },
  wx: { code: false, answer: 'answer-cancelled', once: true, prompt: true },
  wa: { code: false },
  wy: { code: 'code-action-end-web-all', answer: 'answer-ending-web-sessions', once: true, prompt: true },
  wn: { code: false, answer: 'answer-cancelled', once: true, prompt: true },
  // Only /guard on draws these, and that command already took a code: one code, one action.
  gt: { code: false, once: true, prompt: true },
  go: { code: false, once: true, prompt: true },
  gx: { code: false, answer: 'answer-cancelled', once: true, prompt: true },
  pk: { code: 'code-action-panic', answer: 'answer-locking-down', once: true, prompt: true },
  px: { code: false, answer: 'answer-cancelled', once: true, prompt: true },
  tt: { code: 'code-action-ttl', answer: 'answer-changing' },
  dr: { code: 'code-action-decline-reset', answer: 'answer-cancelling-reset', once: true, token: DECLINE_RESET },
  bd: { code: 'code-action-disconnect', answer: 'answer-disconnecting', once: true, token: DISCONNECT_BOT },
  cg: { code: 'code-action-codeguard-on', answer: 'answer-code-guard-on', once: true },
  ce: { code: 'code-action-end-session', answer: 'answer-ending-it', once: true },
  cm: { code: 'code-action-accept-change', answer: 'answer-accepting-change', once: true, token: ACCEPT_CHANGE },
  lang: { code: false },
} as const satisfies Record<string, ButtonSpec>;

export type ButtonPrefix = keyof typeof BUTTONS;

/** The prefix of a callback_data ("ee" for "ee:-20"), if it is one of ours. */
export function buttonPrefix(data: string): ButtonPrefix | undefined {
  const prefix = data.split(':', 1)[0] ?? '';
  return Object.hasOwn(BUTTONS, prefix) ? (prefix as ButtonPrefix) : undefined;
}
