import { STRANGER, sleep, startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const now = (): number => Math.floor(Date.now() / 1000);

describe('e2e: /panic locks the other doors too', () => {
  it('declines the pending reset, disconnects every bot, sets the shortest TTL, turns code guard on, and says so', async () => {
    w = await startWorld({
      sessions: [{ hash: 5n }],
      mtproto: {
        password: 'pw',
        passwordDetails: { pendingResetDate: now() + 6 * 86_400 },
        connectedBots: [
          { botId: 901n, username: 'a_bot', firstName: 'A' },
          { botId: 902n, username: 'b_bot', firstName: 'B', canReply: true },
        ],
      },
    });
    const promptText = await w.ask('/panic');
    expect(promptText).toMatch(/cancel a pending 2FA password reset/);
    expect(promptText).toMatch(/turn code guard on/);
    const prompt = w.last();
    const button = w.buttons(prompt)[0]!;
    w.press(button.data, prompt.message_id, STRANGER);
    await w.ask('/help');
    expect(w.mt.callsOf('auth.resetAuthorizations')).toHaveLength(0);

    const first = w.press(button.data, prompt.message_id);
    const second = w.press(button.data, prompt.message_id);
    const text = String((await w.next(first.mark, 'editMessageText')).params.text);
    expect(text).toMatch(/✅ The 2FA password reset was cancelled/);
    expect(text).toMatch(/✅ Disconnected 2 business bots\./);
    expect(text).toMatch(/✅ Inactive sessions now end after 7 days/);
    expect(text).toMatch(/✅ Code guard is on/);
    expect(text).toMatch(/Check the recovery email of your 2FA password: it must be an address only you control/);
    const answer = await w.next(first.mark, 'answerCallbackQuery', (c) => c.params.callback_query_id === second.id);
    expect(String(answer.params.text)).toMatch(/Already done/);
    await sleep(200);
    expect(w.mt.callsOf('account.declinePasswordReset')).toHaveLength(1);
    expect(w.mt.passwordDetails.pendingResetDate).toBeUndefined();
    expect(w.mt.connectedBots()).toEqual([]);
    expect(w.mt.authorizationTtlDays).toBe(7);
    expect(await w.ask('/codeguard')).toMatch(/Code guard is <b>on<\/b>/);
  });

  it('reports truthfully when there is nothing to decline or disconnect, and when Telegram refuses the TTL', async () => {
    w = await startWorld({ mtproto: { companion: { dateCreated: now() - 60 } } });
    await w.ask('/panic');
    const prompt = w.last();
    const p = w.press(w.buttons(prompt)[0]!.data, prompt.message_id);
    const text = String((await w.next(p.mark, 'editMessageText')).params.text);
    expect(text).toMatch(/✅ No 2FA password reset was pending\./);
    expect(text).toMatch(/✅ No business bots were connected\./);
    expect(text).toMatch(/❌ Could not shorten the inactivity period\..*24 hours/s);
    expect(text).toMatch(/✅ Code guard is on/);
    expect(w.mt.callsOf('account.declinePasswordReset')).toHaveLength(0);
  });

  it('closes every window that weakens the guard: a code inside an /expect window opened before /panic is invalidated', async () => {
    w = await startWorld();
    expect(await w.ask('/expect 60')).toMatch(/Login window open until/);
    await w.ask('/panic');
    const prompt = w.last();
    const p = w.press(w.buttons(prompt)[0]!.data, prompt.message_id);
    const report = String((await w.next(p.mark, 'editMessageText')).params.text);
    expect(report).toMatch(/✅ Code guard is on/);
    const mark = w.botApi.calls.length;
    w.mt.pushServiceMessage('Login code: 55123. Do not give this code to anyone.');
    const alert = await w.next(mark, 'sendMessage', (c) => String(c.params.text).includes('login code'), 5000);
    expect(String(alert.params.text)).toMatch(/invalidated the code at once/);
    expect(w.mt.invalidatedCodes).toEqual(['55123']);
    expect(w.auditRows('expect_off')).toEqual([expect.objectContaining({ detail: 'panic' })]);
  });
});

