import type { Update, UserFromGetMe } from 'grammy/types';
import { createBot } from '../../src/bot/create-bot';
import { fitOutgoing, visibleText } from '../../src/bot/api/telegram-limits';
import { createConfirmations } from '../../src/bot/buttons/confirmations';
import { createAuditLog, type AuditLog } from '../../src/db/audit-log';
import { createOneShotActions } from '../../src/db/one-shot-actions';
import { createSessionHistory } from '../../src/db/session-history';
import { createAlertLines } from '../../src/db/alert-lines';
import { createSeenCountries } from '../../src/db/seen-countries';
import { openDatabase, type Database } from '../../src/db/open-database';
import { createSettings } from '../../src/db/settings';
import { createTrustedDevices } from '../../src/db/trusted-devices';
import { createDenialRecorder } from '../../src/guard/denial-recorder';
import { createLocalizer } from '../../src/bot/text/i18n';
import { silentLogger } from '../../src/core/log';
import { FakeAccount, TEST_NOW_MS } from './fake-account';

export const OWNER_ID = 42;
const BOT_INFO: UserFromGetMe = {
  id: 999,
  is_bot: true,
  first_name: 'Warden',
  username: 'warden_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** Telegram limits the bot's own view broke, which the last step (telegram-limits.ts) had to fit. */
  problems?: string[];
}

/**
 * The bot driven through `bot.handleUpdate`, with every Bot API call recorded (and answered
 * locally) through `bot.api.config.use`, a fake account, and a real in-memory database.
 */
export function botHarness(account = new FakeAccount(), clock = { now: TEST_NOW_MS }) {
  const db: Database = openDatabase(':memory:');
  const audit: AuditLog = createAuditLog(db, () => new Date(clock.now));
  const calls: ApiCall[] = [];
  const confirmations = createConfirmations(120_000, () => clock.now);
  const oneShots = createOneShotActions(db, () => new Date(clock.now));
  const history = createSessionHistory(db, () => new Date(clock.now));
  const alerts = createAlertLines(db, () => new Date(clock.now));
  const bot = createBot(
    '123:test',
    {
      ownerId: OWNER_ID,
      account,
      audit,
      denials: createDenialRecorder(audit, { now: () => clock.now }),
      confirmations,
      log: silentLogger,
      now: () => clock.now,
      i18n: createLocalizer({ settings: createSettings(db) }),
      guard: {
        trusted: createTrustedDevices(db),
        settings: createSettings(db),
        status: () => ({
          companion: { connected: true, loggedOut: false },
          account: { id: OWNER_ID, firstName: 'Owner' },
          companionCreatedAt: account.sessions.find((s) => s.current)?.dateCreated,
          lastReconcileAt: clock.now - 5000,
          startedAt: clock.now - 3_600_000,
          pendingAlerts: 0,
          blindWatches: [],
        }),
      },
      doors: { oneShots, seenCountries: createSeenCountries(db), history },
      alerts,
    },
    { apiRoot: 'http://127.0.0.1:9', botInfo: BOT_INFO },
  );
  let messageId = 100;
  /** Which message each button was last drawn on, so a press comes from that message as in Telegram. */
  const drawnOn = new Map<string, number>();
  /** What each message shows now (text as Telegram returns it, after entity parsing, and its keyboard), for presses on it. */
  const shown = new Map<number, { text: string; reply_markup?: unknown }>();
  bot.api.config.use(async (_prev, method, payload) => {
    // What Telegram would receive: the bot's last step (telegram-limits.ts) runs here too.
    const fitted = fitOutgoing(method, payload as Record<string, unknown>);
    const p = fitted.payload;
    calls.push({ method, payload: p, ...(fitted.problems.length > 0 ? { problems: fitted.problems } : {}) });
    const result =
      method === 'sendMessage'
        ? { message_id: ++messageId, date: 0, chat: { id: p.chat_id, type: 'private' }, text: p.text }
        : true;
    const id = method === 'sendMessage' ? messageId : Number(p.message_id);
    const rows = (p.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined)?.inline_keyboard ?? [];
    for (const b of rows.flat()) if (b.callback_data && Number.isFinite(id)) drawnOn.set(b.callback_data, id);
    if ((method === 'sendMessage' || method === 'editMessageText') && Number.isFinite(id)) {
      shown.set(id, { text: visibleText(String(p.text), p.parse_mode), ...(rows.length > 0 ? { reply_markup: p.reply_markup } : {}) });
    }
    return { ok: true, result } as never;
  });

  let updateId = 1;
  /** The language_code the sender's Telegram app sends with every update (none by default), set by `speaks`. */
  let languageCode: string | undefined;
  const user = (id: number) => ({
    id,
    is_bot: false,
    first_name: id === OWNER_ID ? 'Owner' : 'Stranger',
    ...(languageCode ? { language_code: languageCode } : {}),
  });

  return {
    bot,
    account,
    audit,
    db,
    calls,
    clock,
    /** The durable one-shot buttons and the sessions' change history the bot reads. */
    oneShots,
    history,
    /** The alerts' recorded state, as the outbox writes it on delivery. */
    alerts,
    /** From now on every update carries this language_code, as a Telegram app set to that language sends it. */
    speaks(code: string | undefined): void {
      languageCode = code;
    },
    /** A text message in the sender's private chat (or the given chat). */
    async send(text: string, from = OWNER_ID, chat: { id: number; type: string } = { id: from, type: 'private' }): Promise<void> {
      const command = /^\/\w+/.exec(text);
      const update = {
        update_id: updateId++,
        message: {
          message_id: updateId,
          date: Math.floor(clock.now / 1000),
          from: user(from),
          chat: chat.type === 'private' ? { ...chat, first_name: 'x' } : { ...chat, title: 'group' },
          text,
          ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
        },
      } as unknown as Update;
      await bot.handleUpdate(update);
    },
    /** A button press on a message the bot sent in the sender's private chat (by default, the one that shows the button). */
    async press(data: string, from = OWNER_ID, messageId = drawnOn.get(data) ?? 101): Promise<void> {
      const update = {
        update_id: updateId++,
        callback_query: {
          id: `cq${updateId}`,
          from: user(from),
          chat_instance: '1',
          data,
          message: { message_id: messageId, date: 0, chat: { id: from, type: 'private', first_name: 'x' }, ...(shown.get(messageId) ?? { text: 'x' }) },
        },
      } as unknown as Update;
      await bot.handleUpdate(update);
    },
    async raw(update: Omit<Update, 'update_id'>): Promise<void> {
      await bot.handleUpdate({ update_id: updateId++, ...update } as Update);
    },
    /** Calls made since `from` with this method. */
    sent(method = 'sendMessage', from = 0): ApiCall[] {
      return calls.slice(from).filter((c) => c.method === method);
    },
    lastText(): string {
      const last = [...calls].reverse().find((c) => c.method === 'sendMessage' || c.method === 'editMessageText');
      return String(last?.payload.text ?? '');
    },
    /** callback_data of every inline button in the last message with a keyboard. */
    lastButtons(): Array<{ text: string; data: string }> {
      const last = [...calls].reverse().find((c) => (c.payload.reply_markup as { inline_keyboard?: unknown })?.inline_keyboard);
      const rows = (last?.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }) ?? {
        inline_keyboard: [],
      };
      return rows.inline_keyboard.flat().map((b) => ({ text: b.text, data: b.callback_data }));
    },
    auditRows(action?: string) {
      return audit.recent(10_000).filter((r) => action === undefined || r.action === action).reverse();
    },
  };
}
