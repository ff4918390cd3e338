import type { EmulatedConnectedBot } from '../../sandbox/emulator/mtproto';
import { OWNER, STRANGER, sleep, startWorld, type World } from '../helpers/world';
import { buttonsOf } from '../helpers/buttons';

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const OWN_BOT: EmulatedConnectedBot = { botId: 7_100_000_001n, username: 'my_shop_bot', firstName: 'My Shop', existingChats: true };
const EVIL_BOT: EmulatedConnectedBot = {
  botId: 2n ** 62n + 99n,
  accessHash: -(2n ** 61n),
  username: 'evil_helper_bot',
  firstName: '<i>Helper</i>',
  canReply: true,
  existingChats: true,
  newChats: true,
  nonContacts: true,
};

describe('e2e: connected business bots', () => {
  it('takes the first read as a baseline, alerts a bot that appears at the next session check, and Disconnect acts once', async () => {
    w = await startWorld({ reconcileIntervalSeconds: 1, mtproto: { connectedBots: [OWN_BOT] } });
    await w.app.doors.checkNow();
    const mark = w.botApi.calls.length;
    w.mt.setConnectedBots([OWN_BOT, EVIL_BOT]);
    // No nudge from the test: the periodic check finds it.
    const alert = await w.next(mark, 'sendMessage', (c) => String(c.params.text).includes('business bot was connected'), 5000);
    const text = String(alert.params.text);
    expect(text).toContain('@evil_helper_bot (&lt;i&gt;Helper&lt;/i&gt;)');
    expect(text).toMatch(/read and reply/);
    expect(text).toMatch(/It reaches: all existing chats, new chats, non-contacts\./);
    expect(w.botApi.calls.filter((c) => String(c.params.text).includes('my_shop_bot'))).toEqual([]);
    const button = buttonsOf(alert).find((b) => b.text === 'Disconnect')!;
    const messageId = (alert.result as { message_id: number }).message_id;

    const strangerMark = w.press(button.data, messageId, STRANGER).mark;
    await w.ask('/help');
    expect(w.mt.callsOf('account.updateConnectedBot')).toHaveLength(0);
    expect(w.botApi.calls.slice(strangerMark).filter((c) => c.method === 'answerCallbackQuery' || c.params.chat_id === STRANGER.id)).toEqual([]);

    const first = w.press(button.data, messageId);
    const second = w.press(button.data, messageId);
    const edit = await w.next(first.mark, 'editMessageText');
    expect(String(edit.params.text)).toMatch(/Disconnected: the bot can no longer read or answer your chats/);
    const answer = await w.next(first.mark, 'answerCallbackQuery', (c) => c.params.callback_query_id === second.id);
    expect(String(answer.params.text)).toMatch(/Already done/);
    await sleep(200);
    expect(w.mt.callsOf('account.updateConnectedBot')).toEqual([
      expect.objectContaining({ args: expect.objectContaining({ deleted: true, bot: expect.objectContaining({ userId: EVIL_BOT.botId }) }) }),
    ]);
    expect(w.mt.connectedBots().map((b) => b.botId)).toEqual([OWN_BOT.botId]);
    expect(w.auditRows('bot_disconnect')).toEqual([
      expect.objectContaining({ outcome: 'ok', actor_id: OWNER.id, target_hash: EVIL_BOT.botId.toString() }),
    ]);
    expect(w.auditRows('bot_connected')).toHaveLength(1);
  });

  it('/bots lists the connected bots, each with a Disconnect button that acts once', async () => {
    w = await startWorld({ mtproto: { connectedBots: [OWN_BOT, EVIL_BOT] } });
    const mark = w.say('/bots');
    const list = await w.next(mark);
    const text = String(list.params.text);
    expect(text).toMatch(/2 connected business bots/);
    expect(text).toContain('@my_shop_bot (My Shop)');
    expect(text).toContain('It can read messages but not reply.');
    const buttons = buttonsOf(list);
    expect(buttons.map((b) => b.text)).toEqual(['Disconnect @my_shop_bot', 'Disconnect @evil_helper_bot']);
    const messageId = (list.result as { message_id: number }).message_id;
    const first = w.press(buttons[1]!.data, messageId);
    const second = w.press(buttons[1]!.data, messageId);
    await w.next(first.mark, 'editMessageText');
    const answer = await w.next(first.mark, 'answerCallbackQuery', (c) => c.params.callback_query_id === second.id);
    expect(String(answer.params.text)).toMatch(/Already done/);
    expect(w.mt.connectedBots().map((b) => b.username)).toEqual(['my_shop_bot']);
    expect(await w.ask('/bots')).toMatch(/1 connected business bot\b/);
  });
});
