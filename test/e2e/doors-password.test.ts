import { buttonsOf } from '../helpers/buttons';
import { OWNER, STRANGER, sleep, startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const texts = (mark = 0): string[] => w.botApi.calls.slice(mark).filter((c) => c.ok && c.method === 'sendMessage').map((c) => String(c.params.text));
const DAY = 86_400;


/** A read of account.getPassword through the real app, then the notices it queued have been sent. */
async function check(): Promise<void> {
  await w.app.doors.checkNow();
  await w.ask('/help');
}

describe('e2e: 2FA and recovery watch', () => {
  it('takes the first read as a baseline, then alerts 2FA turned off once, as the most urgent alert', async () => {
    w = await startWorld({ mtproto: { password: 'correct horse', passwordHint: 'horse', passwordDetails: { hasRecovery: true } } });
    await check();
    expect(texts().filter((t) => /^(🚨|⚠️)/.test(t))).toEqual([]);
    expect(w.auditRows('password_baseline')).toHaveLength(1);

    await w.mt.setPassword(undefined);
    const mark = w.botApi.calls.length;
    await check();
    const alerts = texts(mark).filter((t) => t.includes('2FA turned off'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^🚨🚨/);
    expect(alerts[0]).toMatch(/send \/panic/);
    await check();
    expect(texts(mark).filter((t) => t.includes('2FA turned off'))).toHaveLength(1);
    expect(w.auditRows('password_off')).toHaveLength(1);
  });

  it('alerts 2FA turned on, then changed (new salts), saying someone else may hold the password', async () => {
    w = await startWorld();
    await check();
    await w.mt.setPassword('attacker-1');
    let mark = w.botApi.calls.length;
    await check();
    expect(texts(mark).join('\n')).toMatch(/2FA turned on[\s\S]*If this was not you, someone else now holds your 2FA password/);
    await w.mt.setPassword('attacker-2');
    mark = w.botApi.calls.length;
    await check();
    expect(texts(mark).join('\n')).toMatch(/2FA password changed[\s\S]*someone else now holds your 2FA password/);
    // The SRP challenge is never stored: the row holds only the fingerprint of current_algo.
    const row = w.app.db.prepare('SELECT * FROM password_state').get() as Record<string, unknown>;
    expect(Object.keys(row).some((k) => /srp/i.test(k))).toBe(false);
    expect(String(row.algo_fingerprint)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('alerts a changed hint, a recovery email being set (masked as Telegram shows it) and a changed login email, each once', async () => {
    w = await startWorld({ mtproto: { password: 'pw', passwordHint: 'old' } });
    await check();
    w.mt.setPasswordDetails({ hint: 'new <b>hint</b>', emailUnconfirmedPattern: 'm*****y@e*****e.com', loginEmailPattern: 'x***@mail.example' });
    const mark = w.botApi.calls.length;
    await check();
    await check();
    const sent = texts(mark);
    expect(sent.filter((t) => t.includes('2FA hint changed'))).toHaveLength(1);
    expect(sent.join('\n')).toContain('new &lt;b&gt;hint&lt;/b&gt;');
    expect(sent.filter((t) => t.includes('A recovery email is being set'))).toHaveLength(1);
    expect(sent.join('\n')).toContain('m*****y@e*****e.com');
    expect(sent.filter((t) => t.includes('Login email changed'))).toHaveLength(1);
  });

  it('alerts a pending reset with its date and a Cancel the reset button that acts once; a stranger\'s press does nothing', async () => {
    w = await startWorld({ mtproto: { password: 'pw' } });
    await check();
    const resetAt = Math.floor(Date.now() / 1000) + 7 * DAY;
    w.mt.setPasswordDetails({ pendingResetDate: resetAt });
    const mark = w.botApi.calls.length;
    await w.app.doors.checkNow();
    const alert = await w.next(mark, 'sendMessage', (c) => String(c.params.text).includes('2FA password reset is pending'));
    expect(String(alert.params.text)).toContain(new Date(resetAt * 1000).toISOString().slice(0, 16).replace('T', ' '));
    const message = alert.result as { message_id: number };
    const button = buttonsOf(alert).find((b) => b.text === 'Cancel the reset')!;
    expect(button).toBeDefined();

    const strangerMark = w.botApi.calls.length;
    w.press(button.data, message.message_id, STRANGER);
    await w.ask('/help');
    expect(w.mt.callsOf('account.declinePasswordReset')).toHaveLength(0);
    expect(w.botApi.calls.slice(strangerMark).filter((c) => c.params.chat_id === STRANGER.id || c.method === 'answerCallbackQuery')).toEqual([]);

    // Two presses at once: one call to Telegram, and the other press is told nothing more was done.
    const first = w.press(button.data, message.message_id);
    const second = w.press(button.data, message.message_id);
    const edit = await w.next(first.mark, 'editMessageText');
    expect(String(edit.params.text)).toMatch(/reset was cancelled/);
    const answers = await Promise.all(
      [first.id, second.id].map((id) => w.next(first.mark, 'answerCallbackQuery', (c) => c.params.callback_query_id === id)),
    );
    expect(answers.map((a) => String(a.params.text))).toEqual(expect.arrayContaining([expect.stringMatching(/Already done/)]));
    await sleep(200);
    expect(w.mt.callsOf('account.declinePasswordReset')).toHaveLength(1);
    expect(w.mt.passwordDetails.pendingResetDate).toBeUndefined();
    expect(w.auditRows('decline_reset')).toEqual([expect.objectContaining({ outcome: 'ok', actor_id: OWNER.id })]);
  });

  it('FLOOD_WAIT on getPassword postpones only the password watch: a login pushed meanwhile is alerted within 1 s', async () => {
    w = await startWorld({ mtproto: { password: 'pw' } });
    await check();
    w.mt.injectError('account.getPassword', { code: 420, message: 'FLOOD_WAIT_300', persistent: true });
    await w.app.doors.checkNow();
    const mark = w.botApi.calls.length;
    const t0 = Date.now();
    w.mt.pushNewAuthorization({ hash: 77n, unconfirmed: true, device: 'Intruder PC', location: 'Lagos, Nigeria' });
    const alert = await w.next(mark, 'sendMessage', (c) => String(c.params.text).includes('Intruder PC'), 3000);
    expect(alert.at - t0).toBeLessThan(1000);
    // Postponed: no more getPassword calls while the wait lasts.
    const calls = w.mt.callsOf('account.getPassword').length;
    await w.app.doors.checkNow();
    expect(w.mt.callsOf('account.getPassword')).toHaveLength(calls);
  });
});
