import { InlineKeyboard } from 'grammy';
import type { AccountError } from '../../domain/account-error';
import type { Session } from '../../domain/session';
import { formatSessionHash } from '../../domain/session-hash';
import type { NewLogin } from '../../guard/login-watcher';
import { DAY_SECONDS, explainFailure, explainLoggedOut } from './explain-failure';
import { FIELD_MAX } from './field';
import { guardReason, type GuardView } from './guard-reason';
import { clip, escapeHtml } from './html';
import { PAGE_BUDGET, pageBlocks } from './pages';
import { plural } from './plural';
import { place } from './session-card';
import { describeDevice } from './trust-view';
import { riskLine } from './risk-line';
import type { Locale, Localizer } from '../i18n';
import { duration, relativeTime, utcTime } from './time';

export interface AlertContext {
  readonly nowMs: number;
  /** authorization_autoconfirm_period; undefined when a redraw cannot read it. */
  readonly autoconfirmSeconds: number | undefined;
  readonly companionCreatedAt: number | undefined;
  /** Risk flags of a session (src/guard/risk-flags.ts); none when absent. */
  readonly risk?: (s: Session, nowMs: number) => string[];
  /** Guard mode's state and trusted list, so the alert can say why it let a login through or ended it. */
  readonly guard?: GuardView;
  /** The texts, and the language the alert is written in (the remembered one: alerts come outside an update). */
  readonly i18n: Pick<Localizer, 't' | 'timeZone'>;
  readonly locale: Locale;
}

/**
 * What the owner did about a login, as the alert shows it now. Every redraw is computed from the
 * login as it is now plus this, never from the message's old text, so no line stays once untrue.
 */
export type AlertOutcome =
  /** Confirmed or acknowledged as the owner's; `offerTrust` adds "Trust this device" and "No thanks". */
  | { readonly kind: 'mine'; readonly text: string; readonly offerTrust: boolean }
  /** Ended, or found already gone: nothing is left to press. */
  | { readonly kind: 'ended'; readonly text: string }
  /** The action failed; the buttons stay so the owner can try again. */
  | { readonly kind: 'failed'; readonly text: string };

export interface OutgoingMessage {
  readonly text: string;
  readonly keyboard?: InlineKeyboard;
}

const e = (s: string | undefined, max: number = FIELD_MAX.device): string => escapeHtml(clip(s ?? '', max) || '—');

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
    return [`Device: ${e(login.push?.device)}`, `Place: ${e(login.push?.location, FIELD_MAX.place)}`, `Time: ${utcTime(when)} (${relativeTime(when, nowMs)})`];
  }
  return [
    `Device: ${e(s.deviceModel)} · ${e(s.platform, FIELD_MAX.platform)} ${e(s.systemVersion, FIELD_MAX.version)}`,
    `App: ${e(`${s.appName} ${s.appVersion}`, FIELD_MAX.app)} (${s.officialApp ? 'official app' : `unofficial app, api_id ${s.apiId}`})`,
    `Place: ${e(s.ip, FIELD_MAX.ip)} · ${escapeHtml(place(s.region, s.country) || '—')}`,
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
function verdict(login: NewLogin, c: AlertContext, outcome?: AlertOutcome): string[] {
  const lines: string[] = [];
  const s = login.session;
  if (s?.passwordPending) {
    lines.push(
      '⚠️ <b>Someone has your login code but not your 2FA password.</b> If this is not you: end it now, never share login codes, and change your 2FA password if you think it may be known.',
    );
  }
  const unconfirmed = s?.unconfirmed ?? login.push?.unconfirmed ?? false;
  // Once the owner confirmed or ended it, "not confirmed yet" is no longer true.
  if (unconfirmed && !login.autoEnd?.ok && (outcome === undefined || outcome.kind === 'failed')) {
    const from = s?.dateCreated ?? login.push?.date ?? Math.floor(c.nowMs / 1000);
    const by = c.autoconfirmSeconds === undefined ? '' : ` at ${utcTime(from + c.autoconfirmSeconds)} (in ${duration(from + c.autoconfirmSeconds - c.nowMs / 1000)})`;
    lines.push(`Telegram has not confirmed this login yet. Unless you end it, Telegram confirms it by itself${by}.`);
  }
  if (login.autoEnd?.listError) lines.push(`🛡 <b>Guard mode</b> ${uncheckedReason(login.autoEnd.listError)}`);
  else if (login.autoEnd?.ok) lines.push('🛡 <b>Guard mode ended it at once</b>: this device is not on your trusted list (/trust).');
  const reason = guardReason(s, login.autoEnd?.ok === true, c.guard);
  if (reason) lines.push(reason);
  if (login.autoEnd && !login.autoEnd.ok) {
    lines.push(`🛡 Guard mode tried to end it, but: ${escapeHtml(explainFailure(login.autoEnd.error, { doing: 'doing-end-it', nowMs: c.nowMs, companionCreatedAt: c.companionCreatedAt, i18n: c.i18n, locale: c.locale }))}`);
  }
  if (!login.autoEnd?.ok && outcome?.kind !== 'ended' && outcome?.kind !== 'mine' && c.companionCreatedAt !== undefined && c.companionCreatedAt + DAY_SECONDS > c.nowMs / 1000) {
    lines.push(
      `Note: Telegram will refuse to end sessions until ${utcTime(c.companionCreatedAt + DAY_SECONDS)}, when session-warden's companion is 24 hours old.`,
    );
  }
  return lines;
}

/**
 * One login: everything known about it, what the owner did (`outcome`), and the buttons that still
 * apply: "It's me" and "End it" until acted on (or guard mode ended it), then the trust offer.
 */
export function alertMessage(login: NewLogin, c: AlertContext, outcome?: AlertOutcome): OutgoingMessage {
  const hash = formatSessionHash(login.hash);
  const risk = login.session && c.risk ? c.risk(login.session, c.nowMs) : undefined;
  const result = outcome ? ['', `${outcome.kind === 'failed' ? '❌' : '✅'} ${escapeHtml(outcome.text)}`] : [];
  const offer = outcome?.kind === 'mine' && outcome.offerTrust && login.session
    ? [`Trust ${escapeHtml(describeDevice(login.session))}, so guard mode never ends its logins?`]
    : [];
  const text = [headline(login), '', ...details(login, c.nowMs), ...riskLine(risk), ...verdict(login, c, outcome), `Hash: <code>${hash}</code>`, ...result, ...offer].join('\n');
  if (offer.length > 0) return { text, keyboard: new InlineKeyboard().text('Trust this device', `tr:${hash}`).text('No thanks', `tn:${hash}`) };
  if (login.autoEnd?.ok || login.endedBeforeAlert || (outcome && outcome.kind !== 'failed')) return { text };
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
  const what = compact ? device : s ? `${device}, ${e(s.appName, 25)}, ${escapeHtml(place(s.region, s.country) || '—')}` : `${device}, ${e(l.push?.location, 30)}`;
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

/** The first-start summary: every session already logged in, as many lines as fit one message, then how many more. */
export function baselineMessage(sessions: readonly Session[]): string {
  const head = [
    '<b>session-warden is now watching your account.</b>',
    `It found ${plural(sessions.length, 'other session')} already logged in; these are your starting point and will not be alerted as new.`,
  ];
  const tail = 'Send /sessions to review them. From now on every new login is reported here at once.';
  const lines = sessions.map((s) => `• ${e(s.deviceModel)}, ${e(s.appName, FIELD_MAX.app)}, ${escapeHtml(place(s.region, s.country) || '—')}`);
  const [shown = []] = pageBlocks(lines, 30, PAGE_BUDGET - head.join('\n').length - tail.length);
  const more = sessions.length - shown.length;
  return [...head, ...shown, ...(more > 0 ? [`…and ${more} more.`] : []), tail].join('\n');
}

export function companionLostMessage(code: string): string {
  const lost = explainLoggedOut(code);
  return [
    `⚠️ <b>session-warden's companion was logged out</b> (${escapeHtml(code)}): ${escapeHtml(lost.why)}`,
    'Until it logs in again, new logins cannot be seen and sessions cannot be ended. The bot keeps answering.',
    `To fix it: ${escapeHtml(lost.fix)}`,
  ].join('\n');
}
