import { Api } from 'telegram';
import { toInt64 } from '../domain/session-hash';
import type { WebSession } from '../domain/web-session';

/**
 * `account.WebAuthorizations` to plain `WebSession`s. Telegram sends each website's bot separately
 * in `users`, so the bot is looked up by id; a bot missing from `users` is still named by its id.
 */
export function toWebSessions(result: Api.account.WebAuthorizations): WebSession[] {
  const bots = new Map<string, Api.User>();
  for (const u of result.users) if (u instanceof Api.User) bots.set(u.id.toString(), u);
  return result.authorizations.map((a) => {
    const bot = bots.get(a.botId.toString());
    return {
      hash: toInt64(a.hash),
      domain: a.domain,
      bot: bot?.username ? `@${bot.username}` : bot?.firstName || `bot ${a.botId.toString()}`,
      browser: a.browser,
      platform: a.platform,
      ip: a.ip,
      region: a.region,
      dateCreated: a.dateCreated,
      dateActive: a.dateActive,
    };
  });
}
