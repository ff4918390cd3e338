import type { Context } from 'grammy';
import type { Confirmations, Pending } from './confirmations';

export function stale(why: 'expired' | 'unknown'): string {
  return why === 'expired'
    ? 'This confirmation expired. Nothing was changed; send the command again.'
    : 'This confirmation was already used or is no longer valid. Nothing was changed.';
}

/**
 * The first step of every confirming button: take its one-shot confirmation, or answer the press,
 * say why nothing happens, and return undefined. An expired prompt is also edited, so it stops
 * looking actionable; `again` says how to start over ("send /revokeall again").
 */
export async function takeConfirmation<K extends Pending['kind']>(
  ctx: Context,
  confirmations: Confirmations,
  id: string | undefined,
  kind: K,
  again?: string,
): Promise<Extract<Pending, { kind: K }> | undefined> {
  const taken = confirmations.take(id ?? '', kind);
  if (taken.ok) return taken.pending;
  await ctx.answerCallbackQuery({ text: stale(taken.why) });
  if (taken.why === 'expired') await ctx.editMessageText(`This confirmation expired. Nothing was changed${again ? `; ${again}` : ''}.`);
  return undefined;
}
