import type { ConnectedBot } from '../../domain/connected-bot';
import type { PasswordState } from '../../domain/password-state';
import type { Session } from '../../domain/session';
import { botLabel } from './door-alerts';
import { field, FIELD_MAX } from '../text/field';
import { escapeHtml } from '../text/html';
import type { RiskFlag } from '../../guard/risk-flags';
import { wordsOf, type Speech, type Words } from '../text/i18n';
import { flagsText } from './risk-line';
import { ownerClock } from '../text/owner-clock';
import type { SessionChange } from '../../domain/session-change';
import { movedLines } from './change-alert';


/** What /security read; a string is the sentence saying why that part could not be read. */
export interface CheckupReadings {
  readonly password: PasswordState | string;
  readonly sessions: ReadonlyArray<{ readonly session: Session; readonly flags: readonly RiskFlag[] }> | string;
  readonly webSessions: number | string;
  readonly bots: readonly ConnectedBot[] | string;
  readonly ttlDays: number | string;
  readonly shortestTtlDays: number;
  readonly guardOn: boolean;
  readonly codeGuardOn: boolean;
  /** While code guard is on, an /expect window leaves login codes valid until then (unix s). */
  readonly codeGuardWeakenedUntil?: number;
  /** Changes found in the last 30 days (moved, changed hands, woke up), oldest first; absent when not kept. */
  readonly changes?: readonly SessionChange[];
  /** The channels outside Telegram that are set (email, ntfy, webhook); none is a risk: the chat alone can be silenced. */
  readonly channels?: readonly string[];
}

/** A fix one call can make, offered as a button under the checkup. */
export type CheckupAction =
  | { readonly kind: 'decline_reset' }
  | { readonly kind: 'disconnect'; readonly bots: readonly ConnectedBot[] }
  | { readonly kind: 'shorten_ttl' }
  | { readonly kind: 'code_guard_on' };

interface Section {
  readonly lines: string[];
  readonly actions?: CheckupAction[];
}

function passwordSection(p: PasswordState | string, nowMs: number, speech: Speech, t: Words): Section {
  if (typeof p === 'string') return { lines: [p] };
  const lines = [t(p.hasPassword ? 'checkup-2fa-on' : 'checkup-2fa-off')];
  if (p.hasPassword) lines.push(t(p.hasRecovery ? 'checkup-recovery-set' : 'checkup-no-recovery'));
  if (p.emailUnconfirmedPattern) {
    lines.push(t('checkup-recovery-pending', { pattern: escapeHtml(field(p.emailUnconfirmedPattern, FIELD_MAX.pattern)) }));
  }
  if (p.pendingResetDate === undefined) return { lines: [...lines, t('checkup-no-reset')] };
  const clock = ownerClock(speech.locale, speech.i18n.timeZone);
  const due = p.pendingResetDate * 1000 <= nowMs;
  lines.push(t(due ? 'checkup-reset-due' : 'checkup-reset-pending', { ...clock.until(p.pendingResetDate, nowMs), ago: clock.ago(p.pendingResetDate, nowMs) }));
  return { lines, actions: [{ kind: 'decline_reset' }] };
}

function sessionsSection(s: CheckupReadings['sessions'], speech: Speech, t: Words): Section {
  if (typeof s === 'string') return { lines: [s] };
  const flagged = s.filter((x) => x.flags.length > 0);
  if (flagged.length === 0) return { lines: [t('checkup-sessions-clean', { count: s.filter((x) => !x.session.current).length })] };
  return {
    lines: [
      t('checkup-sessions-flagged', { count: flagged.length }),
      ...flagged.slice(0, 10).map((x) => `• ${escapeHtml(field(x.session.deviceModel, FIELD_MAX.device))}: ${flagsText(x.flags, speech, '; ')}`),
    ],
  };
}

function webSection(n: number | string, t: Words): Section {
  if (typeof n === 'string') return { lines: [n] };
  return { lines: [n === 0 ? t('checkup-no-web') : t('checkup-web', { count: n })] };
}

function botsSection(bots: CheckupReadings['bots'], t: Words): Section {
  if (typeof bots === 'string') return { lines: [bots] };
  if (bots.length === 0) return { lines: [t('checkup-no-bots')] };
  return {
    lines: [t('checkup-bots', { count: bots.length, bots: bots.map(botLabel).join(', ') })],
    actions: [{ kind: 'disconnect', bots: bots.slice(0, 5) }],
  };
}

function settingsSection(r: CheckupReadings, speech: Speech, t: Words): Section {
  const lines: string[] = [];
  const actions: CheckupAction[] = [];
  if (typeof r.ttlDays === 'string') lines.push(r.ttlDays);
  else if (r.ttlDays > r.shortestTtlDays) {
    lines.push(t('checkup-ttl-long', { days: r.ttlDays, shortest: r.shortestTtlDays }));
    actions.push({ kind: 'shorten_ttl' });
  } else lines.push(t('checkup-ttl', { days: r.ttlDays }));
  lines.push(t(r.guardOn ? 'checkup-guard-on' : 'checkup-guard-off'));
  if (r.codeGuardOn && r.codeGuardWeakenedUntil !== undefined) {
    lines.push(t('codeguard-on-window', { at: ownerClock(speech.locale, speech.i18n.timeZone).at(r.codeGuardWeakenedUntil) }));
  } else if (r.codeGuardOn) lines.push(t('checkup-codeguard-on'));
  else {
    lines.push(t('checkup-codeguard-off'));
    actions.push({ kind: 'code_guard_on' });
  }
  lines.push(r.channels && r.channels.length > 0 ? t('checkup-channels', { names: r.channels.join(', ') }) : t('checkup-channels-none'));
  return { lines, actions };
}

/** The /security page in `speech`'s language: one line per door, each that needs action saying what to do, plus the one-call fixes. */
export function checkupView(r: CheckupReadings, nowMs: number, speech: Speech): { text: string; actions: CheckupAction[] } {
  const t = wordsOf(speech);
  const moved: Section = { lines: r.changes ? movedLines(r.changes, speech, nowMs) : [] };
  const sections = [passwordSection(r.password, nowMs, speech, t), sessionsSection(r.sessions, speech, t), moved, webSection(r.webSessions, t), botsSection(r.bots, t), settingsSection(r, speech, t)];
  return {
    text: [t('checkup-title'), '', ...sections.flatMap((s) => s.lines)].join('\n'),
    actions: sections.flatMap((s) => s.actions ?? []),
  };
}
