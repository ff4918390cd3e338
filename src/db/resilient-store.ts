import type { Database } from 'better-sqlite3';
import { storageProblem, type StorageProblem } from './storage-error';

/** At most this many writes wait in memory while the database cannot take them; past that the oldest are dropped and counted. */
export const MAX_PENDING_WRITES = 10_000;
/** Writes replayed per transaction when the database is back: one fsync per chunk, short enough not to block the event loop. */
const REPLAY_CHUNK = 200;
const RETRY_MS = [1000, 2000, 4000, 5000];

export type StorageEvent =
  /** The database has refused writes for at least one retry; `pending` writes wait in memory. */
  | { readonly kind: 'down'; readonly problem: StorageProblem; readonly pending: number }
  /** Everything kept in memory is written; `lost` were dropped because memory was full. */
  | { readonly kind: 'up'; readonly written: number; readonly lost: number; readonly downSinceMs: number };

export interface ResilientStoreOptions {
  readonly log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  readonly maxPending?: number;
  /** Retry delays in ms, the last repeated (tests shorten them). */
  readonly retryMs?: readonly number[];
  readonly now?: () => number;
}

/**
 * The one door every write to the database passes through. A write the database refuses because
 * of the storage (full, read-only, locked by another process, I/O error) does not throw: it is kept
 * in memory, in order, and retried on a timer, so an alert or an owner's command never waits on or
 * fails because of the audit log. Later writes queue behind it, keeping their order. Logic errors
 * (a constraint, bad SQL) still throw: they are bugs, not weather.
 */
export function createResilientStore(db: Database, options: ResilientStoreOptions = {}) {
  const maxPending = options.maxPending ?? MAX_PENDING_WRITES;
  const retryMs = options.retryMs ?? RETRY_MS;
  const now = options.now ?? Date.now;
  /** A kept write, and what to do in memory once it is committed. */
  interface Kept {
    readonly work: () => void;
    readonly onWritten: (() => void) | undefined;
  }
  const queue: Kept[] = [];
  const listeners = new Set<(e: StorageEvent) => void>();
  let inTransaction = false;
  /** The onWritten of writes joined to the running transaction, run once it commits. */
  let committed: Array<() => void> | undefined;
  let problem: StorageProblem | undefined;
  let failingSince = 0;
  let toldDown = false;
  let attempts = 0;
  let written = 0;
  let lost = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const mirrors: Array<Record<string, { clear(): void }>> = [];
  const clearMirrors = (): void => mirrors.forEach((m) => Object.values(m).forEach((c) => c.clear()));
  const emit = (e: StorageEvent): void => listeners.forEach((l) => l(e));

  function enqueue(work: () => void, onWritten?: () => void): void {
    queue.push({ work, onWritten });
    if (queue.length > maxPending) {
      queue.shift();
      lost += 1;
    }
  }

  function failed(p: StorageProblem): void {
    if (!problem) {
      failingSince = now();
      options.log?.error({ code: p.code }, `the database cannot be written (${p.reason}); keeping writes in memory`);
    }
    problem = p;
    schedule();
  }

  function schedule(): void {
    if (timer || closed) return;
    const delay = retryMs[Math.min(attempts, retryMs.length - 1)] ?? 1000;
    timer = setTimeout(() => {
      timer = undefined;
      attempts += 1;
      drain();
    }, delay);
    timer.unref();
  }

  /** Replays one chunk per turn of the event loop, so catching up on thousands of writes never freezes it. */
  function drain(): void {
    const result = step();
    if (result === 'more' && !closed) setImmediate(drain);
    if (result === 'failed' && problem && !toldDown) {
      // Told only once a retry has failed too, so a lock held for a few milliseconds is not news.
      toldDown = true;
      emit({ kind: 'down', problem, pending: queue.length });
    }
  }

  /** Writes one chunk of what is kept: in one transaction, or item by item when one of them is a bug. */
  function step(): 'done' | 'more' | 'failed' {
    if (queue.length === 0) {
      if (problem) recovered();
      return 'done';
    }
    const chunk = queue.slice(0, REPLAY_CHUNK);
    try {
      try {
        inline(() => db.transaction(() => chunk.forEach((k) => k.work()))());
        take(chunk);
      } catch (err) {
        if (storageProblem(err)) throw err;
        for (const k of chunk) {
          try {
            inline(() => db.transaction(k.work)());
            take([k]);
          } catch (e) {
            if (storageProblem(e)) throw e;
            options.log?.error({ err: e }, 'a kept write failed on replay and was dropped');
            take([k], false);
          }
        }
      }
    } catch (err) {
      failed(storageProblem(err) ?? { code: 'UNKNOWN', kind: 'other', reason: String(err), fix: '' });
      return 'failed';
    }
    return queue.length > 0 ? 'more' : step();
  }

  /** Drops committed (or hopeless) writes from the head of the queue, then runs their onWritten. */
  function take(done: readonly Kept[], committed = true): void {
    queue.splice(0, done.length);
    // The database has it all now: what repositories overlay on their reads is stale from here on.
    if (queue.length === 0) clearMirrors();
    if (!committed) return;
    written += done.length;
    for (const k of done) after(k.onWritten);
  }

  /** Runs `work` with writes it makes itself (a repository calling another) run inline, in its transaction. */
  function inline<T>(work: () => T): T {
    if (inTransaction) return work();
    inTransaction = true;
    const done: Array<() => void> = [];
    committed = done;
    let result: T;
    try {
      result = work();
    } finally {
      inTransaction = false;
      committed = undefined;
    }
    // Only now is it committed: a rolled-back transaction never gets here.
    done.forEach(after);
    return result;
  }

  /** An onWritten that throws is a bug in its caller; it must not undo the bookkeeping of the store. */
  function after(onWritten: (() => void) | undefined): void {
    try {
      onWritten?.();
    } catch (err) {
      options.log?.error({ err }, 'bookkeeping after a database write failed');
    }
  }

  /** Writes everything kept, synchronously (at shutdown); true when nothing is left. */
  function flush(): boolean {
    let result = step();
    while (result === 'more') result = step();
    return result === 'done';
  }

  function recovered(): void {
    options.log?.warn({ written, lost }, 'the database takes writes again; what was kept in memory is written');
    if (toldDown) emit({ kind: 'up', written, lost, downSinceMs: failingSince });
    problem = undefined;
    toldDown = false;
    attempts = written = lost = 0;
  }

  return {
    db,
    /**
     * Runs `work` (one or more statement runs, as one transaction) now, or keeps it for later when the
     * database cannot take it; kept writes are replayed in order. True when it ran now. A kept `work`
     * runs later, so it must read what it needs from its closure, never from the state at replay time,
     * unless it means to (a writer that keeps at most one write pending and reads its live state).
     * `onWritten` runs once `work` is committed, now or after the replay: in-memory bookkeeping that
     * must not happen for a transaction that is rolled back. Writes made by `work` or by `onWritten`'s
     * callers through this store while `work` runs join its transaction.
     */
    write(work: () => void, onWritten?: () => void): boolean {
      if (inTransaction) {
        // Inside batch() or another write: a failure must abort the whole transaction, which keeps it.
        work();
        if (onWritten) committed?.push(onWritten);
        return true;
      }
      if (queue.length > 0 || closed) {
        enqueue(work, onWritten);
        return false;
      }
      try {
        inline(() => db.transaction(work)());
      } catch (err) {
        const p = storageProblem(err);
        if (!p) throw err;
        enqueue(work, onWritten);
        failed(p);
        return false;
      }
      after(onWritten);
      return true;
    },
    /**
     * Runs several writes as one transaction (one fsync for a burst). If the database refuses it,
     * `work` runs again with every write kept in memory, so `work` must be safe to run twice:
     * writes and bookkeeping only, no sends.
     */
    batch<T>(work: () => T): T {
      if (inTransaction || queue.length > 0 || closed) return work();
      try {
        return inline(() => db.transaction(work)());
      } catch (err) {
        if (!storageProblem(err)) throw err;
        // The queue is empty, so the first write tries once more on its own and then keeps the rest.
        return work();
      }
    },
    /** Writes waiting in memory. */
    get pending(): number {
      return queue.length;
    },
    /** The current problem, while the database refuses writes. */
    get problem(): StorageProblem | undefined {
      return problem;
    },
    /**
     * For repositories that overlay kept writes on what they read: returns a getter for `state`
     * that first empties every collection in it once nothing is kept (the database has it all then).
     */
    mirror<S extends Record<string, { clear(): void }>>(state: S): () => S {
      // Emptied the moment the last kept write is committed, not when next read: a repository may
      // write again (and be refused again) before it reads, and must not overlay what is stale.
      mirrors.push(state);
      return () => state;
    },
    /** Subscribes to down/up changes; a listener added while down is told at once. */
    onChange(listener: (e: StorageEvent) => void): () => void {
      listeners.add(listener);
      if (toldDown && problem) listener({ kind: 'down', problem, pending: queue.length });
      return () => listeners.delete(listener);
    },
    /** Tries once, now, to write what is kept (at shutdown). True when nothing is left. */
    flush,
    /** Stops retrying; writes after this are kept, and their count is what `pending` reports. */
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

export type ResilientStore = ReturnType<typeof createResilientStore>;

/** Repositories accept a raw database (tests, tools) or the app's shared store (one queue, one order). */
export const asStore = (source: Database | ResilientStore): ResilientStore =>
  'write' in source && 'onChange' in source ? source : createResilientStore(source as Database);
