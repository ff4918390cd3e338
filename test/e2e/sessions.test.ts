import { OWNER, startWorld, type World } from '../helpers/world';

const ABOVE_2_53 = 9_007_199_254_740_993n;
const NEGATIVE = -7_777_777_777_777_777_777n;
const MAX = 2n ** 63n - 1n;

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

describe('e2e: /sessions against the emulators', () => {
  it('shows every session with its exact int64 hash, read from MTProto and written into the chat', async () => {
    w = await startWorld({
      sessions: [
        { hash: ABOVE_2_53, deviceModel: 'iPhone 15', dateActive: Math.floor(Date.now() / 1000) - 60 },
        { hash: NEGATIVE, deviceModel: 'Firefox 120', dateActive: Math.floor(Date.now() / 1000) - 600 },
        { hash: MAX, deviceModel: 'Old Tablet', passwordPending: true, dateActive: Math.floor(Date.now() / 1000) - 9000 },
      ],
    });
    const text = await w.ask('/sessions');
    for (const h of [ABOVE_2_53, NEGATIVE, MAX]) expect(text).toContain(h.toString());
    expect(text.indexOf('iPhone 15')).toBeLessThan(text.indexOf('Firefox 120'));
    expect(text).toMatch(/password pending/);
    const ends = w.buttons().filter((b) => b.data.startsWith('se:'));
    expect(ends.map((b) => b.data)).toEqual([`se:${ABOVE_2_53}`, `se:${NEGATIVE}`, `se:${MAX}`]);
    expect(w.mt.callsOf('account.getAuthorizations').length).toBeGreaterThan(0);
    expect(w.auditRows('list')).toEqual([expect.objectContaining({ actor_id: OWNER.id, outcome: 'ok' })]);
  });

  it('pages through 200 sessions, each page accepted by the Bot API (<= 4096 characters after parsing)', async () => {
    const now = Math.floor(Date.now() / 1000);
    w = await startWorld({
      sessions: Array.from({ length: 200 }, (_, i) => ({
        hash: -(2n ** 62n) + BigInt(i) * 1_000_003n,
        deviceModel: `Device ${i} with a rather long model name to fill the page`,
        region: 'Some Region With A Long Name',
        dateActive: now - i,
      })),
    });
    // Every page is checked by the formatter's own test; here the Bot API emulator must accept the
    // first pages and the last one, with Telegram's limits and HTML rules.
    const first = await w.ask('/sessions');
    const pages = Number(/page 1\/(\d+)/.exec(first)?.[1]);
    expect(pages).toBeGreaterThan(2);
    const seen = new Set<string>();
    for (const [label, target] of [['Next', 1], ['Next', 2], ['Last', pages - 1], ['First', 0]] as const) {
      const page = w.last();
      for (const m of page.text.matchAll(/Hash: (-?\d+)/g)) seen.add(m[1]!);
      const button = w.buttons(page).find((b) => b.text.includes(label))!;
      expect(button.data).toBe(`sp:${target}`);
      const { mark, id } = w.press(button.data, page.message_id);
      const edit = await w.next(mark, 'editMessageText');
      expect(String(edit.params.text)).toContain(`page ${target + 1}/${pages}`);
      expect(w.last().text.length).toBeLessThanOrEqual(4096);
      expect(w.botApi.callbackAnswers.map((a) => a.id)).toContain(id);
    }
    expect(seen.has((-(2n ** 62n) + 199n * 1_000_003n).toString())).toBe(true);
  });
});
