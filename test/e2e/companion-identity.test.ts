import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runLoginCli } from '../../src/account/login-cli';
import { MtprotoEmulator } from '../../sandbox/emulator/mtproto';
import { startWorld, type World } from '../helpers/world';

/** The companion names itself in initConnection, so the owner's Devices list shows it as the guard. */

const VERSION = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
const CODE = '24680';

const expectGuardIdentity = (inits: Array<{ deviceModel: string; systemVersion: string; appVersion: string }>): void => {
  expect(inits.length).toBeGreaterThan(0);
  for (const init of inits) {
    expect(init.deviceModel).toMatch(/^session-warden \(.+\)$/);
    expect(init.deviceModel).toContain(os.hostname().slice(0, 10));
    expect(init.appVersion).toBe(VERSION);
    expect(init.systemVersion).toContain(`Node ${process.versions.node}`);
    expect(init.systemVersion).toContain(os.type());
  }
};

describe('npm run login', () => {
  let emu: MtprotoEmulator;
  let dir: string;
  afterEach(async () => {
    await emu.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('logs in as session-warden (host), with its version and Node + OS; warns before anything is sent; says when ending is allowed', async () => {
    emu = await MtprotoEmulator.start({ loginCode: CODE, self: { firstName: 'Ada', phone: '447700900123' } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'identity-test-'));
    const base = await emu.issueAuthKey({ loggedIn: false });
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString()));
    // What the owner had read when the first byte reached Telegram.
    const beforeFirstCall = emu.waitForCall('help.getConfig', undefined, 20_000).then(() => text);
    const input = new PassThrough();
    input.end(`+44 7700 900123\n${CODE}\n`);
    const startedAt = Date.now();
    const code = await runLoginCli({
      env: { API_ID: '1', API_HASH: 'x' },
      argv: ['--phone'],
      input,
      output,
      isTTY: false,
      sessionFile: path.join(dir, 'account.session'),
      server: { session: base },
    });
    expect(code).toBe(0);
    expectGuardIdentity(emu.initConnections(base));

    const warned = await beforeFirstCall;
    expect(warned).toMatch(/anti-fraud/);
    expect(warned).toMatch(/phone at hand/);
    expect(warned).toMatch(/QR/);
    expect(warned).toMatch(/Link Desktop Device/);
    expect(warned).toMatch(/your own api_id/i);

    // 24 hours after this login, to the minute (UTC), whichever minute the login landed in.
    const allowed = [startedAt, Date.now()].map((ms) => new Date(ms + 86_400_000).toISOString().slice(0, 16).replace('T', ' '));
    expect(allowed.some((when) => text.includes(when))).toBe(true);
    expect(text).toMatch(/24 hours/);
  });
});

describe('npm start', () => {
  let w: World;
  afterEach(async () => w.stop());

  test('connects as session-warden (host), with its version and Node + OS', async () => {
    w = await startWorld();
    expectGuardIdentity(w.mt.initConnections(w.mt.sessionString()));
  });
});
