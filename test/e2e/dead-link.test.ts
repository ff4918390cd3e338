import { sleep, startWorld, type World } from '../helpers/world';

const THIEF = 2n ** 62n + 5151n;

let w: World;
afterEach(async () => {
  await w.stop();
});

const isAlertFor = (hash: bigint) => (c: { params: Record<string, unknown> }) => String(c.params.text).startsWith('🚨') && String(c.params.text).includes(hash.toString());

/**
 * The MTProto link stops answering without a close. gramjs would notice only through its own pings
 * (tens of seconds), and a login pushed meanwhile is lost with the link. With production timings
 * (the default request timeout and probe interval, and a session check only every 5 min), the
 * health probe must replace the link and check the sessions so that the login is alerted within
 * 10 s of the link dying.
 */
test('a login during a silently dead link is alerted within 10 s of the link dying', async () => {
  w = await startWorld({ sessions: [{ hash: 1n }], requestTimeoutMs: 30_000, reconcileIntervalSeconds: 300 });
  await w.ask('/help');
  await sleep(500);
  const mark = w.botApi.calls.length;
  const diedAt = Date.now();
  w.mt.silenceConnections();
  w.mt.pushNewAuthorization({ hash: THIEF, unconfirmed: true, device: 'Stolen Laptop', location: 'Elsewhere' });
  const alert = await w.next(mark, 'sendMessage', isAlertFor(THIEF), 15_000);
  const ms = alert.at - diedAt;
  expect(ms).toBeLessThan(10_000);
}, 30_000);
