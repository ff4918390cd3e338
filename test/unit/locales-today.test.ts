import { companionLostMessage } from '../../src/bot/format/alert';
import { explainFailure } from '../../src/bot/format/explain-failure';
import { sessionPage } from '../../src/bot/format/session-pages';
import { createLocalizer } from '../../src/bot/i18n';
import { AccountError, type AccountFailure } from '../../src/domain/account-error';
import { botHarness } from '../helpers/bot-harness';

/**
 * The English Fluent messages for texts not yet wired to the locale files must say exactly what
 * the code says today, so that wiring them changes no English reply. When this fails after a merge,
 * a text changed in the code: change locales/en.ftl and locales/ru.ftl to match.
 */
const memory = new Map<string, string>();
const i18n = createLocalizer({ settings: { get: (k) => memory.get(k), set: (k, v) => void memory.set(k, v) } });
const en = (key: string, vars?: Record<string, string | number>) => i18n.t('en', key, vars);

// /revoke's usage errors are wired: test/bot/revoke-language.test.ts checks them in both languages.
describe('English messages match today\'s texts', () => {
  it.each<[AccountFailure, string, string]>([
    [{ kind: 'hash_invalid' }, 'HASH_INVALID', 'failure-hash-invalid'],
    [{ kind: 'logged_out' }, 'AUTH_KEY_UNREGISTERED', 'failure-logged-out'],
    [{ kind: 'unreachable' }, 'NETWORK', 'failure-unreachable'],
    [{ kind: 'other' }, 'SOMETHING_ODD', 'failure-other'],
  ])('failure %j', (failure, code, key) => {
    const doing = en('doing-end-session');
    expect(explainFailure(new AccountError(failure, code, code), { doing, nowMs: 0 })).toBe(en(key, { doing, code }));
  });

  it('too fresh, with the companion\'s age unknown', () => {
    const text = explainFailure(new AccountError({ kind: 'too_fresh' }, 'FRESH_RESET_AUTHORISATION_FORBIDDEN', ''), { doing: 'x', nowMs: 0 });
    expect(text).toBe(`${en('failure-too-fresh')} ${en('failure-too-fresh-unknown')}`);
  });

  it('the companion-lost notice, the empty session list, and the fallback answers', async () => {
    expect(companionLostMessage('SESSION_REVOKED')).toBe(en('companion-lost', { code: 'SESSION_REVOKED' }));
    expect(sessionPage([], 0, 0).text).toBe(en('sessions-none'));
    const h = botHarness();
    await h.send('hello');
    expect(h.lastText()).toBe(en('unknown-command'));
    await h.press('nothing:here');
    expect(h.sent('answerCallbackQuery').at(-1)?.payload.text).toBe(en('button-expired'));
  });
});
