import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BotApiEmulator } from '../../sandbox/emulator/botapi';
import { MtprotoEmulator } from '../../sandbox/emulator/mtproto';
import { OWNER } from '../helpers/world';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'dist', 'src', 'main.js');

beforeAll(() => {
  // The same build step `npm start` runs, so this tests what pm2 would run.
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-build.js')], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status).toBe(0);
}, 120_000);

/** The built app as its own process, configured only through its environment, like under pm2. */
function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  let output = '';
  // A clean environment: nothing from this machine's .env or variables leaks in.
  const child = spawn(process.execPath, [ENTRY], {
    cwd: os.tmpdir(),
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

describe('e2e: the built process', () => {
  it('with no configuration names every missing variable and exits 2, without a stack trace', async () => {
    const p = run({ BOT_TOKEN: '123:sekrit-token-value', API_ID: 'abc' });
    expect(await p.exit).toBe(2);
    const out = p.output();
    for (const name of ['API_ID', 'API_HASH', 'ACCOUNT_SESSION']) expect(out).toContain(name);
    expect(out).not.toContain('BOT_TOKEN');
    expect(out).not.toContain('sekrit');
    expect(out).not.toMatch(/\n\s+at /);
  });

  it('serves the owner from env alone, never prints the token or the session, and shuts down cleanly on SIGTERM', async () => {
    const mt = await MtprotoEmulator.start({ self: { id: BigInt(OWNER.id), firstName: 'Owner' } });
    const botApi = await BotApiEmulator.start({ token: '987654:secret-token-for-this-test' });
    botApi.registerChat({ ...OWNER, type: 'private' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-proc-'));
    const session = mt.sessionString();
    const p = run({
      BOT_TOKEN: botApi.token,
      API_ID: '12345',
      API_HASH: '0123456789abcdef0123456789abcdef',
      ACCOUNT_SESSION: session,
      BOT_API_ROOT: botApi.apiRoot,
      DATABASE_PATH: path.join(dir, 'w.sqlite'),
      LOG_LEVEL: 'debug',
    });
    try {
      await botApi.waitForCall('setMyCommands', () => true, { timeoutMs: 15_000 });
      // On a fresh database the first thing the owner hears is the baseline summary.
      await botApi.waitForCall('sendMessage', (c) => /now watching/.test(String(c.params.text)), { timeoutMs: 10_000 });
      const mark = botApi.calls.length;
      botApi.injectMessage({ from: OWNER, text: '/sessions' });
      const reply = await botApi.waitForCall('sendMessage', (c) => c.ok, { after: mark, timeoutMs: 10_000 });
      expect(String(reply.params.text)).toMatch(/Active sessions: 1/);
      expect(fs.statSync(path.join(dir, 'w.sqlite')).mode & 0o777).toBe(0o600);
      p.child.kill('SIGTERM');
      expect(await p.exit).toBe(0);
      const out = p.output();
      expect(out).toContain('session-warden is running');
      expect(out).not.toContain(botApi.token);
      expect(out).not.toContain(botApi.token.split(':')[1]);
      expect(out).not.toContain(session);
    } finally {
      p.child.kill('SIGKILL');
      await Promise.allSettled([mt.stop(), botApi.stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
