import { PassThrough } from 'node:stream';
import { COMMANDS } from '../../src/bot/features/help';
import { DemoChat, demoHelp } from '../../sandbox/demo/chat';
import { runDemo } from '../../sandbox/demo/main';
import { renderMessage, letterButtons } from '../../sandbox/demo/render';
import { DEMO_OWNER, type DemoWorld } from '../../sandbox/demo/scenario';

describe('npm run demo -- --script', () => {
  it('plays the tour against both emulators, prints the transcript and exits 0', async () => {
    const output = new PassThrough();
    let transcript = '';
    output.on('data', (chunk: Buffer) => (transcript += chunk.toString()));
    const code = await runDemo({ script: true, output });
    expect(code).toBe(0);
    // No TTY: plain text, no ANSI codes.
    expect(transcript).not.toMatch(/\x1b\[/);
    for (const line of [
      'you> /sessions',
      'bot> Active sessions: 6',
      'Hash: 9007199254753337',
      'Hash: -9123456789012345678',
      // Buttons have letters, so a shortcut is never mistaken for a session's number.
      '[b: End #3 Redmi Note 12]',
      'you> b (presses [b: End #3 Redmi Note 12])',
      // A protected action: the bot asks for the authenticator code, :otp shows the demo's, and only then it acts.
      'bot> 🔐 End this session?',
      'If you did not ask for this, do not send a code: someone else in your account asked.',
      'you> :otp',
      '(your authenticator app shows ',
      'bot (edited)> Ended: Redmi Note 12, QuickGram 3.2.1, Amsterdam, Netherlands',
      'bot> No active session has that hash.',
      'bot (edited)> Cancelled. Nothing was ended.',
      '(simulated: Telegram reports a new login on Galaxy S24 from Lagos, Nigeria',
      'bot> Web sessions: 2',
      'bot (edited)> Ended the web session: shop.example.com',
      'bot> Inactive sessions end after 180 days (6 months).',
      'bot> Done: sessions inactive for 90 days (3 months) now end automatically.',
      'bot> 🔑 Someone asked Telegram for a login code for your account…',
      '✅ The 2FA password reset was cancelled: your password stays.',
      'Bot: @helpful_inbox_bot (Inbox Helper)',
      '✅ Disconnected: the bot can no longer read or answer your chats.',
      'bot> 🚨🚨 2FA turned off',
      'bot> Security checkup',
      'bot> Last 8 audit entries, newest first:',
      'you> /status',
      'you> /trust',
      'bot> Trusted: Pixel 8',
      'you> /guard on',
      'Guard mode is on',
      'Guard mode ended it at once',
      'you> /panic',
      '(presses [b: End it])',
      '(simulated: the session of MacBook Pro is now used from Lagos, Nigeria',
      'moved to another country (Spain → Nigeria)',
      'Place: Madrid, Spain (203.0.113.24) → Lagos, Nigeria (198.51.100.23)',
      'Ended: Galaxy S24',
      // The bot blocked: the owner hears of it by email, shown as the mail server received it.
      'you> :block',
      'mail> to ada@example.com: “🚨 session-warden cannot reach you in Telegram”',
      '── the last email, as the mail server received it ──',
      'X-Session-Warden-Event: bot_blocked',
      'you> :unblock',
      'mail> to ada@example.com: “✅ session-warden reaches you in Telegram again”',
      '✓ tour complete',
    ]) {
      expect(transcript).toContain(line);
    }
    expect(transcript).toMatch(/Galaxy S24 · /);
    expect(transcript).not.toMatch(/\[\d+ /);
  }, 120_000); // a hang guard, not a speed goal: the tour waits on real timers and a loaded CI machine
});

describe('demo help', () => {
  it('names every command of the bot\'s menu', () => {
    const help = demoHelp();
    for (const c of COMMANDS) expect(help).toContain(`/${c.command}`);
  });
});

describe('demo rendering', () => {
  const message = {
    message_id: 7,
    text: 'End this?\nHash: 123',
    entities: [{ type: 'bold', offset: 0, length: 9 }, { type: 'code', offset: 16, length: 3 }],
    reply_markup: { inline_keyboard: [[{ text: 'End it', callback_data: 'sc:x' }, { text: 'Cancel', callback_data: 'sx:x' }]] },
  };

  it('draws bold with ANSI on a terminal and gives the buttons letters', () => {
    const text = renderMessage(message, { ansi: true, edited: false, buttons: letterButtons(message) });
    expect(text).toContain('\x1b[1mEnd this?\x1b[0m');
    expect(text).toContain('[a: End it]  [b: Cancel]');
  });

  it('is plain text otherwise', () => {
    expect(renderMessage(message, { ansi: false, edited: true, buttons: letterButtons(message) })).toBe(
      'bot (edited)> End this?\n              Hash: 123\n              [a: End it]  [b: Cancel]',
    );
  });

  it('letters go on past z (aa, ab…), so a long list still has a shortcut for every button', () => {
    const many = { message_id: 8, reply_markup: { inline_keyboard: Array.from({ length: 30 }, (_, i) => [{ text: `B${i}`, callback_data: `x:${i}` }]) } };
    expect(letterButtons(many).map((b) => b.key).slice(24, 30)).toEqual(['y', 'z', 'aa', 'ab', 'ac', 'ad']);
  });
});

/** A chat over a stand-in world: what the owner types either presses a button or goes to the bot. */
function chatOverStandIn(language: 'en' | 'ru' = 'en') {
  const sent: string[] = [];
  const pressed: string[] = [];
  const printed: string[] = [];
  const calls: Array<Record<string, unknown>> = [];
  const world = {
    botApi: {
      calls,
      injectMessage: ({ text }: { text: string }) => void sent.push(text),
      injectCallback: ({ data }: { data: string }) => void pressed.push(data),
    },
    mails: [],
    language: () => language,
  } as unknown as DemoWorld;
  const chat = new DemoChat(world, (t) => void printed.push(t), false);
  const message = { message_id: 7, text: 'End this?', reply_markup: { inline_keyboard: [[{ text: 'End it', callback_data: 'sc:x' }, { text: 'Cancel', callback_data: 'sx:x' }]] } };
  calls.push({ ok: true, method: 'sendMessage', params: { chat_id: DEMO_OWNER.id }, result: message });
  chat.close();
  return { chat, sent, pressed, printed };
}

describe('demo shortcuts', () => {
  it('a letter presses its button; a 6-digit code, a number or a word goes to the bot as a message', () => {
    const { chat, sent, pressed, printed } = chatOverStandIn();
    expect(chat.handle('b')).toBe('sent');
    expect(pressed).toEqual(['sx:x']);
    for (const text of ['123456', '123 456', '2', '1', '42', 'yes']) expect(chat.handle(text)).toBe('sent');
    expect(sent).toEqual(['123456', '123 456', '2', '1', '42', 'yes']);
    expect(chat.handle('q')).toBe('local');
    expect(printed.at(-1)).toMatch(/there is no button q/);
    expect(pressed).toEqual(['sx:x']);
  });

  it('the help says letters press buttons', () => {
    expect(demoHelp()).toMatch(/\ba, b, c… +press that button/);
    expect(demoHelp()).not.toMatch(/<n>/);
  });
});

describe('the demo speaks the language the owner chose', () => {
  it("after /language ru its own lines are Russian: simulations, the authenticator's code, help, a missing button", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let transcript = '';
    output.on('data', (chunk: Buffer) => (transcript += chunk.toString()));
    const done = runDemo({ input, output });
    input.end(['/language ru', ':login Galaxy S24 from Lagos, Nigeria', ':otp', ':reset', 'q', ':nope', ':help', ':quit', ''].join('\n'));
    expect(await done).toBe(0);
    const after = transcript.slice(transcript.indexOf('you> /language ru'));
    expect(after).toContain('Готово');
    expect(after).toContain('(симуляция: Telegram сообщает о новом входе: Galaxy S24, Lagos, Nigeria, хеш ');
    expect(after).toMatch(/\(ваше приложение-аутентификатор показывает \d{6}/);
    expect(after).toContain('(симуляция: кто-то просит Telegram сбросить облачный пароль');
    expect(after).toContain('(кнопки q нет');
    expect(after).toContain('(неизвестная команда демо :nope');
    expect(after).toMatch(/a, b, c… +нажать эту кнопку/);
    expect(after).not.toMatch(/\((simulated|your authenticator app|there is no button|unknown demo command)/);
    // Before the switch, the same lines are English.
    expect(demoHelp('en')).toMatch(/press that button/);
  }, 60_000);
});
