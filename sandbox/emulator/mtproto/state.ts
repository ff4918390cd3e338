import type { SrpVerifier } from './srp';
import type {
  EmulatedConnectedBot,
  EmulatedPasswordDetails,
  EmulatedSelf,
  EmulatedSession,
  EmulatedWebSession,
  InjectedError,
  MtprotoEmulatorOptions,
  RecordedCall,
  RecordedInitConnection,
} from './types';

const DAY = 24 * 60 * 60;

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Values the official apps offer for the session TTL: 1 week, 1, 3 and 6 months, 1 year. */
export const DEFAULT_ACCEPTED_TTL_DAYS = [7, 30, 90, 180, 365];

export function defaultSession(hash: bigint, overrides: Partial<EmulatedSession> = {}): EmulatedSession {
  const now = nowSeconds();
  return {
    hash,
    deviceModel: 'Emulated device',
    platform: 'Android',
    systemVersion: 'SDK 34',
    apiId: 6,
    appName: 'Telegram Android',
    appVersion: '11.0.0',
    // Telegram Android (api_id 6) is one of Telegram's own apps, as the real server flags it.
    officialApp: true,
    dateCreated: now - DAY,
    dateActive: now,
    ip: '203.0.113.7',
    country: 'Netherlands',
    region: 'North Holland',
    ...overrides,
  };
}

/** Raised by handlers; becomes an rpc_error on the wire. */
export class RpcFailure extends Error {
  constructor(
    readonly code: number,
    readonly errorMessage: string,
  ) {
    super(`${code} ${errorMessage}`);
  }
}

/** A token from auth.exportLoginToken, waiting for the owner's app to scan it. */
export interface LoginToken {
  token: Buffer;
  /** auth_key_id (hex) of the key that asked for it: only that key may complete the login. */
  keyIdHex: string;
  /** Unix seconds. */
  expires: number;
  accepted: boolean;
}

interface Waiter {
  method: string;
  predicate: ((call: RecordedCall) => boolean) | undefined;
  resolve: (call: RecordedCall) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/** The scriptable account the emulator serves: sessions, faults and the record of calls. */
export class EmulatorState {
  self: EmulatedSelf;
  companion: EmulatedSession;
  sessions: EmulatedSession[];
  webSessions: EmulatedWebSession[];
  authorizationTtlDays: number;
  acceptedTtlDays: number[];
  pts = 1;
  revoked = false;
  /** What a revoked companion's calls fail with: Telegram says AUTH_KEY_DUPLICATED when two programs used the key at once. */
  revokedWith: { code: number; message: string } = { code: 401, message: 'AUTH_KEY_UNREGISTERED' };
  loginCode: string;
  /** Set when the account has two-step verification; created asynchronously by the server. */
  password: SrpVerifier | undefined;
  passwordDetails: EmulatedPasswordDetails;
  connectedBots: EmulatedConnectedBot[];
  /** Every code account.invalidateSignInCodes was given, in order. */
  readonly invalidatedCodes: string[] = [];
  loginTokenTtlSeconds: number;
  loginTokens: LoginToken[] = [];
  readonly calls: RecordedCall[] = [];
  /** Every initConnection wrapper seen, oldest first (gramjs sends one per new connection). */
  readonly initConnections: RecordedInitConnection[] = [];
  readonly dropNext = new Map<string, number>();
  private readonly errors = new Map<string, InjectedError[]>();
  private waiters: Waiter[] = [];

  constructor(opts: MtprotoEmulatorOptions) {
    const now = nowSeconds();
    this.self = {
      id: 6_000_000_001n,
      firstName: 'Emulated',
      username: 'emulated_owner',
      phone: '15550100001',
      ...opts.self,
    };
    this.companion = {
      ...defaultSession(0n, {
        deviceModel: 'session-warden',
        platform: 'Node.js',
        systemVersion: 'Linux',
        apiId: 1,
        appName: 'session-warden',
        appVersion: '0.1.0',
        dateCreated: now - 30 * DAY,
        ip: '127.0.0.1',
      }),
      ...opts.companion,
      hash: 0n,
      current: true,
    };
    this.sessions = (opts.sessions ?? []).map((s) => ({ ...s }));
    this.webSessions = (opts.webSessions ?? []).map((s) => ({ ...s }));
    this.authorizationTtlDays = opts.authorizationTtlDays ?? 180;
    this.acceptedTtlDays = opts.acceptedTtlDays ?? DEFAULT_ACCEPTED_TTL_DAYS;
    this.loginCode = opts.loginCode ?? '12345';
    this.loginTokenTtlSeconds = opts.loginTokenTtlSeconds ?? 30;
    this.passwordDetails = { ...opts.passwordDetails };
    this.connectedBots = (opts.connectedBots ?? []).map((b) => ({ ...b }));
  }

  /** Telegram refuses to end other sessions from one younger than 24 h. */
  assertCompanionMayReset(): void {
    if (nowSeconds() - this.companion.dateCreated < DAY) {
      throw new RpcFailure(406, 'FRESH_RESET_AUTHORISATION_FORBIDDEN');
    }
  }

  injectError(method: string, err: InjectedError): void {
    const list = this.errors.get(method) ?? [];
    list.push({ ...err });
    this.errors.set(method, list);
  }

  clearErrors(method?: string): void {
    if (method === undefined) this.errors.clear();
    else this.errors.delete(method);
  }

  takeInjectedError(method: string): InjectedError | undefined {
    const list = this.errors.get(method);
    const head = list?.[0];
    if (!list || !head) return undefined;
    if (!head.persistent) {
      const left = (head.times ?? 1) - 1;
      if (left <= 0) list.shift();
      else head.times = left;
      if (list.length === 0) this.errors.delete(method);
    }
    return head;
  }

  takeDrop(method: string): boolean {
    const n = this.dropNext.get(method);
    if (!n) return false;
    if (n <= 1) this.dropNext.delete(method);
    else this.dropNext.set(method, n - 1);
    return true;
  }

  record(method: string, args: Record<string, unknown>): RecordedCall {
    const call: RecordedCall = { method, args, at: Date.now() };
    this.calls.push(call);
    const ready = this.waiters.filter((w) => w.method === method && (!w.predicate || w.predicate(call)));
    for (const w of ready) {
      clearTimeout(w.timer);
      w.resolve(call);
    }
    if (ready.length) this.waiters = this.waiters.filter((w) => !ready.includes(w));
    return call;
  }

  waitForCall(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const seen = this.calls.find((c) => c.method === method && (!predicate || predicate(c)));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new Error(`no ${method} call within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  dispose(): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error('emulator stopped'));
    }
    this.waiters = [];
  }
}
