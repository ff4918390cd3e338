import { Composer, type Context } from 'grammy';
import type { BotCommand } from 'grammy/types';

/** The command menu registered with setMyCommands, in the order the owner will want them. */
export const COMMANDS: readonly BotCommand[] = [
  { command: 'sessions', description: 'List the active sessions' },
  { command: 'revoke', description: 'End one session: /revoke <hash>' },
  { command: 'revokeall', description: 'End every other session (asks first)' },
  { command: 'help', description: 'What this bot does' },
];

export const HELP_TEXT = [
  '<b>session-warden</b> guards your Telegram account\'s sessions.',
  'It works through a companion login on your own account, so it can do what bots cannot: see and end your sessions.',
  '',
  '/sessions: list the active sessions, most recently active first, with an End button for each',
  '/revoke &lt;hash&gt;: end one session by its hash (the number under it in /sessions)',
  '/revokeall: end every session except session-warden\'s companion, after you confirm',
  '/help: this message',
  '',
  'Only you can use this bot. Everyone else is ignored, and their attempts are logged.',
].join('\n');

export function helpFeature(): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command(['start', 'help'], (ctx) => ctx.reply(HELP_TEXT, { parse_mode: 'HTML' }));
  return composer;
}
