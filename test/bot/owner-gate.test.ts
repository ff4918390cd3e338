import { botHarness, OWNER_ID } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession } from '../helpers/fake-account';

const STRANGER = 666;

function setup() {
  return botHarness(new FakeAccount([companionSession(), makeSession({ hash: 77n })]));
}

describe('the owner gate', () => {
  it('ignores every command from a stranger: no reply, no account call, a denial row', async () => {
    const h = setup();
    for (const cmd of ['/start', '/sessions', '/revoke 77', '/revokeall']) await h.send(cmd, STRANGER);
    expect(h.calls).toHaveLength(0);
    expect(h.account.calls).toHaveLength(0);
    expect(h.auditRows('denied')).toHaveLength(4);
    expect(h.auditRows('denied')[0]).toMatchObject({ actorId: STRANGER, outcome: 'denied' });
  });

  it('ignores a stranger pressing the owner\'s buttons', async () => {
    const h = setup();
    await h.send('/revokeall');
    const data = h.lastButtons()[0]!.data;
    const before = h.calls.length;
    await h.press(data, STRANGER);
    expect(h.account.changes).toHaveLength(0);
    expect(h.calls.length).toBe(before);
    // The confirmation is still the owner's to use.
    await h.press(data, OWNER_ID);
    expect(h.account.changes).toEqual([{ method: 'revokeAll' }]);
  });

  it('ignores the owner in a group', async () => {
    const h = setup();
    await h.send('/sessions', OWNER_ID, { id: -100123, type: 'supergroup' });
    expect(h.calls).toHaveLength(0);
    expect(h.account.calls).toHaveLength(0);
  });

  it('ignores channel posts, inline queries and edited messages', async () => {
    const h = setup();
    await h.raw({ channel_post: { message_id: 1, date: 0, chat: { id: -1001, type: 'channel', title: 'c' }, text: '/sessions' } } as never);
    await h.raw({ inline_query: { id: '1', from: { id: STRANGER, is_bot: false, first_name: 's' }, query: 'x', offset: '' } } as never);
    await h.raw({ edited_message: { message_id: 1, date: 0, edit_date: 1, chat: { id: STRANGER, type: 'private', first_name: 's' }, from: { id: STRANGER, is_bot: false, first_name: 's' }, text: '/revokeall' } } as never);
    expect(h.calls).toHaveLength(0);
    expect(h.auditRows('denied').map((r) => r.detail)).toEqual(['channel_post in channel chat', 'inline_query', 'edited_message in private chat']);
  });

  it('bounds denial rows under a flood', async () => {
    const h = setup();
    for (let i = 0; i < 500; i++) await h.send('/sessions', 1000 + i);
    expect(h.auditRows('denied').length).toBeLessThanOrEqual(21);
    h.clock.now += 61_000;
    await h.send('/sessions', STRANGER);
    const rows = h.auditRows('denied');
    expect(rows.find((r) => r.outcome === 'suppressed')?.detail).toMatch(/^480 more/);
    expect(h.calls).toHaveLength(0);
  });
});
