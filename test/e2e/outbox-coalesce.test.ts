import type { CallRecord } from '../../sandbox/emulator/botapi';
import { isAlert } from '../helpers/outage';
import { OWNER, sleep, startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const text = (c: CallRecord): string => String(c.params.text ?? '');
/** The first words of a code notice, once per notice. */
const CODE_NOTICE = /🔑 <b>Someone asked Telegram for a login code/g;
const sentAfter = (mark: number): CallRecord[] => w.botApi.calls.slice(mark).filter((c) => c.method === 'sendMessage' && c.ok && c.params.chat_id === OWNER.id);

/**
 * Issue 24, item 3: after a long outage the owner needs the newest first and the backlog coalesced,
 * not replayed one message a second. Twelve code notices and a new login wait out an outage; after
 * it the login's alert (with its buttons, alone) and the reply to /help come at once, and the twelve
 * texts follow in at most two messages under one header. Every row is acknowledged once delivered.
 */
test('a backlog of notices is coalesced into as few messages as fit, after the new alert and the reply', async () => {
  w = await startWorld({ sessions: [{ hash: 1n }] });
  await w.ask('/help');
  await w.botApi.setReachable(false);
  for (let i = 0; i < 12; i++) {
    w.mt.pushServiceMessage(`Login code: ${41000 + i}. Do not give this code to anyone.`);
    await sleep(50);
  }
  await sleep(300);
  w.mt.pushNewAuthorization({ hash: 8888n, unconfirmed: true, device: 'Brand New Phone', location: 'Oslo, Norway' });
  // Long enough for every first try (and the Bot API calls' own few retries) to have given up.
  await sleep(5000);
  const mark = w.botApi.calls.length;
  w.botApi.injectMessage({ from: OWNER, text: '/help' });
  await w.botApi.setReachable(true);
  const back = Date.now();

  const alert = await w.next(mark, 'sendMessage', (c) => isAlert(c) && text(c).includes('Brand New Phone'), 10_000);
  const help = await w.next(mark, 'sendMessage', (c) => text(c).includes('/revokeall'), 10_000);
  // The reply goes out the moment polling (which backs off on its own during the outage) fetches /help.
  const polled = w.botApi.calls.slice(mark).find((c) => c.method === 'getUpdates' && c.ok && JSON.stringify(c.result).includes('/help'))!;
  expect(alert.at - back).toBeLessThan(3000);
  expect(help.at - polled.at).toBeLessThan(500);
  expect(alert.params.reply_markup).toBeDefined();

  const codeTexts = (): number => sentAfter(mark).reduce((n, c) => n + (text(c).match(CODE_NOTICE)?.length ?? 0), 0);
  const end = Date.now() + 20_000;
  while (codeTexts() < 12 && Date.now() < end) await sleep(100);
  await sleep(1500);
  const backlog = sentAfter(mark).filter((c) => CODE_NOTICE.test(text(c)));
  CODE_NOTICE.lastIndex = 0;
  // Every text once, in at most two messages, each under Telegram's limit and a header that counts it.
  expect(codeTexts()).toBe(12);
  expect(backlog.length).toBeLessThanOrEqual(2);
  for (const m of backlog) {
    expect(text(m).length).toBeLessThanOrEqual(4096);
    expect(text(m)).toMatch(/^📬 While the bot could not reach you: \d+ messages/);
    expect(m.params.reply_markup).toBeUndefined();
  }
  // The newest first: the new login's alert went before the backlog.
  expect(alert.at).toBeLessThanOrEqual(backlog[0]!.at);
  expect(sentAfter(mark).indexOf(alert)).toBeLessThan(sentAfter(mark).indexOf(backlog[0]!));
  // Each row was acknowledged once its combined message was delivered.
  await sleep(200);
  expect(w.app.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL').get()).toEqual({ n: 0 });
}, 60_000);

/**
 * The same after the owner blocked the bot, with the Bot API failing the first sends after the
 * unblock: a joined message that fails leaves its rows to be retried, and every text still arrives
 * exactly once, joined, while the new login's alert (with its buttons) arrives alone.
 */
test('a blocked bot: the backlog waits, then arrives joined and once each, even when the first sends after it fail', async () => {
  w = await startWorld({ sessions: [{ hash: 1n }], channelTimings: { blockedRetryMs: 60_000 } });
  await w.ask('/help');
  w.botApi.block(OWNER);
  for (let i = 0; i < 8; i++) {
    w.mt.pushServiceMessage(`Login code: ${52000 + i}. Do not give this code to anyone.`);
    await sleep(50);
  }
  w.mt.pushNewAuthorization({ hash: 9999n, unconfirmed: true, device: 'Blocked-Time Phone', location: 'Oslo, Norway' });
  await sleep(2500);
  expect(sentAfter(0).filter((c) => CODE_NOTICE.test(text(c)))).toHaveLength(0);
  CODE_NOTICE.lastIndex = 0;
  const mark = w.botApi.calls.length;
  w.botApi.failNext('sendMessage', { kind: 'server', status: 500 }, 5);
  // Writing to the bot unblocks it.
  w.botApi.unblock(OWNER);
  w.botApi.injectMessage({ from: OWNER, text: '/help' });
  const codeTexts = (): number => sentAfter(mark).reduce((n, c) => n + (text(c).match(CODE_NOTICE)?.length ?? 0), 0);
  const end = Date.now() + 30_000;
  while (codeTexts() < 8 && Date.now() < end) await sleep(100);
  await sleep(1500);
  expect(codeTexts()).toBe(8);
  const backlog = sentAfter(mark).filter((c) => text(c).startsWith('📬'));
  expect(backlog.length).toBeGreaterThanOrEqual(1);
  expect(backlog.length).toBeLessThanOrEqual(2);
  expect(sentAfter(mark).filter((c) => isAlert(c) && text(c).includes('Blocked-Time Phone'))).toHaveLength(1);
  expect(w.botApi.calls.slice(mark).filter((c) => c.method === 'sendMessage' && !c.ok).length).toBeGreaterThan(0);
  expect(w.app.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL').get()).toEqual({ n: 0 });
}, 60_000);

/** Rows a previous run left undelivered are backlog too: after a restart they arrive joined. */
test('rows left by the last run arrive joined after a restart, each acknowledged', async () => {
  w = await startWorld({ sessions: [{ hash: 1n }] });
  await w.ask('/help');
  await w.botApi.setReachable(false);
  for (let i = 0; i < 6; i++) {
    w.mt.pushServiceMessage(`Login code: ${63000 + i}. Do not give this code to anyone.`);
    await sleep(50);
  }
  await sleep(500);
  const mark = w.botApi.calls.length;
  await w.restart(() => w.botApi.setReachable(true));
  const codeTexts = (): number => sentAfter(mark).reduce((n, c) => n + (text(c).match(CODE_NOTICE)?.length ?? 0), 0);
  const end = Date.now() + 15_000;
  while (codeTexts() < 6 && Date.now() < end) await sleep(100);
  await sleep(1000);
  expect(codeTexts()).toBe(6);
  expect(sentAfter(mark).filter((c) => CODE_NOTICE.test(text(c)))).toHaveLength(1);
  CODE_NOTICE.lastIndex = 0;
  expect(w.app.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL').get()).toEqual({ n: 0 });
}, 40_000);
