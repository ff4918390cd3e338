import { createOneShotActions } from '../../src/db/one-shot-actions';
import { DECLINE_RESET, DISCONNECT_BOT } from '../../src/bot/delivery/door-notices';
import { botHarness, OWNER_ID } from '../helpers/bot-harness';
import { FakeAccount, NO_PASSWORD } from '../helpers/fake-account';

const answers = (h: ReturnType<typeof botHarness>, from = 0): string[] => h.sent('answerCallbackQuery', from).map((c) => String(c.payload.text));

describe('one-shot door buttons', () => {
  it('a failed Cancel the reset can be pressed again; once it worked, further presses do nothing and say so', async () => {
    const account = new FakeAccount();
    account.password = { ...NO_PASSWORD, hasPassword: true, pendingResetDate: 1_780_600_000 };
    const h = botHarness(account);
    const id = createOneShotActions(h.db).create(DECLINE_RESET);
    account.failNext('declinePasswordReset', { kind: 'unreachable' }, 'NETWORK');
    await h.press(`dr:${id}`);
    expect(h.lastText()).toMatch(/Cancelling the reset failed: Telegram could not be reached/);
    await h.press(`dr:${id}`);
    expect(h.lastText()).toMatch(/reset was cancelled/);
    const mark = h.calls.length;
    await h.press(`dr:${id}`);
    expect(answers(h, mark)).toEqual([expect.stringMatching(/Already done/)]);
    expect(account.calls.filter((c) => c.method === 'declinePasswordReset')).toHaveLength(2);
    expect(h.auditRows('decline_reset').map((r) => r.outcome)).toEqual(['NETWORK', 'ok']);
  });

  it('a stranger\'s press takes nothing: the owner\'s press still works after it', async () => {
    const account = new FakeAccount();
    account.connectedBots = [
      { botId: 2n ** 63n - 1n, username: 'x_bot', name: 'X', canReply: true, recipients: { existingChats: true, newChats: false, contacts: false, nonContacts: false, excludeSelected: false, users: 0 } },
    ];
    const h = botHarness(account);
    const id = createOneShotActions(h.db).create(DISCONNECT_BOT, (2n ** 63n - 1n).toString());
    await h.press(`bd:${id}`, 777);
    expect(h.calls).toEqual([]);
    expect(account.changes).toEqual([]);
    await h.press(`bd:${id}`, OWNER_ID);
    expect(account.changes).toEqual([{ method: 'disconnectBot', hash: 2n ** 63n - 1n }]);
    expect(h.lastText()).toMatch(/Disconnected/);
  });

  it('a token used before a restart is answered like any second tap, and nothing acts', async () => {
    const account = new FakeAccount();
    account.password = { ...NO_PASSWORD, hasPassword: true, pendingResetDate: 1_780_600_000 };
    const h = botHarness(account);
    const tokens = createOneShotActions(h.db);
    const id = tokens.create(DECLINE_RESET);
    // Pressed and handled by the previous run: SQLite knows, this run's memory does not.
    expect(tokens.take(id, DECLINE_RESET).ok).toBe(true);
    await h.press(`dr:${id}`);
    expect(answers(h)).toEqual([expect.stringMatching(/^Already done/)]);
    expect(account.calls.filter((c) => c.method === 'declinePasswordReset')).toHaveLength(0);
    expect(h.sent('editMessageText')).toEqual([]);
  });

  it('a forged or unknown token changes nothing', async () => {
    const h = botHarness();
    await h.press('dr:AAAAAAAAAA');
    await h.press('bd:zzzzzzzzzz');
    expect(answers(h)).toEqual([expect.stringMatching(/not valid/), expect.stringMatching(/not valid/)]);
    expect(h.account.changes).toEqual([]);
  });
});

describe('/codeguard and /expect input', () => {
  it.each(['/expect 0', '/expect 61', '/expect -5', '/expect ten', '/expect 10 hours'])('%s is refused and changes nothing', async (cmd) => {
    const h = botHarness();
    await h.send(cmd);
    expect(h.lastText()).toMatch(/Nothing was changed/);
    expect(h.auditRows('expect_on')).toEqual([]);
  });

  it('/expect 60 opens an hour; /expect off closes it', async () => {
    const h = botHarness();
    await h.send('/expect 60');
    expect(h.lastText()).toMatch(/\(in 1 h\)/);
    await h.send('/expect off');
    expect(h.lastText()).toMatch(/window is closed/);
    expect(h.auditRows().map((r) => r.action)).toEqual(['expect_on', 'expect_off']);
  });
});

describe('a /security button redraws the checkup with the buttons that still apply', () => {
  it.each([
    ['tt:', 'Shorten to 1 week', /Done: sessions inactive for 7 days/],
    ['cg:', 'Turn code guard on', /Code guard is <b>on<\/b>/],
    ['dr:', 'Cancel the reset', /reset was cancelled/],
  ])('%s', async (prefix, label, result) => {
    const account = new FakeAccount();
    account.password = { ...NO_PASSWORD, hasPassword: true, pendingResetDate: 1_780_600_000 };
    account.connectedBots = [
      { botId: 9n, username: 'reader_bot', name: 'Reader', canReply: true, recipients: { existingChats: true, newChats: false, contacts: false, nonContacts: false, excludeSelected: false, users: 0 } },
    ];
    const h = botHarness(account);
    await h.send('/security');
    const before = h.lastButtons();
    expect(before.map((b) => b.text)).toContain(label);
    await h.press(before.find((b) => b.data.startsWith(prefix))!.data);
    expect(h.lastText()).toMatch(/Security checkup/);
    expect(h.lastText()).toMatch(result);
    expect(h.lastButtons().map((b) => b.text)).toEqual(before.filter((b) => b.text !== label).map((b) => b.text));
  });
});
