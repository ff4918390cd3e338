import { DUPLICATED_SESSION, type AccountError } from '../../domain/account-error';
import { endingAllowedAt } from '../../domain/fresh-session';
import type { Locale, Localizer } from '../text/i18n';
import { ownerClock } from '../text/owner-clock';
import { wordsOf } from '../text/i18n';


/** A `doing-…` message id of locales/*.ftl: typed, so no caller can pass an untranslated phrase. */
export type Doing = `doing-${string}`;

export interface FailureContext {
  /** What was being done, as a `doing-…` message id ("doing-end-session"): the subject of "… failed". */
  readonly doing: Doing;
  readonly nowMs: number;
  /** The companion's own date_created (unix seconds), for the 24 h rule; undefined when unknown. */
  readonly companionCreatedAt?: number | undefined;
  /** The texts and the language to write in. */
  readonly i18n: Pick<Localizer, 't' | 'timeZone'>;
  readonly locale: Locale;
}

/** One or two plain sentences: what happened and what to do next. HTML-safe (no markup from input). */
export function explainFailure(err: AccountError, c: FailureContext): string {
  const f = err.failure;
  const t = wordsOf(c);
  const clock = ownerClock(c.locale, c.i18n.timeZone);
  switch (f.kind) {
    case 'hash_invalid':
      return t('failure-hash-invalid');
    case 'too_fresh':
      return explainTooFresh(c);
    case 'flood_wait':
      return t('failure-flood-wait', {
        wait: clock.wait(f.seconds),
        code: err.code,
        at: clock.at(Math.ceil(c.nowMs / 1000) + f.seconds, f.seconds < 3600),
      });
    case 'logged_out':
      return framed(c, 'failure-logged-out', { code: err.code, ...loggedOutWords(err.code, wordsOf(c)) });
    case 'unreachable':
      return framed(c, 'failure-unreachable', { code: err.code });
    case 'other':
      return framed(c, 'failure-other', { code: err.code });
  }
}

/** A sentence that names what was being done ("Ending that session failed: …"). */
function framed(c: FailureContext, key: string, vars: Record<string, string | number>): string {
  const t = wordsOf(c);
  return t(key, { ...vars, doing: t(c.doing) });
}

/**
 * Why the companion is logged out and what to do, from Telegram's code, in `t`'s language: one
 * sentence each, plain text. Every message that reports a lost companion (a failed command,
 * /status, the companion-lost notice, start-up) says it this way, so a duplicate
 * (AUTH_KEY_DUPLICATED) is never mistaken for an expired session.
 */
export function loggedOutWords(code: string, t: (key: string) => string): { readonly why: string; readonly fix: string } {
  const duplicated = code === DUPLICATED_SESSION;
  return { why: t(duplicated ? 'logged-out-duplicated-why' : 'logged-out-why'), fix: t(duplicated ? 'logged-out-duplicated-fix' : 'logged-out-fix') };
}

function explainTooFresh(c: FailureContext): string {
  const t = wordsOf(c);
  const base = t('failure-too-fresh');
  if (c.companionCreatedAt === undefined) return `${base} ${t('failure-too-fresh-unknown')}`;
  const clock = ownerClock(c.locale, c.i18n.timeZone);
  const allowedAt = endingAllowedAt(c.companionCreatedAt);
  const deadline = clock.until(allowedAt, c.nowMs, 'from');
  return `${base} ${allowedAt > c.nowMs / 1000 ? t('failure-too-fresh-at', deadline) : t('failure-too-fresh-now', deadline)}`;
}
