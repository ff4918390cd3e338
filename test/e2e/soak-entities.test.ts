import v8 from 'node:v8';
import vm from 'node:vm';
import { sleep, startWorld, type World } from '../helpers/world';

/**
 * Issue 24, item 6: gramjs kept every user it ever saw. The real app runs against the emulators with
 * the doors read every few milliseconds; each account.getConnectedBots reply carries the users of
 * BOTS connected business bots, and each session check the session list. Between an early and a late
 * sample, after a full garbage collection, the companion session's entity rows and the heap must be
 * flat. The emulators share this process, so the heap bound is loose; the entity rows are exact.
 * `npm test` runs SOAK_READS=600 bot reads (about 12 s); the long run, with the app alone in a child
 * process, is test/reliability/soak-entities.reliability.ts (SOAK_READS=20000 by default).
 */
const READS = Number(process.env.SOAK_READS ?? 600);
const BOTS = 3;
/** What the heap may grow by between the samples: far under what one row per user per read would add. */
const HEAP_SLACK_BYTES = 3 * 1024 * 1024;

jest.setTimeout(Math.max(30_000, READS * 60));

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let w: World | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

/** The rows of the companion session's entity cache (gramjs keeps them in `_entities`). */
const entityRows = (world: World): number =>
  (world.app.account as unknown as { client: { session: { _entities: Set<unknown> } } }).client.session._entities.size;

const settledHeap = (): number => {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
};

test(`memory stays flat while the doors read ${BOTS} bots' users ${READS} times`, async () => {
  w = await startWorld({
    sessions: [{ hash: 1n }, { hash: 2n }],
    // Every door (sessions, 2FA password, connected bots) on a 2 ms timer: each read follows the last.
    reconcileIntervalSeconds: 0.002,
    mtproto: { connectedBots: Array.from({ length: BOTS }, (_, i) => ({ botId: 7_000_000_000n + BigInt(i), username: `biz${i}_bot`, firstName: `Biz ${i}` })) },
  });
  const world = w;
  let reads = 0;
  const readsUntil = async (target: number): Promise<void> => {
    while (reads < target) {
      await sleep(100);
      // The emulator records every call; counted and dropped here, so only the app's memory is measured.
      reads += world.mt.callsOf('account.getConnectedBots').length;
      world.mt.clearCalls();
    }
  };
  await readsUntil(Math.min(500, READS / 6));
  const early = { reads, rows: entityRows(world), heap: settledHeap() };
  await readsUntil(READS);
  const late = { reads, rows: entityRows(world), heap: settledHeap() };
  console.log(`soak: ${late.reads - early.reads} bot reads between samples; entity rows ${early.rows} -> ${late.rows}; heap ${(early.heap / 1048576).toFixed(1)} MB -> ${(late.heap / 1048576).toFixed(1)} MB (${((late.heap - early.heap) / 1024).toFixed(0)} KB)`);
  expect(early.rows).toBeGreaterThanOrEqual(BOTS);
  expect(late.rows).toBe(early.rows);
  expect(late.heap - early.heap).toBeLessThan(HEAP_SLACK_BYTES);
});
