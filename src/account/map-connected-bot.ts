import { Api } from 'telegram';
import { returnBigInt } from 'telegram/Helpers';
import type { ConnectedBot } from '../domain/connected-bot';
import { toInt64 } from '../domain/session-hash';

/** `Api.account.ConnectedBots` to plain `ConnectedBot`s, the bot's name and username from `users`. */
export function toConnectedBots(result: Api.account.ConnectedBots): ConnectedBot[] {
  const users = new Map<string, Api.User>();
  for (const u of result.users) if (u instanceof Api.User) users.set(u.id.toString(), u);
  return result.connectedBots.map((b) => {
    const user = users.get(b.botId.toString());
    const r = b.recipients;
    return {
      botId: toInt64(b.botId),
      username: user?.username ?? undefined,
      name: [user?.firstName, user?.lastName].filter(Boolean).join(' ') || `bot ${b.botId.toString()}`,
      canReply: Boolean(b.canReply),
      recipients: {
        existingChats: Boolean(r.existingChats),
        newChats: Boolean(r.newChats),
        contacts: Boolean(r.contacts),
        nonContacts: Boolean(r.nonContacts),
        excludeSelected: Boolean(r.excludeSelected),
        users: r.users?.length ?? 0,
      },
    };
  });
}

/** The InputUser updateConnectedBot needs: the bot's id with the access_hash Telegram gave the companion. */
export function inputBotOf(result: Api.account.ConnectedBots, botId: bigint): Api.InputUser | undefined {
  const user = result.users.find((u): u is Api.User => u instanceof Api.User && u.id.toString() === botId.toString(10));
  return user ? new Api.InputUser({ userId: user.id, accessHash: user.accessHash ?? returnBigInt(0) }) : undefined;
}
