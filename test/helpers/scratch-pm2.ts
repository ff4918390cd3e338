import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PM2 = path.resolve(__dirname, '../../node_modules/.bin/pm2');

/** pm2 (the project's dev dependency) with the scratch owner's environment, so its home is theirs. */
export function scratchPm2(cwd: string, env: NodeJS.ProcessEnv) {
  const home = String(env.PM2_HOME);
  const run = (...args: string[]): { status: number | null; stdout: string } => {
    const r = spawnSync(PM2, args, { cwd, env, encoding: 'utf8', timeout: 30_000 });
    return { status: r.status, stdout: r.stdout };
  };
  return {
    run,
    /** The app as `pm2 jlist` shows it: only its status (the full entry holds its environment). */
    app(name = 'session-warden'): { status: string } | undefined {
      // The last line: a jlist that had to start pm2's daemon first prints its banner before the list.
      const list = JSON.parse(run('jlist').stdout.trim().split('\n').pop() || '[]') as Array<{ name: string; pm2_env: { status: string } }>;
      const app = list.find((a) => a.name === name);
      return app && { status: app.pm2_env.status };
    },
    /** The names `pm2 resurrect` would start at boot, from what `pm2 save` wrote. */
    saved(): string[] {
      return (JSON.parse(fs.readFileSync(path.join(home, 'dump.pm2'), 'utf8')) as { name: string }[]).map((a) => a.name);
    },
    /** Everything pm2 kept of its apps' output (in ~/.pm2/logs, as the README says). */
    logs(): string {
      const dir = path.join(home, 'logs');
      return fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    },
    /** Ends pm2's daemon and its apps: `pm2 kill`, then the daemon's own pid if it is still there. */
    kill(): void {
      run('kill');
      const pidFile = path.join(home, 'pm2.pid');
      if (!fs.existsSync(pidFile)) return;
      try {
        process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 'SIGKILL');
      } catch {
        // pm2 kill stopped it
      }
    },
  };
}
