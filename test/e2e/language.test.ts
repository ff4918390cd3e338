import type { CallRecord } from '../../sandbox/emulator/botapi';
import { OWNER, startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

/** The owner writes from a Telegram app set to `language_code`; resolves with the bot's answer. */
async function ask(text: string, language_code: string): Promise<string> {
  const mark = w.botApi.calls.length;
  w.botApi.injectMessage({ from: { ...OWNER, language_code }, text });
  return String((await w.next(mark)).params.text);
}

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const menu = (c: CallRecord) => ({
  language: c.params.language_code ?? null,
  scope: json(c.params.scope) ?? null,
  sessions: (json(c.params.commands) as Array<{ command: string; description: string }>).find((x) => x.command === 'sessions')?.description,
});

describe('e2e: the owner\'s language, through the real grammY and gramjs stacks', () => {
  it('registers the command menu for English (default) and Russian (language_code ru)', async () => {
    w = await startWorld();
    await w.botApi.waitForCall('setMyCommands', (c) => c.ok && c.params.language_code === 'ru', { timeoutMs: 15_000 });
    expect(w.botApi.calls.filter((c) => c.method === 'setMyCommands').map(menu)).toEqual([
      { language: null, scope: null, sessions: 'List the active sessions' },
      { language: 'ru', scope: null, sessions: 'Список активных сеансов' },
    ]);
  });

  it('answers a Russian owner in Russian, a German one in English, and /language en wins across a restart', async () => {
    w = await startWorld();
    expect(await ask('/help', 'ru')).toContain('охраняет сеансы вашего аккаунта Telegram');
    expect(await ask('/help', 'de')).toContain('guards your Telegram account\'s sessions');
    expect(await ask('/language en', 'ru')).toBe('Done: the bot now writes in English.');
    await w.restart();
    expect(await ask('/help', 'ru')).toContain('guards your Telegram account\'s sessions');
    const owners = w.botApi.calls.filter((c) => c.method === 'setMyCommands' && json(c.params.scope) !== undefined).map(menu);
    expect(owners.at(-1)).toEqual({ language: null, scope: { type: 'chat', chat_id: OWNER.id }, sessions: 'List the active sessions' });
  });

  it('a Russian owner gets /sessions, a /revoke abc error and a new-login alert in Russian; /language en switches replies and alerts', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    const isAlert = (c: CallRecord) => String(c.params.text).startsWith('🚨');
    expect(await ask('/sessions', 'ru')).toMatch(/^<b>2 активных сеанса<\/b>\nСверху — недавно активные\./);
    expect(await ask('/revoke abc', 'ru')).toBe('«abc» — это не хеш сеанса. Хеш — целое число, например /revoke -1234567890123456789; скопируйте его из /sessions. Ничего не изменено.');

    let mark = w.botApi.calls.length;
    w.mt.pushNewAuthorization({ hash: 4242n, unconfirmed: true, device: 'Galaxy S24', location: 'Lisbon, Portugal' });
    const russian = String((await w.next(mark, 'sendMessage', isAlert, 5000)).params.text);
    expect(russian).toMatch(/^🚨 <b>Новый вход в ваш аккаунт<\/b>\n\nУстройство: Galaxy S24\nМесто: Lisbon, Portugal\nВремя: /);
    expect(russian).toContain('Хеш: <code>4242</code>');
    expect(w.buttons().map((b) => b.text)).toEqual(['Это я', 'Завершить']);

    expect(await ask('/language en', 'ru')).toBe('Done: the bot now writes in English.');
    expect(await ask('/revoke abc', 'ru')).toMatch(/^"abc" is not a session hash\./);
    mark = w.botApi.calls.length;
    w.mt.pushNewAuthorization({ hash: 4343n, unconfirmed: true, device: 'Pixel 8', location: 'Porto, Portugal' });
    const english = String((await w.next(mark, 'sendMessage', isAlert, 5000)).params.text);
    expect(english).toMatch(/^🚨 <b>New login to your account<\/b>\n\nDevice: Pixel 8\n/);
    expect(english).toMatch(/Unless you end it, Telegram confirms it by itself at /);
    expect(w.buttons().map((b) => b.text)).toEqual(["It's me", 'End it']);
  });

  it('a Russian owner presses "Это я" and "Завершить" under alerts and reads /status, all in Russian', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    const isAlert = (c: CallRecord) => String(c.params.text).startsWith('🚨');
    expect(await ask('/status', 'ru')).toMatch(/^<b>Состояние session-warden<\/b>\nКомпаньон: ✅ подключён/);

    let mark = w.botApi.calls.length;
    w.mt.pushNewAuthorization({ hash: 5151n, unconfirmed: true, device: 'Galaxy S24', location: 'Lisbon, Portugal' });
    const alert = await w.next(mark, 'sendMessage', isAlert, 5000);
    const messageId = Number((alert.result as { message_id: number }).message_id);
    const its = w.buttons().find((b) => b.text === 'Это я')!;
    const pressed = w.press(its.data, messageId, { ...OWNER, language_code: 'ru' } as typeof OWNER);
    const confirmed = String((await w.next(pressed.mark, 'editMessageText', (c) => String(c.params.text).includes('✅'))).params.text);
    expect(confirmed).toContain('✅ Подтверждено: Telegram теперь считает этот вход вашим.');
    expect(confirmed).not.toContain('Telegram ещё не подтвердил');
    expect(w.buttons().map((b) => b.text)).toEqual(['Доверять этому устройству', 'Нет, спасибо']);

    mark = w.botApi.calls.length;
    w.mt.pushNewAuthorization({ hash: 5252n, unconfirmed: true, device: 'Pixel 8', location: 'Porto, Portugal' });
    const second = await w.next(mark, 'sendMessage', isAlert, 5000);
    const end = w.buttons().find((b) => b.text === 'Завершить')!;
    const ended = w.press(end.data, Number((second.result as { message_id: number }).message_id), { ...OWNER, language_code: 'ru' } as typeof OWNER);
    expect(String((await w.next(ended.mark, 'editMessageText', (c) => String(c.params.text).includes('✅'))).params.text)).toMatch(/✅ Завершён: /);
    expect(w.botApi.callbackAnswers.map((a) => a.text).filter(Boolean)).toContain('Завершаю…');
  });
});
