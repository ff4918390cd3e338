import type { CallbackQuery } from 'grammy/types';
import type { Context } from 'grammy';
import type { OneShotActions } from '../../db/one-shot-actions';
import type { Localizer } from '../text/i18n';
import { BUTTONS, buttonPrefix, readButton, type ButtonPrefix, type ButtonSpec, isButtonData } from './buttons';
import type { Confirmations, Pending } from './confirmations';
import { wordsFor } from '../text/i18n';

/**
 * "A press acts once", in one place. Every rule that keeps a button from acting twice is here; the
 * callback path (middleware/callback-path.ts) calls `beginPress` for every press, and features only
 * call `takeConfirmation`, `takenTarget` and `allowRetry` from this file.
 *
 * Three guarantees, each kept by the one store that can keep it:
 *
 * | guarantee                                    | store                                   | lives     |
 * | -------------------------------------------- | --------------------------------------- | --------- |
 * | a double tap acts once; all choices of one   | the press lock (below), by (chat,       | memory    |
 * | prompt share one lock                        | message, action) or (chat, message,     |           |
 * |                                              | "prompt")                               |           |
 * | a token button acts once, also after a       | one_shot_action (db/one-shot-actions),  | SQLite    |
 * | restart (`token` in BUTTONS)                 | one UPDATE ... WHERE used_at IS NULL    |           |
 * | a prompt acts within 2 minutes, at most      | confirmations (confirmations.ts), which | memory,   |
 * | once, and never after a restart              | carry what the prompt asked             | 2 minutes |
 *
 * Why three and not one:
 * - The press lock is keyed by the message, not by an id in the data. Alert buttons carry only a
 *   hash ("ee:<hash>") and alerts already in the owner's chat keep that data, so an id-keyed store
 *   could not cover them without breaking every button already delivered. It also holds the presses
 *   that take nothing while they run (tn, tf, tx, cg, ...), and holds a prompt's choices under one
 *   key, so "Cancel" tapped while "End" runs cannot write "Cancelled" over the result.
 * - Tokens must outlive the process: the outbox may deliver an alert after a restart. Memory cannot.
 * - Confirmations must not: a destructive prompt is armed only by the process that asked, for two
 *   minutes, and carries bigints and the owner's words that need no table. Kept in SQLite they would
 *   arm old prompts again after a restart, and their expiry would depend on the clock of a row.
 * So a merged store would lose one of the three; instead the three meet here, in a fixed order:
 * lock, then token (both before the press is answered, so the toast can say whether it will act),
 * then the handler takes its confirmation (after the second-factor gate, which holds a press before
 * any of this runs). A failed action releases the lock and gives its token back (allowRetry).
 */

/**
 * The answers of a press that does nothing (locales/*.ftl keys): one wording for "done or under way",
 * whichever lock found it (in memory or the durable token); one for a token the bot never issued;
 * one for a button the bot no longer draws.
 */
const ALREADY_DONE = 'button-already-done';
const NOT_VALID = 'button-invalid';
const EXPIRED = 'button-expired';

/** How many finished one-shot presses are remembered; old messages beyond this fall back on their own state. */
const REMEMBERED = 2000;

/** Presses whose action failed and may be pressed again; read when the press ends. */
const retryable = new WeakSet<Context>();
/** The target stored with the durable token each press took. */
const tokenTargets = new WeakMap<Context, string | null>();

/**
 * Lets a one-shot button be pressed again after this press: its action failed (a FLOOD_WAIT, a
 * 24-hour refusal) and the redrawn message still offers it. A durable token is given back too.
 */
export function allowRetry(ctx: Context): void {
  retryable.add(ctx);
}

/**
 * The target stored with the durable one-shot token this press took (a bot id for "Disconnect"),
 * or null when the token has none. Only for buttons whose table entry names a `token` kind.
 */
export function takenTarget(ctx: Context): string | null {
  return tokenTargets.get(ctx) ?? null;
}

/** One press as the locks judged it, before its handler runs. */
export interface Press {
  readonly prefix: ButtonPrefix | undefined;
  readonly spec: ButtonSpec;
  /** The answer (locales key) of a press that must not act; undefined when it may. */
  readonly refusal: string | undefined;
  /** A prompt choice whose confirmation is gone or expired: its handler says so, with no toast ahead of it. */
  readonly stalePrompt: boolean;
  /** After the handler: `returned` false when it threw. Remembers a finished once-press, or releases its locks. */
  end(returned: boolean): void;
}

/** The id a token or prompt button carries ("dr:<id>" → "<id>"); '' when its data is not one. */
function idOf(prefix: ButtonPrefix | undefined, data: string): string {
  const id = prefix === undefined ? undefined : readButton(prefix, data);
  return typeof id === 'string' ? id : '';
}

/**
 * The press lock, with the durable tokens and the confirmations' liveness it consults. `begin` is
 * synchronous and takes the lock and the token before the first await, so a second tap arriving
 * meanwhile finds them taken.
 */
export function createActsOnce(oneShots?: Pick<OneShotActions, 'take' | 'release'>, confirmations?: Pick<Confirmations, 'isLive'>) {
  const inFlight = new Set<string>();
  const done = new Set<string>();

  return {
    /** Judges one press: may it act, and how its end is recorded. */
    begin(ctx: Context, query: CallbackQuery): Press {
      const data = query.data ?? '';
      const prefix = buttonPrefix(data);
      const spec: ButtonSpec = prefix ? BUTTONS[prefix] : { code: false };
      const message = query.message ? `${query.message.chat.id}:${query.message.message_id}` : `inline:${query.inline_message_id ?? query.id}`;
      const key = `${message}:${spec.prompt ? 'prompt' : data}`;
      const id = idOf(prefix, data);
      let refusal: string | undefined = !prefix ? EXPIRED : !isButtonData(data) ? NOT_VALID : inFlight.has(key) || done.has(key) ? ALREADY_DONE : undefined;
      if (!refusal && spec.token && oneShots) {
        const taken = oneShots.take(id, spec.token);
        if (taken.ok) tokenTargets.set(ctx, taken.target);
        else refusal = taken.why === 'used' ? ALREADY_DONE : NOT_VALID;
      }
      if (!refusal) inFlight.add(key);
      const stalePrompt = spec.prompt === true && confirmations !== undefined && !confirmations.isLive(id);
      return {
        prefix,
        spec,
        refusal,
        stalePrompt,
        end(returned) {
          if (refusal) return;
          const finished = returned && !retryable.has(ctx);
          inFlight.delete(key);
          if (spec.once && finished) {
            done.add(key);
            if (done.size > REMEMBERED) done.delete(done.values().next().value as string);
          }
          // A failed action (or one that threw) gives its durable token back, so the button can be pressed again.
          if (spec.token && oneShots && !finished) oneShots.release(id);
        },
      };
    },
  };
}

/**
 * The first step of every confirming button: take its one-shot confirmation, or edit the prompt to
 * say, in the owner's language, why nothing happens and return undefined, so a stale prompt stops
 * looking actionable. `again` is the command that starts over ('/revokeall'). The press itself was
 * already answered (callback-path.ts); a second tap of the same prompt never gets here.
 */
export async function takeConfirmation<K extends Pending['kind']>(
  ctx: Context,
  confirmations: Confirmations,
  i18n: Pick<Localizer, 't' | 'localeFor'>,
  id: string | undefined,
  kind: K,
  again?: string,
): Promise<Extract<Pending, { kind: K }> | undefined> {
  const taken = confirmations.take(id ?? '', kind);
  if (taken.ok) return taken.pending;
  const key = `confirmation-${taken.why === 'expired' ? 'expired' : 'invalid'}${again ? '-again' : ''}`;
  await ctx.editMessageText(wordsFor({ i18n }, ctx)(key, again ? { command: again } : undefined));
  return undefined;
}
