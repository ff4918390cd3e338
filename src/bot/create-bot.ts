// bot/ — the grammY bot: createBot wires the middleware and features below it.
import { Bot, type BotConfig, type Context } from 'grammy';
import { boundedRetry } from './api/bounded-retry';
import { callbackPath } from './middleware/callback-path';
import { chatRateLimit } from './api/chat-rate-limit';
import type { BotDeps } from './deps';
import { errorBoundary } from './middleware/error-boundary';
import { fallbackFeature } from './features/fallback';
import { helpFeature } from './features/help';
import { languageFeature } from './features/language';
import { ownerGate } from './middleware/owner-gate';
import { revokeAllFeature } from './features/revoke-all';
import { revokeFeature } from './features/revoke';
import { sessionsFeature } from './features/sessions';
import { ttlFeature } from './features/ttl';
import { webSessionsFeature } from './features/web-sessions';
import { auditLogFeature } from './features/audit-log';
import { changeActionsFeature } from './features/change-actions';
import { alertActionsFeature } from './features/alert-actions';
import { guardFeature } from './features/guard';
import { panicFeature } from './features/panic';
import { statusFeature } from './features/status';
import { trustFeature } from './features/trust';
import { botsFeature } from './features/bots';
import { codeguardFeature } from './features/codeguard';
import { expectFeature } from './features/expect';
import { securityFeature } from './features/security';
import { secondFactorGate } from './features/second-factor';
import { testChannelsFeature } from './features/test-channels';
import { telegramLimits } from './api/telegram-limits';

export interface CreateBotOptions {
  /** The Bot API base URL; a self-hosted server or the emulator. */
  readonly apiRoot: string;
  /** Lets tests skip getMe. */
  readonly botInfo?: BotConfig<Context>['botInfo'];
}

/**
 * Builds the bot with its plugins and features, in order: the owner gate first, the fallback last.
 * Nothing here connects; `bot.start()` does.
 */
export function createBot(token: string, deps: BotDeps, options: CreateBotOptions): Bot<Context> {
  return installFeatures(createBotClient(token, deps.log, options), deps);
}

/**
 * The bot's Bot API client with its transformers, and no features yet: the composition root builds
 * the outbox and the guard on `bot.api` first, then installs the features with all of them at hand.
 */
export function createBotClient(token: string, log: BotDeps['log'], options: CreateBotOptions): Bot<Context> {
  const bot = new Bot<Context>(token, {
    client: { apiRoot: options.apiRoot },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });

  // A private chat may take a short burst, then about one message a second; beyond that Telegram answers 429.
  bot.api.config.use(chatRateLimit({ burst: 5, perSecond: 1 }));
  // A few quick retries of 429, 5xx and network errors, never a wait over 10 s; past that the call fails,
  // and the outbox (messages the owner must get) or the polling loop (getUpdates) retries on its own.
  bot.api.config.use(boundedRetry({ retries: 3, maxDelayMs: 10_000 }));
  // Long polling starts with deleteWebhook. A self-hosted server without webhook support answers 404,
  // which would stop the bot before it starts; such a server has no webhook to delete.
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method === 'deleteWebhook' && !result.ok && result.error_code === 404) return { ok: true, result: true } as unknown as typeof result;
    return result;
  });
  // Outermost: every text and keyboard is checked against Telegram's limits once, whatever sends it.
  bot.api.config.use(telegramLimits(log));
  return bot;
}

/** Installs the middleware and features on `bot`, in order: the owner gate first, the fallback last. */
export function installFeatures(bot: Bot<Context>, deps: BotDeps): Bot<Context> {

  bot.use(ownerGate(deps));
  bot.use(deps.i18n.middleware());
  // Before the callback path, so a press held for a code is neither locked nor answered as done.
  bot.use(secondFactorGate(deps, bot.api, (update) => bot.handleUpdate(update)));
  // Every button press: answered first, locked against double taps, then handed to its feature.
  bot.use(callbackPath(deps.log, deps.i18n, deps.doors.oneShots, deps.confirmations));
  bot.use(languageFeature(deps));
  bot.use(helpFeature(deps), sessionsFeature(deps), revokeFeature(deps), revokeAllFeature(deps));
  bot.use(webSessionsFeature(deps), ttlFeature(deps), auditLogFeature(deps));
  bot.use(alertActionsFeature(deps), changeActionsFeature(deps), guardFeature(deps), trustFeature(deps), statusFeature(deps), panicFeature(deps));
  bot.use(securityFeature(deps), codeguardFeature(deps), expectFeature(deps), botsFeature(deps));
  bot.use(testChannelsFeature(deps));
  bot.use(fallbackFeature(deps));
  bot.catch(errorBoundary(deps.log, deps.ownerId, deps.i18n));
  return bot;
}
