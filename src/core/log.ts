import pino, { type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import type { LogFormat, LogLevel } from './config';

export type { Logger };

/**
 * Secrets are removed by path so that logging a config, an error with a request, or an API
 * payload can never print the bot token, the account session or the owner's TOTP secret.
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
  'ownerTotpSecret',
  '*.ownerTotpSecret',
  'config.ownerTotpSecret',
];

/**
 * A bot token is `<bot id>:<35 characters>`. Redacting by path cannot catch one inside text: grammY
 * puts the request URL (`/bot<token>/getUpdates`) into the message and stack of a network error, and
 * those are logged as they are. So every line is scrubbed once more as it is written.
 */
const BOT_TOKEN_IN_TEXT = /\d{3,}:[A-Za-z0-9_-]{20,}/g;

/** A password in a URL (SMTP_URL is `smtps://user:password@host`): a library error may quote the URL. */
const URL_PASSWORD_IN_TEXT = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"]*:)[^\s@/"]+@/gi;

/** Replaces every bot token, and every password inside a URL, in a serialized log line with `[secret]`. */
export function scrubSecrets(line: string): string {
  return line.replace(BOT_TOKEN_IN_TEXT, '[secret]').replace(URL_PASSWORD_IN_TEXT, '$1[secret]@');
}

/**
 * The process's logger, writing to `destination` (standard output unless given). `pretty` turns each
 * line into one a person reads (pino-pretty, loaded only then, so the default costs no memory); it
 * reads the line after redaction and scrubbing, so a secret never reaches it either.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream, format: LogFormat = 'json'): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[secret]' }, base: { app: 'session-warden' }, hooks: { streamWrite: scrubSecrets } };
  if (format === 'json') return pino(options, destination);
  const pretty = require('pino-pretty') as typeof PinoPretty;
  // Synchronous, like pino's own standard output: a line written just before an exit is not lost.
  const stream = pretty({ destination: destination ?? 1, sync: true, colorize: destination === undefined && process.stdout.isTTY === true, ignore: 'pid,hostname,app' });
  return pino(options, stream);
}

/** For tests and tools that want no output. */
export const silentLogger: Logger = pino({ level: 'silent' });
