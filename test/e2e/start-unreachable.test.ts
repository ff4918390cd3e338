import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BotApiEmulator } from '../../sandbox/emulator/botapi';
import { MtprotoEmulator } from '../../sandbox/emulator/mtproto';
import { silentLogger } from '../../src/core/log';
import { startApp, type RunningApp } from '../../src/app/start-app';
import { OWNER, sleep } from '../helpers/world';

/**
 * A network problem at start is never "exit 2": with OWNER_ID unset the owner is unknown until the
 * companion answers, so start-up keeps retrying instead of giving up, and tells the owner once it can.
 */
test('OWNER_ID unset and Telegram not answering at start: keeps retrying, then starts and tells the owner', async () => {
  const mt = await MtprotoEmulator.start({ self: { id: BigInt(OWNER.id), firstName: OWNER.first_name } });
  const botApi = await BotApiEmulator.start();
  botApi.registerChat({ ...OWNER, type: 'private' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-unreach-'));
  let app: RunningApp | undefined;
  try {
    // Telegram accepts the connection but answers nothing for 8 s, well past the 1 s connect timeout.
    mt.setReplyDelay(8000);
    let outcome: 'pending' | 'started' | 'failed' = 'pending';
    const starting = startApp(
      {
        botToken: botApi.token,
        apiId: 12345,
        apiHash: '0123456789abcdef0123456789abcdef',
        accountSession: mt.sessionString(),
        ownerId: undefined,
        databasePath: path.join(dir, 'w.sqlite'),
        botApiRoot: botApi.apiRoot,
        logLevel: 'silent',
        reconcileIntervalSeconds: 30,
      },
      { log: silentLogger, connectTimeoutMs: 1000, requestTimeoutMs: 1000 },
    ).then(
      (a) => ((outcome = 'started'), (app = a)),
      (err: unknown) => ((outcome = 'failed'), String(err)),
    );
    // Several connect timeouts pass: the old start-up gave up after the first one.
    await sleep(5000);
    expect(outcome).toBe('pending');
    mt.setReplyDelay(0);
    await starting;
    expect(outcome).toBe('started');
    expect(app!.ownerId).toBe(OWNER.id);
    const told = await botApi.waitForCall('sendMessage', (c) => c.ok && /could not reach Telegram at first/.test(String(c.params.text)), {
      timeoutMs: 10_000,
    });
    expect(Number(told.params.chat_id)).toBe(OWNER.id);
  } finally {
    await app?.stop();
    await Promise.allSettled([mt.stop(), botApi.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
