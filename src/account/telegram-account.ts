// account/ — the companion: gramjs lives here and nowhere else; maps Telegram objects to domain types.
import { Api, TelegramClient } from 'telegram';
import { Raw } from 'telegram/events';
import { returnBigInt } from 'telegram/Helpers';
import type { StringSession } from 'telegram/sessions';
import { companionSession } from './session-store';
import { AccountError } from '../domain/account-error';
import type { AccountWatchPort, CompanionStatus, NewLoginPush, ServiceMessageMeta } from '../domain/account-port';
import type { ConnectedBot } from '../domain/connected-bot';
import type { PasswordState } from '../domain/password-state';
import type { AccountUser, Session } from '../domain/session';
import type { WebSession } from '../domain/web-session';
import { toInt64 } from '../domain/session-hash';
import type { Logger } from '../core/log';
import { companionIdentity } from './client-identity';
import { quietGramjsLogger } from './gramjs-logger';
import { inputBotOf, toConnectedBots } from './map-connected-bot';
import { toAccountError } from './map-error';
import { toPasswordState } from './map-password';
import { toAccountUser, toSession } from './map-session';
import { toWebSessions } from './map-web-session';
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

export type { NewLoginPush };

/** Telegram's service account, which writes "New login" notices. */
const SERVICE_USER_ID = '777000';
/** Telegram's own apps fall back to a week when the app config does not say. */
const DEFAULT_AUTOCONFIRM_SECONDS = 7 * 86_400;

export const LOGIN_HINT = 'Run `npm run login` on the server to log the companion in again, then restart session-warden.';

/**
 * The companion user-account client: the only code that talks MTProto. It logs in with the owner's
 * StringSession and does what bots cannot: list and end the account's sessions.
 */
export class TelegramAccount implements AccountWatchPort {
  private readonly client: TelegramClient;
  private readonly log: Logger;
  private readonly connectTimeoutMs: number;
  private readonly requestTimeoutMs: number;
  private loggedOut = false;
  private loggedOutCode: string | undefined;
  private readonly loggedOutListeners = new Set<(code: string) => void>();
  private autoconfirm: number | undefined;
  /** Connection truth from requests: when Telegram last answered, and since when nothing does. */
  private lastAnswerAt = 0;
  private unreachableSince: number | undefined;
  private connecting: Promise<unknown> | undefined;

  constructor(options: AccountClientOptions) {
    this.log = options.logger.child({ part: 'account' });
    this.connectTimeoutMs = options.connectTimeoutMs ?? 20_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.client = new TelegramClient(parseSession(options.session), options.apiId, options.apiHash, {
      // Named as the guard in the owner's Devices list (initConnection), so nobody ends it by mistake.
      ...companionIdentity(),
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

  /**
   * Connects and proves the session is logged in (users.getUsers([inputUserSelf])). Rejects with an
   * `unreachable` AccountError after connectTimeoutMs; gramjs keeps dialling meanwhile, and calling
   * connect() again waits on that same attempt rather than starting a second one.
   */
  async connect(): Promise<AccountUser> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AccountError({ kind: 'unreachable' }, 'NETWORK', 'could not reach Telegram in time')),
        this.connectTimeoutMs,
      );
    });
    const startedAt = Date.now();
    try {
      this.connecting ??= this.client.connect().finally(() => (this.connecting = undefined));
      await Promise.race([this.connecting, timeout]);
    } catch (err) {
      throw this.noteOutcome(startedAt, toAccountError(err));
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

  /** account.getWebAuthorizations */
  async listWebSessions(): Promise<WebSession[]> {
    return toWebSessions(await this.invoke(new Api.account.GetWebAuthorizations()));
  }

  /** account.resetWebAuthorization */
  async revokeWebSession(hash: bigint): Promise<void> {
    await this.invoke(new Api.account.ResetWebAuthorization({ hash: toGramjsLong(hash) }));
  }

  /** account.resetWebAuthorizations */
  async revokeAllWebSessions(): Promise<void> {
    await this.invoke(new Api.account.ResetWebAuthorizations());
  }

  /** Telegram has no getter for the TTL alone: it comes with the session list. */
  async getSessionTtlDays(): Promise<number> {
    return (await this.invoke(new Api.account.GetAuthorizations())).authorizationTtlDays;
  }

  /** account.setAuthorizationTTL */
  async setSessionTtlDays(days: number): Promise<void> {
    await this.invoke(new Api.account.SetAuthorizationTTL({ authorizationTtlDays: days }));
  }

  /** account.changeAuthorizationSettings(hash, confirmed: true) */
  async confirm(hash: bigint): Promise<void> {
    await this.invoke(new Api.account.ChangeAuthorizationSettings({ hash: toGramjsLong(hash), confirmed: true }));
  }

  /** account.getPassword; the SRP challenge it carries is dropped by the mapper. */
  async getPassword(): Promise<PasswordState> {
    return toPasswordState(await this.invoke(new Api.account.GetPassword()));
  }

  /** account.declinePasswordReset */
  async declinePasswordReset(): Promise<void> {
    await this.invoke(new Api.account.DeclinePasswordReset());
  }

  /** account.invalidateSignInCodes */
  async invalidateSignInCodes(codes: readonly string[]): Promise<void> {
    await this.invoke(new Api.account.InvalidateSignInCodes({ codes: [...codes] }));
  }

  /** account.getConnectedBots */
  async listConnectedBots(): Promise<ConnectedBot[]> {
    return toConnectedBots(await this.invoke(new Api.account.GetConnectedBots()));
  }

  /**
   * account.updateConnectedBot with `deleted`. The bot's access_hash comes from a fresh
   * account.getConnectedBots; a bot that is no longer listed fails with BOT_NOT_CONNECTED.
   */
  async disconnectBot(botId: bigint): Promise<void> {
    const bot = inputBotOf(await this.invoke(new Api.account.GetConnectedBots()), botId);
    if (!bot) throw new AccountError({ kind: 'other' }, 'BOT_NOT_CONNECTED', 'that bot is not connected to the account');
    await this.invoke(
      new Api.account.UpdateConnectedBot({ deleted: true, bot, recipients: new Api.InputBusinessBotRecipients({}) }),
    );
  }

  /** updates.getState: the cheapest authorized call, to notice a lost session within seconds. */
  async probe(): Promise<'ok' | 'reconnected'> {
    try {
      await this.invoke(new Api.updates.GetState(), Math.min(PROBE_TIMEOUT_MS, this.requestTimeoutMs));
      return 'ok';
    } catch (err) {
      if (!(err instanceof AccountError) || err.code !== 'TIMEOUT') throw err;
    }
    // No answer on an open socket: gramjs would notice only at its next ping (up to about 40 s),
    // and pushes sent meanwhile are lost. Replace the link the way gramjs does after a failed ping.
    this.log.warn('the MTProto link stopped answering; reconnecting now');
    (this.client as unknown as { _sender?: { reconnect(): void } })._sender?.reconnect();
    await this.invoke(new Api.updates.GetState(), Math.min(PROBE_TIMEOUT_MS, this.requestTimeoutMs));
    return 'reconnected';
  }

  /** help.getAppConfig's authorization_autoconfirm_period, read once. */
  async autoconfirmPeriodSeconds(): Promise<number> {
    if (this.autoconfirm !== undefined) return this.autoconfirm;
    try {
      const result = await this.invoke(new Api.help.GetAppConfig({ hash: 0 }));
      const config = result instanceof Api.help.AppConfig ? result.config : undefined;
      const entry = config instanceof Api.JsonObject ? config.value.find((v) => v.key === 'authorization_autoconfirm_period') : undefined;
      this.autoconfirm = entry?.value instanceof Api.JsonNumber ? entry.value.value : DEFAULT_AUTOCONFIRM_SECONDS;
    } catch {
      this.autoconfirm = DEFAULT_AUTOCONFIRM_SECONDS;
    }
    return this.autoconfirm;
  }

  /** From the outcome of real requests (the watcher probes every few seconds), not gramjs's socket flag. */
  status(): CompanionStatus {
    const since = this.loggedOut ? undefined : this.unreachableSince;
    return {
      connected: this.client.connected === true && !this.loggedOut && since === undefined,
      loggedOut: this.loggedOut,
      ...(since === undefined ? {} : { unreachableSince: since }),
      ...(this.loggedOutCode ? { loggedOutCode: this.loggedOutCode } : {}),
    };
  }

  onLoggedOut(listener: (code: string) => void): () => void {
    this.loggedOutListeners.add(listener);
    return () => this.loggedOutListeners.delete(listener);
  }

  /** Texts of messages from 777000, however Telegram wraps them. */
  onServiceMessage(listener: (text: string, message: ServiceMessageMeta) => void): () => void {
    const handler = (update: unknown): void => {
      if (update instanceof Api.UpdateShortMessage && update.userId.toString() === SERVICE_USER_ID) {
        listener(update.message, { id: update.id, date: update.date });
      } else if (
        update instanceof Api.UpdateNewMessage &&
        update.message instanceof Api.Message &&
        update.message.peerId instanceof Api.PeerUser &&
        update.message.peerId.userId.toString() === SERVICE_USER_ID
      ) {
        listener(update.message.message, { id: update.message.id, date: update.message.date });
      }
    };
    const event = new Raw({});
    this.client.addEventHandler(handler, event);
    return () => this.client.removeEventHandler(handler, event);
  }

  /** Calls `listener` with the `type` of every updateServiceNotification Telegram pushes. Returns an unsubscribe. */
  onServiceNotification(listener: (type: string) => void): () => void {
    const handler = (update: unknown): void => {
      if (update instanceof Api.UpdateServiceNotification) listener(update.type);
    };
    const event = new Raw({});
    this.client.addEventHandler(handler, event);
    return () => this.client.removeEventHandler(handler, event);
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
  private async invoke<R extends Api.AnyRequest>(request: R, timeoutMs = this.requestTimeoutMs): Promise<R['__response']> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AccountError({ kind: 'unreachable' }, 'TIMEOUT', `Telegram did not answer ${request.className} in time`),
          ),
        timeoutMs,
      );
    });
    const startedAt = Date.now();
    try {
      const result = await Promise.race([this.client.invoke(request), timeout]);
      this.noteOutcome(startedAt);
      return result;
    } catch (err) {
      const mapped = this.noteOutcome(startedAt, toAccountError(err));
      this.log.debug({ method: request.className, code: mapped.code }, 'account request failed');
      throw mapped.failure.kind === 'logged_out' ? this.markLoggedOut(mapped) : mapped;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Any answer from Telegram, an RPC error included, proves it is reachable. A request that could not
   * reach it starts an outage dated from when that request was sent, unless a later one got through.
   */
  private noteOutcome(startedAt: number): void;
  private noteOutcome(startedAt: number, err: AccountError): AccountError;
  private noteOutcome(startedAt: number, err?: AccountError): AccountError | undefined {
    if (err?.failure.kind !== 'unreachable') {
      this.lastAnswerAt = Date.now();
      if (this.unreachableSince !== undefined) this.log.info('the companion reaches Telegram again');
      this.unreachableSince = undefined;
    } else if (this.unreachableSince === undefined && this.lastAnswerAt <= startedAt) {
      this.unreachableSince = startedAt;
      this.log.warn({ code: err.code }, 'the companion cannot reach Telegram; gramjs keeps reconnecting');
    }
    return err;
  }

  private markLoggedOut(err: AccountError): AccountError {
    if (!this.loggedOut) {
      this.loggedOut = true;
      this.loggedOutCode = err.code;
      this.log.error({ code: err.code }, 'the companion session is no longer logged in');
      for (const listener of this.loggedOutListeners) listener(err.code);
    }
    return err;
  }
}

/**
 * How long the health probe waits for updates.getState (ms). Short, so a dead link is found within
 * seconds; the probe only proves the link, and a slow answer is worth a new link anyway.
 */
const PROBE_TIMEOUT_MS = 3_000;

/** AccountError code for a session string gramjs cannot parse (not base64, wrong version): a restart cannot fix it. */
export const SESSION_MALFORMED = 'SESSION_MALFORMED';

function parseSession(session: string): StringSession {
  try {
    return companionSession(session);
  } catch {
    // gramjs's own message ("Not a valid string") says nothing useful, and the value is a secret.
    throw new AccountError({ kind: 'logged_out' }, SESSION_MALFORMED, 'the session string is malformed');
  }
}

/** Throws an AccountError with code SESSION_MALFORMED when `options.session` cannot be parsed. */
export function createAccountClient(options: AccountClientOptions): TelegramAccount {
  return new TelegramAccount(options);
}

/** gramjs wants its own big-integer for `long`; build it from decimal text so no bit is lost. */
function toGramjsLong(hash: bigint): Api.long {
  return returnBigInt(hash.toString(10));
}
