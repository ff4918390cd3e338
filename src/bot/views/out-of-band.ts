import type { OutOfBandMessage } from '../../channels/channel';
import { ownerClock } from '../text/owner-clock';
import { wordsOf, type Speech } from '../text/i18n';
import type { OwnerNotice } from './owner-notice';

/**
 * The notices that stay in the chat: reports that answer the owner's own commands or show what the
 * owner already knows. Every other kind, including kinds added later, also goes out of band: a safety
 * notice must never be left out because nobody listed it.
 */
export const CHAT_ONLY_KINDS: ReadonlySet<string> = new Set([
  // The first run's list of the sessions the owner has now: a starting point, not news.
  'baseline',
  // Commands of the owner's that a restart cut off: a reply to a command.
  'interrupted_actions',
]);

/** Takeover signs: ntfy priority 5 (urgent), and an important mail. */
const URGENT_KINDS: ReadonlySet<string> = new Set([
  'new_login',
  'password_off',
  'password_changed',
  'hint_changed',
  'recovery_email_pending',
  'recovery_email_set',
  'recovery_email_removed',
  'login_email_changed',
  'reset_pending',
  'code_requested',
  'code_invalidation_late',
  'bot_connected',
  'companion_lost',
  'bot_blocked',
  'second_factor_locked',
  // A session that moved, changed hands or woke up: a copied session file in use.
  'session_change',
  // Someone in the account asked for an action that needs the owner's code.
  'second_factor_asked',
]);

/** Good news and start-up chatter: ntfy's default priority. Unknown kinds are high (4), never lower. */
const CALM_KINDS: ReadonlySet<string> = new Set(['storage_up', 'companion_up', 'database_back', 'started_late', 'bot_unblocked', 'bot_reachable', 'test', 'password_on']);

/** Whether a notice of this kind is also told through email, ntfy and the webhook. */
export function goesOutOfBand(kind: string): boolean {
  return !CHAT_ONLY_KINDS.has(kind);
}

export function priorityOf(kind: string): OutOfBandMessage['priority'] {
  if (URGENT_KINDS.has(kind)) return 5;
  return CALM_KINDS.has(kind) ? 3 : 4;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

/** Telegram HTML as plain text: tags dropped, links kept as their text, entities undone. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos);/g, (_m, e: string) => ENTITIES[e]!)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A title from the text's first line, cut at a word within 100 characters. */
function titleOf(text: string): string {
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  if (first.length <= 100) return first;
  const cut = first.slice(0, 100);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

export interface OutOfBandContext {
  readonly speech: Speech;
  /** The guarded account's user id (decimal). */
  readonly account: string;
  readonly nowMs: number;
  /** The bot's chat (https://t.me/<bot>), when its username is known. */
  readonly click?: string;
}

function message(kind: string, title: string, text: string, c: OutOfBandContext, fields?: OutOfBandMessage['fields']): OutOfBandMessage {
  const priority = priorityOf(kind);
  return {
    event: kind,
    title,
    text,
    at: new Date(c.nowMs).toISOString(),
    account: c.account,
    priority,
    tags: priority === 5 ? ['rotating_light'] : priority === 4 ? ['warning'] : ['white_check_mark'],
    ...(c.click ? { click: c.click } : {}),
    ...(fields ? { fields } : {}),
  };
}

/**
 * A chat notice as a message for the other channels: the same words as plain text (the chat's notices
 * hold no login code, secret or session string), and what to do when the chat is out of reach.
 */
export function outOfBandMessage(n: OwnerNotice, c: OutOfBandContext): OutOfBandMessage {
  const text = plainText(n.text);
  const title = titleOf(text);
  // The headline is the title (the mail's subject, the push's title); the body goes on from there.
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const rest = lines.slice(first + 1).join('\n').trim();
  const body = title === lines[first]?.trim() && rest !== '' ? rest : text;
  return message(n.kind, title, `${body}\n\n${wordsOf(c.speech)('oob-footer')}`, c);
}

/** One message standing for several (a burst): a counted title, each message's text in order. */
export function groupedMessage(messages: readonly OutOfBandMessage[], speech: Speech): OutOfBandMessage {
  const t = wordsOf(speech);
  const first = messages[0]!;
  const priority = Math.max(...messages.map((m) => m.priority)) as OutOfBandMessage['priority'];
  const kinds = [...new Set(messages.map((m) => m.event))];
  return {
    ...first,
    event: kinds.length === 1 ? first.event : 'alerts',
    title: t('oob-group-title', { count: messages.length, first: first.title }),
    text: messages.map((m) => m.text).join('\n\n———\n\n'),
    at: messages.at(-1)!.at,
    priority,
    tags: priority === 5 ? ['rotating_light'] : (first.tags ?? []),
    fields: { count: messages.length, events: kinds.join(',') },
  };
}

/** Why Telegram refused a message to the owner, from the Bot API's description. */
export type BlockedReason = 'blocked' | 'deactivated' | 'chat_not_found' | 'not_started';

/** The alarm when the bot cannot write to the owner any more: what, when, what it may mean, what to do. */
export function botBlockedMessage(reason: BlockedReason, sinceMs: number, c: OutOfBandContext): OutOfBandMessage {
  const t = wordsOf(c.speech);
  const clock = ownerClock(c.speech.locale, c.speech.i18n.timeZone);
  return message(
    'bot_blocked',
    t('oob-bot-blocked-title'),
    // An owner who never pressed Start is told to press it, not that someone may have silenced the bot.
    reason === 'not_started' || reason === 'chat_not_found'
      ? t(reason === 'not_started' ? 'oob-bot-not-started' : 'oob-bot-chat-not-found', { time: clock.at(Math.floor(sinceMs / 1000), true) })
      : t('oob-bot-blocked', { time: clock.at(Math.floor(sinceMs / 1000), true), reason: t(`oob-bot-blocked-${reason.replace(/_/g, '-')}`) }),
    c,
    { reason, since: new Date(sinceMs).toISOString() },
  );
}

/** The bot reaches the owner again; `count` alerts that waited are being delivered in the chat. */
export function botUnblockedMessage(count: number, c: OutOfBandContext): OutOfBandMessage {
  const t = wordsOf(c.speech);
  return message('bot_unblocked', t('oob-bot-unblocked-title'), t('oob-bot-unblocked', { count }), c, { waiting: count });
}

/** The Bot API has not taken a message since `sinceMs`: alerts reach the owner only through these channels meanwhile. */
export function botUnreachableMessage(sinceMs: number, c: OutOfBandContext): OutOfBandMessage {
  const t = wordsOf(c.speech);
  const clock = ownerClock(c.speech.locale, c.speech.i18n.timeZone);
  return message(
    'bot_unreachable',
    t('oob-bot-unreachable-title'),
    t('oob-bot-unreachable', { since: clock.at(Math.floor(sinceMs / 1000), true), wait: clock.wait((c.nowMs - sinceMs) / 1000) }),
    c,
    { since: new Date(sinceMs).toISOString() },
  );
}

/** The Bot API takes messages again after an outage told by botUnreachableMessage. */
export function botReachableMessage(sinceMs: number, c: OutOfBandContext): OutOfBandMessage {
  const t = wordsOf(c.speech);
  const clock = ownerClock(c.speech.locale, c.speech.i18n.timeZone);
  return message('bot_reachable', t('oob-bot-reachable-title'), t('oob-bot-reachable', { wait: clock.wait((c.nowMs - sinceMs) / 1000) }), c);
}

/** /test's and setup's message. */
export function testMessage(c: OutOfBandContext): OutOfBandMessage {
  const t = wordsOf(c.speech);
  return message('test', t('oob-test-title'), t('oob-test'), c);
}
