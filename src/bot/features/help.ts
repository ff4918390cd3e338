import { Composer, type Context } from 'grammy';
import type { BotCommand } from 'grammy/types';

/** The command menu registered with setMyCommands, in the order the owner will want them. */
export const COMMANDS: readonly BotCommand[] = [
  { command: 'sessions', description: 'List the active sessions' },
  { command: 'revoke', description: 'End one session: /revoke <hash>' },
  { command: 'revokeall', description: 'End every other session (asks first)' },
  { command: 'status', description: 'Is the warden watching, and can it act' },
  { command: 'guard', description: 'End untrusted new logins at once: /guard on|off' },
  { command: 'trust', description: 'Devices guard mode leaves alone' },
  { command: 'panic', description: 'Account being taken over: end everything, guard on' },
  { command: 'websessions', description: 'Websites logged in with Telegram' },
  { command: 'ttl', description: 'End inactive sessions after: /ttl [days]' },
  { command: 'log', description: 'Recent actions and alerts: /log [denied|all] [n]' },
  { command: 'help', description: 'What this bot does' },
];

export const HELP_TEXT = [
  '<b>session-warden</b> guards your Telegram account\'s sessions.',
  'It works through a companion login on your own account, so it can do what bots cannot: see and end your sessions.',
  '',
  '/sessions: list the active sessions, most recently active first, with an End button for each',
  '/revoke &lt;hash&gt;: end one session by its hash (the number under it in /sessions)',
  '/revokeall: end every session except session-warden\'s companion, after you confirm',
  '/status: whether the warden is watching, and whether Telegram lets it end sessions yet',
  '/guard on|off: end new logins from untrusted devices at once',
  '/trust: the devices guard mode leaves alone',
  '/panic: if your account is being taken over: end every other session and website login, turn guard mode on',
  '/websessions: websites you logged in to with "Log in with Telegram", with End buttons',
  '/ttl [days]: how long an unused session lives before Telegram ends it (7, 30, 90, 180 or 365 days)',
  '/log [n]: the last n actions and alerts and what Telegram answered (default 10, at most 50); /log denied [n] for strangers\' attempts, /log all [n] for everything',
  '/help: this message',
  '',
  'Every new login is reported here the moment it appears, with "It\'s me" and "End it" buttons.',
  'Only you can use this bot. Everyone else is ignored, and their attempts are logged.',
].join('\n');

export function helpFeature(): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command(['start', 'help'], (ctx) => ctx.reply(HELP_TEXT, { parse_mode: 'HTML' }));
  return composer;
}
