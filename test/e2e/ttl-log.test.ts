import { sleep, startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

describe('e2e: /ttl', () => {
  it('shows the server\'s authorization_ttl_days', async () => {
    w = await startWorld({ mtproto: { authorizationTtlDays: 30 } });
    expect(await w.ask('/ttl')).toMatch(/Inactive sessions end after 30 days \(1 month\)/);
    expect(w.buttons().find((b) => b.text.startsWith('✓'))?.data).toBe('tt:30');
  });

  it('/ttl 90 reaches account.setAuthorizationTTL and the server keeps it', async () => {
    w = await startWorld();
    expect(await w.ask('/ttl 90')).toMatch(/now end automatically/);
    expect(w.mt.callsOf('account.setAuthorizationTTL').map((c) => c.args.authorizationTtlDays)).toEqual([90]);
    expect(w.mt.authorizationTtlDays).toBe(90);
    expect(w.auditRows('ttl_set')).toEqual([expect.objectContaining({ outcome: 'ok', detail: '90 days' })]);
  });

  it('a button sets the period', async () => {
    w = await startWorld();
    await w.ask('/ttl');
    const view = w.last();
    const p = w.press('tt:365', view.message_id);
    const edit = await w.next(p.mark, 'editMessageText');
    expect(String(edit.params.text)).toMatch(/365 days \(1 year\)/);
    expect(w.mt.authorizationTtlDays).toBe(365);
  });

  it('refuses 45 days itself, with no MTProto call', async () => {
    w = await startWorld();
    expect(await w.ask('/ttl 45')).toMatch(/accepts only 7, 30, 90, 180, 365 days.*Nothing was changed/);
    expect(w.mt.callsOf('account.setAuthorizationTTL')).toHaveLength(0);
  });

  it('explains the 24 h rule from the server', async () => {
    const created = Math.floor(Date.now() / 1000) - 2 * 3600;
    w = await startWorld({ mtproto: { companion: { dateCreated: created } } });
    const reply = await w.ask('/ttl 7');
    expect(reply).toMatch(/FRESH_RESET_AUTHORISATION_FORBIDDEN/);
    expect(reply).toContain(new Date(Math.ceil((created + 86_400) / 60) * 60_000).toISOString().slice(0, 16).replace('T', ' '));
    expect(w.mt.authorizationTtlDays).toBe(180);
    expect(w.auditRows('ttl_set')[0]).toMatchObject({ outcome: 'FRESH_RESET_AUTHORISATION_FORBIDDEN' });
  });
});

describe('e2e: /log', () => {
  it('shows what was done and what Telegram answered, newest first', async () => {
    w = await startWorld({ sessions: [{ hash: -(2n ** 62n) }] });
    await w.ask('/revoke 123456789');
    await w.ask(`/revoke ${-(2n ** 62n)}`);
    const reply = await w.ask('/log 5');
    const lines = reply.split('\n').filter((l) => l.includes(' UTC · '));
    expect(lines[0]).toMatch(/^✅ \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · <b>revoke<\/b> <code>-4611686018427387904<\/code> · ok$/);
    expect(lines[1]).toMatch(/^❌ .* · <b>revoke<\/b> <code>123456789<\/code> · HASH_INVALID$/);
    // The view is finished in the audit log once the Bot API has answered, just after the emulator recorded it.
    for (let i = 0; i < 40 && w.auditRows('log_view')[0]?.outcome === 'pending'; i++) await sleep(25);
    expect(w.auditRows('log_view')).toEqual([expect.objectContaining({ outcome: 'ok', detail: 'last 5' })]);
  });
});
