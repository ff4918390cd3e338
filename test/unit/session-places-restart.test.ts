/** The countries a session is known in survive a restart exactly as they stand in memory. */
import { createAuditLog } from '../../src/db/audit-log';
import { createKnownSessions } from '../../src/db/known-sessions';
import { openDatabase } from '../../src/db/open-database';
import { createSessionHistory } from '../../src/db/session-history';
import { createTrustedDevices } from '../../src/db/trusted-devices';
import type { Session } from '../../src/domain/session';
import { createChangeWatcher } from '../../src/guard/doors/change-watcher';

const s = (country: string, region: string, now: number): Session => ({
  hash: 7n, country, region, ip: '203.0.113.7', deviceModel: 'Pixel 8', platform: 'Android', apiId: 6, appName: 'Telegram Android',
  appVersion: '11', systemVersion: '14', officialApp: true, dateCreated: now - 86_400 * 100, dateActive: now, current: false, passwordPending: false, unconfirmed: false,
});

async function run(restartBeforeReturn: boolean): Promise<Array<readonly string[]>> {
  const db = openDatabase(':memory:');
  let clock = 1_800_000_000;
  const make = () => createChangeWatcher({ history: createSessionHistory(db), trusted: createTrustedDevices(db), known: createKnownSessions(db), audit: createAuditLog(db),
    account: { revoke: () => Promise.reject(new Error('off')) }, guardOn: () => false, nowSec: () => clock });
  let w = make();
  const kinds: Array<readonly string[]> = [];
  kinds.push(...(await w.observe([s('Netherlands', 'North Holland', clock)])).map((c) => c.kinds));
  clock += 600;
  kinds.push(...(await w.observe([s('Germany', 'Region 0', clock)])).map((c) => c.kinds)); // a trip: moved, once
  for (let i = 1; i <= 20; i++) { // a mobile phone on a train through 20 regions of the same country
    clock += 600;
    kinds.push(...(await w.observe([s('Germany', `Region ${i}`, clock)])).map((c) => c.kinds));
  }
  if (restartBeforeReturn) w = make();
  clock += 600;
  kinds.push(...(await w.observe([s('Netherlands', 'North Holland', clock)])).map((c) => c.kinds)); // home again
  return kinds;
}

it('a session that crossed twenty regions abroad and comes home is judged the same with or without a restart, and home is not a move', async () => {
  const plain = await run(false);
  expect(await run(true)).toEqual(plain);
  // One alert: the trip. Coming home to a country in its history is no move.
  expect(plain).toEqual([['moved']]);
});
