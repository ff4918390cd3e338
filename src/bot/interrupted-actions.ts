import type { Api } from 'grammy';
import type { AuditLog } from '../db/audit-log';
import type { Logger } from '../log';
import { escapeHtml } from './format/html';

/**
 * Actions still `pending` at start were cut off by a crash between asking Telegram and hearing back.
 * Their outcome is unknown, so they are marked `interrupted` and the owner is told to check.
 */
export async function reportInterruptedActions(api: Api, ownerId: number, audit: AuditLog, log: Logger): Promise<void> {
  const pending = audit.pending();
  if (pending.length === 0) return;
  for (const entry of pending) audit.finish(entry.id, 'interrupted', entry.detail ?? undefined);
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
  await api.sendMessage(ownerId, text, { parse_mode: 'HTML' }).catch((err: unknown) => log.warn({ err }, 'could not report interrupted actions'));
}
