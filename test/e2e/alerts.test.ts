import { OWNER, sleep, startWorld, type World } from '../helpers/world';

const BIG = 2n ** 62n + 12_345n;
const NEG = -(2n ** 60n) - 7n;

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const isAlert = (c: { params: Record<string, unknown> }) => String(c.params.text).startsWith('🚨');

/** A push is alerted at once from what it carries; the full details follow as an edit. */
async function detailedAlert(hash: bigint, mark: number) {
  await w.next(mark, 'sendMessage', isAlert, 3000);
  return w.next(mark, 'editMessageText', (c) => String(c.params.text).includes(hash.toString()) && /App: /.test(String(c.params.text)), 3000);
}

describe('e2e: new-login alerts', () => {
  it('the push reaches the owner within a second, with device, place, time and both buttons', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    const mark = w.botApi.calls.length;
    const t0 = Date.now();
    w.mt.pushNewAuthorization({ hash: BIG, unconfirmed: true, device: 'Galaxy S24', location: 'Lisbon, Portugal' });
    const alert = await w.next(mark, 'sendMessage', isAlert, 3000);
    expect(alert.at - t0).toBeLessThan(1000);
    const text = String(alert.params.text);
    expect(text).toContain('Galaxy S24');
    expect(text).toMatch(/Lisbon, Portugal/);
    expect(text).toContain(`<code>${BIG}</code>`);
    expect(text).toMatch(/Unless you end it, Telegram confirms it by itself at/);
    expect(w.buttons().map((b) => b.data)).toEqual([`ok:${BIG}`, `ee:${BIG}`]);
    const detailed = await detailedAlert(BIG, mark);
    expect(String(detailed.params.text)).toMatch(/App: Telegram Android/);
    await w.ask('/help'); // by now the alert's outcome is written
    expect(w.auditRows('alert_sent')).toEqual([expect.objectContaining({ target_hash: BIG.toString(), outcome: 'ok' })]);
  });

  it('a push that never arrives is caught by the periodic reconcile, and alerted once', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }], reconcileIntervalSeconds: 1 });
    w.mt.setPushesEnabled(false);
    const mark = w.botApi.calls.length;
    w.mt.pushNewAuthorization({ hash: NEG, unconfirmed: true, device: 'Unknown PC', location: 'Nowhere' });
    const alert = await w.next(mark, 'sendMessage', isAlert, 4000);
    expect(String(alert.params.text)).toContain(NEG.toString());
    expect(String(alert.params.text)).toMatch(/found by the session check/);
    await sleep(2200); // two more reconciles
    expect(w.botApi.calls.filter((c) => c.method === 'sendMessage' && isAlert(c))).toHaveLength(1);
  });

  it('a login made while the app was down is reported once at start, marked as such', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    await w.restart(() => {
      w.mt.addSession({ hash: BIG, deviceModel: 'Offline Laptop' });
    });
    const alert = await w.next(0, 'sendMessage', (c) => /while session-warden was not running/.test(String(c.params.text)), 4000);
    expect(String(alert.params.text)).toContain('Offline Laptop');
    await w.restart();
    expect(w.botApi.calls.filter((c) => c.method === 'sendMessage' && isAlert(c))).toHaveLength(1);
    // The first start summarised the baseline once; later starts do not.
    expect(w.botApi.calls.filter((c) => /now watching/.test(String(c.params.text)))).toHaveLength(1);
  });

  it('on the very first start the sessions already there are the baseline: summarised once, not alerted', async () => {
    w = await startWorld({ sessions: [{ hash: 1n, deviceModel: 'Old Phone' }, { hash: 2n, deviceModel: 'Old Desktop' }] });
    const summary = w.botApi.calls.find((c) => /now watching/.test(String(c.params.text)))!;
    expect(String(summary.params.text)).toMatch(/found 2 other sessions/);
    expect(w.botApi.calls.filter((c) => c.method === 'sendMessage' && isAlert(c))).toHaveLength(0);
  });

  it('a message from 777000 triggers a check that finds the login, even with pushes lost', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }], reconcileIntervalSeconds: 3600 });
    w.mt.addSession({ hash: BIG, deviceModel: 'Sneaky Tablet' });
    const mark = w.botApi.calls.length;
    w.mt.pushServiceMessage('New login. Dear Owner, we detected a login into your account from a new device.');
    const alert = await w.next(mark, 'sendMessage', isAlert, 3000);
    expect(String(alert.params.text)).toContain('Sneaky Tablet');
  });

  it('"It\'s me" confirms an unconfirmed login on the server with its exact hash, then offers trust', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    const mark = w.botApi.calls.length;
    w.mt.pushNewAuthorization({ hash: NEG, unconfirmed: true, device: 'My New Phone', location: 'Home' });
    await detailedAlert(NEG, mark);
    const alert = w.last();
    const p = w.press(`ok:${NEG}`, alert.message_id);
    const call = await w.mt.waitForCall('account.changeAuthorizationSettings', undefined, 3000);
    expect(call.args).toMatchObject({ hash: NEG, confirmed: true });
    await w.next(p.mark, 'editMessageText');
    expect(w.last().text).toMatch(/Confirmed/);
    expect(w.buttons().map((b) => b.data)).toEqual([`tr:${NEG}`, `tn:${NEG}`]);
    // Redrawn from what is now true: confirmed, so "not confirmed yet" is gone.
    expect(w.last().text).not.toMatch(/has not confirmed this login yet/);
    const t = w.press(`tr:${NEG}`, alert.message_id);
    // A login minutes old: trusting it is asked again with the flag shown, then done.
    const again = await w.next(t.mark, 'sendMessage', (c) => /less than 24 hours ago/.test(String(c.params.text)));
    const anyway = w.press(`tf:${NEG}`, Number((again.result as { message_id: number }).message_id));
    await w.next(anyway.mark, 'sendMessage', (c) => /^Trusted:/.test(String(c.params.text)));
    expect(w.auditRows('trust')).toEqual([expect.objectContaining({ outcome: 'ok' })]);
    expect(w.mt.sessions().find((s) => s.hash === NEG)?.unconfirmed).toBeFalsy();
  });

  it('"End it" ends exactly that session', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    const mark = w.botApi.calls.length;
    w.mt.pushNewAuthorization({ hash: BIG, unconfirmed: true, device: 'Intruder', location: 'Far away' });
    await detailedAlert(BIG, mark);
    const p = w.press(`ee:${BIG}`, w.last().message_id);
    const edit = await w.next(p.mark, 'editMessageText');
    expect(String(edit.params.text)).toMatch(/Ended: /);
    expect(w.mt.callsOf('account.resetAuthorization').map((c) => c.args.hash)).toEqual([BIG]);
  });

  it('a pending 2FA password says someone has the code but not the password', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    const mark = w.botApi.calls.length;
    w.mt.addSession({ hash: NEG, deviceModel: 'Attacker PC', passwordPending: true, unconfirmed: true });
    w.mt.pushNewAuthorization({ hash: NEG, unconfirmed: true, device: 'Attacker PC', location: 'Elsewhere' }, { addSession: false });
    const alert = await detailedAlert(NEG, mark);
    expect(String(alert.params.text)).toMatch(/Someone has your login code but not your 2FA password/);
    expect(String(alert.params.text)).toContain('Attacker PC');
  });
});

describe('e2e: guard mode', () => {
  it('ends an untrusted new login at once and tells the owner what and why; a trusted device is left alone', async () => {
    w = await startWorld({ sessions: [{ hash: 1n, deviceModel: 'My Phone', apiId: 6, appName: 'Telegram Android', platform: 'Android' }] });
    await w.ask('/guard on');
    const offer = w.last();
    expect(offer.text).toMatch(/no trusted devices/);
    const p = w.press(w.buttons(offer).find((b) => b.text.startsWith('Trust current'))!.data, offer.message_id);
    await w.next(p.mark, 'editMessageText');
    expect(w.last().text).toMatch(/Trusted 1 current device/);

    let mark = w.botApi.calls.length;
    w.mt.addSession({ hash: BIG, deviceModel: 'Evil Box', apiId: 999, appName: 'Unofficial', platform: 'Linux' });
    w.mt.pushNewAuthorization({ hash: BIG }, { addSession: false });
    const alert = await w.next(mark, 'sendMessage', isAlert, 3000);
    expect(String(alert.params.text)).toMatch(/Guard mode ended it at once/);
    expect(w.mt.callsOf('account.resetAuthorization').map((c) => c.args.hash)).toEqual([BIG]);
    expect(w.auditRows('auto_end')).toEqual([expect.objectContaining({ target_hash: BIG.toString(), outcome: 'ok' })]);

    mark = w.botApi.calls.length;
    w.mt.addSession({ hash: NEG, deviceModel: 'My Phone', apiId: 6, appName: 'Telegram Android', platform: 'Android' });
    w.mt.pushNewAuthorization({ hash: NEG }, { addSession: false });
    const trustedAlert = await w.next(mark, 'sendMessage', isAlert, 3000);
    expect(String(trustedAlert.params.text)).not.toMatch(/Guard mode ended/);
    expect(w.mt.callsOf('account.resetAuthorization')).toHaveLength(1);
    expect((await w.ask('/guard')).toString()).toMatch(/Guard mode is <b>on<\/b>/);
  });
});

describe('e2e: a burst of 200 logins', () => {
  it.each([false, true])('all are reported within 5 s in a few messages with no 429 (guard %s)', async (guard) => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    // Telegram's per-chat limit, roughly: beyond it the emulator answers 429 like the real server.
    w.botApi.setFloodLimits({ perChat: 20, windowMs: 60_000, retryAfter: 30 });
    if (guard) {
      await w.ask('/guard on');
      const offer = w.last();
      const p = w.press(w.buttons(offer).find((b) => b.text.startsWith('Trust current'))!.data, offer.message_id);
      await w.next(p.mark, 'editMessageText');
    }
    const mark = w.botApi.calls.length;
    const hashes = Array.from({ length: 200 }, (_, i) => -(2n ** 63n) + BigInt(i) * 7_919n + 1n);
    const t0 = Date.now();
    for (const hash of hashes) w.mt.pushNewAuthorization({ hash, unconfirmed: true, device: `Bot farm ${hash}`, location: 'Somewhere' });
    const seen = new Set<string>();
    while (seen.size < hashes.length && Date.now() - t0 < 5000) {
      for (const c of w.botApi.calls.slice(mark)) {
        if (c.method === 'sendMessage' && c.ok) for (const m of String(c.params.text).matchAll(/<code>(-?\d+)<\/code>/g)) seen.add(m[1]!);
      }
      await sleep(50);
    }
    expect(seen.size).toBe(200);
    expect(Date.now() - t0).toBeLessThan(5000);
    const sent = w.botApi.calls.slice(mark).filter((c) => c.method === 'sendMessage');
    expect(sent.length).toBeLessThanOrEqual(10);
    expect(w.botApi.stats.floods).toBe(0);
    if (guard) {
      const ended = new Set(w.mt.callsOf('account.resetAuthorization').map((c) => String(c.args.hash)));
      expect(ended.size).toBe(200);
      expect(w.mt.sessions().filter((s) => hashes.includes(s.hash))).toHaveLength(0);
    }
    expect(OWNER.id).toBe(w.app.ownerId);
  }, 30_000);
});

describe('e2e: no alert is lost', () => {
  it('an alert whose first tries all fail is still delivered, once, and not again after a restart', async () => {
    w = await startWorld({ sessions: [{ hash: 1n }] });
    // Four 500s used to exhaust the retries and drop the alert until the next start; the outbox keeps trying.
    w.botApi.failNext('sendMessage', { kind: 'server', status: 500 }, 4);
    w.mt.pushNewAuthorization({ hash: BIG, unconfirmed: true, device: 'Lost Alert Phone', location: 'Void' });
    await w.next(0, 'sendMessage', (c) => isAlert(c) && String(c.params.text).includes('Lost Alert Phone'), 20_000);
    await w.restart();
    await w.ask('/help');
    expect(w.botApi.calls.filter((c) => c.method === 'sendMessage' && c.ok && isAlert(c))).toHaveLength(1);
  }, 40_000);
});
