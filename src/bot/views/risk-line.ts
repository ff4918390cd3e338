import type { RiskFlag } from '../../guard/risk-flags';
import { wordsOf, type Speech } from '../text/i18n';
import { field, FIELD_MAX } from '../text/field';
import { escapeHtml } from '../text/html';

/** One flag in `speech`'s language, as HTML; the country is server-chosen, so it is cleaned, clipped and escaped. */
function flagText(f: RiskFlag, t: ReturnType<typeof wordsOf>): string {
  switch (f.kind) {
    case 'unofficial_app':
      return t('risk-unofficial-app', { apiId: String(f.apiId) });
    case 'password_pending':
      return t('risk-password-pending');
    case 'idle':
      return t('risk-idle', { days: f.days });
    case 'new_country':
      return t('risk-new-country', { country: escapeHtml(field(f.country, FIELD_MAX.place) || '—') });
  }
}

/** Risk flags as HTML in `speech`'s language, joined by `separator`. */
export function flagsText(flags: readonly RiskFlag[], speech: Speech, separator = ' · '): string {
  const t = wordsOf(speech);
  return flags.map((f) => flagText(f, t)).join(separator);
}

/** Risk flags (src/guard/risk-flags.ts) as one line under a session or an alert; nothing when there are none. */
export function riskLine(flags: readonly RiskFlag[] | undefined, speech: Speech): string[] {
  return flags && flags.length > 0 ? [`🚩 ${flagsText(flags, speech)}`] : [];
}
