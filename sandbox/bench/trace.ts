import fs from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

/** Something that held the app's event loop: when it began (ms since the epoch) and for how long. */
export interface Pause {
  readonly at: number;
  readonly ms: number;
  readonly what: string;
}

const TICK_MS = 5;
/** A tick this much later than due counts as a stall. */
const STALL_MS = 3;

/**
 * With `file` set, records the app's garbage collections and event-loop stalls (a 5 ms timer that
 * fires late), in absolute time so the bench can lay them beside its samples; the returned function
 * writes them to `file`. Without it, records nothing.
 */
export function startTrace(file: string | undefined): () => void {
  if (!file) return () => undefined;
  const pauses: Pause[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
      pauses.push({ at: performance.timeOrigin + e.startTime, ms: e.duration, what: `gc ${kind === 4 ? 'major' : kind === 1 ? 'minor' : String(kind)}` });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  let due = performance.now() + TICK_MS;
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - due > STALL_MS) pauses.push({ at: performance.timeOrigin + due, ms: now - due, what: 'stall' });
    due = now + TICK_MS;
  }, TICK_MS);
  timer.unref();
  return () => {
    observer.disconnect();
    clearInterval(timer);
    fs.writeFileSync(file, JSON.stringify(pauses));
  };
}

/** The pauses that overlap [from, to] (ms since the epoch). */
export function pausesIn(pauses: readonly Pause[], from: number, to: number): Pause[] {
  return pauses.filter((p) => p.at < to && p.at + p.ms > from);
}
