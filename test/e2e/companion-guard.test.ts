import { OWNER, startWorld, type World } from '../helpers/world';

/** The companion is the guard: nothing in the bot ends it, and losing it to a duplicate is named. */

const OTHER = 4_242_424_242_424_242_424n;

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const OWN_REFUSAL = /this guard.*nothing was changed/is;

/** A callback no keyboard offers (a forged or stale button): only the owner's taps reach the bot anyway. */
const pressForged = (data: string, messageId: number): number => {
  const mark = w.botApi.calls.length;
  w.botApi.injectCallback({ from: OWNER, chatId: OWNER.id, messageId, data, requireButton: false });
  return mark;
};

describe("e2e: the companion's own session", () => {
  it('/sessions marks it as this guard and offers no End button for it', async () => {
    w = await startWorld({ sessions: [{ hash: OTHER, deviceModel: 'Pixel 8' }] });
    const text = await w.ask('/sessions');
    expect(text).toMatch(/this guard/);
    expect(w.buttons().map((b) => b.data)).toEqual([`se:${OTHER}`]);
  });

  it('/status names it as this guard', async () => {
    w = await startWorld();
    expect(await w.ask('/status')).toMatch(/this guard/);
  });

  it('/revoke 0 refuses and says why', async () => {
    w = await startWorld({ sessions: [{ hash: OTHER }] });
    expect(await w.ask('/revoke 0')).toMatch(OWN_REFUSAL);
    expect(w.mt.callsOf('account.resetAuthorization')).toHaveLength(0);
  });

  it("an alert's End it for its hash refuses without calling Telegram, even when the list cannot be read", async () => {
    w = await startWorld({ sessions: [{ hash: OTHER }] });
    await w.ask('/help');
    w.mt.injectError('account.getAuthorizations', { code: 500, message: 'INTERNAL', persistent: true });
    const mark = pressForged('ee:0', w.last().message_id);
    // /help's message holds no alert: the refusal comes as its own message and /help stays as it was.
    const reply = await w.next(mark, 'sendMessage');
    expect(String(reply.params.text)).toMatch(OWN_REFUSAL);
    expect(w.botApi.calls.slice(mark).filter((c) => c.method === 'editMessageText')).toEqual([]);
    expect(w.mt.callsOf('account.resetAuthorization')).toHaveLength(0);
  });

  it('an End button for it under /sessions refuses instead of asking to confirm', async () => {
    w = await startWorld({ sessions: [{ hash: OTHER }] });
    await w.ask('/sessions');
    const mark = pressForged('se:0', w.last().message_id);
    const reply = await w.next(mark);
    expect(String(reply.params.text)).toMatch(OWN_REFUSAL);
    expect(String(reply.params.text)).not.toMatch(/End this session\?/);
    expect(w.mt.callsOf('account.resetAuthorization')).toHaveLength(0);
  });
});

describe('e2e: AUTH_KEY_DUPLICATED', () => {
  it('the companion-lost notice says the session was used by two programs at once, within 5 s', async () => {
    w = await startWorld({ sessions: [{ hash: OTHER }], probeIntervalMs: 1000 });
    const mark = w.botApi.calls.length;
    const t0 = Date.now();
    w.mt.revokeCompanion({ code: 406, message: 'AUTH_KEY_DUPLICATED' });
    const notice = await w.next(mark, 'sendMessage', (c) => /companion was logged out/.test(String(c.params.text)), 6000);
    expect(notice.at - t0).toBeLessThan(5000);
    const text = String(notice.params.text);
    expect(text).toMatch(/two programs at once/);
    expect(text).toMatch(/run one copy only/);
    expect(text).toMatch(/npm run login/);
    expect(text).not.toMatch(/expired/);
    expect(w.auditRows('companion_lost')).toEqual([expect.objectContaining({ outcome: 'AUTH_KEY_DUPLICATED' })]);
    expect(await w.ask('/status')).toMatch(/logged out \(AUTH_KEY_DUPLICATED\): the same session was used by two programs at once/);
  });

  it('a command that needs the account explains it the same way', async () => {
    w = await startWorld({ sessions: [{ hash: OTHER }] });
    w.mt.revokeCompanion({ code: 406, message: 'AUTH_KEY_DUPLICATED' });
    const mark = w.say('/sessions');
    const reply = await w.next(mark, 'sendMessage', (c) => String(c.params.text).startsWith('Listing the sessions failed'));
    expect(String(reply.params.text)).toMatch(/two programs at once.*run one copy only/s);
  });
});

describe('e2e: the first 24 hours after a fresh login', () => {
  /** A time from which something works is written as the next whole minute. */
  const utcMinute = (unixSeconds: number): string => new Date(Math.ceil(unixSeconds / 60) * 60_000).toISOString().slice(0, 16).replace('T', ' ');

  it('/status says when ending becomes allowed; alerts still arrive, and End it explains the wait and ends nothing', async () => {
    const loggedInAt = Math.floor(Date.now() / 1000) - 120;
    w = await startWorld({ sessions: [{ hash: OTHER }], mtproto: { companion: { dateCreated: loggedInAt } } });
    const allowed = utcMinute(loggedInAt + 86_400);
    expect(await w.ask('/status')).toContain(allowed);

    const mark = w.botApi.calls.length;
    w.mt.pushNewAuthorization({ hash: 77n, unconfirmed: true, device: 'Intruder', location: 'Far away' });
    await w.next(mark, 'sendMessage', (c) => String(c.params.text).startsWith('🚨'), 3000);
    await w.next(mark, 'editMessageText', (c) => /App: /.test(String(c.params.text)), 3000);
    const p = w.press('ee:77', w.last().message_id);
    const edit = String((await w.next(p.mark, 'editMessageText', (c) => /24 hours/.test(String(c.params.text)))).params.text);
    expect(edit).toContain(allowed);
    expect(w.mt.sessions().some((s) => s.hash === 77n)).toBe(true);
  });
});
