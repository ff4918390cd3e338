import { Api } from 'telegram';
import { EmulatorState, RpcFailure, nowSeconds } from './state';
import { fromLong, toLong, type TlObject, type TlResult } from './tl';
import type { EmulatedSession, EmulatedWebSession } from './types';

/** RPC method handlers: each turns a decoded gramjs request into Api objects built from the state. */

export const SERVICE_USER_ID = 777000n;

/** The auth key a request came in on: what it may call depends on whether it has logged in. */
export interface CallerKey {
  /** auth_key_id as hex. */
  readonly keyIdHex: string;
  readonly loggedIn: boolean;
  /** The code or QR step is done and Telegram now waits for the two-step verification password. */
  passwordPending: boolean;
  /** The last auth.sendCode on this key: only its phone_code_hash is accepted by auth.signIn. */
  sentCode: { phone: string; hash: string } | undefined;
  /** Marks the key logged in (and, after revokeCompanion(), makes it the account's only companion). */
  logIn(): void;
}

export interface HandlerContext {
  state: EmulatorState;
  host: string;
  port: number;
  dcId: number;
  caller: CallerKey;
}

type Handler = (req: TlObject, ctx: HandlerContext) => TlResult;

const field = (req: TlObject, name: string): unknown => (req as unknown as Record<string, unknown>)[name];

export function selfUser(state: EmulatorState): Api.User {
  const s = state.self;
  return new Api.User({
    self: true,
    id: toLong(s.id),
    accessHash: toLong(0n),
    firstName: s.firstName,
    lastName: s.lastName,
    username: s.username,
    phone: s.phone,
    status: new Api.UserStatusOnline({ expires: nowSeconds() + 300 }),
  });
}

export function serviceUser(): Api.User {
  return new Api.User({
    verified: true,
    support: true,
    id: toLong(SERVICE_USER_ID),
    accessHash: toLong(0n),
    firstName: 'Telegram',
    phone: '42777',
  });
}

function botUser(web: EmulatedWebSession): Api.User {
  return new Api.User({
    bot: true,
    id: toLong(web.botId),
    accessHash: toLong(0n),
    firstName: web.botName ?? web.domain,
    username: web.botUsername ?? `${web.domain.replace(/[^a-z0-9]/gi, '_')}_bot`,
    botInfoVersion: 1,
  });
}

export function authorizationOf(s: EmulatedSession): Api.Authorization {
  return new Api.Authorization({
    current: s.current,
    officialApp: s.officialApp,
    passwordPending: s.passwordPending,
    unconfirmed: s.unconfirmed,
    encryptedRequestsDisabled: s.encryptedRequestsDisabled,
    callRequestsDisabled: s.callRequestsDisabled,
    hash: toLong(s.hash),
    deviceModel: s.deviceModel,
    platform: s.platform,
    systemVersion: s.systemVersion,
    apiId: s.apiId,
    appName: s.appName,
    appVersion: s.appVersion,
    dateCreated: s.dateCreated,
    dateActive: s.dateActive,
    ip: s.ip,
    country: s.country,
    region: s.region,
  });
}

function webAuthorizationOf(w: EmulatedWebSession): Api.WebAuthorization {
  return new Api.WebAuthorization({
    hash: toLong(w.hash),
    botId: toLong(w.botId),
    domain: w.domain,
    browser: w.browser,
    platform: w.platform,
    dateCreated: w.dateCreated,
    dateActive: w.dateActive,
    ip: w.ip,
    region: w.region,
  });
}

function userFor(input: unknown, state: EmulatorState): Api.TypeUser {
  if (input instanceof Api.InputUserSelf) return selfUser(state);
  const id = input instanceof Api.InputUser || input instanceof Api.InputPeerUser ? fromLong(input.userId) : undefined;
  if (id === state.self.id) return selfUser(state);
  if (id === SERVICE_USER_ID) return serviceUser();
  const web = state.webSessions.find((w) => w.botId === id);
  if (web) return botUser(web);
  return new Api.UserEmpty({ id: toLong(id ?? 0n) });
}

function config(ctx: HandlerContext): Api.Config {
  const now = nowSeconds();
  return new Api.Config({
    date: now,
    expires: now + 3600,
    testMode: false,
    thisDc: ctx.dcId,
    dcOptions: [new Api.DcOption({ id: ctx.dcId, ipAddress: ctx.host, port: ctx.port })],
    dcTxtDomainName: 'localhost',
    chatSizeMax: 200,
    megagroupSizeMax: 200000,
    forwardedCountMax: 100,
    onlineUpdatePeriodMs: 210000,
    offlineBlurTimeoutMs: 5000,
    offlineIdleTimeoutMs: 30000,
    onlineCloudTimeoutMs: 300000,
    notifyCloudDelayMs: 30000,
    notifyDefaultDelayMs: 1500,
    pushChatPeriodMs: 60000,
    pushChatLimit: 2,
    editTimeLimit: 172800,
    revokeTimeLimit: 2147483647,
    revokePmTimeLimit: 2147483647,
    ratingEDecay: 2419200,
    stickersRecentLimit: 200,
    channelsReadMediaPeriod: 604800,
    callReceiveTimeoutMs: 20000,
    callRingTimeoutMs: 90000,
    callConnectTimeoutMs: 30000,
    callPacketTimeoutMs: 10000,
    meUrlPrefix: 'https://t.me/',
    captionLengthMax: 1024,
    messageLengthMax: 4096,
    webfileDcId: ctx.dcId,
  });
}

function knownSession(state: EmulatorState, hash: bigint): EmulatedSession | undefined {
  if (hash === 0n) return state.companion;
  return state.sessions.find((s) => s.hash === hash);
}

const handlers: Record<string, Handler> = {
  'help.getConfig': (_req, ctx) => config(ctx),

  'updates.getState': (_req, { state }) =>
    new Api.updates.State({ pts: state.pts, qts: 0, date: nowSeconds(), seq: 0, unreadCount: 0 }),

  'updates.getDifference': () => new Api.updates.DifferenceEmpty({ date: nowSeconds(), seq: 0 }),

  'users.getUsers': (req, { state }) => {
    const ids = field(req, 'id');
    return (Array.isArray(ids) ? ids : []).map((input) => userFor(input, state) as unknown as TlObject);
  },

  'users.getFullUser': (req, { state }) => {
    const user = userFor(field(req, 'id'), state);
    if (!(user instanceof Api.User)) throw new RpcFailure(400, 'USER_ID_INVALID');
    return new Api.users.UserFull({
      fullUser: new Api.UserFull({
        id: user.id,
        settings: new Api.PeerSettings({}),
        notifySettings: new Api.PeerNotifySettings({}),
        commonChatsCount: 0,
      }),
      chats: [],
      users: [user],
    });
  },

  'account.getAuthorizations': (_req, { state }) =>
    new Api.account.Authorizations({
      authorizationTtlDays: state.authorizationTtlDays,
      authorizations: [state.companion, ...state.sessions].map(authorizationOf),
    }),

  'account.resetAuthorization': (req, { state }) => {
    state.assertCompanionMayReset();
    const hash = fromLong(field(req, 'hash'));
    const idx = hash === 0n ? -1 : state.sessions.findIndex((s) => s.hash === hash);
    if (idx < 0) throw new RpcFailure(400, 'HASH_INVALID');
    state.sessions.splice(idx, 1);
    return true;
  },

  'auth.resetAuthorizations': (_req, { state }) => {
    state.assertCompanionMayReset();
    state.sessions = [];
    return true;
  },

  'account.changeAuthorizationSettings': (req, { state }) => {
    const session = knownSession(state, fromLong(field(req, 'hash')));
    if (!session) throw new RpcFailure(400, 'HASH_INVALID');
    if (field(req, 'confirmed') === true) session.unconfirmed = false;
    const enc = field(req, 'encryptedRequestsDisabled');
    if (typeof enc === 'boolean') session.encryptedRequestsDisabled = enc;
    const calls = field(req, 'callRequestsDisabled');
    if (typeof calls === 'boolean') session.callRequestsDisabled = calls;
    return true;
  },

  'account.setAuthorizationTTL': (req, { state }) => {
    // The method's documented errors include the same 24 h rule as ending sessions.
    state.assertCompanionMayReset();
    const days = field(req, 'authorizationTtlDays');
    if (typeof days !== 'number' || !state.acceptedTtlDays.includes(days)) {
      throw new RpcFailure(400, 'TTL_DAYS_INVALID');
    }
    state.authorizationTtlDays = days;
    return true;
  },

  'account.getWebAuthorizations': (_req, { state }) => {
    const bots = new Map<bigint, EmulatedWebSession>();
    for (const w of state.webSessions) if (!bots.has(w.botId)) bots.set(w.botId, w);
    return new Api.account.WebAuthorizations({
      authorizations: state.webSessions.map(webAuthorizationOf),
      users: [...bots.values()].map(botUser),
    });
  },

  'account.resetWebAuthorization': (req, { state }) => {
    const hash = fromLong(field(req, 'hash'));
    const idx = state.webSessions.findIndex((w) => w.hash === hash);
    if (idx < 0) throw new RpcFailure(400, 'HASH_INVALID');
    state.webSessions.splice(idx, 1);
    return true;
  },

  'account.resetWebAuthorizations': (_req, { state }) => {
    state.webSessions = [];
    return true;
  },
};

export function findHandler(method: string): Handler | undefined {
  return Object.prototype.hasOwnProperty.call(handlers, method) ? handlers[method] : undefined;
}
