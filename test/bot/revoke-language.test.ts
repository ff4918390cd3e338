import type { Update } from 'grammy/types';
import { botHarness, OWNER_ID } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession, TEST_NOW_MS } from '../helpers/fake-account';

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

describe('why ending a session failed, in the owner\'s language', () => {
  it('a hash no session has', async () => {
    const h = botHarness();
    h.account.failNext('revoke', { kind: 'hash_invalid' }, 'HASH_INVALID');
    await say(h, '/revoke 777', 'ru');
    expect(h.lastText()).toBe('Активного сеанса с таким хешем нет. Возможно, он уже завершён: отправьте /sessions, чтобы увидеть текущий список.');
  });

  it('the 24 h rule, with when the companion will be old enough, in Russian words and dates', async () => {
    const created = TEST_NOW_MS / 1000 - 3600 * 5;
    const h = botHarness(new FakeAccount([companionSession({ dateCreated: created }), makeSession({ hash: 777n })]));
    h.account.failNext('revoke', { kind: 'too_fresh' }, 'FRESH_RESET_AUTHORISATION_FORBIDDEN');
    await say(h, '/revoke 777', 'ru');
    expect(h.lastText()).toMatch(/^Telegram отказал \(FRESH_RESET_AUTHORISATION_FORBIDDEN\): .*24 часов.* Это станет возможно .+ UTC \(осталось: 19 часов 1 минута\)\.$/);
  });

  it('a logged-out companion names what was being done in Russian; after /language en, in English', async () => {
    const h = botHarness();
    h.account.failNext('revoke', { kind: 'logged_out' }, 'AUTH_KEY_UNREGISTERED');
    await say(h, '/revoke 777', 'ru');
    expect(h.lastText()).toMatch(/^Не удалось завершить этот сеанс: компаньон вышел из аккаунта \(AUTH_KEY_UNREGISTERED\) — .*npm run login/);
    await say(h, '/language en', 'ru');
    h.account.failNext('revoke', { kind: 'logged_out' }, 'AUTH_KEY_UNREGISTERED');
    await say(h, '/revoke 777', 'ru');
    expect(h.lastText()).toBe('Ending that session failed: the companion account is logged out (AUTH_KEY_UNREGISTERED): its session was ended from another device, it expired, or it was never logged in. Run npm run login on the server, then restart session-warden.');
  });
});

describe('/sessions speaks the owner\'s language', () => {
  const sessions = () =>
    new FakeAccount([
      companionSession({ dateCreated: TEST_NOW_MS / 1000 - 5 * 86_400 }),
      makeSession({ hash: 777n, deviceModel: 'Pixel 8', dateActive: TEST_NOW_MS / 1000 - 300, dateCreated: TEST_NOW_MS / 1000 - 2 * 3600 }),
    ]);

  it('cards, header, relative times with Russian plurals, and the End button', async () => {
    const h = botHarness(sessions());
    await say(h, '/sessions', 'ru');
    const text = h.lastText();
    expect(text).toContain('<b>2 активных сеанса</b>');
    expect(text).toContain('Сверху — недавно активные.');
    expect(text).toContain('Вход: 2 часа назад · активность: 5 минут назад');
    expect(text).toContain('Хеш: <code>777</code>');
    expect(text).toContain('🛡 это сам сторож');
    expect(h.lastButtons().map((b) => b.text)).toContain('Завершить №2 Pixel 8');
  });

  it('/language en switches it back to today\'s English', async () => {
    const h = botHarness(sessions());
    await say(h, '/language en', 'ru');
    await say(h, '/sessions', 'ru');
    expect(h.lastText()).toContain('<b>Active sessions: 2</b>\nMost recently active first.');
    expect(h.lastText()).toContain('Created 2 h ago · active 5 min ago');
    expect(h.lastButtons().map((b) => b.text)).toContain('End #2 Pixel 8');
  });
});

describe('ending a session from /sessions, in the owner\'s language', () => {
  it('the confirmation, its buttons, the result and the refusal for the companion are Russian', async () => {
    const h = botHarness(new FakeAccount([companionSession(), makeSession({ hash: 777n, deviceModel: 'Pixel 8' })]));
    await say(h, '/sessions', 'ru');
    await h.press('se:777');
    expect(h.lastText()).toMatch(/^<b>Завершить этот сеанс\?<\/b>\n\n<b>№2 Pixel 8<\/b>/);
    expect(h.lastButtons().map((b) => b.text)).toEqual(['Завершить №2', 'Отмена']);
    await h.press(h.lastButtons()[0]!.data);
    expect(h.lastText()).toMatch(/^Завершён: Pixel 8, /);
    await h.press('se:0');
    expect(h.lastText()).toMatch(/^Это сам сторож: .*Ничего не изменено\.$/);
  });
});

test('a message no command handles is answered in the owner\'s language', async () => {
  const h = botHarness();
  await say(h, 'привет', 'ru');
  expect(h.lastText()).toBe('Такой команды я не знаю. Отправьте /help, чтобы увидеть, что я умею.');
});

describe('a stale confirmation says so in the owner\'s language', () => {
  it('an End confirmation pressed after two minutes, from a Russian owner', async () => {
    const h = botHarness(new FakeAccount([companionSession(), makeSession({ hash: 777n })]));
    h.speaks('ru');
    await h.press('se:777');
    const confirm = h.lastButtons().find((b) => b.data.startsWith('sc:'))!;
    h.clock.now += 121_000;
    await h.press(confirm.data);
    expect(h.account.changes).toHaveLength(0);
    expect(h.lastText()).toBe('Время на подтверждение истекло. Ничего не изменено; отправьте /sessions ещё раз.');
  });

  it('a confirmation the bot no longer knows (after a restart), in English', async () => {
    const h = botHarness(new FakeAccount([companionSession(), makeSession({ hash: 777n })]));
    await h.press('sc:unknown-id');
    expect(h.account.changes).toHaveLength(0);
    expect(h.lastText()).toBe('This confirmation is no longer valid (session-warden may have restarted). Nothing was changed; send /sessions again.');
  });
});
