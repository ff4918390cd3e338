import type { Update } from 'grammy/types';
import { botHarness, OWNER_ID } from '../helpers/bot-harness';

type Harness = ReturnType<typeof botHarness>;

/** A command from the owner, with the language_code their Telegram app sends. */
async function say(h: Harness, text: string, language_code: string): Promise<void> {
  const command = /^\/\w+/.exec(text);
  await h.raw({
    message: {
      message_id: 1,
      date: Math.floor(h.clock.now / 1000),
      from: { id: OWNER_ID, is_bot: false, first_name: 'Owner', language_code },
      chat: { id: OWNER_ID, type: 'private', first_name: 'Owner' },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  } as unknown as Omit<Update, 'update_id'>);
}

describe('/revoke usage errors speak the owner\'s language', () => {
  it.each([
    ['/revoke abc', '«abc» — это не хеш сеанса.'],
    ['/revoke', 'Как пользоваться: /revoke <хеш>.'],
    [`/revoke ${'9'.repeat(30)}`, 'Такого хеша сеанса быть не может'],
    ['/revoke 0', 'Хеш 0 означает текущий сеанс'],
  ])('%s from a Russian owner is answered in Russian', async (text, russian) => {
    const h = botHarness();
    await say(h, text, 'ru');
    expect(h.lastText()).toContain(russian);
    expect(h.lastText()).toContain('Ничего не изменено.');
  });

  it('/language en switches the error to English, and "de" gets English', async () => {
    const h = botHarness();
    await say(h, '/language en', 'ru');
    await say(h, '/revoke abc', 'ru');
    expect(h.lastText()).toBe('"abc" is not a session hash. A hash is a whole number such as /revoke -1234567890123456789; copy it from /sessions. Nothing was changed.');
    const g = botHarness();
    await say(g, '/revoke 0', 'de');
    expect(g.lastText()).toMatch(/^Hash 0 stands for the current session\. That is this guard: .*Nothing was changed\.$/);
  });
});
