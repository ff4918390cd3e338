import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'dist', 'src', 'account', 'login-cli.js');

/**
 * `npm run login` on a machine without a network: a network namespace of its own with no interface
 * (unshare -n), so nothing leaves the machine and every connect fails at once, as on a server whose
 * network is down. It must say it failed in one sentence and exit within 16 s of starting, not hold
 * the shell while gramjs keeps retrying.
 */
const netnsWorks = spawnSync('unshare', ['-n', 'true']).status === 0;

(netnsWorks ? test : test.skip)('login without a network exits within 16 s with one sentence', async () => {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-build.js')], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status).toBe(0);
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'login-offline-'));
  const t0 = Date.now();
  const child = spawn('unshare', ['-n', process.execPath, ENTRY], {
    cwd,
    env: { PATH: process.env.PATH, API_ID: '12345', API_HASH: '0123456789abcdef0123456789abcdef' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.write('1\n');
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ms = Date.now() - t0;
  expect(code).toBe(1);
  expect(ms).toBeLessThan(16_000);
  expect(out).toMatch(/Login failed: Could not reach Telegram[^\n]*\n?$/);
}, 60_000);
