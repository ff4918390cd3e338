import { OWNER, startWorld, type World } from '../helpers/world';

const ABOVE_2_53 = 2n ** 53n + 1n;
const NEGATIVE = -(2n ** 63n) + 5n;

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const start = () =>
  startWorld({
    sessions: [
      { hash: ABOVE_2_53, deviceModel: 'iPhone 15', appName: 'Telegram iOS', appVersion: '11.0', country: 'Spain', region: 'Madrid' },
      { hash: NEGATIVE, deviceModel: 'Chrome 120', appName: 'Telegram Web A', appVersion: '10.9' },
    ],
  });

describe('e2e: /revoke', () => {
  it.each([ABOVE_2_53, NEGATIVE])('sends resetAuthorization with exactly %s and reports what ended', async (hash) => {
    w = await start();
    const reply = await w.ask(`/revoke ${hash}`);
    const calls = w.mt.callsOf('account.resetAuthorization');
    expect(calls.map((c) => c.args.hash)).toEqual([hash]);
    expect(w.mt.sessions().some((s) => s.hash === hash)).toBe(false);
    expect(reply).toMatch(/^Ended: /);
    expect(w.auditRows('revoke')).toEqual([expect.objectContaining({ target_hash: hash.toString(), outcome: 'ok' })]);
  });

  it('names the device, app and place it ended', async () => {
    w = await start();
    expect(await w.ask(`/revoke ${ABOVE_2_53}`)).toMatch(/^Ended: iPhone 15, Telegram iOS 11\.0, Madrid, Spain/);
  });

  it.each(['', 'abc', '9223372036854775808', '0', '1.5'])('"/revoke %s" gets a usage error and no MTProto call', async (arg) => {
    w = await start();
    const reply = await w.ask(`/revoke ${arg}`.trim());
    expect(reply).toMatch(/Nothing was changed/);
    expect(w.mt.callsOf('account.resetAuthorization')).toHaveLength(0);
  });

  it('explains HASH_INVALID from the server for a hash no session has', async () => {
    w = await start();
    const reply = await w.ask('/revoke 123456789');
    expect(w.mt.callsOf('account.resetAuthorization').map((c) => c.args.hash)).toEqual([123456789n]);
    expect(reply).toMatch(/No active session has that hash/);
    expect(w.auditRows('revoke')[0]).toMatchObject({ outcome: 'HASH_INVALID', target_hash: '123456789' });
  });

  it('explains the 24 h rule, with when the companion will be old enough', async () => {
    const created = Math.floor(Date.now() / 1000) - 3 * 3600;
    w = await startWorld({ sessions: [{ hash: ABOVE_2_53 }], mtproto: { companion: { dateCreated: created } } });
    const reply = await w.ask(`/revoke ${ABOVE_2_53}`);
    const when = new Date(Math.ceil((created + 86_400) / 60) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(reply).toContain('24 hours');
    expect(reply).toContain(when);
    expect(w.mt.sessions().some((s) => s.hash === ABOVE_2_53)).toBe(true);
    expect(w.auditRows('revoke')[0]).toMatchObject({ outcome: 'FRESH_RESET_AUTHORISATION_FORBIDDEN' });
  });

  it('explains FLOOD_WAIT_n with how long to wait', async () => {
    w = await start();
    w.mt.injectError('account.resetAuthorization', { code: 420, message: 'FLOOD_WAIT_75' });
    const reply = await w.ask(`/revoke ${NEGATIVE}`);
    expect(reply).toMatch(/wait 1 min 15 s/);
    expect(w.auditRows('revoke')[0]).toMatchObject({ outcome: 'FLOOD_WAIT_75' });
  });

  it('ends a session through its End button only after confirmation', async () => {
    w = await start();
    await w.ask('/sessions');
    const list = w.last();
    const end = w.buttons(list).find((b) => b.data === `se:${NEGATIVE}`)!;
    let p = w.press(end.data, list.message_id);
    await w.next(p.mark);
    expect(w.mt.callsOf('account.resetAuthorization')).toHaveLength(0);
    const confirm = w.last();
    expect(confirm.text).toMatch(/End this session\?/);
    const yes = w.buttons(confirm).find((b) => /^End #\d+$/.test(b.text))!;
    p = w.press(yes.data, confirm.message_id);
    const edit = await w.next(p.mark, 'editMessageText');
    expect(String(edit.params.text)).toMatch(/^Ended: Chrome 120/);
    expect(w.mt.callsOf('account.resetAuthorization').map((c) => c.args.hash)).toEqual([NEGATIVE]);
    expect(w.botApi.callbackAnswers.map((a) => a.id)).toContain(p.id);
  });
});

describe('e2e: the companion loses its session (AUTH_KEY_UNREGISTERED)', () => {
  it('a command that needs the account says so and how to log in again, and the bot keeps serving', async () => {
    w = await start();
    w.mt.revokeCompanion();
    const mark = w.say('/sessions');
    const reply = await w.next(mark, 'sendMessage', (c) => String(c.params.text).startsWith('Listing the sessions failed'));
    expect(String(reply.params.text)).toMatch(/logged out \(AUTH_KEY_UNREGISTERED\).*npm run login/);
    expect(await w.ask('/help')).toContain('/sessions');
    expect(OWNER.id).toBe(w.app.ownerId);
  });

  it('tells the owner within 5 s with no command, once, and audits it', async () => {
    w = await startWorld({ sessions: [{ hash: 3n }], probeIntervalMs: 1000 });
    const mark = w.botApi.calls.length;
    const t0 = Date.now();
    w.mt.revokeCompanion();
    const notice = await w.next(mark, 'sendMessage', (c) => /companion was logged out/.test(String(c.params.text)), 6000);
    expect(notice.at - t0).toBeLessThan(5000);
    expect(String(notice.params.text)).toMatch(/npm run login/);
    expect(await w.ask('/help')).toContain('/sessions');
    const lost = w.botApi.calls.filter((c) => c.method === 'sendMessage' && /companion was logged out/.test(String(c.params.text)));
    expect(lost).toHaveLength(1);
    expect(w.auditRows('companion_lost')).toEqual([expect.objectContaining({ outcome: 'AUTH_KEY_UNREGISTERED' })]);
  });
});
