import { PassThrough } from 'node:stream';
import { COMMANDS } from '../../src/bot/features/help';
import { demoHelp } from '../../sandbox/demo/chat';
import { runDemo } from '../../sandbox/demo/main';
import { renderMessage, numberButtons } from '../../sandbox/demo/render';

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
      '[2 End #3 Redmi Note 12]',
      'you> 2 (presses [2 End #3 Redmi Note 12])',
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
      '(presses [2 End it])',
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

  it('draws bold with ANSI on a terminal and numbers the buttons', () => {
    const text = renderMessage(message, { ansi: true, edited: false, buttons: numberButtons(message) });
    expect(text).toContain('\x1b[1mEnd this?\x1b[0m');
    expect(text).toContain('[1 End it]  [2 Cancel]');
  });

  it('is plain text otherwise', () => {
    expect(renderMessage(message, { ansi: false, edited: true, buttons: numberButtons(message) })).toBe(
      'bot (edited)> End this?\n              Hash: 123\n              [1 End it]  [2 Cancel]',
    );
  });
});
