import { alertsFor } from '../helpers/outage';
import { sleep, startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  await w?.stop();
});

const HASH = 2n ** 63n - 31n;

// The one slow test: Telegram's retry_after is honoured whatever its length, here 31 s.
it('e2e: a 429 with retry_after=31 on the alert, then success: delivered once, about 31 s later', async () => {
  w = await startWorld({ sessions: [{ hash: 1n }] });
  w.botApi.failNext('sendMessage', { kind: 'flood', retryAfter: 31 });
  w.mt.pushNewAuthorization({ hash: HASH, unconfirmed: true, device: 'Slow Phone', location: 'Bern, Switzerland' });
  const ok = await w.botApi.waitForCall('sendMessage', (c) => c.ok && String(c.params.text).includes(HASH.toString()), { timeoutMs: 45_000 });
  const first = w.botApi.calls.find((c) => c.method === 'sendMessage' && c.status === 429)!;
  expect(ok.at - first.at).toBeGreaterThanOrEqual(31_000);
  expect(ok.at - first.at).toBeLessThan(37_000);
  await sleep(1000);
  expect(alertsFor(w, HASH)).toHaveLength(1);
}, 70_000);
