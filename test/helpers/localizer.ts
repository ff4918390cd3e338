import { createLocalizer, type Localizer } from '../../src/bot/text/i18n';

/** The bot's languages over an in-memory settings table: for views rendered without a database. `timeZone` is TZ ('UTC' when unset). */
export function memoryLocalizer(timeZone?: string): Localizer {
  const memory = new Map<string, string>();
  return createLocalizer({ settings: { get: (k) => memory.get(k), set: (k, v) => void memory.set(k, v) }, ...(timeZone ? { timeZone } : {}) });
}
