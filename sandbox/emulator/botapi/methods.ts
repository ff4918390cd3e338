/**
 * Bot API method handlers. Each returns the `result` of a successful response
 * or throws an ApiError carrying the server's exact description.
 */
import { Errors, badRequest } from './errors';
import { formatText, sameEntities } from './format';
import type { HtmlOptions } from './html';
import { parseReplyMarkup, sameMarkup } from './markup';
import { type Params, boolParam, chatIdParam, intParam, jsonParam, stringParam } from './params';
import { type BotState, type StoredMessage, type WireUser, nowSeconds } from './state';
import type { UpdateQueue, WireUpdate } from './updates';
import { wireMessage } from './wire';

export interface MethodDeps {
  state: BotState;
  updates: UpdateQueue;
  bot: WireUser;
  html: HtmlOptions;
  callbackAnswerDeadlineMs: number;
}

export interface CallHooks {
  /** Runs when the client disconnects before the response is written. */
  onClientClose(cb: () => void): void;
}

export type Handler = (params: Params, hooks: CallHooks) => unknown;

const BOT_COMMAND = /^[a-z0-9_]{1,32}$/;
const CONFLICT_GRACE_MS = 25;

export function createMethodTable(deps: MethodDeps): Map<string, { name: string; handler: Handler }> {
  const { state, updates, bot } = deps;

  const markupParam = (params: Params): unknown =>
    jsonParam(params, 'reply_markup', () => Errors.replyMarkupParse());

  const targetMessage = (params: Params, onMissing: () => Error): StoredMessage => {
    if (params['inline_message_id'] !== undefined) throw Errors.inlineMessageInvalid();
    const messageId = intParam(params, 'message_id');
    const chatId = state.resolveChat(chatIdParam(params));
    if (messageId === undefined) throw Errors.messageIdMissing();
    const message = state.message(chatId, messageId);
    if (message === undefined || message.deleted) throw onMissing();
    return message;
  };

  const snapshot = (m: StoredMessage): void => {
    m.history.push({ text: m.text, entities: m.entities, reply_markup: m.reply_markup, at: Date.now() });
  };

  const handlers: Record<string, Handler> = {
    getMe: () => ({
      ...bot,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    }),

    getUpdates: async (params, hooks) => {
      if (state.webhookUrl !== '') throw Errors.conflictWebhook();
      const allowed = jsonParam(params, 'allowed_updates', () => badRequest("can't parse allowed_updates JSON array"));
      if (updates.hasWaitingPoll) {
        // A client that aborts its long poll and immediately polls again (as a stopping bot does) can
        // have the new request arrive before its old socket's close is seen; give that close a moment
        // to land so only genuinely concurrent pollers get the 409.
        await new Promise((resolve) => setTimeout(resolve, CONFLICT_GRACE_MS));
      }
      const poll = updates.poll({
        offset: intParam(params, 'offset'),
        limit: intParam(params, 'limit'),
        timeoutSeconds: intParam(params, 'timeout'),
        allowedUpdates: Array.isArray(allowed) ? allowed.filter((t): t is string => typeof t === 'string') : undefined,
      });
      hooks.onClientClose(() => poll.cancel());
      const batch: WireUpdate[] = await poll.promise;
      return structuredClone(batch);
    },

    sendMessage: (params) => {
      const chatId = state.resolveChat(chatIdParam(params));
      if (state.isBlocked(chatId)) throw Errors.blocked();
      const formatted = formatText(params, 'send', deps.html);
      const markup = parseReplyMarkup(markupParam(params));
      const replyTo = replyTarget(params);
      if (replyTo !== undefined) {
        const target = state.message(chatId, replyTo.messageId);
        if ((target === undefined || target.deleted) && !replyTo.allowMissing) throw Errors.replyNotFound();
      }
      const chat = state.chat(chatId);
      const message = state.addMessage(chatId, {
        ...(chat.type === 'channel' ? { sender_chat: chat } : { from: bot }),
        date: nowSeconds(),
        text: formatted.text,
        entities: formatted.entities,
        reply_markup: markup,
        reply_to_message_id: replyTo?.messageId,
        outgoing: true,
      });
      return wireMessage(state, message);
    },

    editMessageText: (params) => {
      const formatted = formatText(params, 'edit', deps.html);
      const markup = parseReplyMarkup(markupParam(params));
      const message = targetMessage(params, Errors.messageToEditNotFound);
      if (!message.outgoing) throw Errors.messageCantBeEdited();
      if (
        message.text === formatted.text &&
        sameEntities(message.entities, formatted.entities) &&
        sameMarkup(message.reply_markup, markup)
      ) {
        throw Errors.notModified();
      }
      snapshot(message);
      message.text = formatted.text;
      message.entities = formatted.entities;
      // Omitting reply_markup on an edit removes the keyboard, exactly like the server.
      message.reply_markup = markup;
      message.edit_date = nowSeconds();
      return wireMessage(state, message);
    },

    editMessageReplyMarkup: (params) => {
      const markup = parseReplyMarkup(markupParam(params));
      const message = targetMessage(params, Errors.messageToEditNotFound);
      if (!message.outgoing) throw Errors.messageCantBeEdited();
      if (sameMarkup(message.reply_markup, markup)) throw Errors.notModified();
      snapshot(message);
      message.reply_markup = markup;
      message.edit_date = nowSeconds();
      return wireMessage(state, message);
    },

    deleteMessage: (params) => {
      const message = targetMessage(params, Errors.messageToDeleteNotFound);
      message.deleted = true;
      return true;
    },

    deleteMessages: (params) => {
      const chatId = state.resolveChat(chatIdParam(params));
      const ids = jsonParam(params, 'message_ids', () => badRequest('message_ids must be an Array'));
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) throw badRequest('message_ids must be non-empty');
      for (const id of ids) {
        const message = typeof id === 'number' ? state.message(chatId, id) : undefined;
        if (message !== undefined) message.deleted = true;
      }
      return true;
    },

    answerCallbackQuery: (params) => {
      const id = stringParam(params, 'callback_query_id') ?? '';
      const query = state.callbackQueries.get(id);
      const now = Date.now();
      if (query === undefined || query.answer !== undefined || now - query.createdAt > deps.callbackAnswerDeadlineMs) {
        throw Errors.queryTooOld();
      }
      const text = stringParam(params, 'text');
      const url = stringParam(params, 'url');
      const cacheTime = intParam(params, 'cache_time');
      query.answer = {
        id,
        ...(text !== undefined ? { text } : {}),
        show_alert: boolParam(params, 'show_alert'),
        ...(url !== undefined ? { url } : {}),
        ...(cacheTime !== undefined ? { cache_time: cacheTime } : {}),
        answered_at: now,
        latencyMs: now - query.createdAt,
      };
      state.callbackAnswers.push(query.answer);
      return true;
    },

    setMyCommands: (params) => {
      const commands = jsonParam(params, 'commands', () => badRequest("can't parse commands JSON object"));
      if (!Array.isArray(commands)) throw badRequest('field "commands" must be an Array');
      if (commands.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
      for (const c of commands) {
        const r = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
        const command = r['command'];
        const description = r['description'];
        if (typeof command !== 'string' || !BOT_COMMAND.test(command)) throw badRequest('BOT_COMMAND_INVALID');
        if (typeof description !== 'string' || description.trim() === '' || description.length > 256) {
          throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
        }
      }
      const stored = commands.map((c) => {
        const r = c as Record<string, unknown>;
        return { command: r['command'], description: r['description'] };
      });
      state.commandsByScope.set(scopeKey(params), stored);
      state.commands = stored;
      return true;
    },

    getMyCommands: (params) => state.commandsByScope.get(scopeKey(params)) ?? [],

    deleteMyCommands: (params) => {
      state.commandsByScope.delete(scopeKey(params));
      state.commands = [];
      return true;
    },

    deleteWebhook: (params) => {
      state.webhookUrl = '';
      if (boolParam(params, 'drop_pending_updates')) updates.drop();
      return true;
    },

    setWebhook: (params) => {
      const url = stringParam(params, 'url') ?? '';
      state.webhookUrl = url;
      if (boolParam(params, 'drop_pending_updates')) updates.drop();
      return true;
    },

    getWebhookInfo: () => ({
      url: state.webhookUrl,
      has_custom_certificate: false,
      pending_update_count: updates.pending.length,
    }),

    sendChatAction: (params) => {
      const chatId = state.resolveChat(chatIdParam(params));
      if (state.isBlocked(chatId)) throw Errors.blocked();
      return true;
    },

    getChat: (params) => {
      const chat = state.chat(state.resolveChat(chatIdParam(params)));
      return { ...chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
    },

    close: () => true,
    logOut: () => true,
    setMyDescription: () => true,
    setMyShortDescription: () => true,
    setMyName: () => true,
    setChatMenuButton: () => true,
  };

  const table = new Map<string, { name: string; handler: Handler }>();
  // Method names are matched case-insensitively by the server.
  for (const [name, handler] of Object.entries(handlers)) table.set(name.toLowerCase(), { name, handler });
  return table;
}

function replyTarget(params: Params): { messageId: number; allowMissing: boolean } | undefined {
  const raw = jsonParam(params, 'reply_parameters', () => badRequest("can't parse reply parameters JSON object"));
  if (typeof raw === 'object' && raw !== null) {
    const r = raw as Record<string, unknown>;
    if (typeof r['message_id'] === 'number') {
      return { messageId: r['message_id'], allowMissing: r['allow_sending_without_reply'] === true };
    }
  }
  const legacy = intParam(params, 'reply_to_message_id');
  if (legacy === undefined) return undefined;
  return { messageId: legacy, allowMissing: boolParam(params, 'allow_sending_without_reply') };
}

function scopeKey(params: Params): string {
  const scope = jsonParam(params, 'scope', () => badRequest("can't parse BotCommandScope JSON object"));
  return JSON.stringify({ scope: scope ?? { type: 'default' }, language: stringParam(params, 'language_code') ?? '' });
}
