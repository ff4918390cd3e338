import { INT64_MIN } from '../../src/domain/session-hash';
import { botHarness, OWNER_ID } from '../helpers/bot-harness';
import { FakeAccount, makeWebSession } from '../helpers/fake-account';

const BIG = 2n ** 53n + 1n;
const NEG = -8_070_450_532_247_928_832n;

function setup() {
  const account = new FakeAccount();
  account.webSessions = [
    makeWebSession({ hash: BIG, domain: 'forum.example.org', bot: '@forum_bot', dateActive: 1_779_999_000 }),
    makeWebSession({ hash: NEG, domain: 'shop.example.com', bot: '@shop_bot', browser: 'Safari <17>', dateActive: 1_779_990_000 }),
  ];
  return botHarness(account);
}

const confirmId = (h: ReturnType<typeof setup>, prefix: string): string =>
  h.lastButtons().find((b) => b.data.startsWith(prefix))!.data;

describe('/websessions', () => {
  it('lists each website with its exact hash, an End button per website and End all', async () => {
    const h = setup();
    await h.send('/websessions');
    const text = h.lastText();
    expect(text).toContain('Web sessions: 2');
    expect(text).toContain(`<code>${BIG}</code>`);
    expect(text).toContain(`<code>${NEG}</code>`);
    expect(text).toContain('Safari &lt;17&gt;');
    expect(text).toMatch(/bot @forum_bot/);
    expect(text).toMatch(/Logged in 3 d ago · active 16 min ago/);
    expect(text.indexOf('forum.example.org')).toBeLessThan(text.indexOf('shop.example.com'));
    expect(h.lastButtons().map((b) => b.data)).toEqual([`we:${BIG}`, `we:${NEG}`, 'wa']);
    expect(h.auditRows('web_list')).toEqual([expect.objectContaining({ outcome: 'ok', actorId: OWNER_ID })]);
  });

  it('says so when no website is logged in, with no buttons', async () => {
    const h = botHarness(new FakeAccount());
    await h.send('/websessions');
    expect(h.lastText()).toMatch(/No web sessions/);
    expect(h.sent().at(-1)!.payload.reply_markup).toBeUndefined();
  });

  it('explains a failure to list', async () => {
    const h = setup();
    h.account.failNext('listWebSessions', { kind: 'unreachable' }, 'NETWORK');
    await h.send('/websessions');
    expect(h.lastText()).toMatch(/Listing the web sessions failed: Telegram could not be reached/);
    expect(h.auditRows('web_list')[0]).toMatchObject({ outcome: 'NETWORK' });
  });

  it('keeps callback data within 64 bytes for the most negative hash', async () => {
    const account = new FakeAccount();
    account.webSessions = [makeWebSession({ hash: INT64_MIN })];
    const h = botHarness(account);
    await h.send('/websessions');
    for (const b of h.lastButtons()) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
    await h.press(`we:${INT64_MIN}`);
    for (const b of h.lastButtons()) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
  });
});

describe('ending one web session', () => {
  it('asks first, then ends exactly that hash once; a second tap does nothing', async () => {
    const h = setup();
    await h.press(`we:${NEG}`);
    expect(h.lastText()).toMatch(/End this web session\?/);
    expect(h.lastText()).toContain('shop.example.com');
    expect(h.account.changes).toEqual([]);
    const yes = confirmId(h, 'wc:');
    await h.press(yes);
    expect(h.account.changes).toEqual([{ method: 'revokeWebSession', hash: NEG }]);
    expect(h.lastText()).toMatch(/^Ended the web session: shop\.example\.com via @shop_bot \(Safari &lt;17&gt;/);
    expect(h.auditRows('web_revoke')).toEqual([expect.objectContaining({ targetHash: NEG.toString(), outcome: 'ok' })]);
    await h.press(yes);
    expect(h.account.changes).toHaveLength(1);
    expect(h.sent('answerCallbackQuery').at(-1)!.payload.text).toMatch(/Already done/);
  });

  it('Cancel ends nothing', async () => {
    const h = setup();
    await h.press(`we:${BIG}`);
    await h.press(confirmId(h, 'wx:'));
    expect(h.lastText()).toBe('Cancelled. Nothing was ended.');
    await h.press(confirmId(h, 'wc:'));
    expect(h.account.changes).toEqual([]);
  });

  it('says the website is gone when its hash is no longer listed', async () => {
    const h = setup();
    await h.press('we:12345');
    expect(h.lastText()).toMatch(/no longer in the list/);
    expect(h.account.changes).toEqual([]);
  });

  it('explains HASH_INVALID in terms of /websessions', async () => {
    const h = setup();
    await h.press(`we:${BIG}`);
    h.account.failNext('revokeWebSession', { kind: 'hash_invalid' }, 'HASH_INVALID');
    await h.press(confirmId(h, 'wc:'));
    expect(h.lastText()).toMatch(/No web session has that hash.*\/websessions/);
    expect(h.auditRows('web_revoke')[0]).toMatchObject({ outcome: 'HASH_INVALID', targetHash: BIG.toString() });
  });
});

describe('End all web sessions', () => {
  it('asks with the count, then calls resetWebAuthorizations once', async () => {
    const h = setup();
    await h.press('wa');
    expect(h.lastText()).toMatch(/End 2 web sessions\?/);
    expect(h.account.changes).toEqual([]);
    await h.press(confirmId(h, 'wy:'));
    expect(h.account.changes).toEqual([{ method: 'revokeAllWebSessions' }]);
    expect(h.lastText()).toMatch(/logged out every website \(2 web sessions when you asked\)/);
    expect(h.auditRows('web_revoke_all')).toEqual([expect.objectContaining({ outcome: 'ok', detail: '2 web sessions' })]);
  });

  it('Cancel is audited and ends nothing', async () => {
    const h = setup();
    await h.press('wa');
    await h.press(confirmId(h, 'wn:'));
    expect(h.account.changes).toEqual([]);
    expect(h.auditRows('web_revoke_all')).toEqual([expect.objectContaining({ outcome: 'cancelled' })]);
  });

  it('has nothing to ask when no website is logged in', async () => {
    const h = botHarness(new FakeAccount());
    await h.press('wa');
    expect(h.lastText()).toMatch(/There are no web sessions/);
  });

  it('an expired confirmation ends nothing', async () => {
    const h = setup();
    await h.press('wa');
    h.clock.now += 121_000;
    await h.press(confirmId(h, 'wy:'));
    expect(h.account.changes).toEqual([]);
    expect(h.lastText()).toMatch(/expired/);
  });
});
