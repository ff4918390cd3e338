import type { CallRecord } from '../../src/emulator/botapi';
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
});
