import { Api, GrammyError, HttpError } from 'grammy';
import type { AccountUser } from '../domain/session';
import { AccountError } from '../domain/account-error';
import { createAccountClient } from '../account/telegram-account';
import { silentLogger } from '../core/log';

/** What the wizard needs to know about a bot token, without ever repeating the token. */
export type TokenCheck =
  | { readonly ok: true; readonly username: string }
  | { readonly ok: false; readonly reason: 'unknown' }
  | { readonly ok: false; readonly reason: 'unreachable' | 'refused'; readonly detail: string };

/** The same shape as parseConfig's check, so a token the wizard accepts also starts the bot. */
export const TOKEN_PATTERN = /^\d+:[\w-]+$/;

export async function checkBotToken(token: string, apiRoot: string, timeoutSeconds = 15): Promise<TokenCheck> {
  const api = new Api(token, { apiRoot, timeoutSeconds });
  try {
    const me = await api.getMe();
    return { ok: true, username: me.username };
  } catch (err) {
    // The Bot API answers 404 rather than 401 to a token whose bot id does not exist.
    if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) return { ok: false, reason: 'unknown' };
    if (err instanceof GrammyError) return { ok: false, reason: 'refused', detail: scrub(`${err.error_code} ${err.description}`, token) };
    const cause = err instanceof HttpError ? err.error : err;
    return { ok: false, reason: 'unreachable', detail: scrub(networkReason(cause), token) };
  }
}

export type SessionCheck =
  | { readonly ok: true; readonly user: AccountUser }
  | { readonly ok: false; readonly reason: 'invalid' }
  | { readonly ok: false; readonly reason: 'unreachable' | 'refused'; readonly detail: string };

/** Connects with the session the way `npm start` will, and says whether it is still logged in. */
export async function checkSession(apiId: number, apiHash: string, session: string, timeoutMs = 15_000): Promise<SessionCheck> {
  let account: ReturnType<typeof createAccountClient>;
  try {
    account = createAccountClient({ apiId, apiHash, session, logger: silentLogger, connectTimeoutMs: timeoutMs, requestTimeoutMs: timeoutMs });
  } catch {
    // gramjs throws on a string that is not a StringSession at all.
    return { ok: false, reason: 'invalid' };
  }
  try {
    return { ok: true, user: await account.connect() };
  } catch (err) {
    if (!(err instanceof AccountError)) return { ok: false, reason: 'refused', detail: err instanceof Error ? err.message : String(err) };
    if (err.failure.kind === 'logged_out') return { ok: false, reason: 'invalid' };
    if (err.failure.kind === 'unreachable') return { ok: false, reason: 'unreachable', detail: err.message };
    return { ok: false, reason: 'refused', detail: err.code };
  } finally {
    await account.disconnect();
  }
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the connection was cut',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed",
};

/** fetch hides the useful part (ECONNREFUSED...) a few `cause`s deep. */
function networkReason(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code && NETWORK_CODES[code]) return NETWORK_CODES[code];
    current = current.cause;
  }
  const message = err instanceof Error ? err.message : String(err);
  // A web server or proxy that is not a Bot API answers with HTML or nothing.
  if (/json/i.test(message)) return 'the server did not answer like a Bot API';
  return message.replace(/\s*\S*:\/\/\S*/g, '').trim() || 'no answer';
}

function scrub(text: string, secret: string): string {
  return secret ? text.split(secret).join('[token]') : text;
}
