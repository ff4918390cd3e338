import { meetsAtMost, median, percentile, ratio, roundOrder, summarize } from '../../sandbox/bench/stats';
import { medianOfRuns, score } from '../../sandbox/bench/report';

describe('bench stats: percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100

  it('returns measured values, never interpolated ones', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });

  it('p0 is the minimum and the input order does not matter', () => {
    expect(percentile([5, 3, 9, 1], 0)).toBe(1);
    expect(percentile([9, 1, 5, 3], 100)).toBe(9);
    expect(percentile([9, 1, 5, 3], 75)).toBe(5);
  });

  it('with fewer than 100 samples p99 is the slowest one, so a short run never flatters', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000], 99)).toBe(1000);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([7], 1)).toBe(7);
  });

  it('200 samples: p99 is the 198th, so the two worst are outliers it ignores', () => {
    const xs = Array.from({ length: 200 }, (_, i) => (i < 198 ? 1 : 500));
    expect(percentile(xs, 99)).toBe(1);
    expect(percentile([...xs.slice(0, 197), 500, 500, 500], 99)).toBe(500);
  });

  it('does not modify its input', () => {
    const xs = [3, 1, 2];
    percentile(xs, 50);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('ignores NaN and infinities; nothing left gives NaN', () => {
    expect(percentile([Number.NaN, 4, Number.POSITIVE_INFINITY, 2], 100)).toBe(4);
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([Number.NaN], 50)).toBeNaN();
  });

  it('rejects a percentile outside 0..100', () => {
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('median is p50', () => {
    expect(median([10, 30, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2);
  });
});

describe('bench stats: summarize', () => {
  it('gives count, extremes, mean and the three percentiles', () => {
    const s = summarize([4, 1, 3, 2, Number.NaN]);
    expect(s).toEqual({ n: 4, min: 1, p50: 2, p95: 4, p99: 4, max: 4, mean: 2.5 });
  });

  it('is all NaN for no samples', () => {
    const s = summarize([]);
    expect(s.n).toBe(0);
    expect(s.p99).toBeNaN();
    expect(s.mean).toBeNaN();
  });
});

describe('bench stats: ratio and goals', () => {
  it('is app over baseline', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(0, 2)).toBe(0);
  });

  it('is NaN when a side is missing, so a broken run cannot pass', () => {
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(1, -1)).toBeNaN();
    expect(ratio(Number.NaN, 1)).toBeNaN();
    expect(ratio(1, Number.NaN)).toBeNaN();
    expect(ratio(-1, 1)).toBeNaN();
    expect(meetsAtMost(ratio(1, 0), 1.1)).toBe(false);
  });

  it('meetsAtMost: the limit itself passes, NaN fails', () => {
    expect(meetsAtMost(1.1, 1.1)).toBe(true);
    expect(meetsAtMost(1.1000001, 1.1)).toBe(false);
    expect(meetsAtMost(0, 0)).toBe(true);
    expect(meetsAtMost(Number.NaN, 100)).toBe(false);
  });

  it('roundOrder alternates who goes first', () => {
    expect(roundOrder(0, 'app', 'base')).toEqual(['app', 'base']);
    expect(roundOrder(1, 'app', 'base')).toEqual(['base', 'app']);
    expect(roundOrder(2, 'app', 'base')).toEqual(['app', 'base']);
  });
});

describe('medianOfRuns', () => {
  it('judges the median run of each figure, so one outlier run neither passes nor fails the check', () => {
    const run = (app: number, baseline: number) => [{ id: 'alert.p99', label: 'alert p99', unit: 'ms' as const, app, baseline, goal: { on: 'ratio' as const, limit: 1.1 } }];
    const [f] = medianOfRuns([run(30, 10), run(10, 10), run(10.5, 10)]);
    expect(f).toMatchObject({ app: 10.5, baseline: 10 });
    expect(score(f!).pass).toBe(true);
    expect(score(medianOfRuns([run(30, 10), run(30, 10), run(10, 10)])[0]!).pass).toBe(false);
    // Medians of app and baseline taken apart (9.03 / 12.0 = 0.75) would pass runs whose own ratios are 1.30, 1.20, 0.75.
    const [m] = medianOfRuns([run(9.03, 6.92), run(20.1, 16.7), run(9.01, 12.0)]);
    expect(m).toMatchObject({ app: 20.1, baseline: 16.7 });
    expect(score(m!).pass).toBe(false);
  });
});
