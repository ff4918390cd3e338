import type { BotRecipients, ConnectedBot } from '../../domain/connected-bot';
import type { CodeOutcome, DoorEvent } from '../../guard/events';
import { wordsOf, type Speech, type Words } from '../text/i18n';
import { field as cleaned, FIELD_MAX } from '../text/field';
import { escapeHtml } from '../text/html';
import { ownerClock } from '../text/owner-clock';


/**
 * Any field the server or an attacker chooses (hint, email pattern, bot name) goes through the
 * output layer (field.ts: no line breaks, bidi or invisible characters, a stated length), then HTML escaping.
 */
const field = (text: string, max: number = FIELD_MAX.pattern): string => escapeHtml(cleaned(text, max));

/** Which chats a business bot reaches, in words of `t`'s language. Plain text. */
export function describeRecipients(r: BotRecipients, t: Words): string {
  const kinds = [
    r.existingChats && t('recipients-existing'),
    r.newChats && t('recipients-new'),
    r.contacts && t('recipients-contacts'),
    r.nonContacts && t('recipients-non-contacts'),
  ].filter((k): k is string => typeof k === 'string');
  const listed = r.users > 0 ? t('recipients-chosen', { count: r.users }) : '';
  const all = kinds.length > 0 ? t('recipients-all-kinds', { kinds: kinds.join(', ') }) : '';
  if (r.excludeSelected) {
    const everything = all || t('recipients-all-chats');
    return listed ? t('recipients-except', { all: everything, listed }) : everything;
  }
  const parts = [...(all ? [all] : []), ...(listed ? [listed] : [])];
  if (parts.length === 2) return t('recipients-and', { first: parts[0]!, second: parts[1]! });
  return parts[0] ?? t('recipients-none');
}

/** "@username (Name)", cleaned and clipped. HTML. */
export function botLabel(b: ConnectedBot): string {
  return b.username ? `@${field(b.username, FIELD_MAX.bot)} (${field(b.name, FIELD_MAX.bot)})` : field(b.name, FIELD_MAX.bot);
}

/** One line per bot fact: who, whether it can answer, which chats; in `speech`'s language. HTML. */
export function botDetails(b: ConnectedBot, speech: Speech): string[] {
  const t = wordsOf(speech);
  return [
    t('bot-line', { bot: botLabel(b) }),
    t(b.canReply ? 'bot-can-reply' : 'bot-read-only'),
    t('bot-reaches', { chats: escapeHtml(describeRecipients(b.recipients, t)) }),
  ];
}

function codeOutcomeLine(o: CodeOutcome, t: Words): string {
  switch (o.kind) {
    case 'invalidated':
      return t('code-invalidated');
    case 'invalidate_failed':
      return t('code-invalidate-failed', { code: escapeHtml(o.code) });
    case 'invalidating':
      return t('code-invalidating');
    case 'expected':
      return t('code-expected');
    case 'unguarded':
      return t('code-unguarded');
  }
}

/** The notice text for one door event (Telegram HTML), in `speech`'s language. */
export function doorAlertText(e: DoorEvent, nowMs: number, speech: Speech): string {
  const t = wordsOf(speech);
  const clock = ownerClock(speech.locale, speech.i18n.timeZone);
  switch (e.kind) {
    case 'password_off':
      return t('door-password-off');
    case 'password_on':
      return t('door-password-on');
    case 'password_changed':
      return t('door-password-changed');
    case 'hint_changed':
      return t('door-hint-changed', { what: e.hint === undefined ? t('door-hint-removed') : t('door-hint-now', { hint: field(e.hint) }) });
    case 'recovery_email_pending':
      return t('door-recovery-pending', { pattern: field(e.pattern) });
    case 'recovery_email_set':
      return t('door-recovery-set');
    case 'recovery_email_removed':
      return t('door-recovery-removed');
    case 'login_email_changed':
      return t('door-login-email-changed', { what: e.pattern === undefined ? t('door-login-email-removed') : t('door-login-email-now', { pattern: field(e.pattern) }) });
    case 'reset_pending':
      // A date already passed is not worded as the future: the password may be gone by now.
      return t(e.date * 1000 <= nowMs ? 'door-reset-due' : 'door-reset-pending', { ...clock.until(e.date, nowMs), ago: clock.ago(e.date, nowMs) });
    case 'code_requested':
      return t('door-code-requested', { ago: clock.ago(e.date, nowMs), outcome: codeOutcomeLine(e.outcome, t) });
    case 'code_invalidation_late':
      return t('door-code-late', { outcome: codeOutcomeLine(e.outcome, t) });
    case 'bot_connected':
      return t('door-bot-connected', { details: botDetails(e.bot, speech).join('\n') });
  }
}
