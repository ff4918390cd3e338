import type { AuditEntry, AuditLog } from '../../db/audit-log';
import type { Logger } from '../../core/log';
import { escapeHtml } from '../text/html';
import { ownerClock, storedTime } from '../text/owner-clock';
import type { Outbox } from './outbox';
import { wordsOf, type Speech } from '../text/i18n';

/**
 * Actions still `pending` at start were cut off by a crash between asking Telegram and hearing back.
 * Their outcome is unknown, so the owner is told to check through the outbox, and only once the
 * report can no longer be lost (its row is written, or it is delivered) are they marked
 * `interrupted`: until then they stay pending and are reported again at the next start. `pending`
 * must be read before the bot starts polling, or an action of this run could be taken for one of those.
 * The report is in `speech`'s language and zone; the actions are named as the audit log stores them.
 */
export function reportInterruptedActions(outbox: Outbox, audit: AuditLog, log: Logger, pending: readonly AuditEntry[], speech: Speech): void {
  if (pending.length === 0) return;
  const t = wordsOf(speech);
  const clock = ownerClock(speech.locale, speech.i18n.timeZone);
  const lines = pending
    .slice(0, 20)
    .map((e) => {
      const hash = e.targetHash ? ` <code>${escapeHtml(e.targetHash)}</code>` : '';
      return `• ${escapeHtml(storedTime(clock, e.createdAt))}: ${escapeHtml(e.action)}${hash}`;
    });
  const text = [t('interrupted-head'), ...lines, pending.length > 20 ? t('interrupted-more', { count: pending.length - 20 }) : '', t('interrupted-foot')]
    .filter(Boolean)
    .join('\n');
  const markInterrupted = (): void => {
    try {
      audit.batch(() => pending.forEach((entry) => audit.finish(entry.id, 'interrupted', entry.detail ?? undefined)));
    } catch (err) {
      log.warn({ err }, 'could not mark interrupted actions; they are reported again at the next start');
    }
  };
  // The same pending rows make the same key: a report queued by a run that crashed is not queued twice.
  const key = `interrupted:${pending.map((e) => e.id).join(',')}`;
  if (outbox.told(key)) markInterrupted();
  else outbox.post({ kind: 'interrupted_actions', text, key }, { onSafe: markInterrupted });
}
