import type { Api } from 'grammy';
import type { AuditLog } from '../db/audit-log';
import type { Logger } from '../log';
import { escapeHtml } from './format/html';

/**
 * Actions still `pending` at start were cut off by a crash between asking Telegram and hearing back.
 * Their outcome is unknown, so the owner is told to check, and only once the message is delivered
 * are they marked `interrupted`: if it cannot be sent they stay pending and are reported next start.
 */
export async function reportInterruptedActions(api: Api, ownerId: number, audit: AuditLog, log: Logger): Promise<void> {
  const pending = audit.pending();
  if (pending.length === 0) return;
  const lines = pending
    .slice(0, 20)
    .map((e) => {
      const hash = e.targetHash ? ` <code>${escapeHtml(e.targetHash)}</code>` : '';
      return `• ${e.createdAt.slice(0, 19).replace('T', ' ')} UTC: ${escapeHtml(e.action)}${hash}`;
    });
  const text = [
    '<b>session-warden restarted while these actions were running.</b> Whether Telegram carried them out is unknown:',
    ...lines,
    pending.length > 20 ? `…and ${pending.length - 20} more.` : '',
    'Send /sessions to check, and repeat what is still needed.',
  ]
    .filter(Boolean)
    .join('\n');
  try {
    await api.sendMessage(ownerId, text, { parse_mode: 'HTML' });
  } catch (err) {
    log.warn({ err }, 'could not report interrupted actions; they stay pending until the next start');
    return;
  }
  audit.batch(() => pending.forEach((entry) => audit.finish(entry.id, 'interrupted', entry.detail ?? undefined)));
}
