import { buttonsOf } from '../helpers/buttons';
import { STRANGER, sleep, startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const now = (): number => Math.floor(Date.now() / 1000);

describe('e2e: /security', () => {
  it('shows every door on one page, each line that needs action with what to do, and a button where one call does it', async () => {
    w = await startWorld({
      sessions: [
        { hash: 21n, deviceModel: 'Shady Client', apiId: 31337, officialApp: false, passwordPending: true },
        { hash: 22n, deviceModel: 'Old Tablet', officialApp: true, dateActive: now() - 40 * 86_400 },
        { hash: 23n, deviceModel: 'My Phone', officialApp: true },
      ],
      mtproto: {
        password: 'pw',
        passwordDetails: { pendingResetDate: now() + 5 * 86_400 },
        connectedBots: [{ botId: 903n, username: 'reader_bot', firstName: 'Reader' }],
      },
    });
    w.mt.setWebSessions([
      { hash: 9n, botId: 5000n, domain: 'shop.example.com', browser: 'Firefox', platform: 'Linux', dateCreated: now() - 100, dateActive: now() - 50, ip: '198.51.100.4', region: 'Paris' },
    ]);
    const mark = w.say('/security');
    const page = await w.next(mark);
    const text = String(page.params.text);
    expect(text).toMatch(/✅ 2FA is on\./);
    expect(text).toMatch(/⚠️ No recovery email: add one you control/);
    expect(text).toMatch(/🚨 A 2FA reset is pending: it removes the password at/);
    expect(text).toMatch(/2 sessions have risk flags/);
    expect(text).toMatch(/Shady Client: unofficial app \(api_id 31337\); password_pending/);
    expect(text).toMatch(/Old Tablet: idle for 40 days/);
    expect(text).not.toMatch(/My Phone/);
    expect(text).toMatch(/1 website login: review them with \/websessions/);
    expect(text).toMatch(/1 business bot is connected.*@reader_bot \(Reader\)/);
    expect(text).toMatch(/Inactive sessions end after 180 days/);
    expect(text).toMatch(/Guard mode is off/);
    expect(text).toMatch(/Code guard is off/);
    const buttons = buttonsOf(page);
    expect(buttons.map((b) => b.text)).toEqual(['Cancel the reset', 'Disconnect @reader_bot', 'Shorten to 1 week', 'Turn code guard on']);
    const messageId = (page.result as { message_id: number }).message_id;
    const data = (label: string): string => buttons.find((b) => b.text === label)!.data;

    const strangerMark = w.press(data('Cancel the reset'), messageId, STRANGER).mark;
    w.press(data('Turn code guard on'), messageId, STRANGER);
    await w.ask('/help');
    expect(w.botApi.calls.slice(strangerMark).filter((c) => c.method === 'answerCallbackQuery')).toEqual([]);
    expect(w.mt.callsOf('account.declinePasswordReset')).toHaveLength(0);
    expect(await w.ask('/codeguard')).toMatch(/Code guard is <b>off<\/b>/);

    const first = w.press(data('Cancel the reset'), messageId);
    const second = w.press(data('Cancel the reset'), messageId);
    await w.next(first.mark, 'editMessageText', (c) => /reset was cancelled/.test(String(c.params.text)));
    const answer = await w.next(first.mark, 'answerCallbackQuery', (c) => c.params.callback_query_id === second.id);
    expect(String(answer.params.text)).toMatch(/Already done/);
    await sleep(200);
    expect(w.mt.callsOf('account.declinePasswordReset')).toHaveLength(1);

    const again = w.say('/security');
    const page2 = await w.next(again);
    expect(String(page2.params.text)).toMatch(/✅ No 2FA reset is pending\./);
    const id2 = (page2.result as { message_id: number }).message_id;
    const cg = w.press(buttonsOf(page2).find((b) => b.text === 'Turn code guard on')!.data, id2);
    await w.next(cg.mark, 'answerCallbackQuery');
    expect(await w.ask('/codeguard')).toMatch(/Code guard is <b>on<\/b>/);
    const tt = w.press(buttonsOf(page2).find((b) => b.text === 'Shorten to 1 week')!.data, id2);
    await w.next(tt.mark, 'answerCallbackQuery');
    await sleep(300);
    expect(w.mt.authorizationTtlDays).toBe(7);
  });

  it('says 2FA is off and what to do, and explains a read that failed instead of hiding the line', async () => {
    w = await startWorld();
    w.mt.injectError('account.getConnectedBots', { code: 420, message: 'FLOOD_WAIT_30', persistent: true });
    const text = await w.ask('/security');
    expect(text).toMatch(/❌ 2FA is off: set a password with a recovery email only you control/);
    expect(text).toMatch(/❔ Telegram asks to wait 30 s before trying again/);
    expect(text).toMatch(/✅ No website logins\./);
  });
});
