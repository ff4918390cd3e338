import { OWNER, sleep, STRANGER, startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  await w.stop();
});

describe('e2e: strangers', () => {
  it('get silence and no account action, for messages and button presses alike', async () => {
    w = await startWorld({ sessions: [{ hash: 99n }] });
    await w.ask('/revokeall'); // the owner's pending confirmation
    const owners = w.last();
    const mtCallsBefore = w.mt.calls.length;
    const mark = w.botApi.calls.length;
    for (const text of ['/start', '/sessions', '/revoke 99', '/revokeall']) w.say(text, STRANGER);
    w.botApi.injectMessage({ from: STRANGER, chat: { id: -100555, type: 'supergroup', title: 'g' }, text: '/sessions' });
    w.botApi.injectMessage({ from: OWNER, chat: { id: -100555, type: 'supergroup', title: 'g' }, text: '/sessions' });
    // The owner's own message afterwards proves the strangers' updates were consumed first.
    const reply = await w.ask('/help');
    expect(reply).toContain('/sessions');
    const sentToOthers = w.botApi.calls.slice(mark).filter((c) => c.method !== 'getUpdates' && c.params.chat_id !== OWNER.id);
    expect(sentToOthers).toEqual([]);
    expect(w.mt.calls.slice(mtCallsBefore).filter((c) => c.method !== 'ping' && !c.method.startsWith('updates.'))).toEqual([]);
    expect(w.auditRows('denied').length).toBe(6);
    expect(owners.reply_markup).toBeDefined();
  });

  it('cannot press the owner\'s buttons', async () => {
    w = await startWorld({ sessions: [{ hash: 99n }] });
    await w.ask('/revokeall');
    const msg = w.last();
    const yes = w.buttons(msg)[0]!;
    w.botApi.injectCallback({ from: STRANGER, chatId: OWNER.id, messageId: msg.message_id, data: yes.data });
    await w.ask('/help');
    await sleep(50);
    expect(w.mt.callsOf('auth.resetAuthorizations')).toHaveLength(0);
    expect(w.auditRows('denied')).toEqual([expect.objectContaining({ actor_id: STRANGER.id })]);
  });
});
