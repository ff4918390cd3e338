import { alertMessage } from '../../src/bot/views/alert';
import type { NewLogin } from '../../src/domain/new-login';
import { botHarness } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession, TEST_NOW_MS } from '../helpers/fake-account';
import { memoryLocalizer } from '../helpers/localizer';

/**
 * Button data no button of the bot draws (someone in the account can send any callback_data): it
 * is answered "not valid" at the callback path, and nothing acts, however close it is to real data.
 */
function setup() {
  const s = makeSession({ hash: 101n, deviceModel: 'Phone 101', unconfirmed: true });
  const h = botHarness(new FakeAccount([companionSession({ dateCreated: Math.floor(TEST_NOW_MS / 1000) - 30 * 86_400 }), s]));
  const login: NewLogin = { hash: s.hash, session: s, push: undefined, via: 'push', whileOffline: false };
  const alert = alertMessage(login, { nowMs: TEST_NOW_MS, autoconfirmSeconds: undefined, companionCreatedAt: undefined, i18n: memoryLocalizer(), locale: 'en' });
  return { h, alert };
}
const toasts = (h: ReturnType<typeof setup>['h'], from: number) => h.calls.slice(from).filter((c) => c.method === 'answerCallbackQuery').map((c) => c.payload.text);

describe('forged button data', () => {
  it.each(['ee:0101', 'ee:+101', 'ee: 101', 'ee:101 ', 'ee:101:1', 'ee:-0', 'ee:9223372036854775808', 'ok:0101', 'tt:0030', 'sp:01', 'tx:05:0'])(
    '%s is answered "not valid" and changes nothing',
    async (data) => {
      const { h } = setup();
      const from = h.calls.length;
      await h.press(data, 42, 500);
      expect(toasts(h, from)).toEqual([expect.stringMatching(/not valid/i)]);
      expect(h.calls.slice(from).map((c) => c.method)).toEqual(['answerCallbackQuery']);
      expect(h.account.changes).toEqual([]);
    },
  );

  it('the same End spelled another way after it acted does not act again', async () => {
    const { h, alert } = setup();
    h.alerts.record(500, alert.covers!);
    await h.press('ee:101', 42, 500);
    await h.press('ee:0101', 42, 500);
    await h.press('ee:00101', 42, 500);
    expect(h.account.changes).toEqual([{ method: 'revoke', hash: 101n }]);
  });
});
