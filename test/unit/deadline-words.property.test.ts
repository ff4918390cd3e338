import fc from 'fast-check';
import { alertMessage } from '../../src/bot/views/alert';
import { doorAlertText } from '../../src/bot/views/door-alerts';
import { explainFailure } from '../../src/bot/views/explain-failure';
import { checkupView } from '../../src/bot/views/security-checkup';
import { AccountError } from '../../src/domain/account-error';
import { endingAllowedAt } from '../../src/domain/fresh-session';
import type { NewLogin } from '../../src/domain/new-login';
import { botHarness } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession, NO_PASSWORD, TEST_NOW_MS } from '../helpers/fake-account';
import { memoryLocalizer } from '../helpers/localizer';

/**
 * One deadline, one wording: for any deadline and any two moments within the same minute, every
 * message that shows that deadline writes the time left the same way, in English and in Russian.
 * The issue saw "in 7 d", "in 6 d 23 h" and "in 6 d" for one deadline within a minute.
 */
const i18n = memoryLocalizer();
const LOCALES = ['en', 'ru'] as const;
type Locale = (typeof LOCALES)[number];

/** The time left as a message writes it: "(in 6 d 23 h)" / "(осталось: 6 дней 23 часа)". */
function timeLeft(text: string, locale: Locale): string | undefined {
  const plain = text.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
  return (locale === 'en' ? /\(in ([^)]+)\)/ : /\(осталось: ([^)]+)\)/).exec(plain)?.[1];
}

const minuteStart = Math.floor(TEST_NOW_MS / 60_000) * 60_000;
/** Two moments within the same minute, and a deadline from 1 minute to 8 days after that minute. */
const arbitrary = fc.record({
  first: fc.integer({ min: 0, max: 59_999 }),
  second: fc.integer({ min: 0, max: 59_999 }),
  ahead: fc.integer({ min: 60, max: 8 * 86_400 }),
  locale: fc.constantFrom(...LOCALES),
});

async function statusText(companionCreatedAt: number, nowMs: number, locale: Locale): Promise<string> {
  const h = botHarness(new FakeAccount([companionSession({ dateCreated: companionCreatedAt })]), { now: nowMs });
  if (locale === 'ru') await h.send('/language ru');
  await h.send('/status');
  return h.lastText();
}

describe('a deadline is written one way in every message, for the whole minute', () => {
  it("the companion's 24-hour deadline: /status, a refused End and the alert's note agree", async () => {
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ first, second, ahead, locale }) => {
        const allowedAt = Math.floor(minuteStart / 1000) + ahead;
        const created = allowedAt - endingAllowedAt(0);
        const seen = new Set<string | undefined>();
        for (const nowMs of [minuteStart + first, minuteStart + second]) {
          const failure = explainFailure(new AccountError({ kind: 'too_fresh' }, 'FRESH_RESET_AUTHORISATION_FORBIDDEN', 'x'), {
            doing: 'doing-end-it',
            nowMs,
            companionCreatedAt: created,
            i18n,
            locale,
          });
          const login = { hash: 5n, session: makeSession({ hash: 5n, dateCreated: Math.floor(nowMs / 1000) }), via: 'push', whileOffline: false } as NewLogin;
          const alert = alertMessage(login, { nowMs, autoconfirmSeconds: undefined, companionCreatedAt: created, i18n, locale }).text;
          const status = await statusText(created, nowMs, locale);
          for (const text of [failure, alert, status]) seen.add(timeLeft(text, locale));
        }
        expect([...seen]).toHaveLength(1);
        expect([...seen][0]).toBeDefined();
      }),
      { numRuns: 25 },
    );
  });

  it("a login's auto-confirmation: the alert says the same for the whole minute", () => {
    fc.assert(
      fc.property(arbitrary, ({ first, second, ahead, locale }) => {
        const seen = new Set<string | undefined>();
        for (const nowMs of [minuteStart + first, minuteStart + second]) {
          // Created in the past, whatever the deadline: an auto-confirmation period of 9 days.
          const session = makeSession({ hash: 5n, unconfirmed: true, dateCreated: Math.floor(minuteStart / 1000) + ahead - 9 * 86_400 });
          const login = { hash: 5n, session, via: 'push', whileOffline: false } as NewLogin;
          seen.add(timeLeft(alertMessage(login, { nowMs, autoconfirmSeconds: 9 * 86_400, companionCreatedAt: 0, i18n, locale }).text, locale));
        }
        expect([...seen]).toHaveLength(1);
        expect([...seen][0]).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });

  it('a 2FA reset date: its alert and /security agree', () => {
    fc.assert(
      fc.property(arbitrary, ({ first, second, ahead, locale }) => {
        const date = Math.floor(minuteStart / 1000) + ahead;
        const seen = new Set<string | undefined>();
        for (const nowMs of [minuteStart + first, minuteStart + second]) {
          const speech = { i18n, locale };
          const alert = doorAlertText({ kind: 'reset_pending', date }, nowMs, speech);
          const checkup = checkupView(
            { password: { ...NO_PASSWORD, hasPassword: true, pendingResetDate: date }, sessions: [], webSessions: 0, bots: [], ttlDays: 30, shortestTtlDays: 7, guardOn: false, codeGuardOn: false },
            nowMs,
            speech,
          ).text;
          for (const text of [alert, checkup]) seen.add(timeLeft(text, locale));
        }
        expect([...seen]).toHaveLength(1);
        expect([...seen][0]).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });

  it('the three ways of the issue are one: a deadline 7 days away reads "7 d" for its whole minute, then "6 d 23 h"', () => {
    const at = Math.floor(minuteStart / 1000) + 7 * 86_400;
    const session = makeSession({ hash: 5n, unconfirmed: true, dateCreated: at - 7 * 86_400 });
    const left = (nowMs: number, locale: Locale) =>
      timeLeft(alertMessage({ hash: 5n, session, via: 'push', whileOffline: false } as NewLogin, { nowMs, autoconfirmSeconds: 7 * 86_400, companionCreatedAt: 0, i18n, locale }).text, locale);
    expect([left(minuteStart, 'en'), left(minuteStart + 59_999, 'en'), left(minuteStart + 60_000, 'en')]).toEqual(['7 d', '7 d', '6 d 23 h']);
    expect([left(minuteStart, 'ru'), left(minuteStart + 59_999, 'ru'), left(minuteStart + 60_000, 'ru')]).toEqual(['7 дней', '7 дней', '6 дней 23 часа']);
  });
});
