import type { EmulatedWebSession } from '../../sandbox/emulator/mtproto';
import { startWorld, type World } from '../helpers/world';

const ABOVE_2_53 = 2n ** 53n + 1n;
const NEGATIVE = -(2n ** 63n) + 5n;
const now = Math.floor(Date.now() / 1000);

const web = (hash: bigint, domain: string, botId: bigint): EmulatedWebSession => ({
  hash,
  botId,
  botUsername: `${domain.split('.')[0]}_login_bot`,
  domain,
  browser: 'Firefox 125',
  platform: 'Linux',
  ip: '198.51.100.4',
  region: 'Paris, France',
  dateCreated: now - 5 * 86_400,
  dateActive: now - 3600,
});

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const start = () =>
  startWorld({
    mtproto: { webSessions: [web(ABOVE_2_53, 'forum.example.org', 5_000_000_001n), web(NEGATIVE, 'shop.example.com', 5_000_000_002n)] },
  });

/** Sends /websessions, presses the button whose data is `data`, and returns the confirmation message. */
async function ask(data: string) {
  await w.ask('/websessions');
  const list = w.last();
  const p = w.press(data, list.message_id);
  await w.next(p.mark);
  return w.last();
}

describe('e2e: /websessions', () => {
  it('lists the websites with their bots from account.getWebAuthorizations and exact hashes', async () => {
    w = await start();
    await w.ask('/websessions');
    // The text as the owner's app shows it, after the Bot API parsed the HTML.
    const reply = w.last().text;
    expect(reply).toMatch(/Web sessions: 2/);
    expect(reply).toContain(`Hash: ${ABOVE_2_53}`);
    expect(reply).toContain(`Hash: ${NEGATIVE}`);
    expect(reply).toMatch(/forum\.example\.org · bot @forum_login_bot/);
    expect(reply).toMatch(/Logged in 5 d ago · active 1 h ago/);
    expect(w.buttons().map((b) => b.data)).toEqual([`we:${ABOVE_2_53}`, `we:${NEGATIVE}`, 'wa']);
    expect(w.auditRows('web_list')).toEqual([expect.objectContaining({ outcome: 'ok' })]);
  });

  it.each([ABOVE_2_53, NEGATIVE])('End then End it sends resetWebAuthorization with exactly %s', async (hash) => {
    w = await start();
    const confirm = await ask(`we:${hash}`);
    expect(confirm.text).toMatch(/End this web session\?/);
    expect(w.mt.callsOf('account.resetWebAuthorization')).toHaveLength(0);
    const p = w.press(w.buttons(confirm).find((b) => b.text === 'End it')!.data, confirm.message_id);
    const edit = await w.next(p.mark, 'editMessageText');
    expect(String(edit.params.text)).toMatch(/^Ended the web session: /);
    expect(w.mt.callsOf('account.resetWebAuthorization').map((c) => c.args.hash)).toEqual([hash]);
    expect(w.mt.webSessions().map((s) => s.hash)).not.toContain(hash);
    expect(w.auditRows('web_revoke')).toEqual([expect.objectContaining({ target_hash: hash.toString(), outcome: 'ok' })]);
  });

  it('explains HASH_INVALID when the website logged out in between', async () => {
    w = await start();
    const confirm = await ask(`we:${NEGATIVE}`);
    w.mt.setWebSessions([]);
    const p = w.press(w.buttons(confirm).find((b) => b.text === 'End it')!.data, confirm.message_id);
    const edit = await w.next(p.mark, 'editMessageText');
    expect(String(edit.params.text)).toMatch(/No web session has that hash/);
    expect(w.auditRows('web_revoke')[0]).toMatchObject({ outcome: 'HASH_INVALID', target_hash: NEGATIVE.toString() });
  });

  it('End all web sessions asks, then calls resetWebAuthorizations once', async () => {
    w = await start();
    const confirm = await ask('wa');
    expect(confirm.text).toMatch(/End 2 web sessions\?/);
    const p = w.press(w.buttons(confirm)[0]!.data, confirm.message_id);
    const edit = await w.next(p.mark, 'editMessageText');
    expect(String(edit.params.text)).toMatch(/logged out every website/);
    expect(w.mt.callsOf('account.resetWebAuthorizations')).toHaveLength(1);
    expect(w.mt.webSessions()).toEqual([]);
    expect(w.auditRows('web_revoke_all')).toEqual([expect.objectContaining({ outcome: 'ok' })]);
  });

  it('explains FLOOD_WAIT on listing', async () => {
    w = await start();
    w.mt.injectError('account.getWebAuthorizations', { code: 420, message: 'FLOOD_WAIT_30' });
    expect(await w.ask('/websessions')).toMatch(/wait 30 s/);
    expect(w.auditRows('web_list')[0]).toMatchObject({ outcome: 'FLOOD_WAIT_30' });
  });
});
