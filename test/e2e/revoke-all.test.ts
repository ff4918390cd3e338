import { startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const start = () => startWorld({ sessions: [{ hash: 11n }, { hash: -22n }, { hash: 2n ** 60n }] });

describe('e2e: /revokeall', () => {
  it('warns, counts, and ends every other session once on confirmation; a double tap does nothing more', async () => {
    w = await start();
    const ask = await w.ask('/revokeall');
    expect(ask).toMatch(/End 3 sessions\?/);
    expect(ask).toMatch(/including your own phone and desktop apps/);
    const msg = w.last();
    const yes = w.buttons(msg).find((b) => b.text === 'End 3 sessions')!;
    // Both taps land before the bot has edited the buttons away, as with a quick double tap.
    const first = w.press(yes.data, msg.message_id);
    const second = w.press(yes.data, msg.message_id);
    await w.next(first.mark, 'editMessageText');
    await w.next(second.mark, 'answerCallbackQuery', (c) => c.params.callback_query_id === second.id);
    expect(w.mt.callsOf('auth.resetAuthorizations')).toHaveLength(1);
    expect(w.mt.sessions().filter((s) => !s.current)).toHaveLength(0);
    expect(w.last().text).toMatch(/^Done: Telegram ended every session except/);
    const answers = w.botApi.callbackAnswers.map((a) => a.id);
    expect(answers).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(w.auditRows('revoke_all')).toEqual([expect.objectContaining({ outcome: 'ok' })]);
  });

  it('Cancel ends nothing', async () => {
    w = await start();
    await w.ask('/revokeall');
    const msg = w.last();
    const p = w.press(w.buttons(msg).find((b) => b.text === 'Cancel')!.data, msg.message_id);
    await w.next(p.mark, 'editMessageText');
    expect(w.last().text).toMatch(/Cancelled/);
    expect(w.mt.callsOf('auth.resetAuthorizations')).toHaveLength(0);
  });

  it('explains the 24 h rule from the server and leaves the sessions alone', async () => {
    w = await startWorld({ sessions: [{ hash: 5n }], mtproto: { companion: { dateCreated: Math.floor(Date.now() / 1000) - 600 } } });
    await w.ask('/revokeall');
    const msg = w.last();
    const p = w.press(w.buttons(msg)[0]!.data, msg.message_id);
    const edit = await w.next(p.mark, 'editMessageText');
    expect(String(edit.params.text)).toMatch(/at least 24 hours old/);
    expect(w.mt.sessions().map((s) => s.hash)).toEqual([5n]);
  });
});
