import { FluentNumber } from '@fluent/bundle';

/**
 * A count below 1000 as Fluent sees it: the same number for plural selection (`[one]`, `[few]` …,
 * through Intl.PluralRules as before), written as its plain digits. Fluent writes every number
 * through Intl.NumberFormat, whose first use maps about 6 MB of ICU data into the process; below
 * 1000 a whole number has no grouping or decimal mark in any locale, so the digits are what
 * NumberFormat would write. Larger or fractional numbers keep Fluent's own formatting.
 * Measured: idle RSS after the first-start summary 106–107 MB with NumberFormat, 100–101 MB without (README, "Performance and reliability").
 */
class PlainCount extends FluentNumber {
  override toString(): string {
    return String(this.value);
  }
}

/** `vars` with each small whole number wrapped as a PlainCount; everything else as it was. */
export function plainCounts(vars: Readonly<Record<string, string | number>> | undefined): Record<string, string | number | FluentNumber> | undefined {
  if (!vars) return vars;
  const out: Record<string, string | number | FluentNumber> = {};
  for (const [k, v] of Object.entries(vars)) out[k] = typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1000 ? new PlainCount(v) : v;
  return out;
}
