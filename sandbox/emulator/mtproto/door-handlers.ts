import { Api } from 'telegram';
import type { HandlerContext } from './handlers';
import { RpcFailure } from './state';
import { fromLong, toLong, type TlObject, type TlResult } from './tl';
import type { EmulatedConnectedBot, EmulatedPasswordDetails } from './types';

/**
 * The other doors into an account besides its sessions: the 2FA password's recovery details and
 * pending reset, login codes, and connected business bots. State lives in EmulatorState and is
 * changed by tests between calls.
 */

type Handler = (req: TlObject, ctx: HandlerContext) => TlResult;

const field = (req: TlObject, name: string): unknown => (req as unknown as Record<string, unknown>)[name];

/** Adds the scripted recovery, email and reset details to an account.password answer. */
export function withPasswordDetails(info: Api.account.Password, d: EmulatedPasswordDetails): Api.account.Password {
  if (d.hasRecovery) info.hasRecovery = true;
  if (d.hint !== undefined) info.hint = d.hint;
  if (d.emailUnconfirmedPattern !== undefined) info.emailUnconfirmedPattern = d.emailUnconfirmedPattern;
  if (d.loginEmailPattern !== undefined) info.loginEmailPattern = d.loginEmailPattern;
  if (d.pendingResetDate !== undefined) info.pendingResetDate = d.pendingResetDate;
  return info;
}

export function connectedBotUser(b: EmulatedConnectedBot): Api.User {
  return new Api.User({
    bot: true,
    botBusiness: true,
    id: toLong(b.botId),
    accessHash: toLong(b.accessHash ?? b.botId * 7n),
    firstName: b.firstName,
    username: b.username,
    botInfoVersion: 1,
  });
}

function connectedBotOf(b: EmulatedConnectedBot): Api.ConnectedBot {
  return new Api.ConnectedBot({
    canReply: b.canReply,
    botId: toLong(b.botId),
    recipients: new Api.BusinessBotRecipients({
      existingChats: b.existingChats,
      newChats: b.newChats,
      contacts: b.contacts,
      nonContacts: b.nonContacts,
      excludeSelected: b.excludeSelected,
      users: b.users?.map(toLong),
    }),
  });
}

const handlers: Record<string, Handler> = {
  'account.declinePasswordReset': (_req, { state }) => {
    if (state.passwordDetails.pendingResetDate === undefined) throw new RpcFailure(400, 'RESET_REQUEST_MISSING');
    delete state.passwordDetails.pendingResetDate;
    return true;
  },

  'account.invalidateSignInCodes': (req, { state }) => {
    const codes = field(req, 'codes');
    if (!Array.isArray(codes)) throw new RpcFailure(400, 'CODES_INVALID');
    for (const c of codes) state.invalidatedCodes.push(String(c));
    return true;
  },

  'account.getConnectedBots': (_req, { state }) =>
    new Api.account.ConnectedBots({
      connectedBots: state.connectedBots.map(connectedBotOf),
      users: state.connectedBots.map(connectedBotUser),
    }),

  'account.updateConnectedBot': (req, { state }) => {
    const input = field(req, 'bot');
    if (!(input instanceof Api.InputUser)) throw new RpcFailure(400, 'BOT_INVALID');
    const id = fromLong(input.userId);
    const bot = state.connectedBots.find((b) => b.botId === id);
    // Like Telegram, the access_hash must be the one handed out with the bot.
    if (!bot || fromLong(input.accessHash) !== (bot.accessHash ?? bot.botId * 7n)) throw new RpcFailure(400, 'BOT_INVALID');
    if (field(req, 'deleted') === true) state.connectedBots = state.connectedBots.filter((b) => b !== bot);
    else bot.canReply = field(req, 'canReply') === true;
    return new Api.Updates({ updates: [], users: [], chats: [], date: Math.floor(Date.now() / 1000), seq: 0 });
  },
};

export function findDoorHandler(method: string): Handler | undefined {
  return Object.prototype.hasOwnProperty.call(handlers, method) ? handlers[method] : undefined;
}
