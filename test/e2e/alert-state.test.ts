import { sleep, startWorld, type World } from '../helpers/world';
import { holdWriteLock } from '../helpers/write-lock';

/**
 * An alert's state (which logins it covers, what was done to each, how each was found) is data the
 * guard keeps, not something read back from the message's text or keyboard: a press redraws the
 * alert from that state, also after a restart.
 */
let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const endButtons = (m = w.last()) => w.buttons(m).filter((b) => b.data.startsWith('ee:'));

describe('e2e: alert state', () => {
  it('a burst alert remembers what was ended from it across a restart', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    const hashes = [101n, 102n, 103n, 104n];
    const mark = w.botApi.calls.length;
    for (const hash of hashes) w.mt.pushNewAuthorization({ hash, unconfirmed: true, device: `Phone ${hash}`, location: 'Lisbon, Portugal' });
    // The first push goes out alone; the others wait for its first try and share one message.
    const burst = await w.next(mark, 'sendMessage', (c) => (String(c.params.text).match(/<code>/g) ?? []).length >= 2, 5000);
    const burstId = (burst.result as { message_id: number }).message_id;
    const buttons = (burst.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat();
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = buttons;
    const p1 = w.press(first!.callback_data, burstId);
    await w.next(p1.mark, 'editMessageText');
    await sleep(200); // the press's result is written
    await w.restart();
    const last = rest.at(-1)!;
    const p2 = w.press(last.callback_data, burstId);
    const redraw = await w.next(p2.mark, 'editMessageText');
    const text = String(redraw.params.text);
    const firstHash = first!.callback_data.slice(3);
    const lastHash = last.callback_data.slice(3);
    // Both ends are told as ends, not as "no longer active": the first one's result survived the restart.
    expect(text).toMatch(new RegExp(`1\\. [^\\n]* — ended · <code>${firstHash}</code>`));
    expect(text).toMatch(new RegExp(`— ended · <code>${lastHash}</code>`));
    const left = (redraw.params.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> } | undefined)?.inline_keyboard.flat() ?? [];
    expect(left.map((b) => b.callback_data)).toEqual(rest.slice(0, -1).map((b) => b.callback_data));
  }, 30_000);

  it('a login found at start keeps its headline when the owner ends it from the alert', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    await w.restart(() => {
      w.mt.addSession({ hash: 777n, deviceModel: 'Offline Laptop' });
    });
    const alert = await w.next(0, 'sendMessage', (c) => /while session-warden was not running/.test(String(c.params.text)), 4000);
    const id = (alert.result as { message_id: number }).message_id;
    const p = w.press('ee:777', id);
    const redraw = await w.next(p.mark, 'editMessageText');
    expect(String(redraw.params.text).split('\n')[0]).toBe(String(alert.params.text).split('\n')[0]);
    expect(String(redraw.params.text)).toMatch(/Ended: Offline Laptop/);
    expect(endButtons(w.last())).toEqual([]);
  }, 30_000);

  it('a burst delivered while another process holds the database keeps every line when pressed', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    const locker = holdWriteLock(w.config.databasePath, 6000);
    await locker.locked;
    const mark = w.botApi.calls.length;
    for (const hash of [201n, 202n, 203n, 204n]) w.mt.pushNewAuthorization({ hash, unconfirmed: true, device: `Phone ${hash}`, location: 'Lisbon, Portugal' });
    const burst = await w.next(mark, 'sendMessage', (c) => (String(c.params.text).match(/<code>/g) ?? []).length >= 2, 5000);
    const burstId = (burst.result as { message_id: number }).message_id;
    const buttons = (burst.params.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard.flat();
    const p = w.press(buttons[0]!.callback_data, burstId);
    const redraw = await w.next(p.mark, 'editMessageText', () => true, 8000);
    expect(String(redraw.params.text).match(/<code>/g)).toHaveLength(buttons.length);
    const left = (redraw.params.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard.flat();
    expect(left.map((b) => b.callback_data)).toEqual(buttons.slice(1).map((b) => b.callback_data));
    await locker.exited;
  }, 30_000);
});
