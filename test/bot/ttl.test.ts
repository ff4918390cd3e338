import { botHarness } from '../helpers/bot-harness';
import { companionSession, FakeAccount, TEST_NOW_MS } from '../helpers/fake-account';

describe('/ttl', () => {
  it('shows the current period and a button per accepted value, the current one ticked', async () => {
    const h = botHarness();
    await h.send('/ttl');
    expect(h.lastText()).toMatch(/Inactive sessions end after 180 days \(6 months\)/);
    expect(h.lastButtons()).toEqual([
      { text: '1 week', data: 'tt:7' },
      { text: '1 month', data: 'tt:30' },
      { text: '3 months', data: 'tt:90' },
      { text: '✓ 6 months', data: 'tt:180' },
      { text: '1 year', data: 'tt:365' },
    ]);
    expect(h.account.changes).toEqual([]);
  });

  it.each([
    ['90', 90],
    ['30d', 30],
    ['365 days', 365],
    ['7', 7],
  ])('/ttl %s sets %d days and audits it', async (arg, days) => {
    const h = botHarness();
    await h.send(`/ttl ${arg}`);
    expect(h.account.changes).toEqual([{ method: 'setSessionTtlDays', days }]);
    expect(h.lastText()).toMatch(new RegExp(`sessions inactive for ${days} days`));
    expect(h.auditRows('ttl_set')).toEqual([expect.objectContaining({ outcome: 'ok', detail: `${days} days` })]);
  });

  it.each(['45', '0', '1000', '2 weeks', 'abc', '-7', '30.5'])('/ttl %s is explained, with no account call', async (arg) => {
    const h = botHarness();
    await h.send(`/ttl ${arg}`);
    expect(h.lastText()).toMatch(/Nothing was changed/);
    expect(h.lastText()).toMatch(/7, 30, 90, 180, 365/);
    expect(h.account.calls).toEqual([]);
    expect(h.auditRows('ttl_set')).toEqual([]);
  });

  it('a button sets the period and redraws the choices', async () => {
    const h = botHarness();
    await h.send('/ttl');
    await h.press('tt:7');
    expect(h.account.changes).toEqual([{ method: 'setSessionTtlDays', days: 7 }]);
    const edit = h.sent('editMessageText').at(-1)!;
    expect(String(edit.payload.text)).toMatch(/Done: sessions inactive for 7 days \(1 week\)/);
    expect(h.lastButtons().find((b) => b.text.startsWith('✓'))).toEqual({ text: '✓ 1 week', data: 'tt:7' });
  });

  it('ignores a forged button value', async () => {
    const h = botHarness();
    await h.press('tt:45');
    expect(h.account.calls).toEqual([]);
    expect(h.lastText()).toMatch(/not valid/);
  });

  it('explains the 24 h rule with when the companion will be old enough', async () => {
    const created = TEST_NOW_MS / 1000 - 3600;
    const h = botHarness(new FakeAccount([companionSession({ dateCreated: created })]));
    h.account.failNext('setSessionTtlDays', { kind: 'too_fresh' }, 'FRESH_RESET_AUTHORISATION_FORBIDDEN');
    await h.send('/ttl 30');
    expect(h.lastText()).toMatch(/24 hours/);
    expect(h.lastText()).toContain(new Date(Math.ceil((created + 86_400) / 60) * 60_000).toISOString().slice(0, 16).replace('T', ' '));
    expect(h.auditRows('ttl_set')[0]).toMatchObject({ outcome: 'FRESH_RESET_AUTHORISATION_FORBIDDEN' });
  });

  it('explains a failure to read the period', async () => {
    const h = botHarness();
    h.account.failNext('getSessionTtlDays', { kind: 'flood_wait', seconds: 30 }, 'FLOOD_WAIT_30');
    await h.send('/ttl');
    expect(h.lastText()).toMatch(/wait 30 s/);
  });
});
