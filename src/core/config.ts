// core/ — what every layer may use: configuration, logging, private files, the terminal.
import fs from 'node:fs';
import path from 'node:path';
// zod's v3 API, shipped in the same package: 10 modules (170 KB) loaded against 95 (1 MB) for the v4
// API, which kept about a megabyte more heap alive for a parse that runs once (see README).
import { z } from 'zod/v3';
import { looksLikeSessionString } from '../domain/session-string';

/**
 * The project's folder: the nearest one above this file that holds package.json. Found, not counted,
 * because this file runs from src/core/ under jest and from dist/src/core/ once built.
 */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..');
  }
}

/** Where the product keeps its state by default: `<project>/data`, wherever it is started from. */
export const DEFAULT_SESSION_FILE = path.join(PROJECT_ROOT, 'data', 'account.session');
export const DEFAULT_DATABASE_PATH = path.join(PROJECT_ROOT, 'data', 'warden.sqlite');

export interface Config {
  readonly botToken: string;
  readonly apiId: number;
  readonly apiHash: string;
  readonly accountSession: string;
  /** Unset means "the companion account's own id", resolved once the companion has connected. */
  readonly ownerId: number | undefined;
  readonly databasePath: string;
  readonly botApiRoot: string;
  readonly logLevel: LogLevel;
  /** LOG_FORMAT: one JSON line per event (the default, also when absent), or `pretty` for a person at a terminal. */
  readonly logFormat?: LogFormat;
  /** How often the session list is re-read to catch logins whose push was lost. */
  readonly reconcileIntervalSeconds: number;
  /** IANA zone the bot writes times in (TZ); 'UTC' when unset. */
  readonly timeZone?: string;
  /**
   * The owner's TOTP secret (RFC 4648 base32, normalized: upper case, no spaces or padding). Unset
   * means no second factor: every session of the account can command the guard, as before.
   */
  readonly ownerTotpSecret?: string;
  /** Ways to reach the owner outside Telegram, and the heartbeat; absent when none is set. */
  readonly channels?: ChannelsConfig;
}

/** The out-of-band channels (SMTP_URL, NTFY_URL, WEBHOOK_URL) and the heartbeat (HEARTBEAT_URL); each absent when unset. */
export interface ChannelsConfig {
  readonly email?: { readonly url: string; readonly to: readonly string[]; readonly from?: string };
  readonly ntfy?: { readonly url: string; readonly token?: string };
  readonly webhook?: { readonly url: string };
  readonly heartbeat?: { readonly url: string; readonly intervalSeconds: number };
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export type ConfigResult =
  | { readonly ok: true; readonly config: Readonly<Config> }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Whether Intl knows this IANA zone name ("Europe/Moscow", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's canonical IANA name: "Etc/UTC", "GMT" and "utc" all become "UTC" (English writes UTC
 * times in its compact form), "europe/moscow" becomes "Europe/Moscow". `name` must pass isTimeZone.
 */
export function canonicalTimeZone(name: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
}

/**
 * A base32 secret as authenticator apps show it ("jbsw y3dp ehpk 3pxp", padded or not) in the
 * canonical form: upper case, without spaces, dashes or '=' padding.
 */
export function normalizeTotpSecret(secret: string): string {
  return secret.replace(/[\s-]+/g, '').replace(/=+$/, '').toUpperCase();
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const required = (missing: string, pattern: RegExp, invalid: string) =>
  z.preprocess(blankToUndefined, z.string({ required_error: missing, invalid_type_error: missing }).regex(pattern, invalid));

// Messages never quote the value: several of these variables are secrets.
const schema = z.object({
  BOT_TOKEN: required(
    'BOT_TOKEN is missing: create a bot with @BotFather and set BOT_TOKEN to the token it gives you',
    /^\d+:[\w-]+$/,
    'BOT_TOKEN does not look like a bot token (digits, a colon, then letters): copy it again from @BotFather',
  ),
  API_ID: required(
    'API_ID is missing: create an app on my.telegram.org (API development tools) and set API_ID to its api_id',
    /^[1-9]\d{0,9}$/,
    'API_ID must be the number shown as "App api_id" on my.telegram.org',
  ),
  API_HASH: required(
    'API_HASH is missing: set it to the api_hash of your app on my.telegram.org',
    /^[0-9a-fA-F]{32}$/,
    'API_HASH must be the 32 letters and digits (0-9, a-f) shown as "App api_hash" on my.telegram.org: copy it again',
  ),
  ACCOUNT_SESSION: optional(z.string().regex(/^\S+$/, 'ACCOUNT_SESSION is not a session string: run `npm run login` to create one')),
  OWNER_ID: optional(
    z
      .string()
      .regex(/^[1-9]\d{0,15}$/, 'OWNER_ID must be your numeric Telegram user id (leave it unset to use the companion account\'s own id)'),
  ),
  DATABASE_PATH: optional(z.string()),
  BOT_API_ROOT: optional(
    z.string().url('BOT_API_ROOT must be a URL such as https://api.telegram.org or http://127.0.0.1:8081'),
  ),
  RECONCILE_INTERVAL: optional(
    z
      .string()
      .regex(/^\d{1,5}$/, 'RECONCILE_INTERVAL must be a whole number of seconds (default 30)')
      .refine((v) => Number(v) >= 5 && Number(v) <= 86_400, 'RECONCILE_INTERVAL must be between 5 and 86400 seconds: shorter risks FLOOD_WAIT'),
  ),
  // A leading colon is the POSIX form of the same name (TZ=:Europe/Moscow).
  TZ: optional(
    z
      .string()
      .transform((v) => v.replace(/^:/, ''))
      .refine(isTimeZone, 'TZ must be a time zone name such as Europe/Moscow or UTC (or unset for UTC)')
      .transform(canonicalTimeZone),
  ),
  OWNER_TOTP_SECRET: optional(
    z
      .string()
      .transform(normalizeTotpSecret)
      .refine(
        (v) => /^[A-Z2-7]{16,128}$/.test(v),
        'OWNER_TOTP_SECRET is not a base32 secret of at least 16 letters A-Z and digits 2-7: run `npm run setup` to create one',
      ),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { errorMap: () => ({ message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }) })),
  LOG_FORMAT: optional(z.enum(LOG_FORMATS, { errorMap: () => ({ message: 'LOG_FORMAT must be json (the default) or pretty (readable lines for a terminal)' }) })),
  SMTP_URL: optional(
    z.string().refine(
      (v) => urlWith(v, ['smtp:', 'smtps:']),
      'SMTP_URL must be a mail server URL such as smtps://user:password@mail.example.com:465 or smtp://mail.example.com:587 (STARTTLS)',
    ),
  ),
  ALERT_EMAIL_TO: optional(
    z.string().refine(
      (v) => emailList(v).length > 0 && emailList(v).every((a) => EMAIL.test(a)),
      'ALERT_EMAIL_TO must be one or more email addresses, separated by commas',
    ),
  ),
  ALERT_EMAIL_FROM: optional(z.string().regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'ALERT_EMAIL_FROM must be an email address, optionally with a name: Warden <warden@example.com>')),
  NTFY_URL: optional(
    z
      .string()
      .refine(
        (v) => urlWith(v, ['http:', 'https:']) && /^\/(?:.*\/)?[\w-]{1,64}$/.test(new URL(v).pathname),
        'NTFY_URL must be an ntfy topic URL such as https://ntfy.sh/your-secret-topic',
      )
      .refine(
        (v) => !urlWith(v, ['http:', 'https:']) || userInfoReadable(new URL(v)),
        'NTFY_URL has a user name or password that is not URL-encoded: write % as %25 (and @ as %40, : as %3A)',
      ),
  ),
  NTFY_TOKEN: optional(z.string().regex(/^\S+$/, 'NTFY_TOKEN must be an ntfy access token (no spaces)')),
  WEBHOOK_URL: optional(z.string().refine((v) => urlWith(v, ['http:', 'https:']), 'WEBHOOK_URL must be an http:// or https:// URL that takes a JSON POST')),
  HEARTBEAT_URL: optional(
    z.string().refine((v) => urlWith(v, ['http:', 'https:']), 'HEARTBEAT_URL must be an http:// or https:// URL, such as a healthchecks.io ping URL'),
  ),
  HEARTBEAT_INTERVAL: optional(
    z
      .string()
      .regex(/^\d{1,5}$/, 'HEARTBEAT_INTERVAL must be a whole number of seconds (default 300)')
      .refine((v) => Number(v) >= 5 && Number(v) <= 86_400, 'HEARTBEAT_INTERVAL must be between 5 and 86400 seconds'),
  ),
});

const EMAIL = /^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/;
const emailList = (v: string): string[] => v.split(',').map((a) => a.trim()).filter((a) => a !== '');

/** Whether `v` parses as a URL with one of these protocols and a host. */
/** Whether the user name and password in `u` decode (a bare % does not), as they must to be sent as Basic auth. */
function userInfoReadable(u: URL): boolean {
  try {
    decodeURIComponent(u.username);
    decodeURIComponent(u.password);
    return true;
  } catch {
    return false;
  }
}

function urlWith(v: string, protocols: readonly string[]): boolean {
  try {
    const u = new URL(v);
    return protocols.includes(u.protocol) && u.hostname !== '';
  } catch {
    return false;
  }
}

type Parsed = z.infer<typeof schema>;

/** The channels part of the configuration, or problems that span two settings (an address without a server). */
function channelsOf(d: Parsed, problems: string[]): ChannelsConfig | undefined {
  if (d.SMTP_URL && !d.ALERT_EMAIL_TO) problems.push('ALERT_EMAIL_TO is missing: set it to the address(es) SMTP_URL should send alerts to');
  if (!d.SMTP_URL && d.ALERT_EMAIL_TO) problems.push('ALERT_EMAIL_TO is set but SMTP_URL is not: set SMTP_URL to the mail server that sends the alerts');
  const channels: ChannelsConfig = {
    ...(d.SMTP_URL && d.ALERT_EMAIL_TO
      ? { email: { url: d.SMTP_URL, to: emailList(d.ALERT_EMAIL_TO), ...(d.ALERT_EMAIL_FROM ? { from: d.ALERT_EMAIL_FROM } : {}) } }
      : {}),
    ...(d.NTFY_URL ? { ntfy: { url: d.NTFY_URL, ...(d.NTFY_TOKEN ? { token: d.NTFY_TOKEN } : {}) } } : {}),
    ...(d.WEBHOOK_URL ? { webhook: { url: d.WEBHOOK_URL } } : {}),
    ...(d.HEARTBEAT_URL ? { heartbeat: { url: d.HEARTBEAT_URL, intervalSeconds: d.HEARTBEAT_INTERVAL === undefined ? 300 : Number(d.HEARTBEAT_INTERVAL) } } : {}),
  };
  return Object.keys(channels).length > 0 ? channels : undefined;
}

/** The problem with one setting's value as parseConfig would report it, or undefined when it is fine (for `npm run setup`). */
export function settingProblem(key: keyof typeof schema.shape, value: string): string | undefined {
  const r = schema.shape[key].safeParse(value);
  return r.success ? undefined : r.error.issues[0]?.message;
}

/**
 * Reads the whole configuration once and reports every problem together, so a new user fixes
 * `.env` in one pass. `sessionFromFile` is the content of `data/account.session`, if it exists.
 */
export function parseConfig(env: NodeJS.ProcessEnv, sessionFromFile?: string): ConfigResult {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const accountSession = env.ACCOUNT_SESSION?.trim() || sessionFromFile?.trim() || undefined;
  if (!accountSession) {
    problems.push('ACCOUNT_SESSION is not set and data/account.session does not exist: run `npm run login` to log the companion in');
  }
  // Never quoted: even a mangled session string may hold most of a credential.
  else if (!looksLikeSessionString(accountSession)) {
    problems.push('ACCOUNT_SESSION is not a valid session string (from ACCOUNT_SESSION or data/account.session): run `npm run login` to log the companion in again');
  }
  const channels = parsed.success ? channelsOf(parsed.data, problems) : undefined;
  if (!parsed.success || !accountSession || problems.length > 0) return { ok: false, problems };

  const d = parsed.data;
  return {
    ok: true,
    config: Object.freeze({
      botToken: d.BOT_TOKEN as string,
      apiId: Number(d.API_ID),
      apiHash: d.API_HASH as string,
      accountSession,
      ownerId: d.OWNER_ID === undefined ? undefined : Number(d.OWNER_ID),
      databasePath: d.DATABASE_PATH ? path.resolve(d.DATABASE_PATH) : DEFAULT_DATABASE_PATH,
      botApiRoot: (d.BOT_API_ROOT ?? 'https://api.telegram.org').replace(/\/+$/, ''),
      logLevel: d.LOG_LEVEL ?? 'info',
      logFormat: d.LOG_FORMAT ?? 'json',
      reconcileIntervalSeconds: d.RECONCILE_INTERVAL === undefined ? 30 : Number(d.RECONCILE_INTERVAL),
      ...(d.TZ ? { timeZone: d.TZ } : {}),
      ...(d.OWNER_TOTP_SECRET ? { ownerTotpSecret: d.OWNER_TOTP_SECRET } : {}),
      ...(channels ? { channels } : {}),
    }),
  };
}

/** One message naming every problem, for the terminal. */
export function describeConfigProblems(problems: readonly string[]): string {
  return [
    `session-warden cannot start: ${problems.length === 1 ? 'one setting needs' : `${problems.length} settings need`} fixing.`,
    ...problems.map((p) => `  - ${p}`),
    '',
    'Put the settings in .env (see .env.example) or run `npm run setup`.',
    'To try session-warden without any credentials, run `npm run demo`.',
  ].join('\n');
}
