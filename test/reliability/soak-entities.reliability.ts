import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sleep } from '../helpers/world';
import { ChildApps, startChildWorld, type ChildWorld } from './helpers/child-app';

/**
 * Issue 24, item 6, the long soak: the built app in a child process of its own (node --expose-gc),
 * both emulators in this one, the doors reading every 2 ms. Each account.getConnectedBots reply lists
 * BOTS business bots' users. The child's heap after a full collection and its session's entity rows
 * are sampled early and late: they must be flat. It runs only when SOAK_READS is set (`npm run soak`:
 * 20,000 bot reads, a week's at the default 30 s interval, about 8 minutes here), so the suite stays
 * short; test/e2e/soak-entities.test.ts runs a short one in every `npm test`.
 */
const READS = Number(process.env.SOAK_READS ?? 0);
const BOTS = 3;
const HEAP_SLACK_BYTES = 2 * 1024 * 1024;

const CHILD = `
const dist = process.env.WARDEN_DIST;
const { startApp } = require(dist + '/src/app/start-app.js');
const { silentLogger } = require(dist + '/src/core/log.js');
const config = JSON.parse(process.env.WARDEN_CONFIG);
startApp(config, { log: silentLogger, requestTimeoutMs: 8000, connectTimeoutMs: 8000, anotherCopyProbeMs: 0 }).then((app) => {
  process.on('message', (m) => {
    if (m === 'sample') {
      for (let i = 0; i < 3; i++) global.gc();
      process.send({ heap: process.memoryUsage().heapUsed, rows: app.account.client.session._entities.size });
    }
    if (m === 'stop') app.stop().then(() => process.exit(0));
  });
  process.send('ready');
});
`;

let world: ChildWorld | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  // The child here is not one of ChildApps' (it runs start-app, not main): killed above.
  await world?.stop(new ChildApps());
});

interface Sample {
  readonly heap: number;
  readonly rows: number;
}

const ask = (c: ChildProcess): Promise<Sample> =>
  new Promise((resolve) => {
    c.once('message', (m) => resolve(m as Sample));
    c.send('sample');
  });

(READS > 0 ? test : test.skip)(`the app's heap and entity rows stay flat over ${READS} reads of ${BOTS} bots' users`, async () => {
  world = await startChildWorld('soak-entities');
  const w = world;
  w.mt.setConnectedBots(Array.from({ length: BOTS }, (_, i) => ({ botId: 7_000_000_000n + BigInt(i), username: `biz${i}_bot`, firstName: `Biz ${i}` })));
  const config = {
    botToken: w.botApi.token,
    apiId: 12345,
    apiHash: '0123456789abcdef0123456789abcdef',
    accountSession: w.mt.sessionString(),
    databasePath: path.join(w.dir, 'warden.sqlite'),
    botApiRoot: w.botApi.apiRoot,
    logLevel: 'silent',
    reconcileIntervalSeconds: 0.002,
  };
  child = spawn(process.execPath, ['--expose-gc', '-e', CHILD], {
    env: { PATH: process.env.PATH ?? '', WARDEN_DIST: path.resolve(__dirname, '../../dist'), WARDEN_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const c = child;
  await new Promise<void>((resolve) => c.once('message', () => resolve()));
  let reads = 0;
  const readsUntil = async (target: number): Promise<void> => {
    while (reads < target) {
      await sleep(200);
      reads += w.mt.callsOf('account.getConnectedBots').length;
      w.mt.clearCalls();
    }
  };
  await readsUntil(Math.min(1000, READS / 6));
  const early = { reads, ...(await ask(c)) };
  await readsUntil(READS);
  const late = { reads, ...(await ask(c)) };
  console.log(
    `soak (child): ${late.reads - early.reads} bot reads between samples; entity rows ${early.rows} -> ${late.rows}; ` +
      `heap ${(early.heap / 1048576).toFixed(2)} MB -> ${(late.heap / 1048576).toFixed(2)} MB (${((late.heap - early.heap) / 1024).toFixed(0)} KB)`,
  );
  expect(late.rows).toBe(early.rows);
  expect(late.heap - early.heap).toBeLessThan(HEAP_SLACK_BYTES);
}, Math.max(120_000, READS * 40));
