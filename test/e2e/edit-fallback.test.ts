import { OWNER, startWorld, type World } from '../helpers/world';

const INTRUDER = 2n ** 62n + 4242n;

let w: World;
afterEach(async () => {
  await w.stop();
});

const isAlert = (c: { params: Record<string, unknown> }) => String(c.params.text).startsWith('🚨');

/**
 * A button acts, then its message cannot be edited (deleted meanwhile, or too old): the outcome
 * still reaches the owner, as a new message, never as "Something went wrong".
 */
describe('e2e: an outcome whose message is gone arrives as a new message', () => {
  it('End it on a deleted alert: the session is ended, audited ok, and the owner reads that it was', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    const mark = w.botApi.calls.length;
    w.mt.pushNewAuthorization({ hash: INTRUDER, unconfirmed: true, device: 'Unknown PC', location: 'Nowhere' });
    const alert = await w.next(mark, 'sendMessage', isAlert, 3000);
    const messageId = Number((alert.result as { message_id: number }).message_id);
    const end = w.buttons(w.last()).find((b) => b.data.startsWith('ee:'))!;
    const press = w.press(end.data, messageId);
    w.botApi.userDeletesMessage(OWNER.id, messageId);
    const outcome = await w.next(press.mark, 'sendMessage', (c) => /ended/i.test(String(c.params.text)), 5000);
    expect(String(outcome.params.text)).not.toMatch(/Something went wrong/);
    expect(String(outcome.params.text)).toMatch(/ended/i);
    expect(w.mt.callsOf('account.resetAuthorization').map((c) => c.args.hash)).toEqual([INTRUDER]);
    expect(w.auditRows('revoke')).toEqual([expect.objectContaining({ target_hash: INTRUDER.toString(), outcome: 'ok' })]);
  });

  it('a /revokeall confirmation on a deleted prompt: the outcome arrives as a new message', async () => {
    w = await startWorld({ sessions: [{ hash: 77n }] });
    await w.ask('/revokeall');
    const prompt = w.last();
    const press = w.press(w.buttons(prompt)[0]!.data, prompt.message_id);
    w.botApi.userDeletesMessage(OWNER.id, prompt.message_id);
    const outcome = await w.next(press.mark, 'sendMessage', () => true, 5000);
    expect(String(outcome.params.text)).toMatch(/ended/i);
    expect(String(outcome.params.text)).not.toMatch(/Something went wrong/);
    expect(w.mt.callsOf('auth.resetAuthorizations')).toHaveLength(1);
  });
});
