import { AccountError } from '../../domain/account-error';
import type { Session } from '../../domain/session';
import { CURRENT_SESSION_HASH, formatSessionHash } from '../../domain/session-hash';
import { audited, describeFailure } from './account-call';
import type { BotDeps } from '../deps';
import { escapeHtml } from '../text/html';
import { describeSession } from '../views/session-card';
import { wordsFor, wordsOf } from '../text/i18n';

/**
 * Why no command or button of the bot ends the companion's own session, in the owner's language
 * (the one remembered from this update). Plain text, HTML-safe.
 */
export const ownSessionRefusal = (deps: Pick<BotDeps, 'i18n'>): string => wordsFor(deps)('own-session-refusal');

/**
 * The companion's own session: Telegram lists it with `current` set and reports its hash as 0 (the
 * value account.resetAuthorization would be sent for a forged or stale button).
 */
export function isOwnSession(hash: bigint, listed?: Session): boolean {
  return hash === CURRENT_SESSION_HASH || listed?.current === true;
}

/** The session with this hash in a fresh list, if the list can be read at all. */
export async function findSession(deps: BotDeps, hash: bigint): Promise<Session | undefined> {
  try {
    return (await deps.account.listSessions()).find((s) => s.hash === hash);
  } catch {
    return undefined;
  }
}

/** What ending one session came to: `ended` is true only when Telegram ended it just now. Plain text. */
/** The code an End of the companion's own session fails with: refused here, never sent to Telegram. */
const OWN_SESSION = 'OWN_SESSION';

export interface EndOutcome {
  readonly ended: boolean;
  /** The result in the owner's words: what was ended, or what failed and what to do. */
  readonly text: string;
  /** When not ended: Telegram's error code, or OWN_SESSION for the companion's own session. */
  readonly code?: string;
}

/**
 * Ends one session (account.resetAuthorization). Telegram decides whether the hash is valid: a hash
 * missing from our list is still sent, and HASH_INVALID explained. `known` skips reading the list again.
 */
export async function endSessionOutcome(deps: BotDeps, actorId: number, hash: bigint, known?: Session): Promise<EndOutcome> {
  // Checked before anything is asked of Telegram, so it holds even when the list cannot be read.
  if (isOwnSession(hash)) return { ended: false, text: ownSessionRefusal(deps), code: OWN_SESSION };
  known ??= await findSession(deps, hash);
  if (known && isOwnSession(hash, known)) return { ended: false, text: ownSessionRefusal(deps), code: OWN_SESSION };
  // The audit log stays English; the owner reads the result in their language.
  const name = known ? describeSession(known) : `the session with hash ${formatSessionHash(hash)}`;
  const locale = deps.i18n.localeFor();
  const t = wordsOf({ i18n: deps.i18n, locale });
  const shown = known ? describeSession(known, { i18n: deps.i18n, locale }) : t('revoke-unknown-session', { hash: formatSessionHash(hash) });
  try {
    await audited(deps, { actorId, action: 'revoke', targetHash: hash, detail: name }, () => deps.account.revoke(hash));
    return { ended: true, text: t('revoke-ended', { session: shown }) };
  } catch (err) {
    return { ended: false, text: await describeFailure(deps, err, 'doing-end-session'), code: err instanceof AccountError ? err.code : 'UNKNOWN' };
  }
}

/** `endSessionOutcome` as the HTML reply /revoke and the End buttons give. */
export async function endSession(deps: BotDeps, actorId: number, hash: bigint): Promise<string> {
  return escapeHtml((await endSessionOutcome(deps, actorId, hash)).text);
}
