import { randomBytes } from 'crypto';
import { Api } from 'telegram';
import { withPasswordDetails } from './door-handlers';
import { selfUser, type HandlerContext } from './handlers';
import { RpcFailure, nowSeconds } from './state';
import { fromLong, type TlObject, type TlResult } from './tl';

/**
 * Login methods: phone code, two-step verification password (SRP) and QR login tokens. A key
 * issued with `{ loggedIn: false }` can call only these (and help.getConfig) until one succeeds.
 */

/** What Telegram answers on a key that has not logged in; everything else gets 401 AUTH_KEY_UNREGISTERED. */
export const LOGIN_METHODS = new Set([
  'help.getConfig',
  'help.getNearestDc',
  'auth.sendCode',
  'auth.signIn',
  'auth.checkPassword',
  'account.getPassword',
  'auth.exportLoginToken',
  'auth.importLoginToken',
]);

type Handler = (req: TlObject, ctx: HandlerContext) => TlResult;

const field = (req: TlObject, name: string): unknown => (req as unknown as Record<string, unknown>)[name];

/** Telegram ignores spaces, dashes and the plus sign in phone numbers. */
const digits = (v: unknown): string => (typeof v === 'string' ? v.replace(/\D/g, '') : '');

const authorized = (ctx: HandlerContext): boolean => ctx.caller.loggedIn && !ctx.state.revoked;

function completeLogin(ctx: HandlerContext): Api.auth.Authorization {
  ctx.caller.logIn();
  // A new login is a new session: Telegram's 24 h rule for ending other sessions starts over.
  ctx.state.companion.dateCreated = nowSeconds();
  return new Api.auth.Authorization({ user: selfUser(ctx.state) });
}

/** After the code or the QR scan: log in, or ask for the password first when the account has one. */
function secondFactorOrLogin(ctx: HandlerContext): Api.auth.Authorization {
  if (ctx.state.password) {
    ctx.caller.passwordPending = true;
    throw new RpcFailure(401, 'SESSION_PASSWORD_NEEDED');
  }
  return completeLogin(ctx);
}

function tokenSuccess(ctx: HandlerContext): Api.auth.LoginTokenSuccess {
  return new Api.auth.LoginTokenSuccess({ authorization: secondFactorOrLogin(ctx) });
}

const handlers: Record<string, Handler> = {
  'auth.sendCode': (req, ctx) => {
    const phone = digits(field(req, 'phoneNumber'));
    if (!phone || phone !== digits(ctx.state.self.phone)) throw new RpcFailure(400, 'PHONE_NUMBER_INVALID');
    const hash = randomBytes(9).toString('hex');
    ctx.caller.sentCode = { phone, hash };
    return new Api.auth.SentCode({
      type: new Api.auth.SentCodeTypeApp({ length: ctx.state.loginCode.length }),
      phoneCodeHash: hash,
    });
  },

  'auth.signIn': (req, ctx) => {
    const sent = ctx.caller.sentCode;
    if (!sent || field(req, 'phoneCodeHash') !== sent.hash) throw new RpcFailure(400, 'PHONE_CODE_EXPIRED');
    if (digits(field(req, 'phoneNumber')) !== sent.phone) throw new RpcFailure(400, 'PHONE_NUMBER_INVALID');
    const code = field(req, 'phoneCode');
    if (typeof code !== 'string' || code === '') throw new RpcFailure(400, 'PHONE_CODE_EMPTY');
    if (code !== ctx.state.loginCode) throw new RpcFailure(400, 'PHONE_CODE_INVALID');
    ctx.caller.sentCode = undefined;
    return secondFactorOrLogin(ctx);
  },

  'account.getPassword': (_req, ctx) => {
    if (!authorized(ctx) && !ctx.caller.passwordPending) throw new RpcFailure(401, 'AUTH_KEY_UNREGISTERED');
    const info = ctx.state.password
      ? ctx.state.password.passwordInfo()
      : new Api.account.Password({
          hasPassword: false,
          newAlgo: new Api.PasswordKdfAlgoUnknown(),
          newSecureAlgo: new Api.SecurePasswordKdfAlgoUnknown(),
          secureRandom: randomBytes(32),
        });
    return withPasswordDetails(info, ctx.state.passwordDetails);
  },

  'auth.checkPassword': (req, ctx) => {
    if (!authorized(ctx) && !ctx.caller.passwordPending) throw new RpcFailure(401, 'AUTH_KEY_UNREGISTERED');
    const input = field(req, 'password');
    const verifier = ctx.state.password;
    if (!verifier || !(input instanceof Api.InputCheckPasswordSRP)) throw new RpcFailure(400, 'PASSWORD_HASH_INVALID');
    const outcome = verifier.verify(fromLong(input.srpId), Buffer.from(input.A), Buffer.from(input.M1));
    if (outcome === 'unknown_srp_id') throw new RpcFailure(400, 'SRP_ID_INVALID');
    if (outcome === 'wrong') throw new RpcFailure(400, 'PASSWORD_HASH_INVALID');
    return completeLogin(ctx);
  },

  'auth.exportLoginToken': (_req, ctx) => {
    const { state, caller } = ctx;
    const now = nowSeconds();
    const accepted = state.loginTokens.find((t) => t.keyIdHex === caller.keyIdHex && t.accepted);
    if (accepted) {
      state.loginTokens = state.loginTokens.filter((t) => t !== accepted);
      return tokenSuccess(ctx);
    }
    state.loginTokens = state.loginTokens.filter((t) => t.accepted || t.expires > now);
    const token = randomBytes(32);
    const expires = now + state.loginTokenTtlSeconds;
    state.loginTokens.push({ token, keyIdHex: caller.keyIdHex, expires, accepted: false });
    return new Api.auth.LoginToken({ token, expires });
  },

  'auth.importLoginToken': (req, ctx) => {
    const { state } = ctx;
    const bytes = field(req, 'token');
    const found = Buffer.isBuffer(bytes) ? state.loginTokens.find((t) => t.token.equals(bytes)) : undefined;
    if (!found) throw new RpcFailure(400, 'AUTH_TOKEN_INVALID');
    if (!found.accepted) {
      if (found.expires <= nowSeconds()) throw new RpcFailure(400, 'AUTH_TOKEN_EXPIRED');
      return new Api.auth.LoginToken({ token: found.token, expires: found.expires });
    }
    state.loginTokens = state.loginTokens.filter((t) => t !== found);
    return tokenSuccess(ctx);
  },
};

export function findLoginHandler(method: string): Handler | undefined {
  return Object.prototype.hasOwnProperty.call(handlers, method) ? handlers[method] : undefined;
}
