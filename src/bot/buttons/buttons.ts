// bot/buttons/ — every inline button: the prefix table and codecs, confirmations and one-shot tokens.
import { INT64_MAX, INT64_MIN } from '../../domain/session-hash';
import type { ConfirmationId } from './confirmations';
import type { OneShotToken } from '../../db/one-shot-actions';

/**
 * How a button's argument is written after its prefix ("ee:<hash>") and read back. One codec per
 * kind of argument, so a view that draws a button and the feature that reads it cannot disagree.
 */
export interface ArgCodec<T> {
  /** What the argument is; test/unit/buttons-codec.test.ts draws values of each kind over its whole range. */
  readonly kind: 'hash' | 'confirmation' | 'token' | 'page' | 'days' | 'locale' | 'trusted' | 'word';
  /** A regular expression source for the argument's text, without anchors or capturing groups. */
  readonly pattern: string;
  encode(value: T): string;
  /** The value of text that matched `pattern`, or undefined when it names nothing valid (a hash beyond int64). */
  decode(text: string): T | undefined;
  /**
   * Other spellings the codec still reads (data drawn by an older version); by default only what
   * `encode` writes is read, so one value has one spelling and a press spelled differently ("ee:0101"
   * for "ee:101") is not a second action past the once-lock.
   */
  readonly alsoReads?: RegExp;
}

/**
 * A session or website hash: a signed int64, a bigint inside and decimal text in the data, never a
 * JS number. 0 (the companion's own session) reads as a hash like any other, so an End button
 * refuses it with the reason (isOwnSession) and the others call it invalid (sessionOf).
 */
const HASH: ArgCodec<bigint> = {
  kind: 'hash',
  pattern: '-?\\d{1,19}',
  encode: (hash) => hash.toString(10),
  decode: (text) => {
    const hash = BigInt(text);
    return hash >= INT64_MIN && hash <= INT64_MAX ? hash : undefined;
  },
};

/** Url-safe ids the bot issues (8 and 10 characters); 16 leaves room and keeps every data under 64 bytes. */
const ID_PATTERN = '[\\w-]{1,16}';
const CONFIRMATION: ArgCodec<ConfirmationId> = { kind: 'confirmation', pattern: ID_PATTERN, encode: (id) => id, decode: (text) => text as ConfirmationId };
const TOKEN: ArgCodec<OneShotToken> = { kind: 'token', pattern: ID_PATTERN, encode: (id) => id, decode: (text) => text as OneShotToken };

/** A small count written in decimal: a page number (up to 4 digits) or a number of days (up to 3). */
const count = (kind: 'page' | 'days', digits: number): ArgCodec<number> => ({
  kind,
  pattern: `\\d{1,${digits}}`,
  encode: (n) => String(n),
  decode: (text) => Number(text),
});
const PAGE = count('page', 4);
const DAYS = count('days', 3);

/** A locale code from locales/*.ftl, or "auto". */
const LOCALE: ArgCodec<string> = { kind: 'locale', pattern: ID_PATTERN, encode: (code) => code, decode: (text) => text };

/** A trusted device's id and the /trust page it was removed from; data drawn before pages had no page, which means the first. */
const TRUSTED: ArgCodec<{ readonly id: number; readonly page: number }> = {
  kind: 'trusted',
  pattern: '\\d{1,9}(?::\\d{1,4})?',
  alsoReads: /^[1-9]\d{0,8}$/,
  encode: ({ id, page }) => `${id}:${page}`,
  decode: (text) => {
    const [id, page] = text.split(':');
    return { id: Number(id), page: Number(page ?? 0) };
  },
};

/** The fixed word "on" ("Turn code guard on"), kept as the data that checkups already in the chat carry. */
const ON: ArgCodec<'on'> = { kind: 'word', pattern: 'on', encode: (word) => word, decode: (text) => (text === 'on' ? 'on' : undefined) };

/** The argument codecs, for code that reads what kind of argument a button carries (second-factor.ts names the session). */
export const ARGS = { HASH, CONFIRMATION, TOKEN, PAGE, DAYS, LOCALE, TRUSTED, ON } as const;

/**
 * Every inline button the bot draws, by the prefix of its callback_data. One table, so the
 * callback path (callback-path.ts) and the tests know all of them, and the one codec: views draw a
 * button with `buttonData`, features match it with `buttonPattern` and read it with `readButton`.
 * No other file spells a prefix (test/unit/buttons-codec.test.ts).
 *
 * - `arg`: the codec of the argument after "<prefix>:", if the button carries one; without it the
 *   data is the bare prefix ("tl").
 * - `answer`: the message id (locales/*.ftl) of the toast shown at once, in the owner's language, before any work (answerCallbackQuery), so a slow Telegram
 *   call can never make the answer late.
 * The next three say how a press acts once; acts-once.ts keeps them, and says why they are three.
 * - `once`: the button changes something; after one press on a message has finished, later presses
 *   of the same action on that message do nothing.
 * - `prompt`: the button is one of the choices of a confirmation prompt; all choices of one prompt
 *   share one lock, so "End" and "Cancel" tapped together cannot both act.
 * - `token`: the button carries a durable one-shot token of this kind (`one_shot_action` rows), for
 *   buttons under messages that may outlive a restart (alerts the outbox delivers late). acts-once.ts
 *   takes it as the press arrives; a used one is answered like any second tap.
 * - `code`: required, so no button is added without deciding. `false`: the press only reads or
 *   cancels. Otherwise the press changes the account or the guard, and with a second factor set it
 *   acts only after the owner's authenticator code (features/second-factor.ts); the value is the
 *   message id (locales/*.ftl) naming the action in the code prompt.
 */
export interface ButtonSpec {
  readonly arg?: ArgCodec<unknown>;
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
  ok: { arg: HASH, code: 'code-action-its-me', once: true },
  ee: { arg: HASH, code: 'code-action-end-login', answer: 'answer-ending-it', once: true },
  tn: { arg: HASH, code: false, once: true },
  se: { arg: HASH, code: false },
  sc: { arg: CONFIRMATION, code: 'code-action-end-session', answer: 'answer-ending-session', once: true, prompt: true },
  sx: { arg: CONFIRMATION, code: false, answer: 'answer-cancelled', once: true, prompt: true },
  sp: { arg: PAGE, code: false },
  tl: { code: false },
  tp: { arg: PAGE, code: false },
  // Shows what would be trusted and changes nothing; tf, under that question, trusts.
  tr: { arg: HASH, code: false },
  tf: { arg: HASH, code: 'code-action-trust', answer: 'answer-trusting', once: true },
  tx: { arg: TRUSTED, code: 'code-action-untrust', answer: 'answer-removing', once: true },
  ra: { arg: CONFIRMATION, code: 'code-action-end-others', answer: 'answer-ending-others', once: true, prompt: true },
  rt: { arg: CONFIRMATION, code: 'code-action-end-untrusted', answer: 'answer-ending-untrusted', once: true, prompt: true },
  rx: { arg: CONFIRMATION, code: false, answer: 'answer-cancelled', once: true, prompt: true },
  we: { arg: HASH, code: false },
  wc: { arg: CONFIRMATION, code: 'code-action-end-web', answer: 'answer-ending-web-session', once: true, prompt: true },
  wx: { arg: CONFIRMATION, code: false, answer: 'answer-cancelled', once: true, prompt: true },
  wa: { code: false },
  wy: { arg: CONFIRMATION, code: 'code-action-end-web-all', answer: 'answer-ending-web-sessions', once: true, prompt: true },
  wn: { arg: CONFIRMATION, code: false, answer: 'answer-cancelled', once: true, prompt: true },
  // Only /guard on draws these, and that command already took a code: one code, one action.
  gt: { arg: CONFIRMATION, code: false, once: true, prompt: true },
  go: { arg: CONFIRMATION, code: false, once: true, prompt: true },
  gx: { arg: CONFIRMATION, code: false, answer: 'answer-cancelled', once: true, prompt: true },
  pk: { arg: CONFIRMATION, code: 'code-action-panic', answer: 'answer-locking-down', once: true, prompt: true },
  px: { arg: CONFIRMATION, code: false, answer: 'answer-cancelled', once: true, prompt: true },
  tt: { arg: DAYS, code: 'code-action-ttl', answer: 'answer-changing' },
  dr: { arg: TOKEN, code: 'code-action-decline-reset', answer: 'answer-cancelling-reset', once: true, token: DECLINE_RESET },
  bd: { arg: TOKEN, code: 'code-action-disconnect', answer: 'answer-disconnecting', once: true, token: DISCONNECT_BOT },
  cg: { arg: ON, code: 'code-action-codeguard-on', answer: 'answer-code-guard-on', once: true },
  ce: { arg: HASH, code: 'code-action-end-session', answer: 'answer-ending-it', once: true },
  cm: { arg: TOKEN, code: 'code-action-accept-change', answer: 'answer-accepting-change', once: true, token: ACCEPT_CHANGE },
  lang: { arg: LOCALE, code: false },
} as const satisfies Record<string, ButtonSpec>;

export type ButtonPrefix = keyof typeof BUTTONS;

/** The prefix of a callback_data ("ee" for "ee:-20"), if it is one of ours. */
export function buttonPrefix(data: string): ButtonPrefix | undefined {
  const prefix = data.split(':', 1)[0] ?? '';
  return Object.hasOwn(BUTTONS, prefix) ? (prefix as ButtonPrefix) : undefined;
}

type Spec<P extends ButtonPrefix> = (typeof BUTTONS)[P];

/** The type of a button's argument (bigint for a hash, a branded id for a confirmation or token, ...); undefined for a bare prefix. */
export type ButtonArg<P extends ButtonPrefix> = Spec<P> extends { readonly arg: ArgCodec<infer T> } ? T : undefined;

/** What `buttonData` takes after the prefix: the argument, or nothing for a bare prefix. */
type ArgList<P extends ButtonPrefix> = Spec<P> extends { readonly arg: ArgCodec<infer T> } ? [arg: T] : [];

/** The table entry of `prefix`, as the shape every entry has. */
const specOf = (prefix: ButtonPrefix): ButtonSpec => BUTTONS[prefix];

/**
 * The callback_data of a button: `buttonData('ee', hash)` is "ee:-20", `buttonData('tl')` is "tl".
 * The argument's type comes from the table, so a page number where a hash belongs does not compile.
 */
export function buttonData<P extends ButtonPrefix>(prefix: P, ...arg: ArgList<P>): string {
  const codec = specOf(prefix).arg;
  return codec ? `${prefix}:${codec.encode(arg[0])}` : prefix;
}

const patterns = new Map<ButtonPrefix, RegExp>();

/**
 * What a feature matches presses of `prefix` with (composer.callbackQuery): exactly the data
 * `buttonData` writes for any argument of the codec's pattern, and nothing else.
 */
export function buttonPattern(prefix: ButtonPrefix): RegExp {
  let pattern = patterns.get(prefix);
  if (!pattern) {
    const codec = specOf(prefix).arg;
    pattern = new RegExp(codec ? `^${prefix}:(?:${codec.pattern})$` : `^${prefix}$`);
    patterns.set(prefix, pattern);
  }
  return pattern;
}

/**
 * The argument of a press of `prefix` (the query's data), typed by the table; undefined when the
 * data is not this button's or names nothing valid (a hash beyond int64). For a bare prefix, undefined.
 */
export function readButton<P extends ButtonPrefix>(prefix: P, data: string | undefined): ButtonArg<P> | undefined {
  const codec = specOf(prefix).arg;
  if (!codec || data === undefined || !buttonPattern(prefix).test(data)) return undefined;
  const text = data.slice(prefix.length + 1);
  const value = codec.decode(text);
  if (value === undefined) return undefined;
  // One spelling per value: what encode writes (or an older form the codec names), nothing else.
  return codec.encode(value) === text || codec.alsoReads?.test(text) ? (value as ButtonArg<P>) : undefined;
}

/**
 * Whether `data` is a press some button could have drawn: its prefix is ours and its argument reads
 * in the one spelling the codec writes. The callback path refuses anything else before any feature,
 * the second factor or the once-lock sees it.
 */
export function isButtonData(data: string): boolean {
  const prefix = buttonPrefix(data);
  if (!prefix) return false;
  return specOf(prefix).arg ? readButton(prefix, data) !== undefined : buttonPattern(prefix).test(data);
}
