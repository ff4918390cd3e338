import { Composer, type Context } from 'grammy';
import type { AuditEntry } from '../../db/audit-log';
import { audited } from '../account-call';
import type { BotDeps } from '../deps';
import { clip, escapeHtml } from '../format/html';
import { MESSAGE_LIMIT } from '../format/session-pages';

export const LOG_DEFAULT = 10;
export const LOG_MAX = 50;

export type LogArgument = { readonly ok: true; readonly n: number; readonly capped: boolean } | { readonly ok: false; readonly why: string };

export function parseLogArgument(input: string): LogArgument {
  const text = input.trim();
  if (text === '') return { ok: true, n: LOG_DEFAULT, capped: false };
  if (!/^\d{1,9}$/.test(text) || Number(text) === 0) {
    return { ok: false, why: `Usage: /log [n], where n is how many recent entries to show (1 to ${LOG_MAX}, default ${LOG_DEFAULT}).` };
  }
  const n = Number(text);
  return { ok: true, n: Math.min(n, LOG_MAX), capped: n > LOG_MAX };
}

const OUTCOME_MARK: Record<string, string> = { ok: '✅', pending: '⏳', cancelled: '↩️', interrupted: '⚠️' };

export function logLine(e: AuditEntry): string {
  const when = `${e.createdAt.slice(0, 19).replace('T', ' ')} UTC`;
  const mark = OUTCOME_MARK[e.outcome] ?? '❌';
  const hash = e.targetHash ? ` <code>${escapeHtml(e.targetHash)}</code>` : '';
  const detail = e.detail ? `\n    ${escapeHtml(clip(e.detail, 120))}` : '';
  return `${mark} ${when} · <b>${escapeHtml(e.action)}</b>${hash} · ${escapeHtml(clip(e.outcome, 60))}${detail}`;
}

/** Newest first, so that when the entries do not all fit, the ones dropped are the oldest. */
export function logMessage(entries: readonly AuditEntry[], capped: boolean): string {
  if (entries.length === 0) return 'The audit log is empty.';
  const header = `<b>Last ${entries.length} audit ${entries.length === 1 ? 'entry' : 'entries'}</b>, newest first${capped ? ` (${LOG_MAX} at most)` : ''}:`;
  const lines: string[] = [];
  let size = header.length;
  for (const e of entries) {
    const line = logLine(e);
    if (size + line.length + 1 > MESSAGE_LIMIT - 80) break;
    lines.push(line);
    size += line.length + 1;
  }
  const left = entries.length - lines.length;
  return [header, ...lines, ...(left > 0 ? [`…${left} older ${left === 1 ? 'entry does' : 'entries do'} not fit in one message.`] : [])].join('\n');
}

/** /log [n]: the newest audit entries, as the owner's own record of what was done and what Telegram answered. */
export function auditLogFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('log', async (ctx) => {
    const arg = parseLogArgument(ctx.match);
    if (!arg.ok) return void (await ctx.reply(arg.why));
    // Read before the view is audited, so the list never shows its own request as pending.
    const text = logMessage(deps.audit.recent(arg.n), arg.capped);
    await audited(deps, { actorId: ctx.from?.id ?? null, action: 'log_view', detail: `last ${arg.n}` }, () =>
      ctx.reply(text, { parse_mode: 'HTML' }),
    );
  });
  return composer;
}
