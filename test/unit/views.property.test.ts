import fc from 'fast-check';
import { alertMessage, baselineMessage, batchMessages } from '../../src/bot/views/alert';
import { sessionCard } from '../../src/bot/views/session-card';
import { sessionPage } from '../../src/bot/views/session-pages';
import { trustPage } from '../../src/bot/views/trust-view';
import { webSessionCard, webSessionList } from '../../src/bot/views/web-session-card';
import { visibleText } from '../../src/bot/api/telegram-limits';
import { LIMITS } from '../../src/bot/text/limits';
import type { Session } from '../../src/domain/session';
import type { WebSession } from '../../src/domain/web-session';
import type { NewLogin } from '../../src/domain/new-login';
import { botHarness, type ApiCall } from '../helpers/bot-harness';
import { doorAlertText } from '../../src/bot/views/door-alerts';
import { checkupView } from '../../src/bot/views/security-checkup';
import type { ConnectedBot } from '../../src/domain/connected-bot';
import { companionSession, FakeAccount, makeSession, makeWebSession, NO_PASSWORD, TEST_NOW_MS } from '../helpers/fake-account';
import { memoryLocalizer } from '../helpers/localizer';

/** Field contents an attacker or a server may choose: anything, long, emoji-only, or full of breaks and bidi controls. */
const hostile = fc.oneof(
  fc.string({ maxLength: 80, unit: 'binary' }),
  // Long fields are built by repetition: generating and shrinking 5,000 random characters per field is slow.
  fc.tuple(fc.string({ minLength: 1, maxLength: 4, unit: 'grapheme' }), fc.integer({ min: 4000, max: 5000 })).map(([s, n]) => Array.from({ length: n }, () => s).join('').slice(0, 5000)),
  fc.tuple(fc.constantFrom('😀', '👨‍👩‍👧', '🇪🇸', '🛡'), fc.integer({ min: 1, max: 2500 })).map(([e, n]) => e.repeat(n)),
  fc.array(fc.constantFrom('\n', '\r', '\u2028', '\u202e', '\u2066', '\u200b', '\u200d', '<b>', '&', 'Hash: 1', ' '), { maxLength: 40 }).map((a) => a.join('')),
);

const session = fc
  .record({ deviceModel: hostile, platform: hostile, systemVersion: hostile, appName: hostile, appVersion: hostile, ip: hostile, country: hostile, region: hostile, hash: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).filter((h) => h !== 0n), unconfirmed: fc.boolean(), passwordPending: fc.boolean(), officialApp: fc.boolean() })
  .map((f) => makeSession(f));
const webSession = fc
  .record({ domain: hostile, bot: hostile, browser: hostile, platform: hostile, ip: hostile, region: hostile, hash: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }) })
  .map((f) => makeWebSession(f));
const uniqueSessions = (max: number) => fc.uniqueArray(session, { maxLength: max, selector: (s) => s.hash });

const i18n = memoryLocalizer();
const contextIn = (locale: string) => ({ nowMs: TEST_NOW_MS, autoconfirmSeconds: 7 * 86_400, companionCreatedAt: TEST_NOW_MS / 1000 - 3600, i18n, locale });
const login = (s: Session): NewLogin => ({ hash: s.hash, session: s, push: undefined, via: 'push', whileOffline: false });

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> } | undefined;

/** Telegram's limits for one message, as Telegram counts them (after entity parsing, UTF-16 units). */
function expectWithinLimits(text: string, keyboard: Keyboard, parseMode: unknown = 'HTML'): void {
  expect(visibleText(text, parseMode).length).toBeLessThanOrEqual(LIMITS.message);
  const rows = keyboard?.inline_keyboard ?? [];
  expect(rows.flat().length).toBeLessThanOrEqual(LIMITS.buttons);
  for (const row of rows) {
    expect(row.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const b of row) {
      expect(Array.from(b.text).length).toBeLessThanOrEqual(LIMITS.buttonText);
      expect(b.text).not.toMatch(/[\n\r]/);
      expect(Buffer.byteLength(b.callback_data ?? '', 'utf8')).toBeLessThanOrEqual(LIMITS.callbackDataBytes);
    }
  }
  expect(text).not.toMatch(/[\r\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\ufeff]/);
}

/** A field may not add or remove lines: the view has as many lines as with a plain "x" in every field. */
function expectSameLines<T>(render: (x: T) => string, hostileValue: T, plainValue: T): void {
  expect(visibleText(render(hostileValue), 'HTML').split('\n').length).toBe(visibleText(render(plainValue), 'HTML').split('\n').length);
}

const plainSession = (s: Session): Session => ({ ...s, deviceModel: 'x', platform: 'x', systemVersion: 'x', appName: 'x', appVersion: 'x', ip: 'x', country: 'x', region: 'x' });
const plainWeb = (w: WebSession): WebSession => ({ ...w, domain: 'x', bot: 'x', browser: 'x', platform: 'x', ip: 'x', region: 'x' });
/** No shrinking: a counterexample with 5,000-character fields takes minutes to shrink; the first one is readable enough. */
const RUNS = { numRuns: 40, endOnFailure: true };

// Every language the bot speaks: a translation may be longer than English, and must still fit.
describe.each(i18n.locales)('every view in %s fits Telegram and keeps each field on its own line, whatever the fields hold', (locale) => {
  const CONTEXT = contextIn(locale);
  const speech = { i18n, locale };
  it('single alerts and their redraws after a press', () => {
    fc.assert(
      fc.property(session, fc.constantFrom(undefined, { kind: 'mine', text: 'Confirmed.', offerTrust: true } as const, { kind: 'ended', text: 'Ended: x' } as const), (s, outcome) => {
        const m = alertMessage(login(s), CONTEXT, outcome);
        expectWithinLimits(m.text, m.keyboard as Keyboard);
        expectSameLines((x: Session) => alertMessage(login(x), CONTEXT, outcome).text, s, plainSession(s));
      }),
      RUNS,
    );
  });

  it('batch alerts and the first-start summary', () => {
    fc.assert(
      fc.property(uniqueSessions(40), (sessions) => {
        for (const m of batchMessages(sessions.map(login), CONTEXT)) expectWithinLimits(m.text, m.keyboard as Keyboard);
        expectWithinLimits(baselineMessage(sessions, speech), undefined);
      }),
      { numRuns: 20, endOnFailure: true },
    );
  });

  it('/sessions pages, cards, /trust pages, /websessions and web cards', () => {
    fc.assert(
      fc.property(uniqueSessions(25), fc.array(webSession, { maxLength: 12 }), (sessions, webs) => {
        const all = [companionSession(), ...sessions];
        for (let n = 0; n < 4; n++) {
          const page = sessionPage(all, n, TEST_NOW_MS, speech);
          expectWithinLimits(page.text, page.keyboard as Keyboard);
        }
        const devices = sessions.map((s, i) => ({ ...s, id: i + 1, fingerprint: String(i), addedAt: '' }));
        for (let n = 0; n < 4; n++) {
          const page = trustPage(devices, n, speech);
          expectWithinLimits(page.text, page.keyboard as Keyboard);
        }
        const list = webSessionList(webs, TEST_NOW_MS, speech);
        expectWithinLimits(list.text, list.keyboard as Keyboard);
        for (const s of sessions.slice(0, 3)) expectSameLines((x: Session) => sessionCard(x, 1, TEST_NOW_MS, speech), s, plainSession(s));
        for (const w of webs.slice(0, 3)) expectSameLines((x: WebSession) => webSessionCard(x, 1, TEST_NOW_MS, speech), w, plainWeb(w));
      }),
      { numRuns: 15, endOnFailure: true },
    );
  });

  it('every command, confirmation and result, through the bot', async () => {
    await fc.assert(
      fc.asyncProperty(uniqueSessions(6), fc.array(webSession, { maxLength: 3 }), hostile, async (sessions, webs, name) => {
        const account = new FakeAccount([companionSession(), ...sessions], { id: 42, firstName: name });
        account.webSessions = webs.map((w, i) => ({ ...w, hash: BigInt(i + 1) }));
        const h = botHarness(account);
        await h.send(`/language ${locale}`);
        const tap = async (prefix: string): Promise<void> => {
          const b = h.lastButtons().find((x) => x.data.startsWith(prefix));
          if (b) await h.press(b.data);
        };
        await h.send('/status');
        await h.send('/sessions');
        await tap('se:');
        await tap('sc:');
        await h.send('/trust');
        await tap('tl');
        await tap('tr:');
        await tap('tf:');
        await h.send('/trust');
        await h.send('/websessions');
        await tap('we:');
        await tap('wc:');
        for (const s of sessions.slice(0, 2)) await h.send(`/revoke ${s.hash}`);
        await h.send('/revokeall');
        await tap('rt:');
        await h.send('/log');
        await h.send('/panic');
        await tap('pk:');
        const out: ApiCall[] = h.calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText');
        for (const c of out) {
          expect(c.problems).toBeUndefined();
          expectWithinLimits(String(c.payload.text), c.payload.reply_markup as Keyboard, c.payload.parse_mode);
        }
      }),
      { numRuns: 12, endOnFailure: true },
    );
  });
});

describe('the other doors\' views keep Telegram\'s limits and each field on its own line', () => {
  const recipients = { existingChats: true, newChats: false, contacts: false, nonContacts: false, excludeSelected: false, users: 0 };
  const bot = fc.record({ username: hostile, name: hostile }).map((f): ConnectedBot => ({ botId: 7n, canReply: true, recipients, ...f }));
  const plainBot = (b: ConnectedBot): ConnectedBot => ({ ...b, username: 'x', name: 'x' });
  const text = (pattern: string, b: ConnectedBot, s: Session, speech = { i18n, locale: 'en' }): string[] => [
    doorAlertText({ kind: 'bot_connected', bot: b }, TEST_NOW_MS, speech),
    doorAlertText({ kind: 'hint_changed', hint: pattern }, TEST_NOW_MS, speech),
    doorAlertText({ kind: 'recovery_email_pending', pattern }, TEST_NOW_MS, speech),
    doorAlertText({ kind: 'login_email_changed', pattern }, TEST_NOW_MS, speech),
    checkupView(
      {
        password: { ...NO_PASSWORD, hasPassword: true, emailUnconfirmedPattern: pattern },
        sessions: [{ session: s, flags: [{ kind: 'new_country', country: s.country }, { kind: 'idle', days: 31 }] }],
        webSessions: 0,
        bots: [b],
        ttlDays: 180,
        shortestTtlDays: 7,
        guardOn: false,
        codeGuardOn: false,
      },
      TEST_NOW_MS,
      speech,
    ).text,
  ];

  it.each(i18n.locales)('door alerts and the /security checkup, in %s', (locale) => {
    const speech = { i18n, locale };
    fc.assert(
      // An empty pattern means "none" and drops its line, so patterns here are never empty.
      fc.property(hostile.filter((p) => p !== ''), bot, session, (pattern, b, s) => {
        const views = text(pattern, b, s, speech);
        const plain = text('x', plainBot(b), plainSession(s), speech);
        views.forEach((v, i) => {
          expectWithinLimits(v, undefined);
          expect(visibleText(v, 'HTML').split('\n').length).toBe(visibleText(plain[i]!, 'HTML').split('\n').length);
        });
      }),
      RUNS,
    );
  });

  it('/bots and /security through the bot, with their Disconnect buttons', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(bot, { minLength: 1, maxLength: 3 }), async (bots) => {
        const account = new FakeAccount([companionSession()]);
        account.connectedBots = bots.map((b, i) => ({ ...b, botId: BigInt(i + 1) }));
        const h = botHarness(account);
        await h.send('/bots');
        await h.send('/security');
        const out: ApiCall[] = h.calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText');
        for (const c of out) {
          expect(c.problems).toBeUndefined();
          expectWithinLimits(String(c.payload.text), c.payload.reply_markup as Keyboard, c.payload.parse_mode);
        }
      }),
      { numRuns: 12, endOnFailure: true },
    );
  });
});
