import type { ConnectedBot } from '../../domain/connected-bot';
import type { PasswordState } from '../../domain/password-state';
import type { Session } from '../../domain/session';
import { botLabel, TWO_FA_PATH } from './door-alerts';
import { field, FIELD_MAX } from './field';
import { escapeHtml } from './html';
import type { RiskFlag } from '../../guard/risk-flags';
import type { Speech } from '../i18n';
import { flagsText } from './risk-line';
import { relativeTime, utcTime } from './time';

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

function passwordSection(p: PasswordState | string, nowMs: number): Section {
  if (typeof p === 'string') return { lines: [p] };
  const lines = [p.hasPassword ? '✅ 2FA is on.' : `❌ 2FA is off: set a password with a recovery email only you control (${TWO_FA_PATH}).`];
  if (p.hasPassword) lines.push(p.hasRecovery ? '✅ A recovery email is set.' : `⚠️ No recovery email: add one you control (${TWO_FA_PATH}).`);
  if (p.emailUnconfirmedPattern) {
    lines.push(`🚨 A recovery email is being set: ${escapeHtml(field(p.emailUnconfirmedPattern, FIELD_MAX.pattern))}. If it is not yours, send /panic.`);
  }
  if (p.pendingResetDate === undefined) return { lines: [...lines, '✅ No 2FA reset is pending.'] };
  lines.push(
    `🚨 A 2FA reset is pending: it removes the password at ${utcTime(p.pendingResetDate)} (${relativeTime(p.pendingResetDate, nowMs)}). Cancel it if it was not you.`,
  );
  return { lines, actions: [{ kind: 'decline_reset' }] };
}

function sessionsSection(s: CheckupReadings['sessions'], speech: Speech): Section {
  if (typeof s === 'string') return { lines: [s] };
  const flagged = s.filter((x) => x.flags.length > 0);
  if (flagged.length === 0) return { lines: [`✅ None of the ${s.filter((x) => !x.session.current).length} other sessions has a risk flag.`] };
  return {
    lines: [
      `⚠️ ${flagged.length} ${flagged.length === 1 ? 'session has' : 'sessions have'} risk flags (end any you do not know with /sessions):`,
      ...flagged.slice(0, 10).map((x) => `• ${escapeHtml(field(x.session.deviceModel, FIELD_MAX.device))}: ${flagsText(x.flags, speech, '; ')}`),
    ],
  };
}

function webSection(n: number | string): Section {
  if (typeof n === 'string') return { lines: [n] };
  return { lines: [n === 0 ? '✅ No website logins.' : `ℹ️ ${n} website ${n === 1 ? 'login' : 'logins'}: review them with /websessions.`] };
}

function botsSection(bots: CheckupReadings['bots']): Section {
  if (typeof bots === 'string') return { lines: [bots] };
  if (bots.length === 0) return { lines: ['✅ No business bots are connected.'] };
  const n = bots.length;
  return {
    lines: [`⚠️ ${n} business ${n === 1 ? 'bot is' : 'bots are'} connected and can read your chats: ${bots.map(botLabel).join(', ')}. Disconnect any you did not connect.`],
    actions: [{ kind: 'disconnect', bots: bots.slice(0, 5) }],
  };
}

function settingsSection(r: CheckupReadings): Section {
  const lines: string[] = [];
  const actions: CheckupAction[] = [];
  if (typeof r.ttlDays === 'string') lines.push(r.ttlDays);
  else if (r.ttlDays > r.shortestTtlDays) {
    lines.push(`⚠️ Inactive sessions end after ${r.ttlDays} days; ${r.shortestTtlDays} days leaves a forgotten device logged in for less time.`);
    actions.push({ kind: 'shorten_ttl' });
  } else lines.push(`✅ Inactive sessions end after ${r.ttlDays} days.`);
  lines.push(r.guardOn ? '✅ Guard mode is on.' : 'ℹ️ Guard mode is off: new logins are reported, not ended (/guard on).');
  if (r.codeGuardOn) lines.push('✅ Code guard is on.');
  else {
    lines.push('ℹ️ Code guard is off: login codes stay valid after they are reported.');
    actions.push({ kind: 'code_guard_on' });
  }
  return { lines, actions };
}

/** The /security page: one line per door, each that needs action saying what to do, plus the one-call fixes. */
export function checkupView(r: CheckupReadings, nowMs: number, speech: Speech): { text: string; actions: CheckupAction[] } {
  const sections = [passwordSection(r.password, nowMs), sessionsSection(r.sessions, speech), webSection(r.webSessions), botsSection(r.bots), settingsSection(r)];
  return {
    text: ['<b>Security checkup</b>', '', ...sections.flatMap((s) => s.lines)].join('\n'),
    actions: sections.flatMap((s) => s.actions ?? []),
  };
}
