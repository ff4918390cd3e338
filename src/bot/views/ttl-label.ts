import type { Words } from '../text/i18n';

/** The periods Telegram's own apps offer, with their names' message ids; the server rejects others (TTL_DAYS_INVALID), so ask nothing else. */
export const TTL_CHOICES: ReadonlyArray<readonly [days: number, label: string]> = [
  [7, 'ttl-1-week'],
  [30, 'ttl-1-month'],
  [90, 'ttl-3-months'],
  [180, 'ttl-6-months'],
  [365, 'ttl-1-year'],
];

/** "7 days (1 week)" in `t`'s language. */
export const ttlLabel = (days: number, t: Words): string => {
  const choice = TTL_CHOICES.find(([d]) => d === days);
  return choice ? t('ttl-label-named', { days, name: t(choice[1]) }) : t('ttl-label', { days });
};
