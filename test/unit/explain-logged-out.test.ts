import fc from 'fast-check';
import { AccountError, DUPLICATED_SESSION } from '../../src/domain/account-error';
import { explainFailure, loggedOutWords } from '../../src/bot/views/explain-failure';
import { companionLostMessage } from '../../src/bot/views/alert';
import { memoryLocalizer } from '../helpers/localizer';

const EN = { i18n: memoryLocalizer(), locale: 'en' };
const context = { doing: 'doing-end-session' as const, nowMs: Date.UTC(2026, 0, 1), i18n: memoryLocalizer(), locale: 'en' };

test('AUTH_KEY_DUPLICATED: two programs at once, Telegram ended it, log in again and run one copy only', () => {
  const text = explainFailure(new AccountError({ kind: 'logged_out' }, DUPLICATED_SESSION, 'x'), context);
  expect(text).toMatch(/two programs at once/);
  expect(text).toMatch(/Telegram ended it/);
  expect(text).toMatch(/npm run login.*run one copy only/);
  expect(companionLostMessage(DUPLICATED_SESSION, EN)).toMatch(/two programs at once[\s\S]*run one copy only/);
});

test('every other logged-out code keeps the ended-or-expired explanation, and every one says how to log in again', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Z_]{1,30}$/), (code) => {
      const lost = loggedOutWords(code, (key) => EN.i18n.t('en', key));
      expect(lost.fix).toMatch(/npm run login/);
      expect(/two programs/.test(lost.why)).toBe(code === DUPLICATED_SESSION);
      expect(companionLostMessage(code, EN)).toContain(`(${code})`);
    }),
  );
});

test('the companion-lost notice speaks Russian when the owner does, with the same reason and fix', () => {
  const text = companionLostMessage('AUTH_KEY_UNREGISTERED', { i18n: EN.i18n, locale: 'ru' });
  expect(text).toBe(
    '⚠️ <b>Компаньон session-warden вышел из аккаунта</b> (AUTH_KEY_UNREGISTERED): его сеанс завершили с другого устройства, он истёк или вход так и не был выполнен.\n' +
      'Пока компаньон снова не войдёт, новые входы не видны, а сеансы нельзя завершить. Бот продолжает отвечать.\n' +
      'Как исправить:\nВыполните npm run login на сервере и перезапустите session-warden.',
  );
});
