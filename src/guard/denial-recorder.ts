import type { AuditLog } from '../db/audit-log';

export interface Denial {
  /** The sender, or the chat when an update has no sender (channel posts). */
  readonly actorId: number | null;
  /** What kind of update it was: `message`, `callback_query`, `inline_query`, ... */
  readonly kind: string;
  readonly chatType: string | undefined;
}

export interface DenialRecorderOptions {
  /** Denials written row by row per window; past that they are only counted. */
  readonly perWindow?: number;
  readonly windowMs?: number;
  /** Denial rows kept: older ones are pruned after every row written, so the cap holds at any rate. */
  readonly keepRows?: number;
  readonly now?: () => number;
}

/**
 * Records denied updates without letting a flood grow the database: at most `perWindow` rows per
 * window, then one summary row with the count of the rest. The owner's own actions are never pruned.
 */
export function createDenialRecorder(audit: AuditLog, options: DenialRecorderOptions = {}) {
  const perWindow = options.perWindow ?? 20;
  const windowMs = options.windowMs ?? 60_000;
  const keepRows = options.keepRows ?? 5_000;
  const now = options.now ?? Date.now;
  let windowStart = now();
  let written = 0;
  let suppressed = 0;

  /** Writes one denial row and prunes in the same transaction, so the cap holds at any rate. */
  const write = (actorId: number | null, detail: string, outcome: string): void =>
    audit.batch(() => {
      audit.record({ actorId, action: 'denied', detail }, outcome);
      audit.pruneAction('denied', keepRows);
    });

  const flush = (): void => {
    if (suppressed > 0) write(null, `${suppressed} more denied updates in this window were counted, not stored one by one`, 'suppressed');
    windowStart = now();
    written = 0;
    suppressed = 0;
  };

  return {
    record(denial: Denial): void {
      if (now() - windowStart >= windowMs) flush();
      if (written >= perWindow) {
        suppressed += 1;
        return;
      }
      written += 1;
      write(denial.actorId, denial.chatType ? `${denial.kind} in ${denial.chatType} chat` : denial.kind, 'denied');
    },
    /** Writes the pending count; called on shutdown so no denial goes uncounted. */
    flush,
  };
}

export type DenialRecorder = ReturnType<typeof createDenialRecorder>;
