import { InlineKeyboard } from 'grammy';
import type { ChangeKind, PlaceSeen, SessionChange, SessionTrace } from '../../domain/session-change';
import { formatSessionHash } from '../../domain/session-hash';
import { field, FIELD_MAX } from '../text/field';
import { escapeHtml } from '../text/html';
import { wordsOf, type Speech, type Words } from '../text/i18n';
import { ownerClock } from '../text/owner-clock';
import { place } from './session-card';
import type { OutgoingMessage } from './alert';
import { buttonData } from '../buttons/buttons';

/** What a change alert needs besides the change: the time, the words, and whether its device is trusted. */
export interface ChangeView extends Speech {
  readonly nowMs: number;
  readonly trusted: (c: SessionChange) => boolean;
}

const h = (s: string, max: number): string => escapeHtml(field(s, max) || '—');

/** "Lagos, Nigeria (203.0.113.9)" */
export function placeOf(t: SessionTrace, unknown: string): string {
  const where = escapeHtml(place(t.region, t.country) || unknown);
  return t.ip ? `${where} (${h(t.ip, FIELD_MAX.ip)})` : where;
}

const deviceOf = (t: SessionTrace): string => `${h(t.deviceModel, FIELD_MAX.device)} · ${h(`${t.platform} ${t.systemVersion}`, FIELD_MAX.platform + FIELD_MAX.version)}`;
const appOf = (t: SessionTrace): string => `${h(`${t.appName} ${t.appVersion}`, FIELD_MAX.app)} (api_id ${t.apiId})`;

const KIND_KEY: Readonly<Record<ChangeKind, string>> = {
  moved: 'change-kind-moved',
  changed_hands: 'change-kind-changed-hands',
  woke_up: 'change-kind-woke-up',
};

/** What guard mode did, and why, as one line; none when guard mode is off. */
function guardLine(c: SessionChange, v: ChangeView, t: Words): string[] {
  switch (c.guard.kind) {
    case 'off':
      return [];
    case 'ended':
      return [t('change-guard-ended', { apiId: String(c.after.apiId) })];
    case 'failed':
      return [t('change-guard-failed', { code: escapeHtml(c.guard.code) })];
    case 'left':
      return [t('change-guard-left', { why: t(v.trusted(c) ? 'change-why-trusted' : 'change-why-official') })];
  }
}

/** The lines before → after, side by side: place, device, app, last activity. */
function rows(c: SessionChange, v: ChangeView, t: Words): string[] {
  const clock = ownerClock(v.locale, v.i18n.timeZone);
  const unknown = t('session-unknown-place');
  return [
    t('change-row-place', { from: placeOf(c.before, unknown), to: placeOf(c.after, unknown) }),
    t('change-row-device', { from: deviceOf(c.before), to: deviceOf(c.after) }),
    t('change-row-app', { from: appOf(c.before), to: appOf(c.after) }),
    t('change-row-active', { from: clock.ago(c.before.dateActive, v.nowMs), to: clock.ago(c.after.dateActive, v.nowMs) }),
  ];
}

function headline(c: SessionChange, v: ChangeView, t: Words): string {
  const [first = 'moved', ...rest] = c.kinds;
  const head =
    first === 'moved'
      ? t('change-head-moved', { from: escapeHtml(field(c.before.country, FIELD_MAX.place) || '—'), to: escapeHtml(field(c.after.country, FIELD_MAX.place) || '—') })
      : first === 'changed_hands'
        ? t('change-head-changed-hands')
        : t('change-head-woke-up', { since: ownerClock(v.locale, v.i18n.timeZone).at(c.before.dateActive) });
  return rest.length > 0 ? `${head}\n${t('change-also', { what: rest.map((k) => t(KIND_KEY[k])).join(', ') })}` : head;
}

/**
 * One changed session: what changed (before → now), what a copied session looks like, guard mode's
 * action, and the buttons End it and It's me (`itsMe`: the callback data of a one-shot token).
 * A session guard mode ended gets no buttons.
 */
export function changeAlert(c: SessionChange, v: ChangeView, itsMe: string): OutgoingMessage {
  const t = wordsOf(v);
  const text = [headline(c, v, t), '', ...rows(c, v, t), '', t('change-copied'), ...guardLine(c, v, t), t('hash-line', { hash: formatSessionHash(c.hash) })].join('\n');
  if (c.guard.kind === 'ended') return { text };
  return { text, keyboard: new InlineKeyboard().text(t('button-end-it'), buttonData('ce', c.hash)).text(t('alert-its-me'), itsMe) };
}

const BATCH_TEXT_BUDGET = 3800;
const BUTTONS_UP_TO = 8;

/** One short line per changed session: device, what changed, hash. */
function batchLine(c: SessionChange, n: number, t: Words): string {
  const what = c.kinds
    .map((k) =>
      k === 'moved'
        ? `${escapeHtml(field(c.before.country, 16) || '—')} → ${escapeHtml(field(c.after.country, 16) || '—')}`
        : k === 'changed_hands'
          ? `${escapeHtml(field(c.before.deviceModel, 14) || '—')} → ${escapeHtml(field(c.after.deviceModel, 14) || '—')}`
          : t('change-batch-woke'),
    )
    .join(', ');
  const flag = c.guard.kind === 'ended' ? ` — ${t('alert-batch-ended')}` : c.guard.kind === 'failed' ? ` — ${t('alert-batch-not-ended', { code: escapeHtml(c.guard.code) })}` : '';
  return `${n}. ${escapeHtml(field(c.after.deviceModel, 20) || '—')}: ${what}${flag} · <code>${formatSessionHash(c.hash)}</code>`;
}

/**
 * Many changed sessions at once (a whole machine's sessions copied, say) as a few full messages,
 * not one each; End buttons when there are few. Single changes go through changeAlert.
 */
export function changeBatch(changes: readonly SessionChange[], v: ChangeView): OutgoingMessage[] {
  const t = wordsOf(v);
  const ended = changes.filter((c) => c.guard.kind === 'ended').length;
  const guardOn = changes.some((c) => c.guard.kind !== 'off');
  const foot = [t('change-copied'), ...(guardOn ? [t('change-batch-guard', { ended })] : [])].join('\n');
  const chunks: string[][] = [[]];
  let size = foot.length;
  changes.forEach((c, i) => {
    const line = batchLine(c, i + 1, t);
    if (size + line.length + 1 > BATCH_TEXT_BUDGET) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(line);
    size += line.length + 1;
  });
  return chunks.map((lines, k) => {
    const head = k === 0 ? t('change-batch-head', { count: changes.length }) : t('change-batch-continued', { part: k + 1, parts: chunks.length });
    const keyboard = new InlineKeyboard();
    const endable = changes.length <= BUTTONS_UP_TO ? changes.map((c, i) => [c, i + 1] as const).filter(([c]) => c.guard.kind !== 'ended') : [];
    if (k === 0) endable.forEach(([c, n]) => keyboard.text(t('alert-batch-end-button', { index: n }), buttonData('ce', c.hash)));
    const text = [head, '', ...lines, ...(k === 0 ? ['', foot] : [])].join('\n');
    return { text, ...(k === 0 && endable.length > 0 ? { keyboard } : {}) };
  });
}

/** Changes shown as flags are those of the last 30 days (seconds). */
export const FLAG_WINDOW_SECONDS = 30 * 86_400;

const where = (t: SessionTrace, unknown: string): string => escapeHtml(place(t.region, t.country) || unknown);

/**
 * The 🚩 lines of /sessions, by decimal hash: each session's newest change the owner has not
 * accepted ("moved: Madrid, Spain → Lagos, Nigeria, 3 h ago"). `changes` oldest first.
 */
export function changeFlags(changes: readonly SessionChange[], speech: Speech, nowMs: number): Map<string, string[]> {
  const t = wordsOf(speech);
  const clock = ownerClock(speech.locale, speech.i18n.timeZone);
  const unknown = t('session-unknown-place');
  const newest = new Map<string, SessionChange>();
  for (const c of changes) newest.set(c.hash.toString(10), c);
  const out = new Map<string, string[]>();
  for (const [hash, c] of newest) {
    if (c.acceptedAt || c.guard.kind === 'ended') continue;
    const ago = clock.ago(c.foundAt, nowMs);
    out.set(
      hash,
      c.kinds.map((k) =>
        k === 'moved'
          ? t('sessions-flag-moved', { from: where(c.before, unknown), to: where(c.after, unknown), ago })
          : k === 'changed_hands'
            ? t('sessions-flag-changed-hands', { from: h(c.before.deviceModel, FIELD_MAX.device), to: h(c.after.deviceModel, FIELD_MAX.device), ago })
            : t('sessions-flag-woke-up', { ago }),
      ),
    );
  }
  return out;
}

/** /security's lines on sessions that moved in the last 30 days and were not accepted as the owner's. */
export function movedLines(changes: readonly SessionChange[], speech: Speech, nowMs: number): string[] {
  const t = wordsOf(speech);
  const clock = ownerClock(speech.locale, speech.i18n.timeZone);
  const unknown = t('session-unknown-place');
  const moves = changes.filter((c) => c.kinds.includes('moved'));
  // "Nothing moved" only when nothing did: a move the owner accepted is listed as accepted, not hidden.
  if (moves.length === 0) return [t('checkup-moved-none')];
  const lines = (list: readonly SessionChange[]): string[] =>
    list.slice(-10).reverse().map((c) =>
      t('checkup-moved-line', { device: h(c.after.deviceModel, FIELD_MAX.device), from: where(c.before, unknown), to: where(c.after, unknown), ago: clock.ago(c.foundAt, nowMs) }),
    );
  const open = moves.filter((c) => !c.acceptedAt);
  const accepted = moves.filter((c) => c.acceptedAt);
  return [
    ...(open.length > 0 ? [t('checkup-moved', { count: open.length }), ...lines(open)] : []),
    ...(accepted.length > 0 ? [t('checkup-moved-accepted', { count: accepted.length }), ...lines(accepted)] : []),
  ];
}

/** One session's places, newest first, for /sessions <number>. */
export function placeLines(places: readonly PlaceSeen[], speech: Speech): string[] {
  const t = wordsOf(speech);
  const clock = ownerClock(speech.locale, speech.i18n.timeZone);
  if (places.length === 0) return [t('session-places-none')];
  const unknown = t('session-unknown-place');
  return [
    t('session-places-head'),
    ...places.map((p) =>
      t('session-place-line', { place: escapeHtml(place(p.region, p.country) || unknown), ip: h(p.ip, FIELD_MAX.ip), first: clock.at(p.firstSeen), last: clock.at(p.lastSeen) }),
    ),
  ];
}
