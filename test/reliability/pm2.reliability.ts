import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild } from './helpers/child-app';

/**
 * ecosystem.config.js under pm2 itself: after an exit 2 (a restart cannot fix it) `pm2 ls` must read
 * "stopped", not "waiting restart" forever. pm2 is a dev dependency, so this runs wherever `npm install`
 * ran; PM2_BIN or a `pm2` on PATH are used otherwise, and the test is skipped only when there is none.
 */
const ROOT = path.resolve(__dirname, '../..');

function findPm2(): string | undefined {
  if (process.env.PM2_BIN) return process.env.PM2_BIN;
  const local = path.join(ROOT, 'node_modules', '.bin', 'pm2');
  if (fs.existsSync(local)) return local;
  const which = spawnSync('sh', ['-c', 'command -v pm2'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() || undefined : undefined;
}

const pm2 = findPm2();
const maybe = pm2 ? test : test.skip;

maybe('pm2 shows "stopped" after an exit 2 and does not restart it', async () => {
  ensureBuild();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-pm2-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    PM2_HOME: path.join(home, '.pm2'),
    BOT_TOKEN: '123456:AAFnot-a-real-token-value',
    API_ID: '12345',
    API_HASH: '0123456789abcdef0123456789abcdef',
    ACCOUNT_SESSION: 'junk',
    OWNER_ID: '5123456789',
    BOT_API_ROOT: 'http://127.0.0.1:9',
    DATABASE_PATH: path.join(home, 'w.sqlite'),
  };
  const run = (...args: string[]) => spawnSync(pm2!, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  try {
    expect(run('start', path.join(ROOT, 'ecosystem.config.js')).status).toBe(0);
    let app: { pm2_env: { status: string; exit_code?: number; restart_time: number } } | undefined;
    for (let i = 0; i < 60; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const list = JSON.parse(run('jlist').stdout || '[]') as Array<typeof app & { name: string }>;
      app = list.find((a) => a?.name === 'session-warden');
      if (app && app.pm2_env.exit_code === 2) break;
    }
    // Long enough for any restart pm2 had scheduled to have happened.
    await new Promise((r) => setTimeout(r, 4000));
    const list = JSON.parse(run('jlist').stdout || '[]') as Array<NonNullable<typeof app> & { name: string }>;
    app = list.find((a) => a.name === 'session-warden');
    expect(app?.pm2_env).toMatchObject({ status: 'stopped', exit_code: 2, restart_time: 0 });
    const log = fs.readdirSync(path.join(home, '.pm2', 'logs')).map((f) => fs.readFileSync(path.join(home, '.pm2', 'logs', f), 'utf8')).join('');
    expect(log).toMatch(/ACCOUNT_SESSION is not a valid session string.*run `npm run login`/);
  } finally {
    run('kill');
    fs.rmSync(home, { recursive: true, force: true });
  }
}, 120_000);
