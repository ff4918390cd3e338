import { median, meetsAtMost, ratio } from './stats';

export type Unit = 'ms' | 'MB' | 'count';

export interface Goal {
  /** 'ratio': app/baseline must be at most `limit`; 'value': the app's own figure must be. */
  readonly on: 'ratio' | 'value';
  readonly limit: number;
}

export interface Figure {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  readonly app: number;
  readonly baseline?: number;
  readonly goal?: Goal;
}

export interface ScoredFigure extends Figure {
  readonly ratio?: number;
  readonly pass?: boolean;
}

export function score(f: Figure): ScoredFigure {
  const r = f.baseline === undefined ? undefined : ratio(f.app, f.baseline);
  if (f.goal === undefined) return { ...f, ...(r !== undefined ? { ratio: r } : {}) };
  const measured = f.goal.on === 'ratio' ? (r ?? Number.NaN) : f.app;
  return { ...f, ...(r !== undefined ? { ratio: r } : {}), pass: meetsAtMost(measured, f.goal.limit) };
}

export function formatValue(v: number | undefined, unit: Unit): string {
  if (v === undefined) return '—';
  if (!Number.isFinite(v)) return 'n/a';
  if (unit === 'count') return String(Math.round(v));
  const digits = Math.abs(v) < 10 ? 2 : Math.abs(v) < 100 ? 1 : 0;
  return `${v.toFixed(digits)} ${unit}`;
}

function formatGoal(g: Goal | undefined, unit: Unit): string {
  if (g === undefined) return '';
  if (g.on === 'ratio') return `≤ ${g.limit}×`;
  return unit === 'count' ? `= ${g.limit}` : `≤ ${formatValue(g.limit, unit)}`;
}

/** A plain-text table: one line per figure, ratio beside its goal. */
export function renderTable(figures: readonly ScoredFigure[]): string {
  const rows = figures.map((f) => [
    f.label,
    formatValue(f.app, f.unit),
    f.baseline === undefined ? '—' : formatValue(f.baseline, f.unit),
    f.ratio === undefined ? '' : Number.isFinite(f.ratio) ? `${f.ratio.toFixed(2)}×` : 'n/a',
    formatGoal(f.goal, f.unit),
    f.pass === undefined ? '' : f.pass ? 'pass' : 'MISS',
  ]);
  const header = ['figure', 'app', 'baseline', 'ratio', 'goal', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * One figure per id from several whole runs, so `--check` judges the typical run, never one lucky or
 * unlucky sample. A figure with a baseline takes the run whose app/baseline ratio is the median (the
 * pair stays from one run: medians of app and baseline taken apart would pair unrelated samples);
 * any other takes the median of its values. Labels and goals come from the first run.
 */
export function medianOfRuns(runs: ReadonlyArray<readonly Figure[]>): Figure[] {
  const first = runs[0] ?? [];
  return first.map((f) => {
    const label = `${f.label} [median of ${runs.length} runs]`;
    const same = runs.map((r) => r.find((x) => x.id === f.id)).filter((x): x is Figure => x !== undefined);
    if (f.baseline === undefined) return { ...f, label, app: median(same.map((x) => x.app)) };
    const byRatio = same
      .map((x) => ({ x, r: ratio(x.app, x.baseline ?? Number.NaN) }))
      .sort((a, b) => (Number.isNaN(a.r) ? 1 : Number.isNaN(b.r) ? -1 : a.r - b.r));
    // Nearest rank, as median() does; a run without a ratio sorts last and so counts against the check.
    const mid = byRatio[Math.max(0, Math.ceil(byRatio.length / 2) - 1)]?.x ?? f;
    return { ...f, label, app: mid.app, ...(mid.baseline !== undefined ? { baseline: mid.baseline } : {}) };
  });
}
