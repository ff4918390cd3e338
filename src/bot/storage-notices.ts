import type { DatabaseFileEvent } from '../db/database-file-watch';
import { MAX_PENDING_WRITES, type StorageEvent } from '../db/resilient-store';
import { escapeHtml } from './format/html';
import { duration } from './format/time';
import type { OwnerNotice } from './owner-notices';

/**
 * The owner's notice for a change in whether the audit log can be written: `storage_down` once when
 * it stops (why, and what to do), `storage_up` once when what was kept in memory has been written.
 */
export function storageNotice(e: StorageEvent, nowMs: number): OwnerNotice {
  if (e.kind === 'down') {
    return {
      kind: 'storage_down',
      text: [
        `⚠️ <b>The audit log cannot be written</b>: ${escapeHtml(e.problem.reason)} (${escapeHtml(e.problem.code)}).`,
        'Alerts and your commands keep working. What they would write is kept in memory ' +
          `(up to ${MAX_PENDING_WRITES.toLocaleString('en-US')} entries; past that the oldest are dropped) and written as soon as the database works again; you will be told then.`,
        `What to do: ${escapeHtml(e.problem.fix)}`,
      ].join('\n'),
    };
  }
  const lost = e.lost > 0 ? ` ${e.lost} older ${e.lost === 1 ? 'entry was' : 'entries were'} dropped because memory was full.` : '';
  return {
    kind: 'storage_up',
    text: `✅ <b>The audit log can be written again</b> after ${duration(Math.max(1, Math.round((nowMs - e.downSinceMs) / 1000)))}: ${e.written} ${e.written === 1 ? 'entry' : 'entries'} kept in memory ${e.written === 1 ? 'was' : 'were'} written.${lost}`,
  };
}

/** The owner's notice when the database file is removed or replaced under the running process, or is back. */
export function databaseFileNotice(e: DatabaseFileEvent): OwnerNotice {
  const file = `<code>${escapeHtml(e.file)}</code>`;
  switch (e.kind) {
    case 'removed':
      return {
        kind: 'database_removed',
        text: `⚠️ <b>The database file ${file} was removed</b> while session-warden runs. The audit log now goes to a deleted file and is lost when it stops. Restore the file, or restart session-warden to start a new one (it then treats today's sessions as its new starting point).`,
      };
    case 'replaced':
      return {
        kind: 'database_replaced',
        text: `⚠️ <b>The database file ${file} was replaced</b> by another file while session-warden runs. It keeps writing to the file it opened, which is no longer at that path. Restart session-warden to use the file now there.`,
      };
    case 'back':
      return { kind: 'database_back', text: `✅ The database file ${file} is back: it is the one session-warden has open.` };
  }
}
