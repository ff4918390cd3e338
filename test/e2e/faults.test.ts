import { startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  await w.stop();
});

describe('e2e: faults on the wire', () => {
  it('answers after the companion\'s connection is dropped and restored', async () => {
    w = await startWorld({ sessions: [{ hash: 2n ** 62n }] });
    w.mt.dropConnections();
    const reply = await w.ask('/sessions');
    expect(reply).toContain((2n ** 62n).toString());
  });

  it('loses no request when the connection drops in the middle of it', async () => {
    w = await startWorld({ sessions: [{ hash: -31n }] });
    w.mt.dropDuringNext('account.resetAuthorization');
    const reply = await w.ask('/revoke -31');
    expect(reply).toMatch(/^Ended: |No active session has that hash/);
    // Whatever the resend saw, the session is gone and the owner was told.
    expect(w.mt.sessions().some((s) => s.hash === -31n)).toBe(false);
    expect(w.mt.callsOf('account.resetAuthorization').every((c) => c.args.hash === -31n)).toBe(true);
  });

  it('says Telegram is unreachable when a request gets no answer in time, and stays up', async () => {
    w = await startWorld({ sessions: [{ hash: 8n }], requestTimeoutMs: 1500 });
    w.mt.setReplyDelay(4000);
    const reply = await w.ask('/sessions');
    expect(reply).toMatch(/could not be reached \(TIMEOUT\)/);
    w.mt.setReplyDelay(0);
    expect(await w.ask('/help')).toContain('/revokeall');
  });

  it('retries a Bot API 429 after retry_after, and the reply still arrives', async () => {
    w = await startWorld({ sessions: [{ hash: 8n }] });
    w.botApi.failNext('sendMessage', { kind: 'flood', retryAfter: 1 });
    const mark = w.say('/help');
    const ok = await w.next(mark);
    const attempts = w.botApi.calls.slice(mark).filter((c) => c.method === 'sendMessage');
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(ok.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(w.botApi.stats.floods).toBe(1);
  });

  it('retries a Bot API 5xx, and the reply still arrives', async () => {
    w = await startWorld({ sessions: [{ hash: 8n }] });
    w.botApi.failNext('sendMessage', { kind: 'server', status: 502 });
    const mark = w.say('/help');
    await w.next(mark);
    const statuses = w.botApi.calls.slice(mark).filter((c) => c.method === 'sendMessage').map((c) => c.status);
    expect(statuses).toEqual([502, 200]);
  });

  it('keeps polling after getUpdates fails with a 5xx', async () => {
    w = await startWorld({ sessions: [{ hash: 8n }] });
    await w.ask('/help');
    // The long poll now waiting is answered by the next update; the poll after it fails.
    w.botApi.failNext('getUpdates', { kind: 'server', status: 500 });
    await w.ask('/help');
    expect(await w.ask('/sessions')).toContain('Active sessions: 2');
    expect(w.botApi.calls.filter((c) => c.method === 'getUpdates' && c.status === 500)).toHaveLength(1);
  });
});

describe('e2e: Bot API servers that differ from Telegram', () => {
  it('starts against a server without webhook support (deleteWebhook answers 404)', async () => {
    const { BotApiEmulator } = await import('../../sandbox/emulator/botapi');
    // The world starts the app; before that, make deleteWebhook unknown on this server.
    const start = BotApiEmulator.start.bind(BotApiEmulator);
    const spy = jest.spyOn(BotApiEmulator, 'start').mockImplementation(async (opts) => {
      const emu = await start(opts);
      emu.failNext('deleteWebhook', { kind: 'error', status: 404, description: 'Not Found' });
      return emu;
    });
    try {
      w = await startWorld({ sessions: [{ hash: 8n }] });
    } finally {
      spy.mockRestore();
    }
    expect(w.botApi.calls.find((c) => c.method === 'deleteWebhook')?.status).toBe(404);
    expect(await w.ask('/help')).toContain('/sessions');
  });
});
