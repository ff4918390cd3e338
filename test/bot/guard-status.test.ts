import { botHarness } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession, TEST_NOW_MS } from '../helpers/fake-account';

describe('/guard, /trust and /status', () => {
  it('/guard on with no trusted devices offers to trust the current sessions first', async () => {
    const h = botHarness(new FakeAccount([companionSession(), makeSession({ hash: 5n })]));
    await h.send('/guard on');
    expect(h.lastText()).toMatch(/no trusted devices/);
    const trust = h.lastButtons().find((b) => b.text.startsWith('Trust current'))!;
    await h.press(trust.data);
    expect(h.lastText()).toMatch(/Trusted 1 current device\. .*Guard mode is <b>on<\/b>/s);
    expect(h.auditRows('guard_on')).toHaveLength(1);
    await h.press(trust.data); // a second tap does nothing
    expect(h.auditRows('guard_on')).toHaveLength(1);
    await h.send('/guard off');
    expect(h.auditRows('guard_off')).toHaveLength(1);
    await h.send('/guard');
    expect(h.lastText()).toMatch(/Guard mode is <b>off<\/b>/);
  });

  it('/trust lists trusted devices and removes one', async () => {
    const h = botHarness(new FakeAccount([companionSession(), makeSession({ hash: 5n, deviceModel: 'Pixel 8' })]));
    await h.send('/trust');
    expect(h.lastText()).toMatch(/No trusted devices yet/);
    await h.press('tl');
    await h.press(h.lastButtons()[0]!.data);
    expect(h.lastText()).toMatch(/^Trust Pixel 8.*\? Guard mode will then leave its logins alone\./);
    await h.press('tf:5');
    expect(h.lastText()).toMatch(/^Trusted: Pixel 8/);
    await h.send('/trust');
    expect(h.lastText()).toMatch(/1\. Pixel 8/);
    await h.press(h.lastButtons().find((b) => b.text === 'Remove 1')!.data);
    expect(h.auditRows('untrust')).toHaveLength(1);
  });

  it('/status says when ending other sessions becomes allowed while the companion is young', async () => {
    const created = TEST_NOW_MS / 1000 - 2 * 3600;
    const h = botHarness(new FakeAccount([companionSession({ dateCreated: created })]));
    await h.send('/status');
    const text = h.lastText();
    expect(text).toMatch(/Companion: ✅ connected/);
    expect(text).toMatch(/Companion session age: 2 h/);
    expect(text).toContain(new Date(Math.ceil((created + 86_400) / 60) * 60_000).toISOString().slice(0, 16).replace('T', ' '));
    expect(text).toMatch(/Guard mode: off, 0 trusted devices/);
    expect(text).toMatch(/Uptime: 1 h/);
  });
});
