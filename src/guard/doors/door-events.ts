import type { ConnectedBot } from '../../domain/connected-bot';

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
