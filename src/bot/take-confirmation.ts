import type { Context } from 'grammy';
import type { Confirmations, Pending } from './confirmations';

/**
 * The first step of every confirming button: take its one-shot confirmation, or edit the prompt to
 * say why nothing happens and return undefined, so a stale prompt stops looking actionable. `again`
 * says how to start over ("send /revokeall again"). The press itself was already answered
 * (callback-path.ts); a second tap of the same prompt never gets here.
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
  const why = taken.why === 'expired' ? 'This confirmation expired' : 'This confirmation is no longer valid (session-warden may have restarted)';
  await ctx.editMessageText(`${why}. Nothing was changed${again ? `; ${again}` : ''}.`);
  return undefined;
}
