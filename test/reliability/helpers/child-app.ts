import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BotApiEmulator } from '../../../sandbox/emulator/botapi';
import { MtprotoEmulator } from '../../../sandbox/emulator/mtproto';
import { OWNER } from '../../helpers/world';

const ROOT = path.resolve(__dirname, '../../..');
const ENTRY = path.join(ROOT, 'dist', 'src', 'main.js');

/** The same build step `npm start` runs, so the children are what pm2 would run. */
export function ensureBuild(): void {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-build.js')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`ensure-build failed:\n${build.stdout}\n${build.stderr}`);
}

/** Distinctive secrets, so a scan cannot be fooled by a value that also occurs for other reasons. */
export function secretToken(botId = 7_100_200_300): string {
  return `${botId}:AAF${randomBytes(16).toString('base64url')}`;
}
export function secretApiHash(): string {
  return randomBytes(16).toString('hex');
}

export interface ChildApp {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the output contains `text` (rejects after `timeoutMs` or when the process exits first). */
  waitForOutput(text: string | RegExp, timeoutMs?: number, from?: number): Promise<void>;
  /** Resident set size from /proc, in bytes (Linux). */
  rssBytes(): number;
  kill9(): Promise<void>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Every child started through one of these, with its output kept to the end of the test file, so
 * the file can scan all of it for secrets in `afterAll`.
 */
export class ChildApps {
  readonly all: ChildApp[] = [];

  start(env: Record<string, string>): ChildApp {
    let output = '';
    const listeners = new Set<() => void>();
    // A clean environment: nothing from this machine's .env or variables leaks in.
    const child = spawn(process.execPath, [ENTRY], {
      cwd: os.tmpdir(),
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (d: Buffer): void => {
      output += d.toString();
      for (const l of listeners) l();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    let done = false;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => {
        done = true;
        // Let the pipes drain so the output is complete.
        setImmediate(() => {
          for (const l of listeners) l();
          resolve({ code, signal });
        });
      }),
    );
    const app: ChildApp = {
      child,
      pid: child.pid!,
      output: () => output,
      exited,
      waitForOutput(text, timeoutMs = 15_000, from = 0) {
        const found = (): boolean => {
          const tail = output.slice(from);
          return typeof text === 'string' ? tail.includes(text) : text.test(tail);
        };
        if (found()) return Promise.resolve();
        return new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => {
            listeners.delete(check);
            reject(new Error(`no ${String(text)} in the child's output within ${timeoutMs} ms:\n${output.slice(-3000)}`));
          }, timeoutMs);
          const check = (): void => {
            if (found()) {
              clearTimeout(timer);
              listeners.delete(check);
              resolve();
            } else if (done) {
              clearTimeout(timer);
              listeners.delete(check);
              reject(new Error(`the child exited before printing ${String(text)}:\n${output.slice(-3000)}`));
            }
          };
          listeners.add(check);
        });
      },
      rssBytes() {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
        if (!kb) throw new Error('no VmRSS in /proc/<pid>/status');
        return Number(kb[1]) * 1024;
      },
      async kill9() {
        if (!done) child.kill('SIGKILL');
        await exited;
      },
      async stop() {
        if (!done) child.kill('SIGTERM');
        return (await exited).code;
      },
    };
    this.all.push(app);
    return app;
  }

  /** Kills whatever is still running (a failed test must not leave children behind). */
  async killAll(): Promise<void> {
    await Promise.all(this.all.map((a) => a.kill9()));
  }

  /** Every leak of a secret in any child's output: [secret name, excerpt]. */
  leaks(secrets: Record<string, string>): Array<[string, string]> {
    const found: Array<[string, string]> = [];
    for (const app of this.all) {
      const out = app.output();
      for (const [name, value] of Object.entries(secrets)) {
        if (value.length < 8) throw new Error(`secret ${name} is too short to scan for`);
        const at = out.indexOf(value);
        if (at >= 0) found.push([name, out.slice(Math.max(0, at - 200), at + value.length + 50)]);
      }
    }
    return found;
  }

  get totalOutputBytes(): number {
    return this.all.reduce((n, a) => n + a.output().length, 0);
  }
}

/** The secrets of one configuration, and the parts of them that must not appear either. */
export function secretsOf(config: { botToken: string; accountSession: string; apiHash: string }): Record<string, string> {
  const secretPart = config.botToken.split(':')[1]!;
  return {
    'bot token': config.botToken,
    'bot token secret part': secretPart,
    'account session': config.accountSession,
    // A session printed in pieces (wrapped, or only its key) is a leak too: scan a long inner slice.
    'account session (inner 48 chars)': config.accountSession.slice(20, 68),
    'api hash': config.apiHash,
  };
}

/** Parsed pino lines of a child's output (non-JSON lines are skipped). */
export function logLines(output: string): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a partial line at the end
    }
  }
  return lines;
}

/**
 * What every child-process suite starts with: the build, both emulators with the owner's chat, a
 * temp dir for databases; `stop` kills the suite's children and closes the rest.
 */
export async function startChildWorld(name: string, botId?: number, sessions: Array<{ hash: bigint; deviceModel: string }> = []) {
  ensureBuild();
  const mt = await MtprotoEmulator.start({ self: { id: BigInt(OWNER.id), firstName: OWNER.first_name } });
  for (const s of sessions) mt.addSession(s);
  const botApi = await BotApiEmulator.start({ token: secretToken(botId) });
  botApi.registerChat({ ...OWNER, type: 'private' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `warden-${name}-`));
  return {
    mt,
    botApi,
    dir,
    async stop(apps: ChildApps): Promise<void> {
      await apps.killAll();
      await Promise.allSettled([mt.stop(), botApi.stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ChildWorld = Awaited<ReturnType<typeof startChildWorld>>;
