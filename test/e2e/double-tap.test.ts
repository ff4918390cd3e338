import { sleep, startWorld, type World } from '../helpers/world';

const NEG = -(2n ** 60n) - 7n;

let w: World;
afterEach(async () => {
  // Nothing the bot sent was refused by Telegram: no second answer to one query, no "not modified" error.
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const noErrorMessage = (from: number): void => {
  const texts = w.botApi.calls.slice(from).filter((c) => c.method === 'sendMessage').map((c) => String(c.params.text));
  expect(texts.filter((t) => /Something went wrong/.test(t))).toEqual([]);
};

describe('e2e: double taps through grammY and the Bot API emulator', () => {
  it('"End it" tapped twice ends the login once and the alert says it ended', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    const mark = w.botApi.calls.length;
    w.mt.pushNewAuthorization({ hash: NEG, unconfirmed: true, device: 'Galaxy S24', location: 'Lisbon, Portugal' });
    const alert = await w.next(mark, 'sendMessage', (c) => String(c.params.text).startsWith('🚨'), 3000);
    const messageId = (alert.result as { message_id: number }).message_id;
    // Both queries are queued before the bot handles the first.
    const first = w.press(`ee:${NEG}`, messageId);
    const second = w.press(`ee:${NEG}`, messageId);
    await w.next(first.mark, 'editMessageText', (c) => /Ended: /.test(String(c.params.text)));
    await sleep(1500);
    expect(w.mt.callsOf('account.resetAuthorization').map((c) => c.args.hash)).toEqual([NEG]);
    expect(w.auditRows('revoke').map((r) => r.outcome)).toEqual(['ok']);
    expect(w.last().text).toMatch(/Ended: /);
    expect(w.last().text).not.toMatch(/No active session|has not confirmed this login yet/);
    const answered = w.botApi.callbackAnswers.map((a) => a.id);
    expect(answered).toEqual(expect.arrayContaining([first.id, second.id]));
    noErrorMessage(mark);
  });

  it('/revokeall\'s Cancel tapped twice says "Cancelled" once and shows no error', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }, { hash: 2n }] });
    await w.ask('/revokeall');
    const prompt = w.last();
    const cancel = w.buttons(prompt).find((b) => b.text === 'Cancel')!;
    const first = w.press(cancel.data, prompt.message_id);
    const second = w.press(cancel.data, prompt.message_id);
    await w.next(first.mark, 'editMessageText');
    await sleep(1500);
    expect(w.last().text).toBe('Cancelled. Nothing was ended.');
    expect(w.auditRows('revoke_all').map((r) => r.outcome)).toEqual(['cancelled']);
    expect(w.botApi.callbackAnswers.map((a) => a.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    noErrorMessage(first.mark);
  });
});
