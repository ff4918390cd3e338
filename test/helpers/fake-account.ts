import { AccountError, type AccountFailure } from '../../src/domain/account-error';
import type { AccountPort } from '../../src/domain/account-port';
import type { ConnectedBot } from '../../src/domain/connected-bot';
import type { PasswordState } from '../../src/domain/password-state';
import type { AccountUser, Session } from '../../src/domain/session';
import type { WebSession } from '../../src/domain/web-session';

export type AccountMethod =
  | 'me'
  | 'listSessions'
  | 'revoke'
  | 'revokeAll'
  | 'listWebSessions'
  | 'revokeWebSession'
  | 'revokeAllWebSessions'
  | 'getSessionTtlDays'
  | 'setSessionTtlDays'
  | 'confirm'
  | 'getPassword'
  | 'declinePasswordReset'
  | 'invalidateSignInCodes'
  | 'listConnectedBots'
  | 'disconnectBot';

/** An in-memory account: records each call and its exact arguments, and can be told to fail. */
export class FakeAccount implements AccountPort {
  readonly calls: Array<{ method: AccountMethod; hash?: bigint; days?: number; codes?: readonly string[] }> = [];
  webSessions: WebSession[] = [];
  password: PasswordState = NO_PASSWORD;
  connectedBots: ConnectedBot[] = [];
  ttlDays = 180;
  private readonly failures = new Map<AccountMethod, AccountError>();

  constructor(
    public sessions: Session[] = [],
    readonly self: AccountUser = { id: 42, firstName: 'Owner' },
  ) {}

  failNext(method: AccountMethod, failure: AccountFailure, code: string): void {
    this.failures.set(method, new AccountError(failure, code, `injected ${code}`));
  }

  private check(method: AccountMethod): void {
    const err = this.failures.get(method);
    if (err) {
      this.failures.delete(method);
      throw err;
    }
  }

  async me(): Promise<AccountUser> {
    this.calls.push({ method: 'me' });
    this.check('me');
    return this.self;
  }

  async listSessions(): Promise<Session[]> {
    this.calls.push({ method: 'listSessions' });
    this.check('listSessions');
    return [...this.sessions];
  }

  async revoke(hash: bigint): Promise<void> {
    this.calls.push({ method: 'revoke', hash });
    this.check('revoke');
    if (!this.sessions.some((s) => s.hash === hash && !s.current)) {
      throw new AccountError({ kind: 'hash_invalid' }, 'HASH_INVALID', 'no such session');
    }
    this.sessions = this.sessions.filter((s) => s.hash !== hash);
  }

  async revokeAll(): Promise<void> {
    this.calls.push({ method: 'revokeAll' });
    this.check('revokeAll');
    this.sessions = this.sessions.filter((s) => s.current);
  }

  async listWebSessions(): Promise<WebSession[]> {
    this.calls.push({ method: 'listWebSessions' });
    this.check('listWebSessions');
    return [...this.webSessions];
  }

  async revokeWebSession(hash: bigint): Promise<void> {
    this.calls.push({ method: 'revokeWebSession', hash });
    this.check('revokeWebSession');
    if (!this.webSessions.some((w) => w.hash === hash)) {
      throw new AccountError({ kind: 'hash_invalid' }, 'HASH_INVALID', 'no such web session');
    }
    this.webSessions = this.webSessions.filter((w) => w.hash !== hash);
  }

  async revokeAllWebSessions(): Promise<void> {
    this.calls.push({ method: 'revokeAllWebSessions' });
    this.check('revokeAllWebSessions');
    this.webSessions = [];
  }

  async getSessionTtlDays(): Promise<number> {
    this.calls.push({ method: 'getSessionTtlDays' });
    this.check('getSessionTtlDays');
    return this.ttlDays;
  }

  async setSessionTtlDays(days: number): Promise<void> {
    this.calls.push({ method: 'setSessionTtlDays', days });
    this.check('setSessionTtlDays');
    this.ttlDays = days;
  }

  async confirm(hash: bigint): Promise<void> {
    this.calls.push({ method: 'confirm', hash });
    this.check('confirm');
    this.sessions = this.sessions.map((s) => (s.hash === hash ? { ...s, unconfirmed: false } : s));
  }

  async getPassword(): Promise<PasswordState> {
    this.calls.push({ method: 'getPassword' });
    this.check('getPassword');
    return this.password;
  }

  async declinePasswordReset(): Promise<void> {
    this.calls.push({ method: 'declinePasswordReset' });
    this.check('declinePasswordReset');
    if (this.password.pendingResetDate === undefined) {
      throw new AccountError({ kind: 'other' }, 'RESET_REQUEST_MISSING', 'no reset is pending');
    }
    this.password = { ...this.password, pendingResetDate: undefined };
  }

  async invalidateSignInCodes(codes: readonly string[]): Promise<void> {
    this.calls.push({ method: 'invalidateSignInCodes', codes });
    this.check('invalidateSignInCodes');
  }

  async listConnectedBots(): Promise<ConnectedBot[]> {
    this.calls.push({ method: 'listConnectedBots' });
    this.check('listConnectedBots');
    return [...this.connectedBots];
  }

  async disconnectBot(botId: bigint): Promise<void> {
    this.calls.push({ method: 'disconnectBot', hash: botId });
    this.check('disconnectBot');
    if (!this.connectedBots.some((b) => b.botId === botId)) {
      throw new AccountError({ kind: 'other' }, 'BOT_NOT_CONNECTED', 'no such bot');
    }
    this.connectedBots = this.connectedBots.filter((b) => b.botId !== botId);
  }

  /** Calls that change something on the account. */
  get changes(): Array<{ method: AccountMethod; hash?: bigint; days?: number }> {
    const changing: AccountMethod[] = [
      'revoke',
      'revokeAll',
      'revokeWebSession',
      'revokeAllWebSessions',
      'setSessionTtlDays',
      'declinePasswordReset',
      'invalidateSignInCodes',
      'disconnectBot',
    ];
    return this.calls.filter((c) => changing.includes(c.method));
  }
}

/** An account without two-step verification. */
export const NO_PASSWORD: PasswordState = {
  hasPassword: false,
  hasRecovery: false,
  hint: undefined,
  emailUnconfirmedPattern: undefined,
  loginEmailPattern: undefined,
  pendingResetDate: undefined,
  algoFingerprint: undefined,
};

const NOW_S = 1_780_000_000;

export function makeSession(overrides: Partial<Session> = {}): Session {
  return {
    hash: 1n,
    deviceModel: 'Pixel 8',
    platform: 'Android',
    systemVersion: '14',
    appName: 'Telegram Android',
    appVersion: '11.2.3',
    apiId: 6,
    officialApp: true,
    ip: '203.0.113.7',
    country: 'Germany',
    region: 'Berlin',
    dateCreated: NOW_S - 86_400 * 10,
    dateActive: NOW_S - 300,
    current: false,
    passwordPending: false,
    unconfirmed: false,
    ...overrides,
  };
}

export const TEST_NOW_MS = NOW_S * 1000;

export function makeWebSession(overrides: Partial<WebSession> = {}): WebSession {
  return {
    hash: 1n,
    domain: 'example.org',
    bot: '@example_login_bot',
    browser: 'Firefox 128',
    platform: 'Linux',
    ip: '198.51.100.4',
    region: 'Paris, France',
    dateCreated: NOW_S - 86_400 * 3,
    dateActive: NOW_S - 3_600,
    ...overrides,
  };
}

export function companionSession(overrides: Partial<Session> = {}): Session {
  return makeSession({
    hash: 0n,
    current: true,
    deviceModel: 'session-warden',
    appName: 'session-warden',
    appVersion: '0.1.0',
    officialApp: false,
    apiId: 12345,
    dateActive: NOW_S,
    ...overrides,
  });
}
