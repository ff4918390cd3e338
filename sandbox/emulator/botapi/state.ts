/**
 * What the server knows about the bot's world: chats it may write to, every
 * message in them (message ids are per chat and shared by both directions, as
 * in private chats), and callback queries awaiting an answer.
 */
import type { WireEntity } from './html';
import type { WireInlineMarkup } from './markup';
import { Errors } from './errors';
import type { ChatRef } from './params';

export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

export interface WireUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface WireChat {
  id: number;
  type: ChatType;
  title?: string;
  first_name?: string;
  last_name?: string;
  username?: string;
}

export interface StoredMessage {
  message_id: number;
  chat: WireChat;
  from?: WireUser;
  sender_chat?: WireChat;
  date: number;
  edit_date?: number;
  text: string;
  entities: WireEntity[];
  reply_markup?: WireInlineMarkup;
  reply_to_message_id?: number;
  /** True for messages the bot sent. */
  outgoing: boolean;
  deleted: boolean;
  /** Previous versions, oldest first, so tests can assert on edit sequences. */
  history: Array<{ text: string; entities: WireEntity[]; reply_markup?: WireInlineMarkup; at: number }>;
}

interface ChatRecord {
  chat: WireChat;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  blocked: boolean;
}

export interface CallbackQueryRecord {
  id: string;
  from: WireUser;
  chatId: number;
  messageId: number;
  data: string;
  createdAt: number;
  answer?: CallbackAnswer;
}

export interface CallbackAnswer {
  id: string;
  text?: string;
  show_alert: boolean;
  url?: string;
  cache_time?: number;
  answered_at: number;
  /** Time between the press and the answer, what the user perceives as the button spinner. */
  latencyMs: number;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export class BotState {
  private readonly chats = new Map<number, ChatRecord>();
  readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  readonly callbackAnswers: CallbackAnswer[] = [];
  commands: unknown[] = [];
  commandsByScope = new Map<string, unknown[]>();
  webhookUrl = '';
  private nextCallbackSeq = 1;

  registerChat(chat: WireChat): WireChat {
    const existing = this.chats.get(chat.id);
    if (existing !== undefined) {
      existing.chat = { ...existing.chat, ...chat };
      return existing.chat;
    }
    this.chats.set(chat.id, { chat: { ...chat }, nextMessageId: 1, messages: new Map(), blocked: false });
    return chat;
  }

  hasChat(id: number): boolean {
    return this.chats.has(id);
  }

  setBlocked(chatId: number, blocked: boolean): void {
    this.record(chatId).blocked = blocked;
  }

  /** Resolves a chat reference for an API call, failing the way the server does for strangers. */
  resolveChat(ref: ChatRef): number {
    if (typeof ref === 'number') {
      if (!this.chats.has(ref)) throw Errors.chatNotFound();
      return ref;
    }
    const wanted = ref.replace(/^@/, '').toLowerCase();
    for (const [id, rec] of this.chats) {
      if (rec.chat.type !== 'private' && rec.chat.username?.toLowerCase() === wanted) return id;
    }
    throw Errors.chatNotFound();
  }

  chat(id: number): WireChat {
    return this.record(id).chat;
  }

  isBlocked(id: number): boolean {
    return this.record(id).blocked;
  }

  addMessage(chatId: number, fields: Omit<StoredMessage, 'message_id' | 'chat' | 'deleted' | 'history'>): StoredMessage {
    const rec = this.record(chatId);
    const message: StoredMessage = {
      ...fields,
      message_id: rec.nextMessageId++,
      chat: rec.chat,
      deleted: false,
      history: [],
    };
    rec.messages.set(message.message_id, message);
    return message;
  }

  message(chatId: number, messageId: number): StoredMessage | undefined {
    return this.chats.get(chatId)?.messages.get(messageId);
  }

  messagesIn(chatId: number): StoredMessage[] {
    return [...(this.chats.get(chatId)?.messages.values() ?? [])];
  }

  newCallbackQuery(fields: Omit<CallbackQueryRecord, 'id' | 'createdAt'>): CallbackQueryRecord {
    // Real ids are large decimal strings; a fixed prefix keeps them unique per emulator instance.
    const id = `${4_000_000_000_000 + this.nextCallbackSeq++}`;
    const record: CallbackQueryRecord = { ...fields, id, createdAt: Date.now() };
    this.callbackQueries.set(id, record);
    return record;
  }

  private record(id: number): ChatRecord {
    const rec = this.chats.get(id);
    if (rec === undefined) throw Errors.chatNotFound();
    return rec;
  }
}
