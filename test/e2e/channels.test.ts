import { OWNER, sleep, startWorld, type World } from '../helpers/world';
import { startHttpSink, startSmtp, type HttpSink, type ReceivedMail, type SmtpSink } from '../helpers/channel-servers';
import { isAlert, alertsFor } from '../helpers/outage';

/**
 * The channels outside Telegram end to end: the real app (gramjs, grammY, SQLite) against both
 * emulators, a real SMTP server with AUTH and STARTTLS, and a real HTTP server standing in for ntfy,
 * a webhook receiver and a heartbeat monitor. Timings are shortened; the behaviour is the product's.
 */
let w: World | undefined;
let smtp: SmtpSink;
let web: HttpSink;

beforeEach(async () => {
  [smtp, web] = await Promise.all([startSmtp(), startHttpSink()]);
});
afterEach(async () => {
  await w?.stop();
  w = undefined;
  await Promise.all([smtp.stop(), web.stop()]);
});

const TIMINGS = { firstBackoffMs: 100, maxBackoffMs: 400, requestTimeoutMs: 2000, blockedRetryMs: 1000, heartbeatCheckMs: 100, unreachableAfterMs: 1500 };

async function world(extra: Parameters<typeof startWorld>[0] = {}): Promise<World> {
  w = await startWorld({
    sessions: [{ hash: 1n }],
    channels: {
      email: { url: smtp.url, to: ['owner@example.com'] },
      ntfy: { url: `${web.url}/ntfy/warden-topic`, token: 'tk_ntfy' },
      webhook: { url: `${web.url}/hook` },
    },
    channelTimings: { ...TIMINGS, smtpTls: { ca: smtp.cert } },
    ...extra,
  });
  return w;
}

const ntfyBodies = (): Array<Record<string, unknown>> => web.to('/ntfy/').map((r) => JSON.parse(r.body) as Record<string, unknown>);
const hookBodies = (): Array<Record<string, unknown>> => web.to('/hook').map((r) => JSON.parse(r.body) as Record<string, unknown>);

async function until(what: string, ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const mailsAbout = (re: RegExp): ReceivedMail[] => smtp.mails.filter((m) => re.test(m.subject) || re.test(m.text));

/** No body any channel received holds the bot token, the session string, the api hash or a login code. */
function expectNothingSecret(world: World): void {
  const bodies = [...smtp.mails.map((m) => m.raw), ...web.requests.map((r) => `${r.url}\n${r.body}`)];
  expect(bodies.length).toBeGreaterThan(0);
  for (const body of bodies) {
    expect(body).not.toContain(world.config.botToken);
    expect(body).not.toContain(world.config.botToken.split(':')[1]!);
    expect(body).not.toContain(world.config.accountSession);
    expect(body).not.toContain(world.config.apiHash);
    // A login code never travels: not even the word followed by digits.
    expect(body).not.toMatch(/code\W{0,3}\d{5,6}\b/i);
  }
}

describe('e2e: alerts outside Telegram', () => {
  it('a login alert reaches email, ntfy and the webhook once each, in plain words, with nothing secret', async () => {
    await world();
    const mark = w!.botApi.calls.length;
    w!.mt.pushNewAuthorization({ hash: 777n, unconfirmed: true, device: 'Galaxy S24', location: 'Lisbon, Portugal' });
    const chat = await w!.next(mark, 'sendMessage', isAlert, 3000);
    await until('three channels', () => smtp.mails.length >= 1 && web.to('/ntfy/').length >= 1 && web.to('/hook').length >= 1);
    const [mail] = smtp.mails;
    expect(mail!.secure).toBe(true);
    expect(mail!.subject).toBe('🚨 New login to your account');
    expect(mail!.text).toContain('Galaxy S24');
    expect(mail!.text).toContain('Settings → Devices');
    expect(mail!.text).not.toMatch(/<b>|<code>|&lt;/);
    const [push] = ntfyBodies();
    expect(push).toMatchObject({ topic: 'warden-topic', title: '🚨 New login to your account', priority: 5, click: 'https://t.me/warden_test_bot' });
    expect(web.to('/ntfy/')[0]!.headers.authorization).toBe('Bearer tk_ntfy');
    const [hook] = hookBodies();
    expect(hook).toMatchObject({ event: 'new_login', title: '🚨 New login to your account', account: String(OWNER.id), at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(String(hook!.text)).toContain('Lisbon, Portugal');
    // Never later than the chat's own message.
    expect(web.to('/hook')[0]!.at - chat.at).toBeLessThan(1000);
    await sleep(500);
    expect([smtp.mails.length, web.to('/ntfy/').length, web.to('/hook').length]).toEqual([1, 1, 1]);
    expectNothingSecret(w!);
    expect(await w!.ask('/status')).toMatch(/Alerts outside Telegram:\n• email: last delivered .*\n• ntfy: last delivered .*\n• webhook: last delivered .*\nHeartbeat: not set\./);
    // /test: every channel, or the one named; the reply stays in the chat.
    expect(await w!.ask('/test')).toBe('✅ email: sent. Check that it arrived.\n✅ ntfy: sent. Check that it arrived.\n✅ webhook: sent. Check that it arrived.');
    expect(smtp.mails.at(-1)!.subject).toBe('session-warden: test message');
    // One test a minute: someone in the account cannot use up the owner's mail or push quota with /test.
    expect(await w!.ask('/test webhook')).toMatch(/^A test went out less than a minute ago; send \/test again in \d+ s\.$/);
    expect(hookBodies().filter((b) => b.event === 'test')).toHaveLength(1);
    expect(await w!.ask('/test pigeon')).toMatch(/no channel called “pigeon”/);
    expect(await w!.ask('/security')).toMatch(/✅ Alerts also go to: email, ntfy, webhook\./);
  });

  it('a login code alert goes out of band without the code; nothing secret in any body', async () => {
    await world();
    w!.mt.pushServiceMessage('Login code: 48213. Do not give this code to anyone, even if they say they are from Telegram!');
    await until('the code alert on every channel', () => hookBodies().some((b) => b.event === 'code_requested') && ntfyBodies().length >= 1 && smtp.mails.length >= 1, 8000);
    for (const body of [...smtp.mails.map((m) => m.raw), ...web.requests.map((r) => r.body)]) expect(body).not.toContain('48213');
    expect(ntfyBodies()[0]).toMatchObject({ priority: 5 });
    expectNothingSecret(w!);
  });

  it('without channels, /security names the chat as the only way alerts reach the owner, and /test says how to add one', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    expect(await w.ask('/security')).toMatch(/⚠️ Alerts reach you only through this chat/);
    expect(await w.ask('/test')).toMatch(/No channel outside Telegram is set/);
    expect(await w.ask('/status')).toMatch(/Alerts outside Telegram: none set, only this chat\.\nHeartbeat: not set\./);
  });

  it('a channel that is down catches up once while the others deliver at once; Retry-After is honoured', async () => {
    await world();
    let ntfyDown = true;
    let hookLimited = true;
    web.answer = (r) => {
      if (r.url.startsWith('/ntfy/') && ntfyDown) return { status: 503 };
      if (r.url.startsWith('/hook') && hookLimited) {
        hookLimited = false;
        return { status: 429, retryAfter: '2' };
      }
      return { status: 200 };
    };
    w!.mt.pushNewAuthorization({ hash: 778n, unconfirmed: true, device: 'Pixel 9', location: 'Oslo, Norway' });
    await until('the mail', () => smtp.mails.length === 1, 5000);
    await until('two failed pushes', () => web.to('/ntfy/').length >= 2, 5000);
    const [limited] = await web.waitFor('/hook', 1);
    // Retry-After: 2 — nothing sooner, then once.
    const [, retried] = await web.waitFor('/hook', 2, 6000);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1900);
    expect(await w!.ask('/status')).toMatch(/ntfy: .*failing \(http_503\)/);
    ntfyDown = false;
    await until('the push', () => web.to('/ntfy/').some((r) => r.status === 200) && hookBodies().length >= 2);
    await sleep(1000);
    // Tries while down, then exactly one that was taken.
    expect(web.to('/ntfy/').filter((r) => r.status === 503).length).toBeGreaterThanOrEqual(2);
    expect(web.to('/ntfy/').filter((r) => r.status === 200)).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
    expect(hookBodies()).toHaveLength(2);
    const status = await w!.ask('/status');
    expect(status).toMatch(/ntfy: last delivered/);
    expect(status).not.toMatch(/failing/);
  });

  it('what a channel had not delivered goes out after a restart, once', async () => {
    await world();
    web.answer = (r) => (r.url.startsWith('/hook') ? { status: 500 } : { status: 200 });
    w!.mt.pushNewAuthorization({ hash: 779n, unconfirmed: true, device: 'Old Laptop', location: 'Rome, Italy' });
    await web.waitFor('/hook', 2);
    await until('mail and push', () => smtp.mails.length === 1 && web.to('/ntfy/').length === 1);
    let restartedAt = 0;
    await w!.restart(() => {
      web.answer = () => ({ status: 200 });
      restartedAt = Date.now();
    });
    const afterRestart = () => web.to('/hook').filter((r) => r.at >= restartedAt && /Old Laptop/.test(r.body));
    await until('the webhook after the restart', () => afterRestart().length >= 1);
    await sleep(800);
    // Taken once after the restart; mail and push, taken before it, were not sent again.
    expect(afterRestart()).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
    expect(web.to('/ntfy/').filter((r) => /Old Laptop/.test(r.body))).toHaveLength(1);
  });

  it('the bot blocked: email and push say so within 5 s of the first 403; after the owner writes, the alerts arrive once, newest first', async () => {
    await world();
    w!.botApi.block(OWNER);
    const mark = w!.botApi.calls.length;
    w!.mt.pushNewAuthorization({ hash: 801n, unconfirmed: true, device: 'Intruder PC', location: 'Nowhere' });
    const refused = await w!.botApi.waitForCall('sendMessage', (c) => !c.ok && c.status === 403, { after: mark, timeoutMs: 5000 });
    await until('the blocked alarm by mail and push', () => mailsAbout(/cannot reach you in Telegram/).length === 1 && ntfyBodies().some((b) => b.title === '🚨 session-warden cannot reach you in Telegram'), 5000);
    expect(Date.now() - refused.at).toBeLessThan(5000);
    const alarm = mailsAbout(/cannot reach you in Telegram/)[0]!;
    expect(alarm.text).toMatch(/bot was blocked/);
    expect(alarm.text).toMatch(/someone else is in your Telegram account/);
    expect(alarm.text).toMatch(/Settings → Devices/);
    expect(hookBodies().find((b) => b.event === 'bot_blocked')).toMatchObject({ reason: 'blocked' });
    w!.mt.pushNewAuthorization({ hash: 802n, unconfirmed: true, device: 'Second PC', location: 'Nowhere' });
    await sleep(1500);
    // At most one try a second here (a minute in the product), not a retry storm.
    const tries = w!.botApi.calls.slice(mark).filter((c) => c.method === 'sendMessage' && !c.ok);
    expect(tries.length).toBeLessThanOrEqual(4);
    const before = w!.botApi.calls.length;
    w!.say('/help');
    await until('both alerts', () => alertsFor(w!, 801n).length === 1 && alertsFor(w!, 802n).length === 1);
    const order = w!.botApi.calls.slice(before).filter(isAlert).map((c) => (String(c.params.text).includes('802') ? 802 : 801));
    expect(order).toEqual([802, 801]);
    await sleep(1000);
    expect([alertsFor(w!, 801n).length, alertsFor(w!, 802n).length]).toEqual([1, 1]);
    await until('the all-clear', () => hookBodies().some((b) => b.event === 'bot_unblocked'));
    expectNothingSecret(w!);
  });

  it('the bot unblocked without a word from the owner: the once-a-while retry gets through and delivers', async () => {
    await world();
    w!.botApi.block(OWNER);
    w!.mt.pushNewAuthorization({ hash: 803n, unconfirmed: true, device: 'Tablet', location: 'Nowhere' });
    await until('the blocked alarm', () => hookBodies().some((b) => b.event === 'bot_blocked'), 5000);
    w!.botApi.setBlocked(OWNER.id, false);
    await until('the alert', () => alertsFor(w!, 803n).length === 1, 5000);
  });
});

test('the Bot API unreachable: the alert itself and then the outage reach the other channels; its end is told once', async () => {
  await world();
  await w!.botApi.setReachable(false);
  w!.mt.pushNewAuthorization({ hash: 804n, unconfirmed: true, device: 'Night PC', location: 'Nowhere' });
  await until('the alert by webhook', () => hookBodies().some((b) => b.event === 'new_login' && /Night PC/.test(String(b.text))), 5000);
  await until('the outage', () => hookBodies().some((b) => b.event === 'bot_unreachable'), 8000);
  await until('the outage by mail', () => mailsAbout(/cannot reach Telegram's Bot API/).length === 1, 5000);
  await w!.botApi.setReachable(true);
  await until('the alert in the chat', () => alertsFor(w!, 804n).length === 1, 15_000);
  await until('the all-clear', () => hookBodies().some((b) => b.event === 'bot_reachable'), 5000);
  expect(hookBodies().filter((b) => b.event === 'bot_unreachable')).toHaveLength(1);
}, 40_000);

describe('e2e: the heartbeat', () => {
  it('pings while the guard can watch, sends /fail once when the companion cannot answer, and pings again after', async () => {
    await world({
      channels: { heartbeat: { url: `${web.url}/hb/uuid`, intervalSeconds: 0.3 } },
      requestTimeoutMs: 1000,
      probeIntervalMs: 300,
      outageNoticeAfterMs: 1500,
    });
    await web.waitFor('/hb/uuid', 3, 5000);
    expect(web.to('/hb/uuid').every((r) => r.method === 'GET')).toBe(true);
    w!.mt.setReplyDelay(120_000);
    await web.waitFor('/hb/uuid/fail', 1, 10_000);
    const failAt = web.to('/hb/uuid/fail')[0]!.at;
    await sleep(1200);
    expect(web.to('/hb/uuid/fail')).toHaveLength(1);
    expect(web.to('/hb/uuid').filter((r) => r.url === '/hb/uuid' && r.at > failAt)).toHaveLength(0);
    expect(await w!.ask('/status')).toMatch(/Heartbeat: paused/);
    w!.mt.setReplyDelay(0);
    await until('pings again', () => web.to('/hb/uuid').filter((r) => r.url === '/hb/uuid' && r.at > failAt).length >= 2, 15_000);
  }, 40_000);

  it('sends /fail once when the companion is logged out', async () => {
    await world({ channels: { heartbeat: { url: `${web.url}/hb/x`, intervalSeconds: 0.3 } }, probeIntervalMs: 300 });
    await web.waitFor('/hb/x', 1, 5000);
    w!.mt.revokeCompanion();
    await web.waitFor('/hb/x/fail', 1, 10_000);
    await sleep(1000);
    expect(web.to('/hb/x/fail')).toHaveLength(1);
  });

  it('a prompt for the second factor is told on the other channels too, where someone in the account cannot delete it', async () => {
    await world({ totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', sessions: [{ hash: 1n }, { hash: 4242n, deviceModel: 'iPhone 15 Pro' }] });
    const mark = w!.say('/revoke 4242');
    await w!.next(mark, 'sendMessage', (c) => /authenticator/.test(String(c.params.text)));
    await until('the prompt out of band', () => hookBodies().some((b) => b.event === 'second_factor_asked'));
    const hook = hookBodies().find((b) => b.event === 'second_factor_asked')!;
    const said = `${String(hook.title)}\n${String(hook.text)}`;
    expect(said).toMatch(/End this session\?/);
    expect(said).toMatch(/iPhone 15 Pro/);
    expect(said).toMatch(/If you did not ask for this, do not send a code/);
    expect(w!.mt.callsOf('account.resetAuthorization')).toHaveLength(0);
    await until('the prompt by email', () => mailsAbout(/End this session/).length === 1);
    expectNothingSecret(w!);
  });
});

