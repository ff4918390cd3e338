/** Messages between the benchmark and its child processes (over the fork IPC channel). */

export type ToChild =
  | { readonly type: 'rss' }
  /** Baseline, sessions mode: one account.getAuthorizations, then one sendMessage carrying `tag`. */
  | { readonly type: 'sessions'; readonly tag: string }
  | { readonly type: 'stop'; readonly graceMs: number };

export type FromChild =
  /** startMs: the composition root alone (app) or connect + getMe (baseline); uptimeMs: since the process began. */
  | { readonly type: 'ready'; readonly startMs: number; readonly uptimeMs: number }
  | { readonly type: 'rss'; readonly rss: number; readonly heapUsed: number; readonly gc: boolean }
  | { readonly type: 'error'; readonly message: string };

/** Environment the baseline child reads (the app child reads the app's own variables). */
export const BASELINE_ENV = {
  session: 'BENCH_MT_SESSION',
  apiRoot: 'BENCH_API_ROOT',
  token: 'BENCH_BOT_TOKEN',
  chatId: 'BENCH_CHAT_ID',
  dbPath: 'BENCH_DB_PATH',
  watchHash: 'BENCH_WATCH_HASH',
} as const;

export type BaselineMode = 'rss' | 'alert' | 'sessions';

/** Where the app child writes its trace (GC pauses, event-loop stalls) when it stops, if set. */
export const TRACE_ENV = 'BENCH_TRACE_FILE';

/** Marks the baseline's messages so the benchmark can tell them from the app's. */
export const BASELINE_MARK = 'bench-baseline';

/** Memory after a collection when `--expose-gc` allows one, so app and baseline are measured alike. */
export function memoryReport(): Extract<FromChild, { type: 'rss' }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const mem = process.memoryUsage();
  return { type: 'rss', rss: mem.rss, heapUsed: mem.heapUsed, gc: gc !== undefined };
}
