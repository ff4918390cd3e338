import { field, FIELD_MAX } from './field';
import { escapeHtml } from './html';

/** The longest flag: our own words plus one clipped field ("trusted device, new country: " and a place). */
const FLAG_MAX = 40 + FIELD_MAX.place;

/**
 * Risk flags as HTML, joined by `separator`. A flag quotes fields the server chose (the country), so
 * each passes the output layer: no line breaks or bidi controls, and a stated length.
 */
export function flagsText(flags: readonly string[], separator = ' · '): string {
  return escapeHtml(flags.map((f) => field(f, FLAG_MAX)).join(separator));
}

/** Risk flags (src/guard/risk-flags.ts) as one line under a session or an alert; nothing when there are none. */
export function riskLine(flags: readonly string[] | undefined): string[] {
  return flags && flags.length > 0 ? [`🚩 ${flagsText(flags)}`] : [];
}
