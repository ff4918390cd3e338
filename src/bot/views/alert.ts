// bot/views/ — message builders: state in, text and keyboard out; no sending.
import { InlineKeyboard } from 'grammy';
import type { AccountError } from '../../domain/account-error';
import type { Session } from '../../domain/session';
import { formatSessionHash } from '../../domain/session-hash';
import type { NewLogin } from '../../domain/new-login';
import { explainFailure, loggedOutWords } from './explain-failure';
import { endingAllowedAt } from '../../domain/fresh-session';
import { FIELD_MAX } from '../text/field';
import { guardReason, type GuardView } from './guard-reason';
import { clip, escapeHtml } from '../text/html';
import { PAGE_BUDGET, pageBlocks } from '../text/pages';
import { place } from './session-card';
import { describeDevice } from './trust-view';
import { riskLine } from './risk-line';
import type { SessionRisk } from '../../guard/session-risk';
import { wordsOf, type Locale, type Localizer, type Speech, type Words } from '../text/i18n';
import { ownerClock } from '../text/owner-clock';
import { buttonData } from '../buttons/buttons';


export interface AlertContext {
  readonly nowMs: number;
  /** authorization_autoconfirm_period; undefined when a redraw cannot read it. */
  readonly autoconfirmSeconds: number | undefined;
  readonly companionCreatedAt: number | undefined;
  /** Risk flags of a session (src/guard/risk-flags.ts); none when absent. */
  readonly risk?: SessionRisk;
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
  /** The logins a new-login alert shows, in line order: the alert's state, recorded when delivered. */
  readonly covers?: readonly bigint[];
}

const e = (s: string | undefined, max: number = FIELD_MAX.device): string => escapeHtml(clip(s ?? '', max) || '—');

function headline(login: NewLogin, t: Words): string {
  if (login.endedBeforeAlert) return t('alert-headline-ended');
  if (login.whileOffline) return t('alert-headline-offline');
  if (login.via === 'push') return t('alert-headline');
  return t('alert-headline-reconcile');
}

function details(login: NewLogin, c: AlertContext): string[] {
  const t = wordsOf(c);
  const clock = ownerClock(c.locale, c.i18n.timeZone);
  const s = login.session;
  const time = (at: number) => t('alert-time', { time: clock.at(at), ago: clock.ago(at, c.nowMs) });
  if (!s) {
    return [
      t('alert-device', { device: e(login.push?.device) }),
      t('alert-place', { place: e(login.push?.location, FIELD_MAX.place) }),
      time(login.push?.date ?? Math.floor(c.nowMs / 1000)),
    ];
  }
  const official = s.officialApp ? t('app-official') : t('app-unofficial', { apiId: String(s.apiId) });
  return [
    t('alert-device-full', { device: e(s.deviceModel), platform: e(s.platform, FIELD_MAX.platform), system: e(s.systemVersion, FIELD_MAX.version) }),
    t('app-line', { app: e(`${s.appName} ${s.appVersion}`, FIELD_MAX.app), official }),
    t('alert-place-ip', { ip: e(s.ip, FIELD_MAX.ip), place: escapeHtml(place(s.region, s.country) || '—') }),
    time(s.dateCreated),
  ];
}

/** Fail-closed, said plainly: the list was never read, so the device may well be a trusted one. */
function uncheckedReason(err: AccountError, c: AlertContext): string {
  const t = wordsOf(c);
  const f = err.failure;
  const code = escapeHtml(err.code);
  const why =
    f.kind === 'flood_wait'
      ? t('guard-unchecked-flood-wait', { wait: ownerClock(c.locale, c.i18n.timeZone).wait(f.seconds) })
      : f.kind === 'unreachable'
        ? t('guard-unchecked-unreachable', { code })
        : t('guard-unchecked-other', { code });
  return t('alert-guard-unchecked', { why });
}

/** What Telegram itself says about the login, and what that means for the owner. */
function verdict(login: NewLogin, c: AlertContext, outcome?: AlertOutcome): string[] {
  const t = wordsOf(c);
  const clock = ownerClock(c.locale, c.i18n.timeZone);
  const lines: string[] = [];
  const s = login.session;
  if (s?.passwordPending) {
    lines.push(t('alert-password-pending'));
  }
  const unconfirmed = s?.unconfirmed ?? login.push?.unconfirmed ?? false;
  // Once the owner confirmed or ended it, "not confirmed yet" is no longer true.
  if (unconfirmed && !login.autoEnd?.ok && (outcome === undefined || outcome.kind === 'failed')) {
    const from = s?.dateCreated ?? login.push?.date ?? Math.floor(c.nowMs / 1000);
    const at = c.autoconfirmSeconds === undefined ? undefined : from + c.autoconfirmSeconds;
    lines.push(at === undefined ? t('alert-unconfirmed') : t('alert-unconfirmed-at', clock.until(at, c.nowMs)));
  }
  if (login.autoEnd?.listError) lines.push(uncheckedReason(login.autoEnd.listError, c));
  else if (login.autoEnd?.ok) lines.push(t('alert-guard-ended'));
  const reason = guardReason(s, login.autoEnd?.ok === true, c.guard, c);
  if (reason) lines.push(reason);
  if (login.autoEnd && !login.autoEnd.ok) {
    const reason = explainFailure(login.autoEnd.error, { doing: 'doing-end-it', nowMs: c.nowMs, companionCreatedAt: c.companionCreatedAt, i18n: c.i18n, locale: c.locale });
    lines.push(t('alert-guard-failed', { reason: escapeHtml(reason) }));
  }
  if (!login.autoEnd?.ok && outcome?.kind !== 'ended' && outcome?.kind !== 'mine' && c.companionCreatedAt !== undefined && endingAllowedAt(c.companionCreatedAt) > c.nowMs / 1000) {
    lines.push(t('alert-too-fresh-note', clock.until(endingAllowedAt(c.companionCreatedAt), c.nowMs, 'from')));
  }
  return lines;
}

/**
 * One login: everything known about it, what the owner did (`outcome`), and the buttons that still
 * apply: "It's me" and "End it" until acted on (or guard mode ended it), then the trust offer.
 */
export function alertMessage(login: NewLogin, c: AlertContext, outcome?: AlertOutcome): OutgoingMessage {
  const t = wordsOf(c);
  const hash = formatSessionHash(login.hash);
  const risk = login.session && c.risk ? c.risk(login.session, c.nowMs) : undefined;
  const result = outcome ? ['', `${outcome.kind === 'failed' ? '❌' : '✅'} ${escapeHtml(outcome.text)}`] : [];
  const offer = outcome?.kind === 'mine' && outcome.offerTrust && login.session
    ? [t('alert-trust-offer', { device: escapeHtml(describeDevice(login.session, c)) })]
    : [];
  const text = [headline(login, t), '', ...details(login, c), ...riskLine(risk, c), ...verdict(login, c, outcome), t('hash-line', { hash }), ...result, ...offer].join('\n');
  const covers = [login.hash];
  if (offer.length > 0) return { text, covers, keyboard: new InlineKeyboard().text(t('alert-trust-button'), buttonData('tr', login.hash)).text(t('alert-no-thanks'), buttonData('tn', login.hash)) };
  if (login.autoEnd?.ok || login.endedBeforeAlert || (outcome && outcome.kind !== 'failed')) return { text, covers };
  return { text, covers, keyboard: new InlineKeyboard().text(t('alert-its-me'), buttonData('ok', login.hash)).text(t('button-end-it'), buttonData('ee', login.hash)) };
}

/** Room for the header; the rest of each message is filled with one line per login. */
const BATCH_TEXT_BUDGET = 3800;
const BUTTONS_UP_TO = 8;

/** Past this many logins a line carries only the device and hash, so a burst fits in a few messages. */
const COMPACT_OVER = 20;

/** One login of a burst alert as it is now: its number there, what is known of it, and what was done. */
export interface BurstItem {
  readonly n: number;
  readonly hash: bigint;
  /** From account.getAuthorizations (now, or just before the owner ended it); undefined when unknown. */
  readonly session: Session | undefined;
  /** The device and place a push or an earlier list named, for a login whose list entry is not known now. */
  readonly device?: string | undefined;
  readonly location?: string | undefined;
  /** Still logged in: its End button stays. */
  readonly active: boolean;
  /** What guard mode or the owner's press did to it, as plain text ("ended", or why not). */
  readonly result?: string | undefined;
}

function burstLine(i: BurstItem, compact: boolean, t: Words): string {
  const s = i.session;
  const device = e(s?.deviceModel ?? i.device, compact ? 24 : 30);
  const what =
    !s && i.device === undefined
      ? t('burst-unknown-device')
      : compact
        ? device
        : s
          ? `${device}, ${e(s.appName, 25)}, ${escapeHtml(place(s.region, s.country) || '—')}`
          : i.location === undefined
            ? device
            : `${device}, ${e(i.location, 30)}`;
  const state = i.result ?? (i.active ? '' : t('burst-no-longer-active'));
  return `${i.n}. ${what}${state ? ` — ${escapeHtml(state)}` : ''} · <code>${formatSessionHash(i.hash)}</code>`;
}

/** A new login as a line of a burst alert, before anyone pressed anything. */
function burstItem(l: NewLogin, n: number, t: Words): BurstItem {
  const gone = l.autoEnd?.ok === true || l.endedBeforeAlert === true;
  const result = gone ? t('alert-batch-ended') : l.autoEnd ? t('alert-batch-not-ended', { code: l.autoEnd.error.code }) : undefined;
  return { n, hash: l.hash, session: l.session, device: l.push?.device, location: l.push?.location, active: !gone, result };
}

/**
 * Many logins at once (a burst) become a few full messages instead of one each, so no 429 delays
 * them; each message says which logins it covers (`covers`), in line order.
 */
export function batchMessages(logins: readonly NewLogin[], c: AlertContext): OutgoingMessage[] {
  if (logins.length === 1) return [alertMessage(logins[0]!, c)];
  const t = wordsOf(c);
  return burstMessages(logins.map((l, i) => burstItem(l, i + 1, t)), c, false, logins.filter((l) => l.autoEnd?.ok).length);
}

/**
 * The one builder of burst alerts, as first sent (`redrawn` false) and as redrawn after a press on
 * one of its End buttons: every line from `items` as they are now, and an End button for each
 * login still active while the burst is small enough for buttons; in `speech`'s language.
 * `guardEnded`: how many of them guard mode ended, for the first message's headline.
 */
export function burstMessages(items: readonly BurstItem[], speech: Speech, redrawn: boolean, guardEnded = 0): OutgoingMessage[] {
  const t = wordsOf(speech);
  const sorted = [...items].sort((a, b) => a.n - b.n);
  const compact = sorted.length > COMPACT_OVER;
  const chunks: BurstItem[][] = [[]];
  let size = 0;
  for (const i of sorted) {
    const length = burstLine(i, compact, t).length + 1;
    if (size + length > BATCH_TEXT_BUDGET) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(i);
    size += length;
  }
  const active = sorted.filter((i) => i.active);
  const withButtons = sorted.length <= BUTTONS_UP_TO && active.length > 0;
  return chunks.map((chunk, k) => {
    const head = redrawn
      ? t('burst-redraw-head', { active: active.length, count: sorted.length })
      : k === 0
        ? t('alert-batch-head', { count: sorted.length, ended: guardEnded })
        : t('alert-batch-continued', { part: k + 1, parts: chunks.length });
    const keyboard = new InlineKeyboard();
    for (const i of chunk) if (withButtons && i.active) keyboard.text(t('alert-batch-end-button', { index: i.n }), buttonData('ee', i.hash));
    const text = [head, '', ...chunk.map((i) => burstLine(i, compact, t))].join('\n');
    return { text, covers: chunk.map((i) => i.hash), ...(withButtons && chunk.some((i) => i.active) ? { keyboard } : {}) };
  });
}

/**
 * The first-start summary in `speech`'s language: every session already logged in, as many lines as
 * fit one message, then how many more (/sessions pages through them all). Without a second factor
 * it ends by saying that anyone logged in to the account can command the guard.
 */
export function baselineMessage(sessions: readonly Session[], speech: Speech, secondFactor = true): string {
  const t = wordsOf(speech);
  const head = [t('baseline-head'), t('baseline-found', { count: sessions.length })];
  const foot = t('baseline-foot', { count: sessions.length });
  const tail = secondFactor ? foot : `${foot}\n\n${t('second-factor-missing')}`;
  const unknownPlace = t('session-unknown-place');
  const lines = sessions.map((s) => `• ${e(s.deviceModel)}, ${e(s.appName, FIELD_MAX.app)}, ${escapeHtml(place(s.region, s.country) || unknownPlace)}`);
  // Room for the "…and N more" line too, whatever its language.
  const moreRoom = t('baseline-more', { count: sessions.length }).length + 1;
  const [shown = []] = pageBlocks(lines, 30, PAGE_BUDGET - head.join('\n').length - tail.length - moreRoom);
  const more = sessions.length - shown.length;
  return [...head, ...shown, ...(more > 0 ? [t('baseline-more', { count: more })] : []), tail].join('\n');
}

/** The notice that the companion was logged out (`code`: Telegram's error), in `speech`'s language. HTML. */
export function companionLostMessage(code: string, speech: Speech): string {
  const t = wordsOf(speech);
  return t('companion-lost', { code: escapeHtml(code), ...loggedOutWords(code, t) });
}
