import type { Update } from 'grammy/types';
import { createLocalizer, CHOSEN_KEY } from '../../src/bot/text/i18n';
import { createSettings } from '../../src/db/settings';
import { botHarness, OWNER_ID } from '../helpers/bot-harness';

type Harness = ReturnType<typeof botHarness>;

/** A message from `from` in their private chat, with the language_code their Telegram app sends. */
async function say(h: Harness, text: string, language_code?: string, from = OWNER_ID): Promise<void> {
  const command = /^\/\w+/.exec(text);
  await h.raw({
    message: {
      message_id: 1,
      date: Math.floor(h.clock.now / 1000),
      from: { id: from, is_bot: false, first_name: 'Owner', ...(language_code ? { language_code } : {}) },
      chat: { id: from, type: 'private', first_name: 'Owner' },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  } as unknown as Omit<Update, 'update_id'>);
}

/** The bot's languages as main.ts builds them for alerts: over the same database, outside any update. */
const outsideUpdate = (h: Harness) => createLocalizer({ settings: createSettings(h.db) });

describe('the owner\'s language', () => {
  it('an owner whose Telegram is in Russian gets /help in Russian', async () => {
    const h = botHarness();
    await say(h, '/help', 'ru');
    expect(h.lastText()).toContain('охраняет сеансы вашего аккаунта');
    expect(h.lastText()).toContain('/sessions — активные сеансы');
    expect(h.lastText()).toContain('Время в сообщениях указано в часовом поясе UTC.');
  });

  it.each(['de', 'uk', undefined])('an owner whose Telegram is in %s gets English', async (code) => {
    const h = botHarness();
    await say(h, '/help', code);
    expect(h.lastText()).toContain('guards your Telegram account\'s sessions');
  });

  it('remembers the language of the owner\'s latest update for texts sent outside an update', async () => {
    const h = botHarness();
    expect(outsideUpdate(h).localeFor()).toBe('en');
    await say(h, '/help', 'ru-RU');
    expect(outsideUpdate(h).localeFor()).toBe('ru');
    await say(h, '/help', 'de');
    expect(outsideUpdate(h).localeFor()).toBe('en');
  });

  it('a stranger\'s language_code changes nothing the owner reads', async () => {
    const h = botHarness();
    await say(h, '/help', 'ru');
    await say(h, '/help', 'de', 31337);
    await say(h, '/language en', 'de', 31337);
    expect(outsideUpdate(h).localeFor()).toBe('ru');
    expect(h.sent().filter((c) => c.payload.chat_id === 31337)).toHaveLength(0);
  });
});

describe('/language', () => {
  it('/language ru switches replies and texts outside updates to Russian, persisted across restarts, and says so in Russian', async () => {
    const h = botHarness();
    await say(h, '/language ru', 'en');
    expect(h.lastText()).toBe('Готово: теперь бот пишет по-русски.');
    expect(createSettings(h.db).get(CHOSEN_KEY)).toBe('ru');
    await say(h, '/help', 'en');
    expect(h.lastText()).toContain('охраняет сеансы');
    expect(outsideUpdate(h).localeFor()).toBe('ru');
    expect(h.auditRows('language').map((r) => r.detail)).toEqual(['ru']);
  });

  it('/language en switches a Russian owner to English, replies and alerts', async () => {
    const h = botHarness();
    await say(h, '/help', 'ru');
    await say(h, '/language en', 'ru');
    expect(h.lastText()).toBe('Done: the bot now writes in English.');
    await say(h, '/help', 'ru');
    expect(h.lastText()).toContain('guards your Telegram account\'s sessions');
    expect(outsideUpdate(h).localeFor()).toBe('en');
  });

  it('the choice sets the owner\'s own command menu in that language, and auto removes it', async () => {
    const h = botHarness();
    await say(h, '/language ru', 'en');
    const set = h.sent('setMyCommands').at(-1)!.payload as { scope: unknown; commands: Array<{ command: string; description: string }> };
    expect(set.scope).toEqual({ type: 'chat', chat_id: OWNER_ID });
    expect(set.commands.find((c) => c.command === 'sessions')?.description).toBe('Список активных сеансов');
    await say(h, '/language auto', 'ru');
    expect(h.sent('deleteMyCommands').at(-1)!.payload.scope).toEqual({ type: 'chat', chat_id: OWNER_ID });
    expect(h.lastText()).toBe('Готово: теперь бот пишет на языке вашего приложения Telegram. Сейчас: Русский.');
    expect(createSettings(h.db).get(CHOSEN_KEY)).toBe('');
  });

  it('/language alone shows a button per language, each named in its own language, and Automatic', async () => {
    const h = botHarness();
    await say(h, '/language', 'ru');
    expect(h.lastText()).toBe('Выберите язык сообщений бота. Сейчас: Русский (как в вашем приложении Telegram).');
    expect(h.lastButtons()).toEqual([
      { text: 'English', data: 'lang:en' },
      { text: 'Русский', data: 'lang:ru' },
      { text: 'Автоматически: язык Telegram', data: 'lang:auto' },
    ]);
    await h.press('lang:en');
    expect(h.sent('answerCallbackQuery')).toHaveLength(1);
    expect(h.lastText()).toBe('Done: the bot now writes in English.');
    expect(createSettings(h.db).get(CHOSEN_KEY)).toBe('en');
  });

  it('an unknown language gets a clear answer and changes nothing', async () => {
    const h = botHarness();
    await say(h, '/language ru', 'en');
    const calls = h.calls.length;
    await say(h, '/language klingon', 'en');
    expect(h.lastText()).toBe('«klingon» — такого языка бот не знает. Отправьте /language en|ru или /language auto. Ничего не изменено.');
    expect(createSettings(h.db).get(CHOSEN_KEY)).toBe('ru');
    expect(h.sent('setMyCommands', calls)).toHaveLength(0);
    await h.press('lang:xx');
    // The callback path answers the press; the handler says in the message why nothing changed.
    expect(h.sent('answerCallbackQuery')).toHaveLength(1);
    expect(h.lastText()).toBe('Эта кнопка недействительна.');
    expect(createSettings(h.db).get(CHOSEN_KEY)).toBe('ru');
  });
});
