import { startWorld, sleep, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  await w.stop();
});

const noticeOf = (kind: RegExp) => (c: { params: Record<string, unknown> }) => kind.test(String(c.params.text));

/**
 * A real outage: the MTProto emulator stops answering (every request times out) while gramjs's socket
 * stays open, so gramjs still calls itself connected. /status must say "reconnecting since", and the
 * owner hears of an outage longer than the threshold once, and of its end once.
 */
test('an MTProto outage: /status tells the truth, the owner is told once when it starts and once when it ends', async () => {
  w = await startWorld({ sessions: [{ hash: 1n }], requestTimeoutMs: 1000, probeIntervalMs: 300, outageNoticeAfterMs: 3000 });
  expect(await w.ask('/status')).toMatch(/Companion: ✅ connected/);

  const mark = w.botApi.calls.length;
  const outageAt = Date.now();
  w.mt.setReplyDelay(120_000);
  // Two probe timeouts: the app has seen requests fail, yet gramjs's socket is still open.
  await sleep(2500);
  const during = await w.ask('/status');
  expect(during).not.toMatch(/✅ connected/);
  expect(during).toMatch(/Companion: ⚠️ reconnecting since \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);

  const down = await w.next(mark, 'sendMessage', noticeOf(/cannot reach Telegram/), 15_000);
  // A probe already in flight when replies stopped dates the outage a little earlier than outageAt.
  expect(down.at - outageAt).toBeGreaterThanOrEqual(2500);
  w.mt.setReplyDelay(0);
  const up = await w.next(mark, 'sendMessage', noticeOf(/reaches Telegram again/), 15_000);
  expect(String(up.params.text)).toMatch(/after \d+ s/);
  expect(await w.ask('/status')).toMatch(/Companion: ✅ connected/);

  const sent = w.botApi.calls.slice(mark).filter((c) => c.method === 'sendMessage' && c.ok);
  expect(sent.filter(noticeOf(/cannot reach Telegram/))).toHaveLength(1);
  expect(sent.filter(noticeOf(/reaches Telegram again/))).toHaveLength(1);
}, 60_000);
