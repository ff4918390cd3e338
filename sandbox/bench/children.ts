import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { BaselineMode, FromChild, ToChild } from './protocol';

/** Every child this run started, so an early exit (an error, Ctrl-C) still ends exactly these. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

export interface Child {
  readonly proc: ChildProcess;
  /** performance.now() in this process when the child was forked. */
  readonly forkedAt: number;
  /** Resolves with the child's first 'ready'. */
  readonly ready: Promise<{ startMs: number; uptimeMs: number; wallMs: number }>;
  request<T extends FromChild['type']>(msg: ToChild, reply: T, timeoutMs?: number): Promise<Extract<FromChild, { type: T }>>;
  post(msg: ToChild): void;
  /** Asks the child to stop (bounded by graceMs), then kills it if it is still there. */
  stop(graceMs?: number): Promise<void>;
  /** Errors the child reported after it was ready (a failed baseline send, say). */
  readonly errors: string[];
}

export interface SpawnOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly args?: readonly string[];
  readonly execArgv?: readonly string[];
  readonly readyTimeoutMs?: number;
}

function spawnChild(script: string, options: SpawnOptions): Child {
  const forkedAt = performance.now();
  const proc = fork(path.join(__dirname, script), [...(options.args ?? [])], {
    env: options.env,
    execArgv: ['--expose-gc', ...(options.execArgv ?? [])],
    // stdout (the app's JSON log) goes nowhere, as under a process manager with logs off; stderr is kept for errors.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  live.add(proc);
  let stderr = '';
  proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const errors: string[] = [];
  const listeners = new Set<(m: FromChild) => void>();
  proc.on('message', (m: FromChild) => {
    if (m.type === 'error') errors.push(m.message);
    for (const l of [...listeners]) l(m);
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  void exited.then(() => live.delete(proc));

  const wait = <T extends FromChild['type']>(type: T, timeoutMs: number): Promise<Extract<FromChild, { type: T }>> =>
    new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        listeners.delete(onMessage);
        proc.off('exit', onExit);
      };
      const onMessage = (m: FromChild): void => {
        if (m.type === type) {
          done();
          resolve(m as Extract<FromChild, { type: T }>);
        } else if (m.type === 'error') {
          done();
          reject(new Error(`${script}: ${m.message}`));
        }
      };
      const onExit = (code: number | null): void => {
        done();
        reject(new Error(`${script} exited (${code}) before '${type}'${stderr ? `: ${stderr.trim()}` : ''}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${script}: no '${type}' within ${timeoutMs} ms${stderr ? `: ${stderr.trim()}` : ''}`));
      }, timeoutMs);
      listeners.add(onMessage);
      proc.once('exit', onExit);
    });

  const ready = wait('ready', options.readyTimeoutMs ?? 20_000).then((m) => ({
    startMs: m.startMs,
    uptimeMs: m.uptimeMs,
    wallMs: performance.now() - forkedAt,
  }));
  // The caller awaits `ready`; this only keeps an unawaited failure from crashing the run.
  ready.catch(() => undefined);

  return {
    proc,
    forkedAt,
    ready,
    errors,
    post: (msg) => void proc.send(msg),
    request(msg, reply, timeoutMs = 10_000) {
      const answer = wait(reply, timeoutMs);
      proc.send(msg);
      return answer;
    },
    async stop(graceMs = 3000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      if (proc.connected) proc.send({ type: 'stop', graceMs } satisfies ToChild);
      const killer = setTimeout(() => proc.kill('SIGKILL'), graceMs + 2000);
      await exited;
      clearTimeout(killer);
    },
  };
}

export function spawnApp(options: SpawnOptions): Child {
  return spawnChild('app-child.js', options);
}

export function spawnBaseline(mode: BaselineMode, options: SpawnOptions): Child {
  return spawnChild('baseline-child.js', { ...options, args: [mode] });
}
