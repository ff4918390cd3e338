/** What one button press carries between the callback path and its handler: may it be retried, and which target its token named. */
import type { Context } from 'grammy';

export const retryable = new WeakSet<Context>();
export const tokenTargets = new WeakMap<Context, string | null>();

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

