import { Api, TelegramClient } from 'telegram';
import { Raw } from 'telegram/events';
import type { PromisedNetSockets } from 'telegram/extensions';
import { computeCheck } from 'telegram/Password';
import { StringSession } from 'telegram/sessions';
import type { AccountUser } from '../domain/session';
import { silentLogger, type Logger } from '../core/log';
import { companionIdentity } from './client-identity';
import { quietGramjsLogger } from './gramjs-logger';
import { LoginError, isPasswordNeeded, toLoginError, type RetryStep } from './login-errors';
import { toAccountUser } from './map-session';
import { sessionPort, socketDialingSessionPort } from './session-socket';

export { LoginError } from './login-errors';

/** How the login asks the owner for answers; injectable so tests drive it without a terminal. */
export interface LoginPrompts {
  phone(): Promise<string>;
  code(): Promise<string>;
  password(hint?: string): Promise<string>;
  /** Progress and retry notes in plain language, e.g. "That login code is not right. 2 tries left." */
  notice?(message: string): void;
}

export interface LoginOptions {
  readonly apiId: number;
  readonly apiHash: string;
  readonly prompts: LoginPrompts;
  readonly method: 'phone' | 'qr';
  /**
   * A StringSession to start from instead of an empty one (which makes gramjs create a key with
   * Telegram's DC 2). It holds a server address and an auth key that has not logged in yet: that is
   * how a login reaches a server gramjs cannot do the key exchange with, such as the emulator.
   */
  readonly session?: string;
  /** Defaults to a socket that dials the port written in `session` (see session-socket.ts). */
  readonly networkSocket?: typeof PromisedNetSockets;
  /** Called with each `tg://login?token=...` URL to show as a QR code; a new one comes before each expires. */
  readonly onQr?: (url: string, expiresAt: Date) => void;
  readonly logger?: Logger;
  /** Tries per answer (phone number, code, password) before giving up. */
  readonly maxAttempts?: number;
  /** How long to keep showing fresh QR codes before giving up. */
  readonly qrTimeoutMs?: number;
  /** Each network step (connect, send the code, check it, ...) gives up after this long; 15 s by default. */
  readonly stepTimeoutMs?: number;
}

export interface LoginResult {
  /** The logged-in StringSession: a full credential for the account. Never print or log it. */
  readonly session: string;
  readonly user: AccountUser;
}

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_STEP_TIMEOUT_MS = 15_000;
/** + then 7 to 15 digits (E.164); spaces, dashes, dots and brackets between them are allowed. */
const INTERNATIONAL_PHONE = /^\+[1-9]\d{6,14}$/;
const DEFAULT_QR_TIMEOUT_MS = 5 * 60_000;
/** Telegram's QR tokens live about 30 s; the bounds keep a skewed clock from spinning or stalling. */
const MIN_QR_WAIT_MS = 5_000;
const MAX_QR_WAIT_MS = 60_000;

/**
 * Logs the companion in through gramjs, by phone number + code (+ two-step password), or by a QR
 * code the owner scans in the Telegram app. Every failure is a LoginError with a plain message.
 */
export async function loginCompanion(opts: LoginOptions): Promise<LoginResult> {
  const start = opts.session ?? '';
  const stringSession = new StringSession(start);
  const client = new TelegramClient(stringSession, opts.apiId, opts.apiHash, {
    // The login names the session: the same identity the app connects with later (see client-identity.ts).
    ...companionIdentity(),
    // The owner watches the terminal: a FLOOD_WAIT is reported, never slept through in silence.
    floodSleepThreshold: 0,
    connectionRetries: 3,
    retryDelay: 1000,
    requestRetries: 3,
    networkSocket: opts.networkSocket ?? socketDialingSessionPort(sessionPort(start)),
    baseLogger: quietGramjsLogger(opts.logger ?? silentLogger),
  });
  const flow = new LoginFlow(client, opts);
  try {
    // Connected before anything is asked: gramjs's connect() resolves even when every attempt failed,
    // and the owner would otherwise type a phone number (or wait for a QR code) that cannot be sent.
    await flow.net('connect', client.connect());
    if (!client.connected) throw flow.unreachable('connect');
    const user = opts.method === 'qr' ? await flow.byQr() : await flow.byPhone();
    const session = stringSession.save();
    if (!session) throw new LoginError('NO_SESSION', 'Telegram accepted the login but gramjs kept no session. Try again.');
    return { session, user: toAccountUser(user) };
  } catch (err) {
    throw toLoginError(err);
  } finally {
    await client.destroy().catch(() => undefined);
  }
}

class LoginFlow {
  private readonly maxAttempts: number;
  private readonly stepTimeoutMs: number;

  constructor(
    private readonly client: TelegramClient,
    private readonly opts: LoginOptions,
  ) {
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? DEFAULT_ATTEMPTS);
    this.stepTimeoutMs = opts.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  }

  /**
   * One network step, given up after stepTimeoutMs with a sentence naming it: with Telegram
   * unreachable gramjs would otherwise wait (and retry) silently for minutes while the owner watches.
   */
  net<T>(what: string, step: Promise<T>): Promise<T> {
    const seconds = Math.round(this.stepTimeoutMs / 1000);
    return withTimeout(
      step,
      this.stepTimeoutMs,
      `Could not reach Telegram to ${what} within ${seconds} s. Check this server's network connection (and that Telegram is not blocked here), then try again.`,
    );
  }

  /** The failure of a step that found Telegram unreachable before its time ran out. */
  unreachable(what: string): LoginError {
    return new LoginError('NETWORK', `Could not reach Telegram to ${what}. Check this server's network connection (and that Telegram is not blocked here), then try again.`);
  }

  async byPhone(): Promise<Api.User> {
    const { apiId, apiHash } = this.opts;
    const sent = await this.withRetries('phone', async () => {
      const phone = (await this.ask(() => this.opts.prompts.phone())).trim();
      if (!phone) throw new LoginError('PHONE_NUMBER_INVALID', 'No phone number was entered.', 'phone');
      // Checked here, so a typo costs no request (and no step towards Telegram's FLOOD_WAIT).
      if (!INTERNATIONAL_PHONE.test(phone.replace(/[\s().-]/g, ''))) {
        throw new LoginError(
          'PHONE_NUMBER_FORMAT',
          'That is not a phone number in international format: type + and the country code, then the number, e.g. +44 7700 900123.',
          'phone',
        );
      }
      // gramjs's sendCode also restarts on AUTH_RESTART, and invoke() follows PHONE_MIGRATE to the right DC.
      return { phone, ...(await this.net('send the login code', this.client.sendCode({ apiId, apiHash }, phone))) };
    });
    this.notice(
      sent.isCodeViaApp
        ? 'Telegram sent a login code to your Telegram app (chat "Telegram").'
        : 'Telegram sent a login code by SMS.',
    );
    const auth = await this.withRetries('code', async () => {
      const code = (await this.ask(() => this.opts.prompts.code())).replace(/\s+/g, '');
      if (!code) throw new LoginError('PHONE_CODE_EMPTY', 'No login code was entered.', 'code');
      try {
        return await this.net(
          'check the login code',
          this.client.invoke(new Api.auth.SignIn({ phoneNumber: sent.phone, phoneCodeHash: sent.phoneCodeHash, phoneCode: code })),
        );
      } catch (err) {
        if (!isPasswordNeeded(err)) throw err;
        return undefined;
      }
    });
    // undefined: the code was right and the account wants its two-step verification password.
    if (!auth) return this.byPassword();
    return userOf(auth);
  }

  async byQr(): Promise<Api.User> {
    const { apiId, apiHash, onQr } = this.opts;
    if (!onQr) throw new LoginError('NO_QR_DISPLAY', 'QR login needs somewhere to show the QR code.');
    const scan = new ScanSignal();
    const handler = (update: unknown): void => {
      if (update instanceof Api.UpdateLoginToken) scan.fire();
    };
    const event = new Raw({ types: [Api.UpdateLoginToken] });
    this.client.addEventHandler(handler, event);
    const deadline = Date.now() + (this.opts.qrTimeoutMs ?? DEFAULT_QR_TIMEOUT_MS);
    try {
      for (;;) {
        let result: Api.auth.TypeLoginToken;
        try {
          result = await this.net('get a QR login code', this.client.invoke(new Api.auth.ExportLoginToken({ apiId, apiHash, exceptIds: [] })));
          if (result instanceof Api.auth.LoginTokenMigrateTo) {
            // The account lives on another DC: log in there with the same token.
            await this.net("reach your account's data centre", this.client._switchDC(result.dcId));
            result = await this.net('finish the QR login', this.client.invoke(new Api.auth.ImportLoginToken({ token: result.token })));
          }
        } catch (err) {
          if (isPasswordNeeded(err)) return this.byPassword();
          throw err;
        }
        if (result instanceof Api.auth.LoginTokenSuccess) return userOf(result.authorization);
        if (!(result instanceof Api.auth.LoginToken)) {
          throw new LoginError('UNEXPECTED', `Telegram answered the QR login with ${result.className}.`);
        }
        const now = Date.now();
        if (now >= deadline) {
          throw new LoginError('QR_TIMEOUT', 'The QR code was not scanned in time. Run `npm run login` again.');
        }
        onQr(`tg://login?token=${Buffer.from(result.token).toString('base64url')}`, new Date(result.expires * 1000));
        const untilExpiry = Math.min(Math.max(result.expires * 1000 - now, MIN_QR_WAIT_MS), MAX_QR_WAIT_MS);
        await scan.wait(Math.min(untilExpiry, deadline - now));
      }
    } finally {
      scan.cancel();
      this.client.removeEventHandler(handler, event);
    }
  }

  private async byPassword(): Promise<Api.User> {
    this.notice('This account has two-step verification: its password is needed.');
    const auth = await this.withRetries('password', async () => {
      // Each account.getPassword carries a fresh SRP challenge; one is good for one check only.
      const info = await this.net('start the password check', this.client.invoke(new Api.account.GetPassword()));
      const password = await this.ask(() => this.opts.prompts.password(info.hint ?? undefined));
      // Spaces may belong to a password, so it is used exactly as typed.
      if (!password) throw new LoginError('PASSWORD_EMPTY', 'No password was entered.', 'password');
      const check = await computeCheck(info, password);
      return this.net('check the password', this.client.invoke(new Api.auth.CheckPassword({ password: check })));
    });
    return userOf(auth);
  }

  /** Runs `attempt` again while it fails with an error the owner can fix by answering `step` again. */
  private async withRetries<T>(step: RetryStep, attempt: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt();
      } catch (err) {
        const failure = toLoginError(err);
        if (failure.retry !== step || tries >= this.maxAttempts) throw failure;
        const left = this.maxAttempts - tries;
        this.notice(`${failure.message} ${left === 1 ? 'One try' : `${left} tries`} left.`);
      }
    }
  }

  /** A prompt that fails (closed terminal, Ctrl+C) cancels the login instead of counting as a wrong answer. */
  private async ask(prompt: () => Promise<string>): Promise<string> {
    try {
      return await prompt();
    } catch (err) {
      throw new LoginError('CANCELLED', 'The login was cancelled.', undefined, { cause: err });
    }
  }

  private notice(message: string): void {
    this.opts.prompts.notice?.(message);
  }
}

function userOf(auth: Api.auth.TypeAuthorization): Api.User {
  if (auth instanceof Api.auth.AuthorizationSignUpRequired) {
    throw new LoginError(
      'PHONE_NUMBER_UNOCCUPIED',
      'No Telegram account uses this phone number. Sign up in a Telegram app first.',
    );
  }
  if (!(auth.user instanceof Api.User)) {
    throw new LoginError('UNEXPECTED', 'Telegram logged in but did not say which account.');
  }
  return auth.user;
}

/** Wakes the QR loop when the owner's app reports the scan (updateLoginToken), or when the code expires. */
class ScanSignal {
  private fired = false;
  private wake: (() => void) | undefined;

  fire(): void {
    this.fired = true;
    this.wake?.();
  }

  async wait(ms: number): Promise<void> {
    if (!this.fired) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, ms));
        this.wake = done;
      });
    }
    this.fired = false;
  }

  cancel(): void {
    this.wake?.();
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LoginError('NETWORK', message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
