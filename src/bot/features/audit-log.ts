import { Composer, type Context } from 'grammy';
import type { AuditEntry, AuditView } from '../../db/audit-log';
import { audited } from '../actions/account-call';
import type { BotDeps } from '../deps';
import { clip, escapeHtml } from '../text/html';
import { ownerClock, storedTime, type OwnerClock } from '../text/owner-clock';
import { MESSAGE_LIMIT } from '../views/session-pages';
import { speechFor, wordsOf, type Speech } from '../text/i18n';

export const LOG_DEFAULT = 10;
export const LOG_MAX = 50;

export type LogArgument =
  | { readonly ok: true; readonly n: number; readonly capped: boolean; readonly view: AuditView }
  | { readonly ok: false };

/**
 * `/log [n]` shows the owner's actions and the alerts; `/log denied [n]` only strangers' denied
 * updates; `/log all [n]` everything, including reads such as `list` and `log_view`. Not ok: the
 * reply is the usage (log-usage).
 */
export function parseLogArgument(input: string): LogArgument {
  const words = input.trim().split(/\s+/).filter((w) => w !== '');
  const view: AuditView = words[0] === 'denied' || words[0] === 'all' ? words[0] : 'actions';
  const rest = view === 'actions' ? words : words.slice(1);
  if (rest.length === 0) return { ok: true, n: LOG_DEFAULT, capped: false, view };
  const text = rest[0] ?? '';
  if (rest.length > 1 || !/^\d{1,9}$/.test(text) || Number(text) === 0) return { ok: false };
  const n = Number(text);
  return { ok: true, n: Math.min(n, LOG_MAX), capped: n > LOG_MAX, view };
}

const OUTCOME_MARK: Record<string, string> = { ok: '✅', pending: '⏳', cancelled: '↩️', interrupted: '⚠️' };

/**
 * One audit row. Its action, outcome and detail are the stored data (English, as written), so the
 * owner can quote them to a search or a support thread as they are; its time, to the second, is
 * written by `clock` (the owner's language and zone).
 */
export function logLine(e: AuditEntry, clock: OwnerClock): string {
  const when = escapeHtml(storedTime(clock, e.createdAt));
  const mark = OUTCOME_MARK[e.outcome] ?? '❌';
  const hash = e.targetHash ? ` <code>${escapeHtml(e.targetHash)}</code>` : '';
  const detail = e.detail ? `\n    ${escapeHtml(clip(e.detail, 120))}` : '';
  return `${mark} ${when} · <b>${escapeHtml(e.action)}</b>${hash} · ${escapeHtml(clip(e.outcome, 60))}${detail}`;
}

/** Newest first, so that when the entries do not all fit, the ones dropped are the oldest; the frame in `speech`'s language. */
export function logMessage(entries: readonly AuditEntry[], capped: boolean, view: AuditView, unwritten: number, speech: Speech): string {
  const t = wordsOf(speech);
  const clock = ownerClock(speech.locale, speech.i18n.timeZone);
  const note = unwritten > 0 ? `\n${t('log-unwritten', { count: unwritten })}` : '';
  if (entries.length === 0) return t(`log-empty-${view}`) + note;
  const header = `${t(view === 'denied' ? 'log-header-denied' : 'log-header', { count: entries.length })}${capped ? ` ${t('log-capped', { max: LOG_MAX })}` : ''}:${note}`;
  const lines: string[] = [];
  let size = header.length;
  for (const e of entries) {
    const line = logLine(e, clock);
    if (size + line.length + 1 > MESSAGE_LIMIT - 120) break;
    lines.push(line);
    size += line.length + 1;
  }
  const left = entries.length - lines.length;
  return [header, ...lines, ...(left > 0 ? [t('log-older', { count: left })] : [])].join('\n');
}

/**
 * /log [denied|all] [n]: the newest audit entries, as the owner's own record of what was done and
 * what Telegram answered. Denials and reads are left out by default: a few minutes of a stranger's
 * messages, or the owner's own /sessions, would otherwise push the revokes and alerts off the page.
 */
export function auditLogFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('log', async (ctx) => {
    const speech = speechFor(deps, ctx);
    const arg = parseLogArgument(ctx.match);
    if (!arg.ok) return void (await ctx.reply(wordsOf(speech)('log-usage', { max: LOG_MAX, default: LOG_DEFAULT })));
    // Read before the view is audited, so the list never shows its own request as pending.
    const text = logMessage(deps.audit.recent(arg.n, arg.view), arg.capped, arg.view, deps.audit.unwritten, speech);
    const detail = arg.view === 'actions' ? `last ${arg.n}` : `last ${arg.n} ${arg.view}`;
    await audited(deps, { actorId: ctx.from?.id ?? null, action: 'log_view', detail }, () =>
      ctx.reply(text, { parse_mode: 'HTML' }),
    );
  });
  return composer;
}
