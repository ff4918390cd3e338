import path from 'node:path';
import { BotApiEmulator } from '../../sandbox/emulator/botapi';
import { MtprotoEmulator } from '../../sandbox/emulator/mtproto';
import { OWNER, sleep } from '../helpers/world';
import { ChildApps, startChildWorld, type ChildWorld, logLines, secretApiHash, secretsOf, secretToken } from './helpers/child-app';

/**
 * The built app at LOG_LEVEL=debug, driven through its error paths (account errors, lost MTProto
 * connections, Bot API network faults and 5xx, a logged-out companion, a bad config), must never
 * print the bot token (or its secret part), the account session or the api hash. The flood and
 * crash files scan their own children the same way.
 */
const apps = new ChildApps();
let mt: MtprotoEmulator;
let botApi: BotApiEmulator;
let dir: string;

let world: ChildWorld | undefined;

beforeAll(async () => {
  world = await startChildWorld('secrets', 7_300_400_500, [{ hash: 77n, deviceModel: 'Pixel 8' }]);
  ({ mt, botApi, dir } = world);
}, 120_000);

afterAll(async () => {
  await world?.stop(apps);
});

describe('reliability: secrets in the logs', () => {
  it('none in the debug output of error paths', async () => {
    const apiHash = secretApiHash();
    const session = mt.sessionString();
    const secrets = secretsOf({ botToken: botApi.token, accountSession: session, apiHash });
    const env = {
      BOT_TOKEN: botApi.token,
      API_ID: '12345',
      API_HASH: apiHash,
      ACCOUNT_SESSION: session,
      BOT_API_ROOT: botApi.apiRoot,
      DATABASE_PATH: path.join(dir, 'w.sqlite'),
      LOG_LEVEL: 'debug',
      RECONCILE_INTERVAL: '5',
    };
    // A bad setting next to the secrets: the config error must name problems, not values.
    const bad = apps.start({ ...env, BOT_API_ROOT: 'not a url', RECONCILE_INTERVAL: '1' });
    expect((await bad.exited).code).toBe(2);

    const app = apps.start(env);
    await app.waitForOutput('session-warden is running');
    const ask = async (text: string): Promise<string> => {
      const mark = botApi.calls.length;
      botApi.injectMessage({ from: OWNER, text });
      const c = await botApi.waitForCall('sendMessage', (r) => r.ok, { after: mark, timeoutMs: 15_000 });
      return String(c.params.text);
    };
    mt.injectError('account.resetAuthorization', { code: 420, message: 'FLOOD_WAIT_30' });
    expect(await ask('/revoke 77')).toMatch(/wait/);
    expect(await ask('/revoke 123')).toMatch(/No active session/);
    mt.injectError('account.getAuthorizations', { code: 500, message: 'RPC_CALL_FAIL' });
    await ask('/sessions');
    // The MTProto connection drops mid-life: gramjs reconnects and logs about it.
    mt.dropConnections();
    await sleep(1500);
    expect(await ask('/sessions')).toMatch(/Active sessions/);
    // Bot API faults: a dropped socket and 5xx on sends (the bounded retry and the outbox sit them out), on polling too.
    botApi.failNext('sendMessage', { kind: 'network' });
    botApi.failNext('getUpdates', { kind: 'server', status: 502 });
    mt.pushNewAuthorization({ hash: 4242n, unconfirmed: true, device: 'Secret test' });
    await botApi.waitForCall('sendMessage', (c) => c.ok && String(c.params.text).includes('4242'), { timeoutMs: 20_000 });
    // Strangers at debug level.
    botApi.injectMessage({ from: { id: 99, first_name: 'M' }, text: '/sessions' });
    // The companion is logged out.
    mt.revokeCompanion();
    await botApi.waitForCall('sendMessage', (c) => c.ok && /companion was logged out/.test(String(c.params.text)), { timeoutMs: 15_000 });
    // The Bot API vanishes during the shutdown.
    const stopping = app.stop();
    botApi.failNext('*', { kind: 'network' }, 50);
    expect(await stopping).toBe(0);

    const lines = logLines(app.output());
    expect(lines.some((l) => l.level === 20)).toBe(true); // debug lines were printed
    console.log(`secrets scan: ${apps.all.length} children, ${Math.round(apps.totalOutputBytes / 1024)} KB of output, ${lines.length} log lines`);
    expect(apps.leaks(secrets)).toEqual([]);
  }, 120_000);
});
