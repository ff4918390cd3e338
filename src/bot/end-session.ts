import type { Session } from '../domain/session';
import { formatSessionHash } from '../domain/session-hash';
import { audited, describeFailure } from './account-call';
import type { BotDeps } from './deps';
import { escapeHtml } from './format/html';
import { describeSession } from './format/session-card';

/** The session with this hash in a fresh list, if the list can be read at all. */
export async function findSession(deps: BotDeps, hash: bigint): Promise<Session | undefined> {
  try {
    return (await deps.account.listSessions()).find((s) => s.hash === hash);
  } catch {
    return undefined;
  }
}

/** What ending one session came to: `ended` is true only when Telegram ended it just now. Plain text. */
export interface EndOutcome {
  readonly ended: boolean;
  readonly text: string;
}

/**
 * Ends one session (account.resetAuthorization). Telegram decides whether the hash is valid: a hash
 * missing from our list is still sent, and HASH_INVALID explained. `known` skips reading the list again.
 */
export async function endSessionOutcome(deps: BotDeps, actorId: number, hash: bigint, known?: Session): Promise<EndOutcome> {
  known ??= await findSession(deps, hash);
  if (known?.current) {
    return { ended: false, text: 'That is session-warden\'s own companion session. Ending it would log the companion out; nothing was changed.' };
  }
  const name = known ? describeSession(known) : `the session with hash ${formatSessionHash(hash)}`;
  try {
    await audited(deps, { actorId, action: 'revoke', targetHash: hash, detail: name }, () => deps.account.revoke(hash));
    return { ended: true, text: `Ended: ${name}` };
  } catch (err) {
    return { ended: false, text: await describeFailure(deps, err, 'Ending that session') };
  }
}

/** `endSessionOutcome` as the HTML reply /revoke and the End buttons give. */
export async function endSession(deps: BotDeps, actorId: number, hash: bigint): Promise<string> {
  return escapeHtml((await endSessionOutcome(deps, actorId, hash)).text);
}
