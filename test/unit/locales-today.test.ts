import { createLocalizer } from '../../src/bot/text/i18n';
import { botHarness } from '../helpers/bot-harness';

/**
 * The English Fluent messages for texts not yet wired to the locale files must say exactly what
 * the code says today, so that wiring them changes no English reply. When this fails after a merge,
 * a text changed in the code: change locales/en.ftl and locales/ru.ftl to match.
 */
const memory = new Map<string, string>();
const i18n = createLocalizer({ settings: { get: (k) => memory.get(k), set: (k, v) => void memory.set(k, v) } });
const en = (key: string, vars?: Record<string, string | number>) => i18n.t('en', key, vars);

// /revoke's usage errors and the failure sentences are wired: test/bot/revoke-language.test.ts checks them in both languages.
describe('English messages match today\'s texts', () => {
  it('the companion-lost notice, the empty session list, and the fallback answers', async () => {
    const h = botHarness();
    await h.send('hello');
    expect(h.lastText()).toBe(en('unknown-command'));
    await h.press('nothing:here');
    expect(h.sent('answerCallbackQuery').at(-1)?.payload.text).toBe(en('button-expired'));
  });
});
