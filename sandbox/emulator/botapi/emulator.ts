/**
 * Loopback Bot API server. The real bot framework client talks to it through
 * `client.apiRoot`, so the whole HTTP path (serialisation, error mapping,
 * retries, long polling) is exercised exactly as against Telegram.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import { ApiError, Errors } from './errors';
import { type Fault, type FloodLimits, FaultPlan, type MethodPattern } from './faults';
import type { HtmlOptions, WireEntity } from './html';
import { findCallbackButton, type WireInlineMarkup } from './markup';
import { type Handler, createMethodTable } from './methods';
import { type Params, readParams } from './params';
import {
  BotState,
  type CallbackAnswer,
  type ChatType,
  type StoredMessage,
  type WireChat,
  type WireUser,
  nowSeconds,
} from './state';
import { UpdateQueue } from './updates';
import { wireMessage } from './wire';

export interface BotIdentity {
  id: number;
  username: string;
  first_name: string;
}

export interface BotApiEmulatorOptions {
  host?: string;
  port?: number;
  token?: string;
  bot?: BotIdentity;
  /** How long a callback query stays answerable; the server's limit is roughly 15 s. */
  callbackAnswerDeadlineMs?: number;
  html?: HtmlOptions;
  /** Automatic 429s when sends exceed these rates; off unless given. */
  floodLimits?: FloodLimits;
  firstUpdateId?: number;
}

export interface CallRecord {
  method: string;
  params: Record<string, unknown>;
  /** Epoch ms when the request arrived. */
  at: number;
  durationMs: number;
  ok: boolean;
  /** HTTP status; 0 when the emulator dropped the connection, 499 when the client left first. */
  status: number;
  description?: string;
  result?: unknown;
}

export interface WaitForCallOptions {
  timeoutMs?: number;
  /** Only calls at this index of `calls` or later match; pass a `calls.length` snapshot. */
  after?: number;
  /** Only calls that arrived at or after this epoch ms match. */
  since?: number;
}

export interface InjectUser {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  is_bot?: boolean;
  language_code?: string;
}

export interface InjectChat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
}

export interface InjectMessageInput {
  from: InjectUser;
  chat?: InjectChat;
  text: string;
  /** Message id in the same chat this one replies to. */
  replyTo?: number;
}

export interface InjectCallbackInput {
  from: InjectUser;
  /** Defaults to the sender's private chat. */
  chatId?: number;
  messageId: number;
  data: string;
  /**
   * Clients can only send data that is on a button of the message; set false to
   * simulate a stale client pressing a button that has since been edited away.
   */
  requireButton?: boolean;
}

export interface MessageView {
  message_id: number;
  text: string;
  entities: WireEntity[];
  reply_markup?: WireInlineMarkup;
  date: number;
  edit_date?: number;
  deleted: boolean;
  reply_to_message_id?: number;
  history: StoredMessage['history'];
}

export interface EmulatorStats {
  requests: number;
  floods: number;
  serverErrors: number;
  networkFaults: number;
  conflicts: number;
}

interface CallWaiter {
  method: string;
  predicate: (call: CallRecord) => boolean;
  after: number;
  since: number;
  resolve(call: CallRecord): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const DEFAULT_TOKEN = '123456:TEST-token';
const DEFAULT_WAIT_MS = 5000;

// The gateway in front of the real server answers 502 with an HTML page, which clients fail to parse as JSON.
const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

export class BotApiEmulator {
  readonly calls: CallRecord[] = [];
  readonly stats: EmulatorStats = { requests: 0, floods: 0, serverErrors: 0, networkFaults: 0, conflicts: 0 };
  readonly bot: WireUser;

  private readonly state = new BotState();
  private readonly updates: UpdateQueue;
  private readonly faults = new FaultPlan();
  private readonly table: Map<string, { name: string; handler: Handler }>;
  private readonly waiters = new Set<CallWaiter>();
  private readonly sleepers = new Set<() => void>();
  private stopped = false;

  private constructor(
    private readonly server: Server,
    readonly apiRoot: string,
    readonly token: string,
    bot: BotIdentity,
    opts: BotApiEmulatorOptions,
  ) {
    this.bot = { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username };
    this.updates = new UpdateQueue(opts.firstUpdateId ?? 1);
    this.table = createMethodTable({
      state: this.state,
      updates: this.updates,
      bot: this.bot,
      html: opts.html ?? {},
      callbackAnswerDeadlineMs: opts.callbackAnswerDeadlineMs ?? 15_000,
    });
    if (opts.floodLimits !== undefined) this.faults.setFloodLimits(opts.floodLimits);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
      });
    });
  }

  static async start(opts: BotApiEmulatorOptions = {}): Promise<BotApiEmulator> {
    const host = opts.host ?? '127.0.0.1';
    const token = opts.token ?? DEFAULT_TOKEN;
    const idFromToken = Number(token.split(':')[0]);
    const bot: BotIdentity = opts.bot ?? {
      id: Number.isSafeInteger(idFromToken) && idFromToken > 0 ? idFromToken : 123456,
      username: 'warden_test_bot',
      first_name: 'Session Warden',
    };
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const hostPart = host.includes(':') ? `[${host}]` : host;
    return new BotApiEmulator(server, `http://${hostPart}:${port}`, token, bot, opts);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.updates.release();
    for (const wake of this.sleepers) wake();
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error(`emulator stopped while waiting for ${w.method}`));
    }
    this.waiters.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // Let the released long poll flush before keep-alive sockets are cut.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.server.closeAllConnections();
    await closed;
  }

  // ---- test controls: updates ------------------------------------------------

  injectMessage(input: InjectMessageInput): Update {
    const from = toUser(input.from);
    // A user cannot write to a bot they blocked: writing unblocks it first.
    if (!input.chat && this.state.hasChat(from.id) && this.state.isBlocked(from.id)) this.unblock(input.from);
    const chat: WireChat = input.chat
      ? { id: input.chat.id, type: input.chat.type, ...(input.chat.title ? { title: input.chat.title } : {}), ...(input.chat.username ? { username: input.chat.username } : {}) }
      : privateChatOf(from);
    this.state.registerChat(chat);
    const isChannel = chat.type === 'channel';
    const stored = this.state.addMessage(chat.id, {
      ...(isChannel ? { sender_chat: chat } : { from }),
      date: nowSeconds(),
      text: input.text,
      entities: detectCommands(input.text),
      reply_to_message_id: input.replyTo,
      outgoing: false,
    });
    const message = wireMessage(this.state, stored);
    return this.updates.push(isChannel ? { channel_post: message } : { message }) as unknown as Update;
  }

  injectCallback(input: InjectCallbackInput): { update: Update; callbackQueryId: string } {
    const from = toUser(input.from);
    const chatId = input.chatId ?? from.id;
    const stored = this.state.message(chatId, input.messageId);
    if (stored === undefined || stored.deleted || !stored.outgoing) {
      throw new Error(`injectCallback: chat ${chatId} has no live bot message ${input.messageId}`);
    }
    if ((input.requireButton ?? true) && findCallbackButton(stored.reply_markup, input.data) === undefined) {
      throw new Error(`injectCallback: message ${input.messageId} has no button with callback_data ${JSON.stringify(input.data)}`);
    }
    const query = this.state.newCallbackQuery({ from, chatId, messageId: input.messageId, data: input.data });
    const update = this.updates.push({
      callback_query: {
        id: query.id,
        from,
        message: wireMessage(this.state, stored),
        chat_instance: String(BigInt(chatId) * 7919n + 104729n),
        data: input.data,
      },
    });
    return { update: update as unknown as Update, callbackQueryId: query.id };
  }

  /**
   * The user deletes one of the bot's messages in their chat (on any of their devices): later edits
   * of it fail with "message to edit not found", as on Telegram. Bot API bots get no update for it.
   */
  userDeletesMessage(chatId: number, messageId: number): void {
    const stored = this.state.message(chatId, messageId);
    if (stored === undefined) throw new Error(`userDeletesMessage: chat ${chatId} has no message ${messageId}`);
    stored.deleted = true;
  }

  /** Queues an arbitrary update body (edited_message, my_chat_member, ...); update_id is assigned here. */
  injectUpdate(raw: object): Update {
    const body: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    delete body['update_id'];
    return this.updates.push(body) as unknown as Update;
  }

  /** Makes a chat known so the bot may write to it without a prior incoming message. */
  registerChat(chat: InjectChat | (InjectUser & { type?: 'private' })): void {
    if (chat.type === undefined || chat.type === 'private') {
      this.state.registerChat(privateChatOf(toUser(chat as InjectUser)));
    } else {
      const c = chat as InjectChat;
      this.state.registerChat({ id: c.id, type: c.type, ...(c.title ? { title: c.title } : {}), ...(c.username ? { username: c.username } : {}) });
    }
  }

  /** A user who blocked the bot makes sends fail with 403. */
  setBlocked(chatId: number, blocked = true): void {
    this.state.setBlocked(chatId, blocked);
  }

  /**
   * The user blocks the bot as Telegram's apps do: every send to their private chat fails with
   * 403 "Forbidden: bot was blocked by the user" until they unblock, and the bot gets a my_chat_member
   * update (status "kicked"). Writing to the bot (injectMessage) unblocks first, as Restart does.
   */
  block(user: InjectUser): void {
    this.changeMembership(user, true);
  }

  /** The user unblocks the bot (Restart in the apps): sends pass again; a my_chat_member update says "member". */
  unblock(user: InjectUser): void {
    this.changeMembership(user, false);
  }

  private changeMembership(user: InjectUser, blocked: boolean): void {
    const from = toUser(user);
    const chat = privateChatOf(from);
    this.state.registerChat(chat);
    if (this.state.isBlocked(chat.id) === blocked) return;
    this.state.setBlocked(chat.id, blocked);
    const member = (status: string) => ({ user: this.bot, status, ...(status === 'kicked' ? { until_date: 0 } : {}) });
    this.updates.push({
      my_chat_member: {
        chat,
        from,
        date: nowSeconds(),
        old_chat_member: member(blocked ? 'member' : 'kicked'),
        new_chat_member: member(blocked ? 'kicked' : 'member'),
      },
    });
  }

  /** Queued updates not yet confirmed by an offset (delivered ones included). */
  get pendingUpdates(): readonly object[] {
    return this.updates.pending;
  }

  /** True while a getUpdates request is being held open. */
  get longPollPending(): boolean {
    return this.updates.hasWaitingPoll;
  }

  // ---- test controls: inspection ----------------------------------------------

  messages(chatId: number): MessageView[] {
    return this.state
      .messagesIn(chatId)
      .filter((m) => m.outgoing)
      .map(toView);
  }

  lastMessage(chatId: number): MessageView | undefined {
    const all = this.messages(chatId);
    return all[all.length - 1];
  }

  get callbackAnswers(): readonly CallbackAnswer[] {
    return this.state.callbackAnswers;
  }

  get commands(): unknown[] {
    return this.state.commands;
  }

  waitForCall(
    method: string,
    predicate: (call: CallRecord) => boolean = () => true,
    options: number | WaitForCallOptions = {},
  ): Promise<CallRecord> {
    const opts: WaitForCallOptions = typeof options === 'number' ? { timeoutMs: options } : options;
    const after = opts.after ?? 0;
    const since = opts.since ?? 0;
    const key = method.toLowerCase();
    const matches = (c: CallRecord, index: number): boolean =>
      index >= after && c.at >= since && c.method.toLowerCase() === key && predicate(c);
    const found = this.calls.find(matches);
    if (found !== undefined) return Promise.resolve(found);
    if (this.stopped) return Promise.reject(new Error('emulator stopped'));
    return new Promise<CallRecord>((resolve, reject) => {
      const timeoutMs = opts.timeoutMs ?? DEFAULT_WAIT_MS;
      const waiter: CallWaiter = {
        method: key,
        predicate: (c) => c.at >= since && predicate(c),
        after,
        since,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          const recent = this.calls
            .slice(-5)
            .map((c) => `${c.method}:${c.status}`)
            .join(', ');
          reject(new Error(`no ${method} call within ${timeoutMs} ms (recent: ${recent || 'none'})`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  // ---- faults -------------------------------------------------------------------

  failNext(method: MethodPattern, fault: Fault, times = 1): void {
    this.faults.failNext(method, fault, times);
  }

  /** Delays every response (or one method's) by ms; 0 removes the delay. */
  setDelay(ms: number, method?: MethodPattern): void {
    this.faults.setDelay(ms, method);
  }

  setFloodLimits(limits: FloodLimits | undefined): void {
    this.faults.setFloodLimits(limits);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /**
   * An outage: while unreachable the listener is closed, so new connections are refused, and open
   * ones (the waiting long poll, keep-alive sockets) are reset. Reachable again on the same port.
   */
  async setReachable(reachable: boolean): Promise<void> {
    if (this.stopped || reachable === this.server.listening) return;
    if (!reachable) {
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeAllConnections();
      await closed;
      return;
    }
    const url = new URL(this.apiRoot);
    await new Promise<void>((resolve) => this.server.listen(Number(url.port), url.hostname.replace(/^\[|\]$/g, ''), resolve));
  }

  // ---- HTTP ------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', this.apiRoot);
    const match = /^\/bot([^/]*)\/([^/]+)$/.exec(url.pathname);
    if (match === null) {
      req.resume();
      this.sendJson(res, Errors.notFound().status, Errors.notFound().toBody());
      return;
    }
    const [, token = '', rawMethod = ''] = match;
    const entry = this.table.get(rawMethod.toLowerCase());
    const method = entry?.name ?? rawMethod;
    const closeHooks: Array<() => void> = [];
    res.on('close', () => {
      if (!res.writableFinished) for (const hook of closeHooks) hook();
    });
    this.stats.requests++;

    let params: Params = {};
    const finish = (status: number, body: Record<string, unknown> | string): void => {
      const ok = typeof body === 'object' && body['ok'] === true;
      const record: CallRecord = {
        method,
        params,
        at,
        durationMs: Date.now() - at,
        ok,
        status,
      };
      if (typeof body === 'object' && typeof body['description'] === 'string') record.description = body['description'];
      if (ok && typeof body === 'object') record.result = body['result'];
      if (res.destroyed || res.writableEnded) {
        record.status = 499;
        record.ok = false;
        record.description = 'client closed the request';
      } else if (typeof body === 'string') {
        res.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      } else {
        this.sendJson(res, status, body);
      }
      this.record(record);
    };

    try {
      params = await readParams(req, url);
      if (token !== this.token) throw Errors.unauthorized();
      if (entry === undefined) throw Errors.notFound();

      const delay = this.faults.delayFor(method);
      if (delay > 0) await this.sleep(delay);
      if (this.stopped) {
        req.socket.destroy();
        return;
      }

      const fault = this.faults.take(method);
      if (fault !== undefined) {
        if (fault.kind === 'network') {
          this.stats.networkFaults++;
          req.socket.destroy();
          this.record({ method, params, at, durationMs: Date.now() - at, ok: false, status: 0, description: 'connection dropped' });
          return;
        }
        if (fault.kind === 'flood') {
          this.stats.floods++;
          throw Errors.flood(fault.retryAfter);
        }
        if (fault.kind === 'error') throw new ApiError(fault.status, fault.description);
        this.stats.serverErrors++;
        if (fault.status === 502) {
          finish(502, BAD_GATEWAY_HTML);
          return;
        }
        throw Errors.internal();
      }

      const chatRef = params['chat_id'];
      const retryAfter = this.faults.rateLimit(method, typeof chatRef === 'number' ? chatRef : Number(chatRef) || undefined);
      if (retryAfter !== undefined) {
        this.stats.floods++;
        throw Errors.flood(retryAfter);
      }

      const result = await entry.handler(params, { onClientClose: (cb) => closeHooks.push(cb) });
      finish(200, { ok: true, result });
    } catch (err) {
      const apiError = err instanceof ApiError ? err : undefined;
      if (apiError?.status === 409) this.stats.conflicts++;
      if (apiError !== undefined) {
        finish(apiError.status, apiError.toBody());
      } else {
        // Surfacing emulator bugs in the call log makes them visible in failing tests.
        const detail = err instanceof Error ? err.message : String(err);
        finish(500, { ok: false, error_code: 500, description: `Internal Server Error: ${detail}` });
      }
    }
  }

  private sendJson(res: ServerResponse, status: number, body: Record<string, unknown>): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private record(call: CallRecord): void {
    const index = this.calls.length;
    this.calls.push(call);
    for (const w of this.waiters) {
      if (index >= w.after && call.method.toLowerCase() === w.method && w.predicate(call)) {
        clearTimeout(w.timer);
        this.waiters.delete(w);
        w.resolve(call);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}

function toUser(u: InjectUser): WireUser {
  return {
    id: u.id,
    is_bot: u.is_bot ?? false,
    first_name: u.first_name ?? `User ${u.id}`,
    ...(u.last_name !== undefined ? { last_name: u.last_name } : {}),
    ...(u.username !== undefined ? { username: u.username } : {}),
    ...(u.language_code !== undefined ? { language_code: u.language_code } : {}),
  };
}

function privateChatOf(user: WireUser): WireChat {
  return {
    id: user.id,
    type: 'private',
    first_name: user.first_name,
    ...(user.last_name !== undefined ? { last_name: user.last_name } : {}),
    ...(user.username !== undefined ? { username: user.username } : {}),
  };
}

// Commands are recognised at a word start, optionally addressed to a bot (/cmd@name); the framework needs the entity at offset 0.
const COMMAND = /(^|\s)(\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?)(?![A-Za-z0-9_@])/g;

function detectCommands(text: string): WireEntity[] {
  const out: WireEntity[] = [];
  for (const m of text.matchAll(COMMAND)) {
    const lead = m[1] ?? '';
    const cmd = m[2] ?? '';
    out.push({ type: 'bot_command', offset: (m.index ?? 0) + lead.length, length: cmd.length });
  }
  return out;
}

function toView(m: StoredMessage): MessageView {
  const view: MessageView = {
    message_id: m.message_id,
    text: m.text,
    entities: m.entities.map((e) => ({ ...e })),
    date: m.date,
    deleted: m.deleted,
    history: m.history.map((h) => ({ ...h })),
  };
  if (m.reply_markup !== undefined) view.reply_markup = structuredClone(m.reply_markup);
  if (m.edit_date !== undefined) view.edit_date = m.edit_date;
  if (m.reply_to_message_id !== undefined) view.reply_to_message_id = m.reply_to_message_id;
  return view;
}
