import path from 'node:path';
import dotenv from 'dotenv';
import type { PromisedNetSockets } from 'telegram/extensions';
import { DEFAULT_SESSION_FILE, PROJECT_ROOT } from '../core/config';
import type { AccountUser } from '../domain/session';
import { createLogger, silentLogger } from '../core/log';
import { loginCompanion, LoginError, type LoginPrompts } from './login';
import { endingWindowNote, LOGIN_SAFETY, PHONE_CHOICE, QR_CHOICE } from './login-guidance';
import { readSessionFile, saveSessionFile } from './session-file';
import { TerminalIO } from '../core/terminal-io';

/**
 * `npm run login`: logs the companion account in from a terminal and saves the session to
 * data/account.session. Nothing here prints the session, the login code or the password.
 *
 * The only way to point it at another server is the `server` option of runLoginCli, which tests set
 * to an emulator session; the command itself has no such switch. A switch would have to carry a
 * pre-made auth key (gramjs cannot do the key exchange with the emulator), and an environment
 * variable that swaps the account's credential is not something a security tool should read.
 */

export type LoginMethod = 'phone' | 'qr';

export interface LoginSettings {
  readonly apiId: number;
  readonly apiHash: string;
}

export type LoginSettingsResult =
  | { readonly ok: true; readonly settings: LoginSettings }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Only API_ID and API_HASH matter for a login; the messages match parseConfig's and never quote values. */
export function parseLoginSettings(env: NodeJS.ProcessEnv): LoginSettingsResult {
  const problems: string[] = [];
  const apiId = env.API_ID?.trim() ?? '';
  const apiHash = env.API_HASH?.trim() ?? '';
  if (!apiId) {
    problems.push('API_ID is missing: create an app on my.telegram.org (API development tools) and set API_ID to its api_id');
  } else if (!/^[1-9]\d{0,9}$/.test(apiId)) {
    problems.push('API_ID must be the number shown as "App api_id" on my.telegram.org');
  }
  if (!apiHash) {
    problems.push('API_HASH is missing: set it to the api_hash of your app on my.telegram.org');
  } else if (!/^\S+$/.test(apiHash)) {
    problems.push('API_HASH must not contain spaces: copy "App api_hash" from my.telegram.org again');
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, settings: { apiId: Number(apiId), apiHash } };
}

export interface LoginCliOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly argv: readonly string[];
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Mask the password and redraw QR codes in place; only for a real terminal. */
  readonly isTTY: boolean;
  /** Where to save the session (default data/account.session). */
  readonly sessionFile?: string;
  /** A not-yet-logged-in session and the socket that reaches its server (see loginCompanion's `session`). */
  readonly server?: { readonly session: string; readonly networkSocket?: typeof PromisedNetSockets };
  /** Ctrl+C outside a question; the command exits, tests observe. */
  readonly onInterrupt?: () => void;
  readonly qrTimeoutMs?: number;
}

const USAGE = `Usage: npm run login [-- --qr | --phone]

Logs the companion Telegram account in and saves its session to data/account.session.
  --qr      scan a QR code with the Telegram app (Settings > Devices > Link Desktop Device); recommended,
            as the login is approved from your phone and no code is typed on the server
  --phone   type the phone number, the login code and, if set, the two-step verification password
Without either, you are asked (QR is the default).
API_ID and API_HASH (your own app's, from my.telegram.org) are read from the environment or .env.`;

/** Runs the whole login conversation; returns the exit code (0 ok, 1 failed, 2 bad setup, 130 cancelled). */
export async function runLoginCli(opts: LoginCliOptions): Promise<number> {
  const term = new TerminalIO(opts.input, opts.output, opts.isTTY, opts.onInterrupt);
  try {
    const args = new Set(opts.argv);
    if (args.has('--help') || args.has('-h')) {
      term.say(USAGE);
      return 0;
    }
    const unknown = [...args].filter((a) => a !== '--qr' && a !== '--phone');
    if (unknown.length || (args.has('--qr') && args.has('--phone'))) {
      term.say(USAGE);
      return 2;
    }
    const parsed = parseLoginSettings(opts.env);
    if (!parsed.ok) {
      term.say(
        [
          'npm run login cannot start:',
          ...parsed.problems.map((p) => `  - ${p}`),
          '',
          'Put API_ID and API_HASH in .env, or export them in this shell.',
        ].join('\n'),
      );
      return 2;
    }

    const file = opts.sessionFile ?? DEFAULT_SESSION_FILE;
    warnAboutExistingSessions(term, opts.env, file);
    for (const line of LOGIN_SAFETY) term.say(line);
    term.say('');

    const method: LoginMethod = args.has('--qr') ? 'qr' : args.has('--phone') ? 'phone' : await chooseMethod(term);
    // The QR instructions wait for the first code: said before it, they promise a code that may never come.
    term.say('Connecting to Telegram…');
    let qrShown = false;

    const prompts: LoginPrompts = {
      phone: () => term.ask('Phone number, with country code (e.g. +44 7700 900123): '),
      code: () => term.ask('Login code: '),
      password: (hint) => term.ask(`Two-step verification password${hint ? ` (hint: ${hint})` : ''}: `, { hidden: true }),
      notice: (message) => term.say(message),
    };
    const debug = opts.env.LOG_LEVEL === 'debug' || opts.env.LOG_LEVEL === 'trace';
    const result = await loginCompanion({
      apiId: parsed.settings.apiId,
      apiHash: parsed.settings.apiHash,
      method,
      prompts,
      onQr: (url) => {
        if (!qrShown) {
          qrShown = true;
          term.say('On your phone, open Telegram > Settings > Devices > Link Desktop Device, and scan this code.');
          term.say('A new code appears each time the previous one expires. To use a phone number instead, press Ctrl+C and run `npm run login -- --phone`.');
        }
        term.showQr(url).catch((err: unknown) => term.say(`Could not draw the QR code (${String(err)}); use --phone instead.`));
      },
      // gramjs's own chatter only when asked for, and on stderr so it never mixes with the prompts.
      logger: debug ? createLogger('debug', process.stderr) : silentLogger,
      ...(opts.server ? { session: opts.server.session } : {}),
      ...(opts.server?.networkSocket ? { networkSocket: opts.server.networkSocket } : {}),
      ...(opts.qrTimeoutMs ? { qrTimeoutMs: opts.qrTimeoutMs } : {}),
    });

    const loggedInAt = Date.now();
    saveSessionFile(file, result.session, { privateDir: path.resolve(file) === DEFAULT_SESSION_FILE });
    term.say('');
    term.say(`Logged in as ${describeUser(result.user)}.`);
    term.say(`Saved the session to ${displayPath(file)}, readable only by you. Keep it secret: it gives full access to the account.`);
    term.say(endingWindowNote(loggedInAt));
    term.say(nextStep(result.user, opts.env, file));
    return 0;
  } catch (err) {
    const failure = err instanceof LoginError ? err : new LoginError('UNKNOWN', `The login failed: ${String(err)}`);
    term.say('');
    if (failure.code === 'CANCELLED') {
      term.say('Login cancelled; nothing was saved.');
      return 130;
    }
    term.say(`Login failed: ${failure.message}`);
    return 1;
  } finally {
    term.close();
  }
}

async function chooseMethod(term: TerminalIO): Promise<LoginMethod> {
  term.say('How do you want to log the companion account in?');
  term.say(`  1) ${QR_CHOICE}`);
  term.say(`  2) ${PHONE_CHOICE}`);
  for (let tries = 0; tries < 3; tries++) {
    const answer = (await term.ask('Choose 1 or 2 [1]: ').catch((err: unknown) => {
      throw new LoginError('CANCELLED', 'The login was cancelled.', undefined, { cause: err });
    })).trim().toLowerCase();
    if (answer === '' || answer === '1' || answer === 'qr') return 'qr';
    if (answer === '2' || answer === 'phone') return 'phone';
    term.say('Please type 1 or 2.');
  }
  throw new LoginError('CANCELLED', 'No login method was chosen.');
}

function warnAboutExistingSessions(term: TerminalIO, env: NodeJS.ProcessEnv, file: string): void {
  if (env.ACCOUNT_SESSION?.trim()) {
    term.say(
      'Note: ACCOUNT_SESSION is set (in the environment or .env), and session-warden uses it before the session file. ' +
        'Remove it after this login, or the new session will not be used.',
    );
  }
  if (readSessionFile(file) !== undefined) {
    term.say(
      `Note: ${displayPath(file)} already holds a session; a successful login replaces it. ` +
        'The old login stays active in Telegram until you end it (Settings > Devices, or /sessions in the bot).',
    );
  }
}

/** Name, @username and id; never the phone number. */
export function describeUser(user: AccountUser): string {
  const name = user.firstName.trim() || 'an account without a name';
  return `${name}${user.username ? ` (@${user.username})` : ''}, Telegram id ${user.id}`;
}

function nextStep(user: AccountUser, env: NodeJS.ProcessEnv, file: string): string {
  const start = path.resolve(file) === DEFAULT_SESSION_FILE ? 'Next: run `npm start`.' : `Next: give session-warden this session (ACCOUNT_SESSION), then run \`npm start\`.`;
  const owner = env.OWNER_ID?.trim()
    ? `The bot obeys OWNER_ID (${env.OWNER_ID.trim()}) as set.`
    : `The bot will obey this account (id ${user.id}); to have it obey another Telegram account, set OWNER_ID in .env.`;
  return `${start} ${owner}`;
}

function displayPath(file: string): string {
  const relative = path.relative(PROJECT_ROOT, path.resolve(file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
}

async function main(): Promise<void> {
  // Like `npm start`: .env next to the project, and the environment wins.
  dotenv.config({ path: path.join(PROJECT_ROOT, '.env'), quiet: true });
  const code = await runLoginCli({
    env: process.env,
    argv: process.argv.slice(2),
    input: process.stdin,
    output: process.stdout,
    isTTY: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    onInterrupt: () => {
      process.stdout.write('\nLogin cancelled; nothing was saved.\n');
      process.exit(130);
    },
  });
  // Exit as soon as the outcome is said: after a failed connect gramjs keeps retrying in the
  // background and would hold the shell for another half minute. Writes to a pipe or a terminal
  // are synchronous on Linux, so nothing said is lost.
  process.exit(code);
}

if (require.main === module) void main();
