import path from 'node:path';
import { OWNER } from '../helpers/world';
import { ChildApps, startChildWorld, type ChildWorld } from './helpers/child-app';

/**
 * A second copy of the built app, as a real second process: with the same database it finds the
 * first one's lease and exits 2 before it polls or alerts; with its own database (the same token and
 * session, a stand-in for a forgotten second deployment) it finds the first one by getUpdates's 409
 * and exits 2, and the owner gets one message about it. The first copy keeps serving throughout.
 */
const apps = new ChildApps();
let world: ChildWorld;

beforeAll(async () => {
  world = await startChildWorld('one-instance', 7_300_400_500, [{ hash: 11n, deviceModel: 'Laptop' }]);
}, 120_000);
afterAll(async () => {
  await world.stop(apps);
});

function envFor(db: string): Record<string, string> {
  return {
    BOT_TOKEN: world.botApi.token,
    API_ID: '12345',
    API_HASH: '0123456789abcdef0123456789abcdef',
    ACCOUNT_SESSION: world.mt.sessionString(),
    BOT_API_ROOT: world.botApi.apiRoot,
    DATABASE_PATH: path.join(world.dir, db),
    LOG_LEVEL: 'info',
    RECONCILE_INTERVAL: '86400',
  };
}

const toOwner = (from: number, re: RegExp) =>
  world.botApi.calls.slice(from).filter((c) => c.method === 'sendMessage' && c.ok && c.params.chat_id === OWNER.id && re.test(String(c.params.text)));

async function ownerStillServed(): Promise<void> {
  const mark = world.botApi.calls.length;
  world.botApi.injectMessage({ from: OWNER, text: '/sessions' });
  const reply = await world.botApi.waitForCall('sendMessage', (c) => c.ok, { after: mark, timeoutMs: 10_000 });
  expect(String(reply.params.text)).toMatch(/Active sessions/);
}

test('the same database: the second copy exits 2 at once, before polling or alerting', async () => {
  const first = apps.start(envFor('shared.sqlite'));
  await first.waitForOutput('session-warden is running', 20_000);
  const mark = world.botApi.calls.length;
  const polls = world.botApi.calls.filter((c) => c.method === 'getUpdates').length;

  const second = apps.start(envFor('shared.sqlite'));
  const { code } = await second.exited;
  expect(code).toBe(2);
  expect(second.output()).toMatch(/Another copy of session-warden is running \(pid \d+/);
  expect(second.output()).not.toMatch(/\n\s+at /);
  // Nothing from the second copy reached the Bot API: no 409, no message, the first kept its one poll.
  expect(world.botApi.stats.conflicts).toBe(0);
  expect(world.botApi.calls.slice(mark).filter((c) => c.method === 'sendMessage')).toEqual([]);
  expect(world.botApi.calls.filter((c) => c.method === 'getUpdates').length - polls).toBeLessThanOrEqual(1);
  await ownerStillServed();
  expect(await first.stop()).toBe(0);
}, 90_000);

test('separate databases, same token: the second copy exits 2 after one 409, the owner is told once, alerts are not doubled', async () => {
  const first = apps.start(envFor('first.sqlite'));
  await first.waitForOutput('session-warden is running', 20_000);
  const mark = world.botApi.calls.length;
  const conflictsBefore = world.botApi.stats.conflicts;

  const second = apps.start(envFor('second.sqlite'));
  const { code } = await Promise.race([
    second.exited,
    // unref: a guard that kept the run alive 30 s after the suite ended.
    new Promise<{ code: number | null }>((r) => setTimeout(() => r({ code: -1 }), 30_000).unref()),
  ]);
  expect(code).toBe(2);
  expect(second.output()).toMatch(/Another copy of session-warden is already polling with this bot token/);
  // It never got as far as the first-start summary: the owner hears of it only through the one notice.
  expect(toOwner(mark, /now watching/)).toEqual([]);
  expect(toOwner(mark, /copy of session-warden/)).toHaveLength(1);
  expect(world.botApi.stats.conflicts - conflictsBefore).toBeLessThanOrEqual(2);

  await ownerStillServed();
  const alertMark = world.botApi.calls.length;
  world.mt.pushNewAuthorization({ hash: 4242n, unconfirmed: true, device: 'Once Only', location: 'Here' });
  await world.botApi.waitForCall('sendMessage', (c) => c.ok && String(c.params.text).includes('Once Only'), { after: alertMark, timeoutMs: 10_000 });
  await new Promise((r) => setTimeout(r, 2000));
  expect(toOwner(alertMark, /Once Only/)).toHaveLength(1);
  expect(first.output()).not.toMatch(/stopped polling/);
  expect(await first.stop()).toBe(0);
}, 120_000);
