import type { DoorName } from '../../src/guard/doors/door-read';
import { sleep, startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

/** Every door read on a timer, by the account method it calls. A new door fails to compile here until it is listed. */
const DOOR_READS: Record<DoorName, string> = {
  sessions: 'account.getAuthorizations',
  password: 'account.getPassword',
  bots: 'account.getConnectedBots',
};
/** /status's name of each door. */
const DOOR_WORDS: Record<DoorName, RegExp> = { sessions: /the session list/, password: /the 2FA password/, bots: /connected business bots/ };

test('every door honours a day-long FLOOD_WAIT: no call again until it ends, and /status names each blind watch and when it resumes', async () => {
  w = await startWorld({ reconcileIntervalSeconds: 1 });
  await w.ask('/help');
  const injectedAt = Date.now();
  for (const method of Object.values(DOOR_READS)) w.mt.injectError(method, { code: 420, message: 'FLOOD_WAIT_86400', persistent: true });
  for (const method of Object.values(DOOR_READS)) await w.mt.waitForCall(method, (c) => c.at >= injectedAt, 5000);
  await sleep(3500); // three more intervals
  for (const [door, method] of Object.entries(DOOR_READS)) {
    expect([door, w.mt.callsOf(method).filter((c) => c.at >= injectedAt).length]).toEqual([door, 1]);
  }
  const status = await w.ask('/status');
  for (const [door, words] of Object.entries(DOOR_WORDS)) expect([door, status]).toEqual([door, expect.stringMatching(words)]);
  expect(status.match(/Not watched until/g)).toHaveLength(3);
}, 30_000);
