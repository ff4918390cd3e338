import { alertMessage, baselineMessage } from '../../src/bot/views/alert';
import { AccountError } from '../../src/domain/account-error';
import type { NewLogin } from '../../src/domain/new-login';
import { makeSession, TEST_NOW_MS } from '../helpers/fake-account';
import { memoryLocalizer } from '../helpers/localizer';

const i18n = memoryLocalizer();
const contextIn = (locale: string) => ({ nowMs: TEST_NOW_MS, autoconfirmSeconds: 7 * 86_400, companionCreatedAt: TEST_NOW_MS / 1000 - 3 * 86_400, i18n, locale });

describe('the first-start summary speaks the owner\'s language', () => {
  const sessions = [makeSession({ hash: 1n, deviceModel: 'iPhone 15' }), makeSession({ hash: 2n, deviceModel: 'Pixel 8' })];

  it('in Russian, with the plural of сеанс', () => {
    const text = baselineMessage(sessions, { i18n, locale: 'ru' });
    expect(text).toContain('session-warden теперь следит за вашим аккаунтом.');
    expect(text).toContain("Уже открыто ещё 2 сеанса.");
    expect(text).toContain('iPhone 15');
    expect(text).not.toMatch(/It found|Send \/sessions/);
  });

  it('in English as before', () => {
    const text = baselineMessage(sessions, { i18n, locale: 'en' });
    expect(text).toContain('It found 2 other sessions already logged in');
    expect(text.split('\n').at(-1)).toBe('Send /sessions to review them. From now on every new login is reported here at once.');
  });

  it('counts the sessions it could not list, in the language', () => {
    const many = Array.from({ length: 300 }, (_, i) => makeSession({ hash: BigInt(i + 1), deviceModel: `Device ${'x'.repeat(40)} ${i}` }));
    const text = baselineMessage(many, { i18n, locale: 'ru' });
    expect(text).toMatch(/…и ещё \d+\./);
    expect(text.length).toBeLessThanOrEqual(4096);
  });
});

describe('guard mode that could not read the trusted list says so in the owner\'s language', () => {
  const listError = new AccountError({ kind: 'flood_wait', seconds: 300 }, 'FLOOD_WAIT_300', 'wait');
  const login: NewLogin = { hash: 5n, session: undefined, push: { device: 'My Phone', location: 'Madrid', date: TEST_NOW_MS / 1000, unconfirmed: true }, via: 'push', whileOffline: false, autoEnd: { ok: true, listError } } as NewLogin;

  it('in Russian', () => {
    const text = alertMessage(login, contextIn('ru')).text;
    expect(text).toContain('не смог проверить список доверенных устройств: Telegram попросил подождать (5 минут). На всякий случай сеанс завершён.');
    expect(text).not.toMatch(/could not check/);
  });

  it('in English, as the issue words it', () => {
    expect(alertMessage(login, contextIn('en')).text).toContain('🛡 <b>Guard mode</b> could not check the trusted list: Telegram asked to wait 5 min; ended it to be safe.');
  });
});
