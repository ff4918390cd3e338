import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

/**
 * Secrets are removed by path so that logging a config, an error with a request, or an API
 * payload can never print the bot token or the account session.
 */
const REDACT_PATHS = [
  'botToken',
  'token',
  'accountSession',
  'session',
  '*.botToken',
  '*.token',
  '*.accountSession',
  '*.session',
  'config.botToken',
  'config.accountSession',
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[secret]' }, base: { app: 'session-warden' } }, destination);
}

/** For tests and tools that want no output. */
export const silentLogger: Logger = pino({ level: 'silent' });
