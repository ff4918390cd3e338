import fc from 'fast-check';
import { doorAlertText } from '../../src/bot/views/door-alerts';
import { checkupView } from '../../src/bot/views/security-checkup';
import { NO_PASSWORD } from '../helpers/fake-account';
import { memoryLocalizer } from '../helpers/localizer';

const NOW_MS = 1_780_000_000_000;
const i18n = memoryLocalizer();

/**
 * Every text that states when a 2FA reset takes effect, in every language. A date in the past must
 * not be worded as the future ("is removed at … (2 h ago)"): the password may already be gone.
 */
const RESET_TEXTS: ReadonlyArray<[string, (date: number, locale: string) => string]> = [
  ['the reset alert', (date, locale) => doorAlertText({ kind: 'reset_pending', date }, NOW_MS, { i18n, locale })],
  [
    '/security',
    (date, locale) =>
      checkupView(
        { password: { ...NO_PASSWORD, hasPassword: true, pendingResetDate: date }, sessions: [], webSessions: 0, bots: [], ttlDays: 180, shortestTtlDays: 7, guardOn: false, codeGuardOn: false },
        NOW_MS,
        { i18n, locale },
      ).text,
  ],
];

const FUTURE_WORDS: Record<string, RegExp> = { en: /is removed at|removes the password at/, ru: /будет снят/ };
const PAST_WORDS: Record<string, RegExp> = { en: /may already be removed/, ru: /возможно, уже снят/ };

describe('a 2FA reset date is worded by whether it has passed', () => {
  it.each(RESET_TEXTS)('%s', (_name, render) => {
    fc.assert(
      fc.property(fc.integer({ min: -30 * 86_400, max: 30 * 86_400 }), fc.constantFrom('en', 'ru'), (offset, locale) => {
        fc.pre(Math.abs(offset) > 60);
        const text = render(Math.floor(NOW_MS / 1000) + offset, locale);
        if (offset < 0) {
          expect(text).not.toMatch(FUTURE_WORDS[locale]!);
          expect(text).toMatch(PAST_WORDS[locale]!);
        } else {
          expect(text).toMatch(FUTURE_WORDS[locale]!);
        }
      }),
      { numRuns: 60 },
    );
  });
});
