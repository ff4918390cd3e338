import type { Api } from 'grammy';
import { createReachability } from '../../src/bot/api/bot-api-reachability';

/** Resolves to 'ended' if `p` settles within `ms` of real time, else 'still waiting'. */
const within = (p: Promise<void>, ms: number) =>
  Promise.race([p.then(() => 'ended'), new Promise<string>((r) => setTimeout(() => r('still waiting'), ms))]);

describe('stopping ends every wait, so no timer keeps a stopping process alive', () => {
  const api = { getMe: () => Promise.reject(new Error('down')) } as unknown as Api;

  it('a retry_after wait of minutes ends at stop()', async () => {
    const r = createReachability(api);
    const waiting = r.wait(180_000, false);
    r.stop();
    expect(await within(waiting, 200)).toBe('ended');
  });

  it('a network-failure wait and its probe end at stop()', async () => {
    const r = createReachability(api);
    const waiting = r.afterNetworkFailure(10_000);
    r.stop();
    expect(await within(waiting, 200)).toBe('ended');
  });

  it('a wait asked for after stop() ends at once', async () => {
    const r = createReachability(api);
    r.stop();
    expect(await within(r.wait(60_000, false), 50)).toBe('ended');
  });

  it('before stop(), a retry_after wait is not cut short by the Bot API answering', async () => {
    const r = createReachability(api);
    const waiting = r.wait(150, false);
    r.reachable();
    expect(await within(waiting, 50)).toBe('still waiting');
    expect(await within(waiting, 500)).toBe('ended');
    r.stop();
  });
});
