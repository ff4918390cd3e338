import { sleep, startWorld, type World } from '../helpers/world';
import { isAlert } from '../helpers/outage';

let w: World;
afterEach(async () => {
  await w.stop();
});

/**
 * After a long outage, undelivered messages pile up. The chat takes about one message a second, so
 * replaying them one by one would hold a new alert and every reply for many seconds. A reply and a
 * new alert must go first; the backlog follows, newest first.
 */
test('a reply and a new alert never wait behind a backlog of old messages, which follows newest first', async () => {
  w = await startWorld({ sessions: [{ hash: 1n }] });
  await w.ask('/help');
  await w.botApi.setReachable(false);
  // Hours of an outage in a few seconds: each login code Telegram sent is its own alert.
  for (let i = 0; i < 10; i++) {
    w.mt.pushServiceMessage(`Login code: ${31000 + i}. Do not give this code to anyone.`);
    await sleep(60);
  }
  await sleep(800);
  await w.botApi.setReachable(true);
  const back = Date.now();
  // Let the backlog start flowing, then the owner asks something and a new login arrives.
  await sleep(300);
  const helpMark = w.say('/help');
  w.mt.pushNewAuthorization({ hash: 7777n, unconfirmed: true, device: 'Brand New Phone', location: 'Oslo, Norway' });
  const help = await w.next(helpMark, 'sendMessage', (c) => String(c.params.text).includes('/revokeall'), 20_000);
  const fresh = await w.next(helpMark, 'sendMessage', (c) => isAlert(c) && String(c.params.text).includes('Brand New Phone'), 20_000);
  expect(help.at - back).toBeLessThan(3000);
  expect(fresh.at - back).toBeLessThan(3000);
  // The backlog still arrives, every message once.
  await w.app.doors.checkNow();
  const codeAlerts = (): number => w.botApi.calls.filter((c) => c.method === 'sendMessage' && c.ok && String(c.params.text).includes('login code')).length;
  const end = Date.now() + 30_000;
  while (codeAlerts() < 10 && Date.now() < end) await sleep(100);
  expect(codeAlerts()).toBe(10);
}, 60_000);
