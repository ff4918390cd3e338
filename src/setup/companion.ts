import path from 'node:path';
import type { NetworkSocket } from '../account/session-socket';
import { loginCompanion, LoginError, type LoginPrompts } from '../account/login';
import { describeUser, type LoginMethod, type LoginSettings } from '../account/login-cli';
import { endingWindowNote, LOGIN_SAFETY, PHONE_CHOICE, QR_CHOICE } from '../account/login-guidance';
import { readSessionFile, saveSessionFile } from '../account/session-file';
import { DEFAULT_SESSION_FILE } from '../core/config';
import type { AccountUser } from '../domain/session';
import { checkSession } from './checks';
import { displayPath, SetupCancelled, SetupStopped, type Conversation, type SetupProgress } from './conversation';

export interface CompanionOptions {
  readonly settings: LoginSettings;
  /** ACCOUNT_SESSION as `npm start` would see it; it wins over the session file. */
  readonly envSession: string | undefined;
  readonly sessionFile: string;
  /** A not-yet-logged-in session and its socket, as for runLoginCli; tests point it at an emulator. */
  readonly server?: { readonly session: string; readonly networkSocket?: NetworkSocket };
  readonly progress: SetupProgress;
  readonly timeoutMs?: number;
  readonly qrTimeoutMs?: number;
}

export interface Companion {
  readonly user: AccountUser;
  /** Set only when this run logged in; the kept session is not handled again. */
  readonly newSession?: string;
}

/** Step 3: keeps a session that still connects; otherwise logs the companion in and saves the session. */
export async function companionStep(c: Conversation, opts: CompanionOptions): Promise<Companion> {
  c.say('');
  c.say('Step 3 of 5: the companion, a login of the Telegram account whose sessions the bot guards.');
  const fileSession = readSessionFile(opts.sessionFile);
  const existing = opts.envSession ?? fileSession;
  if (existing) {
    c.secret(existing);
    const where = opts.envSession ? 'ACCOUNT_SESSION' : displayPath(opts.sessionFile);
    const user = await checkExisting(c, opts, existing, where);
    if (user) {
      c.say(`The session in ${where} still works: logged in as ${describeUser(user)}. Keeping it.`);
      return { user };
    }
  } else {
    c.say(`Log the account in now; its session is saved to ${displayPath(opts.sessionFile)}, readable only by you.`);
  }
  return logIn(c, opts);
}

async function checkExisting(c: Conversation, opts: CompanionOptions, session: string, where: string): Promise<AccountUser | undefined> {
  const { apiId, apiHash } = opts.settings;
  for (;;) {
    const check = await checkSession(apiId, apiHash, session, opts.timeoutMs);
    if (check.ok) return check.user;
    if (check.reason === 'invalid') {
      c.say(`The session in ${where} is no longer logged in (it was ended or replaced): log in again to replace it.`);
      return undefined;
    }
    if (check.reason === 'refused') {
      c.say(`Telegram refused the session in ${where} (${check.detail}): log in again to replace it.`);
      return undefined;
    }
    c.say(`Could not reach Telegram to check the session in ${where} (${check.detail}): check the network.`);
    if (!(await c.yesNo('Try again? [Y/n] '))) throw new SetupStopped('Run `npm run setup` again once Telegram can be reached.');
  }
}

async function logIn(c: Conversation, opts: CompanionOptions): Promise<Companion> {
  const prompts: LoginPrompts = {
    phone: () => c.ask('Phone number, with country code (e.g. +44 7700 900123): '),
    code: () => c.ask('Login code: '),
    password: (hint) => c.ask(`Two-step verification password${hint ? ` (hint: ${hint})` : ''}: `, { hidden: true }),
    notice: (message) => c.say(message),
  };
  for (const line of LOGIN_SAFETY) c.say(line);
  for (;;) {
    const method = await chooseMethod(c);
    // The QR instruction waits for the first code: said before it, it promises a code that may never come.
    c.say('Connecting to Telegram…');
    let qrShown = false;
    let result: Awaited<ReturnType<typeof loginCompanion>>;
    try {
      result = await loginCompanion({
        apiId: opts.settings.apiId,
        apiHash: opts.settings.apiHash,
        method,
        prompts,
        onQr: (url) => {
          if (!qrShown) c.say('On your phone, open Telegram > Settings > Devices > Link Desktop Device, and scan this code.');
          qrShown = true;
          c.io.showQr(url).catch(() => c.say('Could not draw the QR code: press Ctrl+C and choose the phone number instead.'));
        },
        ...(opts.server ? { session: opts.server.session } : {}),
        ...(opts.server?.networkSocket ? { networkSocket: opts.server.networkSocket } : {}),
        ...(opts.qrTimeoutMs ? { qrTimeoutMs: opts.qrTimeoutMs } : {}),
      });
    } catch (err) {
      if (err instanceof SetupCancelled || (err instanceof LoginError && err.code === 'CANCELLED')) throw err;
      // The login module's messages may say "run npm run login again"; here a retry is offered instead.
      c.say(err instanceof LoginError ? err.message : `The login failed: ${String(err)}.`);
      if (!(await c.yesNo('Try logging in again? [Y/n] '))) throw new SetupStopped('Run `npm run setup` again to log the companion in.');
      continue;
    }
    c.secret(result.session);
    saveSessionFile(opts.sessionFile, result.session, { privateDir: path.resolve(opts.sessionFile) === DEFAULT_SESSION_FILE });
    opts.progress.sessionSavedTo = displayPath(opts.sessionFile);
    c.say(`Logged in as ${describeUser(result.user)}. Saved the session to ${displayPath(opts.sessionFile)}, readable only by you.`);
    c.say(endingWindowNote(Date.now()));
    return { user: result.user, newSession: result.session };
  }
}

async function chooseMethod(c: Conversation): Promise<LoginMethod> {
  c.say('How do you want to log in?');
  c.say(`  1) ${QR_CHOICE}`);
  c.say(`  2) ${PHONE_CHOICE}`);
  for (;;) {
    const answer = (await c.ask('Choose 1 or 2 [1]: ')).trim().toLowerCase();
    if (answer === '' || answer === '1' || answer === 'qr') return 'qr';
    if (answer === '2' || answer === 'phone') return 'phone';
    c.say('Please type 1 or 2.');
  }
}
