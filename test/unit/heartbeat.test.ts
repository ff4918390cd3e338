import { failUrl } from '../../src/channels/heartbeat-ping';
import { canWatch } from '../../src/guard/companion-health';
import { startHeartbeat } from '../../src/guard/heartbeat';
import { silentLogger } from '../../src/core/log';

describe('whether the guard can watch', () => {
  const ok = { connected: true, loggedOut: false };
  const now = 1_000_000;
  it('can while the companion answers and the audit log is written', () => {
    expect(canWatch(ok, undefined, now)).toBe(true);
  });
  it('cannot once the companion is logged out', () => {
    expect(canWatch({ ...ok, loggedOut: true }, undefined, now)).toBe(false);
  });
  it('cannot after 60 s without an answer, nor after 60 s of a failing audit log; shorter blips do not count', () => {
    expect(canWatch({ ...ok, unreachableSince: now - 59_999 }, undefined, now)).toBe(true);
    expect(canWatch({ ...ok, unreachableSince: now - 60_000 }, undefined, now)).toBe(false);
    expect(canWatch(ok, now - 59_999, now)).toBe(true);
    expect(canWatch(ok, now - 60_000, now)).toBe(false);
  });
});

describe('the heartbeat', () => {
  it('pings while the guard can watch, sends /fail once when it cannot, and pings again when it can', async () => {
    const pings: string[] = [];
    let watching = true;
    const hb = startHeartbeat({ url: 'u', failUrl: 'u/fail', intervalMs: 5, checkEveryMs: 2, canWatch: () => watching, ping: async (u) => void pings.push(u), log: silentLogger });
    const until = async (ok: () => boolean): Promise<void> => {
      for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 2));
      expect(ok()).toBe(true);
    };
    await until(() => pings.filter((p) => p === 'u').length >= 2);
    watching = false;
    await until(() => pings.includes('u/fail'));
    const failedAt = pings.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(pings.slice(failedAt - 1)).toEqual(['u/fail']);
    expect(hb.state().pausedSince).toEqual(expect.any(Number));
    watching = true;
    await until(() => pings.length > failedAt);
    expect(pings[failedAt]).toBe('u');
    expect(hb.state().pausedSince).toBeUndefined();
    hb.stop();
  });
});

describe('the failure URL of each monitor kind', () => {
  it('healthchecks.io: /fail on the path; Uptime Kuma: status=down in the query', () => {
    expect(failUrl('https://hc-ping.com/1234-abcd')).toBe('https://hc-ping.com/1234-abcd/fail');
    expect(failUrl('https://hc-ping.com/1234-abcd/')).toBe('https://hc-ping.com/1234-abcd/fail');
    const kuma = new URL(failUrl('https://kuma.example.com/api/push/abc123?status=up&msg=OK&ping='));
    expect(kuma.pathname).toBe('/api/push/abc123');
    expect(kuma.searchParams.get('status')).toBe('down');
  });
});
