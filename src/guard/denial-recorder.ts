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
  /** Older denial rows beyond this many are pruned, so a months-long flood stays bounded too. */
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

  const flush = (): void => {
    if (suppressed > 0) {
      audit.record(
        { actorId: null, action: 'denied', detail: `${suppressed} more denied updates in this window were counted, not stored one by one` },
        'suppressed',
      );
      audit.pruneAction('denied', keepRows);
    }
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
      audit.record(
        { actorId: denial.actorId, action: 'denied', detail: denial.chatType ? `${denial.kind} in ${denial.chatType} chat` : denial.kind },
        'denied',
      );
    },
    /** Writes the pending count; called on shutdown so no denial goes uncounted. */
    flush,
  };
}

export type DenialRecorder = ReturnType<typeof createDenialRecorder>;
