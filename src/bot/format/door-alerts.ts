import type { BotRecipients, ConnectedBot } from '../../domain/connected-bot';
import type { CodeOutcome, DoorEvent } from '../../guard/door-events';
import { field as cleaned, FIELD_MAX } from './field';
import { escapeHtml } from './html';
import { relativeTime, utcTime } from './time';

/**
 * Any field the server or an attacker chooses (hint, email pattern, bot name) goes through the
 * output layer (field.ts: no line breaks, bidi or invisible characters, a stated length), then HTML escaping.
 */
const field = (text: string, max: number = FIELD_MAX.pattern): string => escapeHtml(cleaned(text, max));

export const TWO_FA_PATH = 'Settings → Privacy and Security → Two-Step Verification';
const NOT_YOU_HOLDS = 'If this was not you, someone else now holds your 2FA password.';

/** Which chats a business bot reaches, in words. */
export function describeRecipients(r: BotRecipients): string {
  const kinds = [
    r.existingChats && 'existing chats',
    r.newChats && 'new chats',
    r.contacts && 'contacts',
    r.nonContacts && 'non-contacts',
  ].filter((k): k is string => typeof k === 'string');
  const listed = r.users > 0 ? `${r.users} chosen ${r.users === 1 ? 'chat' : 'chats'}` : '';
  if (r.excludeSelected) return `${kinds.length > 0 ? `all ${kinds.join(', ')}` : 'all chats'}${listed ? ` except ${listed}` : ''}`;
  const parts = [...(kinds.length > 0 ? [`all ${kinds.join(', ')}`] : []), ...(listed ? [listed] : [])];
  return parts.length > 0 ? parts.join(' and ') : 'no chats yet';
}

/** "@username (Name)", cleaned and clipped. */
export function botLabel(b: ConnectedBot): string {
  return b.username ? `@${field(b.username, FIELD_MAX.bot)} (${field(b.name, FIELD_MAX.bot)})` : field(b.name, FIELD_MAX.bot);
}

/** One line per bot fact: who, whether it can answer, which chats. */
export function botDetails(b: ConnectedBot): string[] {
  return [
    `Bot: ${botLabel(b)}`,
    b.canReply ? 'It can <b>read and reply</b> in your name.' : 'It can read messages but not reply.',
    `It reaches: ${escapeHtml(describeRecipients(b.recipients))}.`,
  ];
}

function codeOutcomeLine(o: CodeOutcome): string {
  switch (o.kind) {
    case 'invalidated':
      return '✅ Code guard invalidated the code at once: it can no longer be used to log in.';
    case 'invalidate_failed':
      return `❌ Code guard could not invalidate the code (Telegram answered ${escapeHtml(o.code)}). Do not share it with anyone.`;
    case 'invalidating':
      return '⏳ Code guard asked Telegram to invalidate the code; Telegram has not confirmed yet. Do not share it with anyone.';
    case 'expected':
      return 'You opened a login window with /expect, so this code was expected and left valid.';
    case 'unguarded':
      return 'The code is still valid. Turn on /codeguard to have such codes invalidated at once.';
  }
}

/** The notice text for one door event (Telegram HTML). */
export function doorAlertText(e: DoorEvent, nowMs: number): string {
  switch (e.kind) {
    case 'password_off':
      return [
        '🚨🚨 <b>2FA turned off</b>',
        'The two-step verification password of your account was removed. Anyone who gets a login code can now log in.',
        `If this was not you: send /panic, then set a new 2FA password with a recovery email only you control (${TWO_FA_PATH}).`,
      ].join('\n');
    case 'password_on':
      return [
        '🚨 <b>2FA turned on</b>',
        `A two-step verification password was set on your account. ${NOT_YOU_HOLDS}`,
        'Send /panic at once, then check /security.',
      ].join('\n');
    case 'password_changed':
      return [
        '🚨 <b>2FA password changed</b>',
        `The two-step verification password was set again. ${NOT_YOU_HOLDS}`,
        'Send /panic at once, then check /security.',
      ].join('\n');
    case 'hint_changed':
      return [
        '⚠️ <b>2FA hint changed</b>',
        e.hint === undefined ? 'The password hint was removed.' : `The password hint is now: “${field(e.hint)}”.`,
        `If this was not you, change your 2FA password (${TWO_FA_PATH}) and send /panic.`,
      ].join('\n');
    case 'recovery_email_pending':
      return [
        '🚨 <b>A recovery email is being set</b>',
        `Telegram is waiting for the confirmation code sent to ${field(e.pattern)} (masked as Telegram shows it).`,
        'If that is not your address, someone is taking over your 2FA recovery: send /panic and set your own recovery email.',
      ].join('\n');
    case 'recovery_email_set':
      return ['⚠️ <b>A recovery email was confirmed</b> for your 2FA password.', 'If this was not you, send /panic and change it.'].join('\n');
    case 'recovery_email_removed':
      return [
        '⚠️ <b>The recovery email was removed</b> from your 2FA password.',
        `If this was not you, set one you control (${TWO_FA_PATH}) and send /panic.`,
      ].join('\n');
    case 'login_email_changed':
      return [
        '⚠️ <b>Login email changed</b>',
        e.pattern === undefined ? 'The login email was removed.' : `The login email is now ${field(e.pattern)} (masked by Telegram).`,
        'If this was not you, send /panic.',
      ].join('\n');
    case 'reset_pending':
      return [
        '🚨 <b>A 2FA password reset is pending</b>',
        `Someone asked Telegram to reset your 2FA password. Unless it is cancelled, the password is removed at ${utcTime(e.date)} (${relativeTime(e.date, nowMs)}).`,
        'If this was not you, press “Cancel the reset”.',
      ].join('\n');
    case 'code_requested':
      return [
        '🔑 <b>Someone asked Telegram for a login code for your account…</b>',
        `Telegram sent it to your apps ${relativeTime(e.date, nowMs)}. The code is not repeated here.`,
        codeOutcomeLine(e.outcome),
        'If you are not logging in yourself: never share the code, make sure 2FA is on (/security), and watch /sessions.',
      ].join('\n');
    case 'code_invalidation_late':
      return `🔑 Follow-up on the login code reported above: ${codeOutcomeLine(e.outcome)}`;
    case 'bot_connected':
      return [
        '🚨 <b>A business bot was connected to your account</b>',
        ...botDetails(e.bot),
        'If this was not you, press “Disconnect”.',
      ].join('\n');
  }
}
