import { botHarness } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession } from '../helpers/fake-account';

const home = makeSession({ hash: 10n, deviceModel: 'My Laptop', country: 'Netherlands', region: 'Amsterdam' });
const away = makeSession({ hash: 11n, deviceModel: 'My Laptop', country: 'Nigeria', region: 'Lagos', dateActive: home.dateActive + 60 });

describe('/sessions marks risk as the alerts do', () => {
  it('a trusted device active from a country never seen for it is flagged "trusted device, new country"', async () => {
    const h = botHarness(new FakeAccount([companionSession(), home]));
    // Trusting the laptop where it is now vouches for the Netherlands.
    await h.press('tl');
    const trust = h.lastButtons().find((b) => b.data.startsWith('tr:10'));
    await h.press(trust!.data);
    await h.press('tf:10');
    h.account.sessions.push(away);

    await h.send('/sessions');
    const cards = h.lastText().split('\n\n');
    expect(cards.find((c) => c.includes('Nigeria'))).toMatch(/🚩 .*trusted device, new country: Nigeria/);
    expect(cards.find((c) => c.includes('Netherlands'))).not.toMatch(/new country/);
  });

  it('the End confirmation card carries the same flag', async () => {
    const h = botHarness(new FakeAccount([companionSession(), home]));
    await h.press('tl');
    await h.press(h.lastButtons().find((b) => b.data.startsWith('tr:10'))!.data);
    await h.press('tf:10');
    h.account.sessions.push(away);
    await h.press('se:11');
    expect(h.lastText()).toMatch(/🚩 .*trusted device, new country: Nigeria/);
  });
});

describe('risk flags and session names in the owner\'s language', () => {
  const nowS = (h: ReturnType<typeof botHarness>) => Math.floor(h.clock.now / 1000);

  it('a Russian owner reads every flag in Russian, with the right plural of days', async () => {
    const h = botHarness(new FakeAccount([companionSession()]));
    for (const [hash, days] of [[21n, 31], [22n, 32], [23n, 35]] as const) {
      h.account.sessions.push(makeSession({ hash, deviceModel: `Phone ${days}`, officialApp: false, apiId: 31337, passwordPending: hash === 21n, dateActive: nowS(h) - days * 86_400 - 60 }));
    }
    h.speaks('ru');
    await h.send('/sessions');
    const cards = h.lastText().split('\n\n');
    expect(cards.find((c) => c.includes('Phone 31'))).toContain('🚩 неофициальное приложение (api_id 31337) · password_pending: код есть, облачного пароля пока нет · не активен 31 день');
    expect(cards.find((c) => c.includes('Phone 32'))).toContain('не активен 32 дня');
    expect(cards.find((c) => c.includes('Phone 35'))).toContain('не активен 35 дней');
    expect(h.lastText()).not.toMatch(/unofficial app|idle for/);
  });

  it('"Ended: …" names a session with missing fields in the owner\'s language; the audit log keeps English', async () => {
    const bare = makeSession({ hash: 31n, deviceModel: 'Pixel', appName: '', appVersion: '', region: '', country: '', ip: '' });
    const h = botHarness(new FakeAccount([companionSession(), bare]));
    h.speaks('ru');
    await h.send('/sessions');
    await h.send('/revoke 31');
    expect(h.lastText()).toBe('Завершён: Pixel, неизвестное приложение, место неизвестно (IP неизвестен)');
    expect(h.auditRows('revoke').at(-1)?.detail).toBe('Pixel, unknown app, unknown place (no IP)');
  });
});
