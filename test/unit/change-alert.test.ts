import type { SessionChange, SessionTrace } from '../../src/domain/session-change';
import { changeAlert, changeBatch, changeFlags } from '../../src/bot/views/change-alert';
import { LIMITS } from '../../src/bot/text/limits';
import { memoryLocalizer } from '../helpers/localizer';

const i18n = memoryLocalizer();
const NOW = 1_800_000_000;
const before: SessionTrace = { ip: '203.0.113.7', country: 'Spain', region: 'Madrid', deviceModel: 'Pixel 8', platform: 'Android', systemVersion: '14', apiId: 6, appName: 'Telegram Android', appVersion: '11.0', dateActive: NOW - 3600 };
const change = (id: number, over: Partial<SessionChange> = {}): SessionChange => ({
  id,
  hash: -(2n ** 63n) + BigInt(id),
  kinds: ['moved'],
  before,
  after: { ...before, country: 'Nigeria', region: 'Lagos', ip: '198.51.100.9', deviceModel: `Phone <${id}>` },
  foundAt: NOW - 3 * 3600,
  officialApp: true,
  guard: { kind: 'off' },
  ...over,
});

describe.each(['en', 'ru'])('change alerts in %s', (locale) => {
  const view = { i18n, locale, nowMs: NOW * 1000, trusted: () => true };
  it('every kind and guard outcome renders with all its values filled in and HTML escaped', () => {
    for (const kinds of [['moved'], ['changed_hands'], ['woke_up'], ['moved', 'changed_hands', 'woke_up']] as const) {
      for (const guard of [{ kind: 'off' }, { kind: 'left' }, { kind: 'ended' }, { kind: 'failed', code: 'FLOOD_WAIT_5' }] as const) {
        const m = changeAlert(change(1, { kinds, guard }), view, 'cm:token');
        expect(m.text).not.toMatch(/\{|\}|undefined|<1>/);
        expect(m.text).toContain('Phone &lt;1&gt;');
        expect(m.text.startsWith('🚨')).toBe(true);
        expect(Boolean(m.keyboard)).toBe(guard.kind !== 'ended');
      }
    }
  });

  it('200 changes fit in at most 5 messages within Telegram\'s limit, every hash listed once', () => {
    const all = Array.from({ length: 200 }, (_, i) => change(i + 1, { kinds: i % 2 ? ['moved', 'changed_hands'] : ['woke_up'] }));
    const messages = changeBatch(all, view);
    expect(messages.length).toBeLessThanOrEqual(5);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(LIMITS.message);
    const hashes = messages.flatMap((m) => [...m.text.matchAll(/<code>(-?\d+)<\/code>/g)].map((x) => x[1]));
    expect(new Set(hashes).size).toBe(200);
  });

  it('/sessions flags only the newest unaccepted change of each session', () => {
    const flags = changeFlags([change(1), change(1, { id: 2, acceptedAt: '2026-12-07T00:00:00Z' }), change(3)], view, NOW * 1000);
    expect(flags.size).toBe(1);
    expect([...flags.values()][0]![0]).toMatch(/^🚩 .*Madrid, Spain → Lagos, Nigeria, /);
  });
});
