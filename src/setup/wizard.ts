import fs from 'node:fs';
import path from 'node:path';
import type { NetworkSocket } from '../account/session-socket';
import { LoginError } from '../account/login';
import { DEFAULT_SESSION_FILE, PROJECT_ROOT } from '../core/config';
import { companionStep } from './companion';
import { Conversation, displayPath, SetupCancelled, SetupProgress, SetupStopped } from './conversation';
import { writePrivateFileAtomic } from '../core/private-file';
import { ensurePrivate, readEnvFile, updateEnvText, type EnvFile } from './env-file';
import { secondFactorStep } from './second-factor-step';
import { apiCredentialsStep, botTokenStep, DEFAULT_BOT_API_ROOT, ownerStep } from './steps';
import type { TerminalPrompts } from '../core/terminal-io';
import { channelsStep, type ChannelsStepOptions } from './channels';

export interface SetupOptions {
  readonly io: TerminalPrompts;
  /** The shell's environment, without .env loaded into it: it overrides .env, as for `npm start`. */
  readonly env: NodeJS.ProcessEnv;
  /** Default: .env in the project. */
  readonly envFile?: string;
  /** Default: data/account.session in the project. */
  readonly sessionFile?: string;
  /** Where a new .env starts from, for its comments. Default: .env.example next to envFile, if any. */
  readonly envTemplate?: string;
  /** See runLoginCli's `server`: where a login goes instead of Telegram. Tests only. */
  readonly server?: { readonly session: string; readonly networkSocket?: NetworkSocket };
  /** Shared with the terminal entry, which reports a Ctrl+C that arrives between questions. */
  readonly progress?: SetupProgress;
  readonly timeoutMs?: number;
  readonly qrTimeoutMs?: number;
  /** The channels step's TLS and timeouts (tests only). */
  readonly channels?: ChannelsStepOptions;
}

/**
 * `npm run setup`: asks for everything session-warden needs, checks each answer against Telegram,
 * logs the companion in and writes .env. Returns the exit code: 0 done, 1 stopped or failed, 130 cancelled.
 */
export async function runSetup(opts: SetupOptions): Promise<number> {
  const c = new Conversation(opts.io);
  const progress = opts.progress ?? new SetupProgress();
  const envFile = opts.envFile ?? path.join(PROJECT_ROOT, '.env');
  const sessionFile = opts.sessionFile ?? DEFAULT_SESSION_FILE;
  try {
    const existing = readEnvFile(envFile);
    // What `npm start` would see: the environment first, then .env.
    const current = (key: string): string | undefined => opts.env[key]?.trim() || existing.values[key]?.trim() || undefined;
    const apiRoot = botApiRoot(current('BOT_API_ROOT'));

    c.say('session-warden setup: five steps, each checked with Telegram or your authenticator app, then optional alerts outside Telegram. Ctrl+C stops at any time.');
    c.say('');
    const bot = await botTokenStep(c, current('BOT_TOKEN'), apiRoot);
    const settings = await apiCredentialsStep(c, current('API_ID'), current('API_HASH'));
    const companion = await companionStep(c, {
      settings,
      envSession: current('ACCOUNT_SESSION'),
      sessionFile,
      progress,
      ...(opts.server ? { server: opts.server } : {}),
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.qrTimeoutMs ? { qrTimeoutMs: opts.qrTimeoutMs } : {}),
    });
    const ownerId = await ownerStep(c, companion.user, current('OWNER_ID'));
    const totpSecret = await secondFactorStep(c, current('OWNER_TOTP_SECRET'));
    const channels = await channelsStep(c, current, opts.channels);

    const updates: Record<string, string> = {
      BOT_TOKEN: bot.token,
      API_ID: String(settings.apiId),
      API_HASH: settings.apiHash,
      OWNER_ID: ownerId,
      ...(totpSecret ? { OWNER_TOTP_SECRET: totpSecret } : {}),
      ...channels,
    };
    // The session belongs in its own file; .env gets it only where the owner already chose to keep it there.
    if (companion.newSession && existing.values.ACCOUNT_SESSION?.trim()) updates.ACCOUNT_SESSION = companion.newSession;
    c.say('');
    saveEnv(c, envFile, existing, updates, opts.envTemplate);
    warnAboutOverrides(c, opts.env, updates, companion.newSession !== undefined);

    c.say('');
    c.say('Setup is complete.');
    c.say(`Next: run \`npm start\`, then send /start to @${bot.username} from the owner's Telegram account.`);
    c.say('To keep it running in the background with pm2 (it builds by itself): pm2 start ecosystem.config.js, then pm2 save and pm2 startup (see the README).');
    return 0;
  } catch (err) {
    c.say('');
    if (err instanceof SetupCancelled || (err instanceof LoginError && err.code === 'CANCELLED')) {
      c.say(progress.cancelMessage());
      return 130;
    }
    if (err instanceof SetupStopped) {
      c.say(`Setup stopped. ${progress.saved()} ${err.message}`);
      return 1;
    }
    c.say(`Setup failed: ${describe(err)}. ${progress.saved()} Fix that, then run \`npm run setup\` again.`);
    return 1;
  }
}

function botApiRoot(value: string | undefined): string {
  const root = (value ?? DEFAULT_BOT_API_ROOT).replace(/\/+$/, '');
  try {
    new URL(root);
  } catch {
    throw new SetupStopped('BOT_API_ROOT is not a URL: set it to e.g. http://127.0.0.1:8081 or remove it, then run `npm run setup` again.');
  }
  return root;
}

function saveEnv(c: Conversation, file: string, existing: EnvFile, updates: Record<string, string>, template: string | undefined): void {
  const base = existing.text ?? readTemplate(template ?? path.join(path.dirname(path.resolve(file)), '.env.example'));
  const text = updateEnvText(base, updates);
  if (text === existing.text) {
    ensurePrivate(file);
    c.say(`${displayPath(file)} already holds these settings (readable only by you).`);
    return;
  }
  writePrivateFileAtomic(file, text);
  c.say(`Saved the settings to ${displayPath(file)}, readable only by you.`);
}

function readTemplate(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** A variable exported in the shell beats .env, so a stale one would undo this setup at start-up. */
function warnAboutOverrides(c: Conversation, env: NodeJS.ProcessEnv, updates: Record<string, string>, loggedIn: boolean): void {
  const stale = Object.entries(updates)
    .filter(([key, value]) => env[key] !== undefined && env[key]?.trim() !== value)
    .map(([key]) => key);
  if (loggedIn && env.ACCOUNT_SESSION?.trim() && !('ACCOUNT_SESSION' in updates)) stale.push('ACCOUNT_SESSION');
  if (stale.length === 0) return;
  c.say(
    `Note: ${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} also set in this shell's environment, which wins over .env: ` +
      'unset them before `npm start`.',
  );
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return `permission denied for ${e.path ? displayPath(e.path) : 'a file'}`;
  if (e?.code === 'EROFS') return 'the file system is read-only';
  return (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
}
