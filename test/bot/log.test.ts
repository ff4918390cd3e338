import { COMMANDS } from '../../src/bot/features/help';
import { botHarness, OWNER_ID } from '../helpers/bot-harness';

function withEntries(n: number, detail = (i: number) => `entry ${i}`) {
  const h = botHarness();
  for (let i = 1; i <= n; i++) {
    h.audit.record({ actorId: OWNER_ID, action: 'revoke', targetHash: -(2n ** 63n) + BigInt(i), detail: detail(i) }, i % 2 ? 'ok' : 'HASH_INVALID');
  }
  return h;
}

const entryLines = (text: string): string[] => text.split('\n').filter((l) => / UTC · /.test(l));

describe('/log', () => {
  it('shows the last 10 by default, newest first, with time, action, hash, outcome and detail', async () => {
    const h = withEntries(15);
    await h.send('/log');
    const text = h.lastText();
    expect(text).toMatch(/Last 10 audit entries/);
    const lines = entryLines(text);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^✅ 2026-05-28 \d\d:\d\d:\d\d UTC · <b>revoke<\/b> <code>-9223372036854775793<\/code> · ok$/);
    expect(lines[1]).toMatch(/^❌ .* · HASH_INVALID$/);
    expect(text).toContain('entry 15');
    expect(text).not.toContain('entry 5\n');
  });

  it.each([
    ['3', 3],
    ['50', 50],
  ])('/log %s shows %d', async (arg, n) => {
    const h = withEntries(60);
    await h.send(`/log ${arg}`);
    expect(entryLines(h.lastText()).length).toBeLessThanOrEqual(n);
    expect(h.lastText()).toContain(`Last ${n} audit entries`);
  });

  it('caps at 50 and says so', async () => {
    const h = withEntries(60);
    await h.send('/log 500');
    expect(h.lastText()).toMatch(/Last 50 audit entries.*50 at most/);
  });

  it.each(['0', 'abc', '-3', '2.5'])('/log %s gets a usage line', async (arg) => {
    const h = withEntries(3);
    await h.send(`/log ${arg}`);
    expect(h.lastText()).toMatch(/^Usage: \/log \[n\]/);
    expect(h.auditRows('log_view')).toEqual([]);
  });

  it('escapes HTML from details and stays within 4096 characters', async () => {
    const h = withEntries(50, (i) => `<b>${'&x'.repeat(60)}</b> ${i}`);
    await h.send('/log 50');
    const text = h.lastText();
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text).not.toContain('<b>&x');
    expect(text).toContain('&lt;b&gt;&amp;x');
    expect(text).toMatch(/older entries do not fit|Last 50/);
  });

  it('is audited as log_view, and the view does not list itself as pending', async () => {
    const h = withEntries(2);
    await h.send('/log');
    expect(h.lastText()).not.toMatch(/log_view/);
    expect(h.auditRows('log_view')).toEqual([expect.objectContaining({ outcome: 'ok', detail: 'last 10' })]);
    await h.send('/log');
    expect(h.lastText()).not.toMatch(/log_view/); // a read: hidden by default
    await h.send('/log all');
    expect(h.lastText()).toMatch(/✅ .* · <b>log_view<\/b> · ok/);
  });

  it('says when the log is empty', async () => {
    const h = botHarness();
    await h.send('/log all');
    expect(h.lastText()).toBe('The audit log is empty.');
    await h.send('/log denied');
    expect(h.lastText()).toBe('No denied updates are in the audit log.');
  });
});

describe('/help and the command menu', () => {
  it('list /websessions, /ttl and /log', async () => {
    const h = botHarness();
    await h.send('/help');
    for (const c of ['/websessions', '/ttl [days]', '/log [n]']) expect(h.lastText()).toContain(c);
    expect(COMMANDS.map((c) => c.command)).toEqual(expect.arrayContaining(['websessions', 'ttl', 'log']));
  });
});
