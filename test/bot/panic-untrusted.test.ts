import { botHarness } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession } from '../helpers/fake-account';

const mine = makeSession({ hash: 10n, deviceModel: 'My Phone', apiId: 6 });
const theirs = makeSession({ hash: -20n, deviceModel: 'Intruder', apiId: 777, appName: 'Evil' });
const alsoTheirs = makeSession({ hash: 2n ** 62n, deviceModel: 'Intruder 2', apiId: 778, appName: 'Evil' });

describe('/revokeall: End all except trusted devices', () => {
  it('is offered only with trusted devices, ends exactly the untrusted sessions, and disarms the other button', async () => {
    const h = botHarness(new FakeAccount([companionSession(), mine, theirs, alsoTheirs]));
    await h.send('/revokeall');
    expect(h.lastButtons().map((b) => b.text)).toEqual(['End 3 sessions', 'Cancel']);
    await h.press(h.lastButtons()[1]!.data);
    // Trust "My Phone", then ask again.
    await h.press('tl');
    await h.press(h.lastButtons().find((b) => b.text.startsWith('My Phone'))!.data);
    await h.press('tf:10');
    await h.send('/revokeall');
    const buttons = h.lastButtons();
    const except = buttons.find((b) => b.text === 'End all except trusted devices')!;
    await h.press(except.data);
    expect(h.account.changes.map((c) => c.hash)).toEqual([-20n, 2n ** 62n]);
    expect(h.lastText()).toMatch(/Ended 2 sessions and kept your 1 trusted device logged in/);
    await h.press(buttons[0]!.data); // the "End all" button of the same prompt is now spent
    expect(h.account.changes).toHaveLength(2);
    expect(h.auditRows('revoke_untrusted').map((r) => [r.targetHash, r.outcome])).toEqual([['-20', 'ok'], [String(2n ** 62n), 'ok']]);
  });
});

describe('/panic', () => {
  it('after one confirmation ends all other sessions and web logins, turns guard on, and gives the checklist', async () => {
    const h = botHarness(new FakeAccount([companionSession(), mine, theirs]));
    await h.send('/panic');
    expect(h.account.changes).toHaveLength(0);
    await h.press(h.lastButtons()[0]!.data);
    expect(h.account.calls.map((c) => c.method)).toEqual(expect.arrayContaining(['revokeAll', 'revokeAllWebSessions']));
    const text = h.lastText();
    expect(text).toMatch(/✅ Ended every other session/);
    expect(text).toMatch(/✅ Ended every website login/);
    expect(text).toMatch(/Guard mode is on, with no trusted devices/);
    expect(text).toMatch(/Change your 2FA password/);
    expect(text).toMatch(/recovery email/);
    expect(text).toMatch(/\/log/);
    expect(h.auditRows('guard_on')).toEqual([expect.objectContaining({ detail: 'panic' })]);
  });

  it('says honestly what it could not do', async () => {
    const h = botHarness(new FakeAccount([companionSession({ dateCreated: 1_780_000_000 - 600 }), theirs]));
    h.account.failNext('revokeAll', { kind: 'too_fresh' }, 'FRESH_RESET_AUTHORISATION_FORBIDDEN');
    await h.send('/panic');
    await h.press(h.lastButtons()[0]!.data);
    expect(h.lastText()).toMatch(/❌ Could not end the other sessions\. .*24 hours/);
    expect(h.lastText()).toMatch(/✅ Ended every website login/);
  });

  it('Cancel changes nothing', async () => {
    const h = botHarness(new FakeAccount([companionSession(), theirs]));
    await h.send('/panic');
    await h.press(h.lastButtons()[1]!.data);
    expect(h.account.changes).toHaveLength(0);
    expect(h.auditRows('guard_on')).toHaveLength(0);
  });
});
