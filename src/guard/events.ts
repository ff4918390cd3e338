import type { ConnectedBot } from '../domain/connected-bot';
import type { NewLogin } from '../domain/new-login';
import type { Session } from '../domain/session';
import type { SessionChange } from '../domain/session-change';

/**
 * Everything the guard found that the owner must hear, as one stream: the watchers emit these and
 * decide nothing about words or sending; bot/delivery is their one consumer.
 */
export type GuardEvent =
  /** Logins claimed for alerting (guard mode's action already taken). */
  | { readonly kind: 'new_logins'; readonly logins: readonly NewLogin[] }
  /** The full details of logins already reported from a push alone (account.getAuthorizations). */
  | { readonly kind: 'login_details'; readonly logins: readonly NewLogin[] }
  /** Sessions seen to have ended, so an alert not yet delivered can say so. */
  | { readonly kind: 'logins_ended'; readonly hashes: readonly bigint[] }
  /** The sessions found at the very first start: summarised once, not alerted. */
  | { readonly kind: 'baseline'; readonly sessions: readonly Session[] }
  /** The companion's own session is gone (`code`: Telegram's error, e.g. AUTH_KEY_UNREGISTERED). */
  | { readonly kind: 'companion_lost'; readonly code: string }
  /** Sessions that moved, changed hands or woke up (guard mode's action already taken). */
  | { readonly kind: 'session_changes'; readonly changes: readonly SessionChange[] }
  /** A change at another door; `key` names the change itself, so one found again after a crash is told once. */
  | { readonly kind: 'door'; readonly event: DoorEvent; readonly key: string }
  /** The companion has not reached Telegram since `since` (ms), for longer than the outage bound. */
  | { readonly kind: 'companion_down'; readonly since: number }
  /** The companion reached Telegram again at `now` after an outage since `since` (ms). */
  | { readonly kind: 'companion_up'; readonly since: number; readonly now: number };

/** The one consumer of the stream. A baseline resolves once the owner was told, so start-up can wait for it. */
export type GuardEvents = (event: GuardEvent) => void | Promise<void>;

/** What the watchers of the other doors (password, login codes, bots) found; the bot turns each into a notice. */
export type DoorEvent =
  | { readonly kind: 'password_off' }
  | { readonly kind: 'password_on' }
  | { readonly kind: 'password_changed' }
  | { readonly kind: 'hint_changed'; readonly hint: string | undefined }
  | { readonly kind: 'recovery_email_pending'; readonly pattern: string }
  | { readonly kind: 'recovery_email_set' }
  | { readonly kind: 'recovery_email_removed' }
  | { readonly kind: 'login_email_changed'; readonly pattern: string | undefined }
  /** `date`: unix seconds when the reset removes the password. */
  | { readonly kind: 'reset_pending'; readonly date: number }
  | {
      readonly kind: 'code_requested';
      /** The 777000 message's id and date, never its text: it holds the code. */
      readonly messageId: number;
      readonly date: number;
      readonly outcome: CodeOutcome;
    }
  /** Code guard's invalidation was answered only after the code alert went out. */
  | { readonly kind: 'code_invalidation_late'; readonly outcome: CodeOutcome }
  | { readonly kind: 'bot_connected'; readonly bot: ConnectedBot };

/** What happened to a login code: code guard invalidated it, it was expected, or it was only reported. */
export type CodeOutcome =
  | { readonly kind: 'invalidated' }
  | { readonly kind: 'invalidate_failed'; readonly code: string }
  | { readonly kind: 'invalidating' }
  | { readonly kind: 'expected' }
  | { readonly kind: 'unguarded' };

/**
 * Where the watchers send what they found. `key` names the change itself (not when it was seen), so
 * a change found again after a crash is told once.
 */
export type DoorEventSink = (event: DoorEvent, key: string) => void;
