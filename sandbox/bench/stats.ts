/** Pure number helpers for the benchmark; no I/O, so they are unit-tested on their own. */

export interface Summary {
  readonly n: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it.
 * Always a value that was measured (no interpolation), so a p99 of 200 samples is the 198th
 * fastest and a p99 of fewer than 100 samples is the slowest one: small runs never look better
 * than they were.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const values = finite(samples).sort((a, b) => a - b);
  if (values.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * values.length));
  return values[rank - 1]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function summarize(samples: readonly number[]): Summary {
  const values = finite(samples);
  if (values.length === 0) {
    return { n: 0, min: Number.NaN, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN };
  }
  return {
    n: values.length,
    min: Math.min(...values),
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: Math.max(...values),
    mean: values.reduce((s, v) => s + v, 0) / values.length,
  };
}

/** app / baseline; NaN when either side is missing or the baseline is not positive, so a broken run never passes. */
export function ratio(app: number, baseline: number): number {
  if (!Number.isFinite(app) || !Number.isFinite(baseline) || baseline <= 0 || app < 0) return Number.NaN;
  return app / baseline;
}

/** A goal is an upper bound; NaN (nothing measured) is a miss, not a pass. */
export function meetsAtMost(value: number, limit: number): boolean {
  return Number.isFinite(value) && value <= limit;
}

/**
 * The order of app and baseline in round `round`: alternating which goes first cancels the
 * advantage of running right after the other (warm caches, a just-finished GC).
 */
export function roundOrder<T>(round: number, first: T, second: T): [T, T] {
  return round % 2 === 0 ? [first, second] : [second, first];
}

function finite(samples: readonly number[]): number[] {
  return samples.filter((v) => Number.isFinite(v));
}
