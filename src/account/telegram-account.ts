import { Api, TelegramClient } from 'telegram';
import { Raw } from 'telegram/events';
import { returnBigInt } from 'telegram/Helpers';
import { StringSession } from 'telegram/sessions';
import { AccountError } from '../domain/account-error';
import type { AccountPort } from '../domain/account-port';
import type { AccountUser, Session } from '../domain/session';
import { toInt64 } from '../domain/session-hash';
import type { Logger } from '../log';
import { quietGramjsLogger } from './gramjs-logger';
import { toAccountError } from './map-error';
import { toAccountUser, toSession } from './map-session';
import { socketDialingSessionPort, sessionPort } from './session-socket';

export interface AccountClientOptions {
  readonly apiId: number;
  readonly apiHash: string;
  /** A gramjs StringSession. Never logged. */
  readonly session: string;
  readonly logger: Logger;
  /** How long start-up waits for the first connection before reporting the companion unreachable. */
  readonly connectTimeoutMs?: number;
  /** A request Telegram never answers must not hold the bot's update loop forever. */
  readonly requestTimeoutMs?: number;
}

/** What Telegram pushes when a new login appears (`updateNewAuthorization`). */
export interface NewLoginPush {
  readonly hash: bigint;
  readonly unconfirmed: boolean;
  readonly date: number | undefined;
  readonly device: string | undefined;
  readonly location: string | undefined;
}

export const LOGIN_HINT = 'Run `npm run login` on the server to log the companion in again, then restart session-warden.';

/**
 * The companion user-account client: the only code that talks MTProto. It logs in with the owner's
 * StringSession and does what bots cannot: list and end the account's sessions.
 */
export class TelegramAccount implements AccountPort {
  private readonly client: TelegramClient;
  private readonly log: Logger;
  private readonly connectTimeoutMs: number;
  private readonly requestTimeoutMs: number;
  private loggedOut = false;

  constructor(options: AccountClientOptions) {
    this.log = options.logger.child({ part: 'account' });
    this.connectTimeoutMs = options.connectTimeoutMs ?? 20_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.client = new TelegramClient(new StringSession(options.session), options.apiId, options.apiHash, {
      // Every owner action must answer at once and honestly: a FLOOD_WAIT becomes a reply that says how
      // long to wait, never a silent sleep inside the request while the owner watches a spinner.
      floodSleepThreshold: 0,
      // A guard must come back by itself after any outage, so reconnection never gives up (gramjs
      // also uses this count for reconnects). Start-up does not hang on it: see connectTimeoutMs.
      connectionRetries: Infinity,
      retryDelay: 2000,
      autoReconnect: true,
      // 5xx answers are retried by gramjs itself; a few tries cover a blip without stalling the bot.
      requestRetries: 3,
      networkSocket: socketDialingSessionPort(sessionPort(options.session)),
      baseLogger: quietGramjsLogger(this.log),
    });
  }

  /** Connects and proves the session is logged in (users.getUsers([inputUserSelf])). */
  async connect(): Promise<AccountUser> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AccountError({ kind: 'unreachable' }, 'NETWORK', 'could not reach Telegram in time')),
        this.connectTimeoutMs,
      );
    });
    try {
      await Promise.race([this.client.connect(), timeout]);
    } catch (err) {
      throw toAccountError(err);
    } finally {
      clearTimeout(timer);
    }
    // gramjs only starts delivering updates after a high-level call once connected.
    return this.me();
  }

  /** Stops the update loop and closes the connection. */
  async disconnect(): Promise<void> {
    await this.client.destroy().catch((err: unknown) => this.log.warn({ err }, 'closing the companion failed'));
  }

  get isLoggedOut(): boolean {
    return this.loggedOut;
  }

  /** users.getUsers([inputUserSelf]) */
  async me(): Promise<AccountUser> {
    const users = await this.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
    const self = users[0];
    if (!(self instanceof Api.User)) {
      throw this.markLoggedOut(new AccountError({ kind: 'logged_out' }, 'AUTH_KEY_UNREGISTERED', 'the session is not logged in'));
    }
    return toAccountUser(self);
  }

  /** account.getAuthorizations */
  async listSessions(): Promise<Session[]> {
    const result = await this.invoke(new Api.account.GetAuthorizations());
    return result.authorizations.map(toSession);
  }

  /** account.resetAuthorization */
  async revoke(hash: bigint): Promise<void> {
    await this.invoke(new Api.account.ResetAuthorization({ hash: toGramjsLong(hash) }));
  }

  /** auth.resetAuthorizations */
  async revokeAll(): Promise<void> {
    await this.invoke(new Api.auth.ResetAuthorizations());
  }

  /** Calls `listener` for every updateNewAuthorization Telegram pushes. Returns an unsubscribe. */
  onNewLogin(listener: (push: NewLoginPush) => void): () => void {
    const handler = (update: unknown): void => {
      // Raw handlers also receive connection-state events.
      if (!(update instanceof Api.UpdateNewAuthorization)) return;
      listener({
        hash: toInt64(update.hash),
        unconfirmed: Boolean(update.unconfirmed),
        date: update.date,
        device: update.device,
        location: update.location,
      });
    };
    const event = new Raw({});
    this.client.addEventHandler(handler, event);
    return () => this.client.removeEventHandler(handler, event);
  }

  /** Every request goes through here: one timeout, one error mapping, one logged-out state. */
  private async invoke<R extends Api.AnyRequest>(request: R): Promise<R['__response']> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AccountError({ kind: 'unreachable' }, 'TIMEOUT', `Telegram did not answer ${request.className} in time`),
          ),
        this.requestTimeoutMs,
      );
    });
    try {
      return await Promise.race([this.client.invoke(request), timeout]);
    } catch (err) {
      const mapped = toAccountError(err);
      this.log.debug({ method: request.className, code: mapped.code }, 'account request failed');
      throw mapped.failure.kind === 'logged_out' ? this.markLoggedOut(mapped) : mapped;
    } finally {
      clearTimeout(timer);
    }
  }

  private markLoggedOut(err: AccountError): AccountError {
    if (!this.loggedOut) this.log.error({ code: err.code }, 'the companion session is no longer logged in');
    this.loggedOut = true;
    return err;
  }
}

export function createAccountClient(options: AccountClientOptions): TelegramAccount {
  return new TelegramAccount(options);
}

/** gramjs wants its own big-integer for `long`; build it from decimal text so no bit is lost. */
function toGramjsLong(hash: bigint): Api.long {
  return returnBigInt(hash.toString(10));
}
