import type { DatabaseFileEvent } from '../../db/database-file-watch';
import { MAX_PENDING_WRITES, type StorageEvent } from '../../db/resilient-store';
import { escapeHtml } from '../text/html';
import { ownerClock } from '../text/owner-clock';
import { wordsOf, type Speech } from '../text/i18n';
import type { OwnerNotice } from '../views/owner-notice';

/**
 * The owner's notice for a change in whether the audit log can be written, in `speech`'s language:
 * `storage_down` once when it stops (why, and what to do), `storage_up` once when what was kept in
 * memory has been written. The database layer names the kind of problem; its words are here.
 */
export function storageNotice(e: StorageEvent, nowMs: number, speech: Speech): OwnerNotice {
  const t = wordsOf(speech);
  if (e.kind === 'down') {
    return {
      kind: 'storage_down',
      text: t('storage-down', {
        reason: t(`storage-reason-${e.problem.kind}`, { code: escapeHtml(e.problem.code) }),
        code: escapeHtml(e.problem.code),
        max: MAX_PENDING_WRITES.toLocaleString(speech.locale),
        fix: t(`storage-fix-${e.problem.kind}`),
      }),
    };
  }
  const clock = ownerClock(speech.locale, speech.i18n.timeZone);
  const lost = e.lost > 0 ? ` ${t('storage-up-lost', { count: e.lost })}` : '';
  return {
    kind: 'storage_up',
    text: t('storage-up', { after: clock.wait(Math.max(1, Math.round((nowMs - e.downSinceMs) / 1000))), count: e.written }) + lost,
  };
}

/** The owner's notice when the database file is removed or replaced under the running process, or is back; in `speech`'s language. */
export function databaseFileNotice(e: DatabaseFileEvent, speech: Speech): OwnerNotice {
  const t = wordsOf(speech);
  const file = `<code>${escapeHtml(e.file)}</code>`;
  switch (e.kind) {
    case 'removed':
      return { kind: 'database_removed', text: t('database-removed', { file }) };
    case 'replaced':
      return { kind: 'database_replaced', text: t('database-replaced', { file }) };
    case 'back':
      return { kind: 'database_back', text: t('database-back', { file }) };
  }
}
