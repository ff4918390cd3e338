import { botHarness, OWNER_ID } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession } from '../helpers/fake-account';

const BIG = 9_007_199_254_740_993n; // 2^53 + 1: a JS number would turn it into ...992
const NEG = -8_070_450_532_247_928_832n;

function setup() {
  const account = new FakeAccount([
    companionSession(),
    makeSession({ hash: BIG, deviceModel: 'iPhone 15', dateActive: 1_779_999_000 }),
    makeSession({ hash: NEG, deviceModel: 'MacBook', appName: 'Telegram macOS', dateActive: 1_779_990_000 }),
  ]);
  return botHarness(account);
}

describe('/start and /help', () => {
  it.each(['/start', '/help'])('%s describes the bot and lists every command', async (cmd) => {
    const h = setup();
    await h.send(cmd);
    const text = h.lastText();
    for (const c of ['/sessions', '/revoke', '/revokeall']) expect(text).toContain(c);
    expect(h.account.calls).toHaveLength(0);
  });

  it('names the one-session form of /sessions that its usage reply teaches', async () => {
    const h = setup();
    await h.send('/help');
    expect(h.lastText()).toMatch(/\/sessions (&lt;|<)number(&gt;|>)/);
  });
});

describe('/sessions', () => {
  it('lists every session with its exact hash, most recently active first, and an End button per other session', async () => {
    const h = setup();
    await h.send('/sessions');
    const text = h.lastText();
    expect(text).toContain(`<code>${BIG}</code>`);
    expect(text).toContain(`<code>${NEG}</code>`);
    expect(text.indexOf('session-warden')).toBeLessThan(text.indexOf('iPhone 15'));
    expect(text.indexOf('iPhone 15')).toBeLessThan(text.indexOf('MacBook'));
    expect(text).toContain("this is session-warden's companion");
    const ends = h.lastButtons().filter((b) => b.data.startsWith('se:'));
    expect(ends.map((b) => b.data)).toEqual([`se:${BIG}`, `se:${NEG}`]);
    expect(h.auditRows('list')).toEqual([expect.objectContaining({ outcome: 'ok', actorId: OWNER_ID })]);
  });

  it('shows flags for pending passwords and unconfirmed logins', async () => {
    const h = botHarness(new FakeAccount([makeSession({ hash: 5n, passwordPending: true, unconfirmed: true })]));
    await h.send('/sessions');
    expect(h.lastText()).toMatch(/password pending/);
    expect(h.lastText()).toMatch(/unconfirmed/);
  });

  it('paginates 200 sessions with arrows, every page within 4096 characters', async () => {
    const many = Array.from({ length: 200 }, (_, i) => makeSession({ hash: BigInt(i + 1) * 46_116_860_184_273_879n, dateActive: 1_779_000_000 + i }));
    const h = botHarness(new FakeAccount([companionSession(), ...many]));
    await h.send('/sessions');
    const seen = new Set<string>();
    for (let page = 0; page < 100; page++) {
      const text = h.lastText();
      expect(text.length).toBeLessThanOrEqual(4096);
      for (const m of text.matchAll(/<code>(-?\d+)<\/code>/g)) seen.add(m[1]!);
      const next = h.lastButtons().find((b) => b.text.startsWith('Next'));
      if (!next) break;
      await h.press(next.data);
    }
    expect(seen.size).toBe(201);
    expect(h.sent('answerCallbackQuery').length).toBeGreaterThan(0);
  });

  it('explains a flood wait instead of listing', async () => {
    const h = setup();
    h.account.failNext('listSessions', { kind: 'flood_wait', seconds: 120 }, 'FLOOD_WAIT_120');
    await h.send('/sessions');
    expect(h.lastText()).toMatch(/wait 2 min/);
    expect(h.auditRows('list')[0]?.outcome).toBe('FLOOD_WAIT_120');
  });
});

describe('/revoke', () => {
  it.each([
    ['', /Usage: \/revoke <hash>/],
    ['abc', /not a session hash/],
    ['12.5', /not a session hash/],
    ['9223372036854775808', /outside the range/],
    ['-9223372036854775809', /outside the range/],
    ['0', /current session/],
    ['123 456', /not a session hash/],
  ])('"%s" gets a usage error and makes no account call', async (arg, reply) => {
    const h = setup();
    await h.send(`/revoke ${arg}`.trim());
    expect(h.lastText()).toMatch(reply);
    expect(h.account.calls).toHaveLength(0);
    expect(h.auditRows('revoke')).toHaveLength(0);
  });

  it('ends the session with exactly the hash given, above 2^53, and says what it ended', async () => {
    const h = setup();
    await h.send(`/revoke ${BIG}`);
    expect(h.account.changes).toEqual([{ method: 'revoke', hash: BIG }]);
    expect(h.lastText()).toMatch(/^Ended: iPhone 15, Telegram Android 11\.2\.3, Berlin, Germany/);
    expect(h.auditRows('revoke')).toEqual([
      expect.objectContaining({ targetHash: BIG.toString(), outcome: 'ok', actorId: OWNER_ID }),
    ]);
  });

  it('takes negative hashes', async () => {
    const h = setup();
    await h.send(`/revoke ${NEG}`);
    expect(h.account.changes).toEqual([{ method: 'revoke', hash: NEG }]);
  });

  it('explains HASH_INVALID', async () => {
    const h = setup();
    await h.send('/revoke 777');
    expect(h.lastText()).toMatch(/No active session has that hash\. It may have ended already/);
    expect(h.auditRows('revoke')[0]).toMatchObject({ targetHash: '777', outcome: 'HASH_INVALID' });
  });

  it('explains the 24 h rule with the time the companion becomes old enough', async () => {
    const created = Math.floor(1_780_000_000 - 3600 * 5); // 5 h old
    const h = botHarness(new FakeAccount([companionSession({ dateCreated: created }), makeSession({ hash: BIG })]));
    h.account.failNext('revoke', { kind: 'too_fresh' }, 'FRESH_RESET_AUTHORISATION_FORBIDDEN');
    await h.send(`/revoke ${BIG}`);
    // A time from which ending works is written as the next whole minute: trying then always works.
    const expected = new Date(Math.ceil((created + 86_400) / 60) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(h.lastText()).toContain('24 hours');
    expect(h.lastText()).toContain(`${expected} UTC`);
    expect(h.lastText()).toContain('in 19 h 1 min');
    expect(h.auditRows('revoke')[0]?.outcome).toBe('FRESH_RESET_AUTHORISATION_FORBIDDEN');
  });

  it('explains FLOOD_WAIT_n with how long to wait', async () => {
    const h = setup();
    h.account.failNext('revoke', { kind: 'flood_wait', seconds: 42 }, 'FLOOD_WAIT_42');
    await h.send(`/revoke ${BIG}`);
    expect(h.lastText()).toMatch(/wait 42 s/);
  });

  it('explains a logged-out companion and how to log in again', async () => {
    const h = setup();
    h.account.failNext('revoke', { kind: 'logged_out' }, 'AUTH_KEY_UNREGISTERED');
    await h.send(`/revoke ${BIG}`);
    expect(h.lastText()).toMatch(/AUTH_KEY_UNREGISTERED.*npm run login/);
  });

  it('reports any other Telegram error and stays up', async () => {
    const h = setup();
    h.account.failNext('revoke', { kind: 'other' }, 'INTERNAL_WEIRDNESS');
    await h.send(`/revoke ${BIG}`);
    expect(h.lastText()).toMatch(/failed: Telegram answered INTERNAL_WEIRDNESS/);
    await h.send('/help');
    expect(h.lastText()).toContain('/sessions');
  });

  it('refuses to end the companion itself when it is listed under its own hash', async () => {
    const h = botHarness(new FakeAccount([companionSession({ hash: 55n })]));
    await h.send('/revoke 55');
    expect(h.account.changes).toHaveLength(0);
    expect(h.lastText()).toMatch(/own companion/);
  });
});

describe('End button', () => {
  it('asks first, then ends exactly that session; a second tap does nothing', async () => {
    const h = setup();
    await h.send('/sessions');
    await h.press(`se:${NEG}`);
    expect(h.lastText()).toMatch(/End this session\?/);
    expect(h.account.changes).toHaveLength(0);
    // The prompt numbers the session as /sessions did: MacBook is #3, after the companion and the iPhone.
    expect(h.lastText()).toContain('#3 MacBook');
    const confirm = h.lastButtons().find((b) => b.data.startsWith('sc:'))!;
    expect(confirm.text).toBe('End #3');
    await h.press(confirm.data);
    expect(h.account.changes).toEqual([{ method: 'revoke', hash: NEG }]);
    expect(h.lastText()).toMatch(/^Ended: MacBook/);
    await h.press(confirm.data);
    expect(h.account.changes).toHaveLength(1);
    const answers = h.sent('answerCallbackQuery');
    expect(String(answers.at(-1)?.payload.text)).toMatch(/Already done/);
    expect(h.lastText()).toMatch(/^Ended: MacBook/);
  });

  it('Cancel ends nothing', async () => {
    const h = setup();
    await h.press(`se:${BIG}`);
    const cancel = h.lastButtons().find((b) => b.text === 'Cancel')!;
    await h.press(cancel.data);
    expect(h.lastText()).toMatch(/Cancelled/);
    expect(h.account.changes).toHaveLength(0);
  });

  it('expires after two minutes', async () => {
    const h = setup();
    await h.press(`se:${BIG}`);
    const confirm = h.lastButtons().find((b) => b.data.startsWith('sc:'))!;
    h.clock.now += 121_000;
    const mark = h.calls.length;
    await h.press(confirm.data);
    expect(h.account.changes).toHaveLength(0);
    expect(h.lastText()).toMatch(/expired/);
    // No "Ending the session…" toast above a reply that says nothing happened.
    expect(h.sent('answerCallbackQuery', mark).map((c) => c.payload.text ?? '')).toEqual(['']);
  });
});

describe('/revokeall', () => {
  it('says how many sessions end and that it includes the owner\'s own apps, then ends them on confirmation', async () => {
    const h = setup();
    await h.send('/revokeall');
    expect(h.lastText()).toMatch(/End 2 sessions\?/);
    expect(h.lastText()).toMatch(/including your own phone and desktop apps/);
    expect(h.account.changes).toHaveLength(0);
    const buttons = h.lastButtons();
    expect(buttons.map((b) => b.text)).toEqual(['End 2 sessions', 'Cancel']);
    await h.press(buttons[0]!.data);
    expect(h.account.changes).toEqual([{ method: 'revokeAll' }]);
    const edit = h.sent('editMessageText').at(-1)!;
    expect(String(edit.payload.text)).toMatch(/Done: Telegram ended every session except/);
    expect(h.auditRows('revoke_all')).toEqual([expect.objectContaining({ outcome: 'ok' })]);
  });

  it('a double tap ends once; the second tap is answered and does nothing', async () => {
    const h = setup();
    await h.send('/revokeall');
    const data = h.lastButtons()[0]!.data;
    await h.press(data);
    await h.press(data);
    expect(h.account.changes).toEqual([{ method: 'revokeAll' }]);
    expect(h.sent('answerCallbackQuery')).toHaveLength(2);
  });

  it('a tap after expiry does nothing and says so', async () => {
    const h = setup();
    await h.send('/revokeall');
    const data = h.lastButtons()[0]!.data;
    h.clock.now += 2 * 60_000 + 1;
    await h.press(data);
    expect(h.account.changes).toHaveLength(0);
    expect(h.lastText()).toMatch(/expired/);
  });

  it('explains the 24 h rule', async () => {
    const h = setup();
    await h.send('/revokeall');
    h.account.failNext('revokeAll', { kind: 'too_fresh' }, 'FRESH_RESET_AUTHORISATION_FORBIDDEN');
    await h.press(h.lastButtons()[0]!.data);
    expect(h.lastText()).toMatch(/at least 24 hours old/);
    expect(h.auditRows('revoke_all')[0]?.outcome).toBe('FRESH_RESET_AUTHORISATION_FORBIDDEN');
  });

  it('has nothing to do when only the companion is logged in', async () => {
    const h = botHarness(new FakeAccount([companionSession()]));
    await h.send('/revokeall');
    expect(h.lastText()).toMatch(/no other sessions/);
    expect(h.lastButtons()).toHaveLength(0);
  });
});

describe('every button press is answered', () => {
  it('answers unknown and stale buttons', async () => {
    const h = setup();
    await h.press('nonsense');
    await h.press('ra:doesnotexist');
    expect(h.sent('answerCallbackQuery')).toHaveLength(2);
    expect(h.account.changes).toHaveLength(0);
  });
});
