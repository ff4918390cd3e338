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
    h.account.sessions.push(away);
    await h.press('se:11');
    expect(h.lastText()).toMatch(/🚩 .*trusted device, new country: Nigeria/);
  });
});
