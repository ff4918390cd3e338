import { trustDevice } from '../helpers/trust';
import { startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const webSession = (hash: bigint, domain: string) => ({
  hash,
  botId: 5000n,
  domain,
  browser: 'Firefox 125',
  platform: 'Linux',
  dateCreated: Math.floor(Date.now() / 1000) - 86_400,
  dateActive: Math.floor(Date.now() / 1000) - 60,
  ip: '198.51.100.4',
  region: 'Paris, France',
});

describe('e2e: /panic', () => {
  it('ends every other session and web login on the server, turns guard on, and gives the checklist', async () => {
    w = await startWorld({ sessions: [{ hash: 2n ** 62n }, { hash: -5n }] });
    w.mt.setWebSessions([webSession(9n, 'shop.example.com'), webSession(-(2n ** 63n), 'forum.example.org')]);
    await w.ask('/panic');
    const prompt = w.last();
    const p = w.press(w.buttons(prompt)[0]!.data, prompt.message_id);
    const edit = await w.next(p.mark, 'editMessageText');
    const text = String(edit.params.text);
    expect(text).toMatch(/✅ Ended every other session/);
    expect(text).toMatch(/✅ Ended every website login/);
    expect(text).toMatch(/Guard mode is on/);
    expect(text).toMatch(/2FA password/);
    expect(w.mt.callsOf('auth.resetAuthorizations')).toHaveLength(1);
    expect(w.mt.callsOf('account.resetWebAuthorizations')).toHaveLength(1);
    expect(w.mt.sessions()).toHaveLength(0);
    expect(await w.ask('/guard')).toMatch(/Guard mode is <b>on<\/b>/);
  });

  it('reports the 24 h refusal honestly and still does what it can', async () => {
    w = await startWorld({ sessions: [{ hash: 3n }], mtproto: { companion: { dateCreated: Math.floor(Date.now() / 1000) - 60 } } });
    w.mt.setWebSessions([webSession(9n, 'shop.example.com')]);
    await w.ask('/panic');
    const prompt = w.last();
    const p = w.press(w.buttons(prompt)[0]!.data, prompt.message_id);
    const text = String((await w.next(p.mark, 'editMessageText')).params.text);
    expect(text).toMatch(/❌ Could not end the other sessions\..*24 hours/s);
    expect(text).toMatch(/✅ Ended every website login/);
    expect(w.mt.sessions().map((s) => s.hash)).toEqual([3n]);
  });
});

describe('e2e: /revokeall except trusted devices', () => {
  it('ends only the untrusted sessions with account.resetAuthorization, keeping the owner\'s devices', async () => {
    w = await startWorld({
      sessions: [
        { hash: 11n, deviceModel: 'My Laptop', apiId: 2040, appName: 'Telegram Desktop', platform: 'Windows' },
        { hash: -(2n ** 61n), deviceModel: 'Stranger Phone', apiId: 31337, appName: 'Shady', platform: 'Android' },
      ],
    });
    await trustDevice(w, 'My Laptop');
    await w.ask('/revokeall');
    const prompt = w.last();
    const p = w.press(w.buttons(prompt).find((b) => b.text === 'End all except trusted devices')!.data, prompt.message_id);
    const edit = await w.next(p.mark, 'editMessageText');
    expect(String(edit.params.text)).toMatch(/Ended 1 session and kept your 1 trusted device/);
    expect(w.mt.callsOf('account.resetAuthorization').map((c) => c.args.hash)).toEqual([-(2n ** 61n)]);
    expect(w.mt.callsOf('auth.resetAuthorizations')).toHaveLength(0);
    expect(w.mt.sessions().map((s) => s.hash)).toEqual([11n]);
  });
});
