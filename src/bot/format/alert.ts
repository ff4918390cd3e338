import { InlineKeyboard } from 'grammy';
import type { AccountError } from '../../domain/account-error';
import type { Session } from '../../domain/session';
import { formatSessionHash } from '../../domain/session-hash';
import type { NewLogin } from '../../guard/login-watcher';
import { DAY_SECONDS, explainFailure, explainLoggedOut } from './explain-failure';
import { clip, escapeHtml } from './html';
import { riskLine } from './risk-line';
import { duration, relativeTime, utcTime } from './time';

export interface AlertContext {
  readonly nowMs: number;
  readonly autoconfirmSeconds: number;
  readonly companionCreatedAt: number | undefined;
  /** Risk flags of a session (src/guard/risk-flags.ts); none when absent. */
  readonly risk?: (s: Session, nowMs: number) => string[];
}

export interface OutgoingMessage {
  readonly text: string;
  readonly keyboard?: InlineKeyboard;
}

const e = (s: string | undefined, max = 60): string => escapeHtml(clip(s?.trim() || '—', max));

function headline(login: NewLogin): string {
  if (login.endedBeforeAlert) return '🚨 <b>A login to your account; it has since ended</b> (before this alert could be sent)';
  if (login.whileOffline) return '🚨 <b>New login while session-warden was not running</b>';
  if (login.via === 'push') return '🚨 <b>New login to your account</b>';
  return '🚨 <b>New login to your account</b> (found by the session check)';
}

function details(login: NewLogin, nowMs: number): string[] {
  const s = login.session;
  if (!s) {
    const when = login.push?.date ?? Math.floor(nowMs / 1000);
    return [`Device: ${e(login.push?.device)}`, `Place: ${e(login.push?.location)}`, `Time: ${utcTime(when)} (${relativeTime(when, nowMs)})`];
  }
  return [
    `Device: ${e(s.deviceModel)} · ${e(s.platform, 30)} ${e(s.systemVersion, 30)}`,
    `App: ${e(`${s.appName} ${s.appVersion}`)} (${s.officialApp ? 'official app' : `unofficial app, api_id ${s.apiId}`})`,
    `Place: ${e(s.ip, 45)} · ${e([s.region, s.country].filter((p) => p.trim()).join(', '))}`,
    `Time: ${utcTime(s.dateCreated)} (${relativeTime(s.dateCreated, nowMs)})`,
  ];
}

/** Fail-closed, said plainly: the list was never read, so the device may well be a trusted one. */
function uncheckedReason(err: AccountError): string {
  const f = err.failure;
  const why =
    f.kind === 'flood_wait'
      ? `Telegram asked to wait ${duration(f.seconds)}`
      : f.kind === 'unreachable'
        ? `Telegram could not be reached (${escapeHtml(err.code)})`
        : `Telegram answered ${escapeHtml(err.code)}`;
  return `could not check the trusted list: ${why}; ended it to be safe. If it was you, log in again.`;
}

/** What Telegram itself says about the login, and what that means for the owner. */
function verdict(login: NewLogin, c: AlertContext): string[] {
  const lines: string[] = [];
  const s = login.session;
  if (s?.passwordPending) {
    lines.push(
      '⚠️ <b>Someone has your login code but not your 2FA password.</b> If this is not you: end it now, never share login codes, and change your 2FA password if you think it may be known.',
    );
  }
  const unconfirmed = s?.unconfirmed ?? login.push?.unconfirmed ?? false;
  if (unconfirmed && !login.autoEnd?.ok) {
    const from = s?.dateCreated ?? login.push?.date ?? Math.floor(c.nowMs / 1000);
    lines.push(
      `Telegram has not confirmed this login yet. Unless you end it, Telegram confirms it by itself at ${utcTime(from + c.autoconfirmSeconds)} (in ${duration(from + c.autoconfirmSeconds - c.nowMs / 1000)}).`,
    );
  }
  if (login.endedBeforeAlert) lines.push('⏹ It has ended already (guard mode, or another device, ended it); a restart delayed this alert.');
  if (login.autoEnd?.listError) lines.push(`🛡 <b>Guard mode</b> ${uncheckedReason(login.autoEnd.listError)}`);
  else if (login.autoEnd?.ok) lines.push('🛡 <b>Guard mode ended it at once</b>: this device is not on your trusted list (/trust).');
  if (login.autoEnd && !login.autoEnd.ok) {
    lines.push(`🛡 Guard mode tried to end it, but: ${escapeHtml(explainFailure(login.autoEnd.error, { doing: 'Ending it', nowMs: c.nowMs, companionCreatedAt: c.companionCreatedAt }))}`);
  }
  if (!login.autoEnd?.ok && c.companionCreatedAt !== undefined && c.companionCreatedAt + DAY_SECONDS > c.nowMs / 1000) {
    lines.push(
      `Note: Telegram will refuse to end sessions until ${utcTime(c.companionCreatedAt + DAY_SECONDS)}, when session-warden's companion is 24 hours old.`,
    );
  }
  return lines;
}

/** One login: everything known about it, with "It's me" and "End it" unless guard mode already ended it. */
export function alertMessage(login: NewLogin, c: AlertContext): OutgoingMessage {
  const hash = formatSessionHash(login.hash);
  const risk = login.session && c.risk ? c.risk(login.session, c.nowMs) : undefined;
  const text = [headline(login), '', ...details(login, c.nowMs), ...riskLine(risk), ...verdict(login, c), `Hash: <code>${hash}</code>`].join('\n');
  if (login.autoEnd?.ok || login.endedBeforeAlert) return { text };
  return { text, keyboard: new InlineKeyboard().text("It's me", `ok:${hash}`).text('End it', `ee:${hash}`) };
}

/** Room for the header; the rest of each message is filled with one line per login. */
const BATCH_TEXT_BUDGET = 3800;
const BUTTONS_UP_TO = 8;

/** Past this many logins a line carries only the device and hash, so a burst fits in a few messages. */
const COMPACT_OVER = 20;

function batchLine(l: NewLogin, n: number, compact: boolean): string {
  const s = l.session;
  const device = e(s?.deviceModel ?? l.push?.device, compact ? 24 : 30);
  const what = compact ? device : s ? `${device}, ${e(s.appName, 25)}, ${e(s.country, 20)}` : `${device}, ${e(l.push?.location, 30)}`;
  const flag = l.autoEnd?.ok || l.endedBeforeAlert ? ' — ended' : l.autoEnd ? ` — not ended (${escapeHtml(l.autoEnd.error.code)})` : '';
  return `${n}. ${what}${flag} · <code>${formatSessionHash(l.hash)}</code>`;
}

/** Many logins at once (a burst) become a few full messages instead of one each, so no 429 delays them. */
export function batchMessages(logins: readonly NewLogin[], c: AlertContext): OutgoingMessage[] {
  if (logins.length === 1) return [alertMessage(logins[0]!, c)];
  const ended = logins.filter((l) => l.autoEnd?.ok).length;
  const chunks: string[][] = [[]];
  let size = 0;
  logins.forEach((l, i) => {
    const line = batchLine(l, i + 1, logins.length > COMPACT_OVER);
    if (size + line.length + 1 > BATCH_TEXT_BUDGET) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(line);
    size += line.length + 1;
  });
  const withButtons = logins.length <= BUTTONS_UP_TO;
  return chunks.map((lines, k) => {
    const head =
      k === 0
        ? `🚨 <b>${logins.length} new logins to your account</b>${ended ? `; guard mode ended ${ended} of them` : ''}. Send /sessions to review them.`
        : `🚨 <b>New logins, continued</b> (part ${k + 1} of ${chunks.length})`;
    const keyboard = new InlineKeyboard();
    const endable = (l: NewLogin): boolean => !l.autoEnd?.ok && !l.endedBeforeAlert;
    if (withButtons) logins.forEach((l, i) => endable(l) && keyboard.text(`End ${i + 1}`, `ee:${formatSessionHash(l.hash)}`));
    const hasButtons = withButtons && logins.some(endable);
    return { text: [head, '', ...lines].join('\n'), ...(hasButtons ? { keyboard } : {}) };
  });
}

export function baselineMessage(sessions: readonly Session[]): string {
  return [
    '<b>session-warden is now watching your account.</b>',
    `It found ${sessions.length} other ${sessions.length === 1 ? 'session' : 'sessions'} already logged in; these are your starting point and will not be alerted as new.`,
    ...sessions.slice(0, 30).map((s) => `• ${e(s.deviceModel, 30)}, ${e(s.appName, 30)}, ${e(s.country, 20)}`),
    sessions.length > 30 ? `…and ${sessions.length - 30} more.` : '',
    'Send /sessions to review them. From now on every new login is reported here at once.',
  ]
    .filter(Boolean)
    .join('\n');
}

export function companionLostMessage(code: string): string {
  const lost = explainLoggedOut(code);
  return [
    `⚠️ <b>session-warden's companion was logged out</b> (${escapeHtml(code)}): ${escapeHtml(lost.why)}`,
    'Until it logs in again, new logins cannot be seen and sessions cannot be ended. The bot keeps answering.',
    `To fix it: ${escapeHtml(lost.fix)}`,
  ].join('\n');
}
