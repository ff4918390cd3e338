import type { Context } from 'grammy';
import type { Confirmations, Pending } from './confirmations';
import type { Localizer } from '../text/i18n';

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
  await ctx.editMessageText(i18n.t(i18n.localeFor(ctx), key, again ? { command: again } : undefined));
  return undefined;
}
