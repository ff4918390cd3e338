import { escapeHtml } from './html';

/** Risk flags (src/guard/risk-flags.ts) as one line under a session or an alert; nothing when there are none. */
export function riskLine(flags: readonly string[] | undefined): string[] {
  return flags && flags.length > 0 ? [`🚩 ${escapeHtml(flags.join(' · '))}`] : [];
}
