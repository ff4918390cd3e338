import BetterSqlite3 from 'better-sqlite3';
import { OWNER, startWorld, type World } from '../helpers/world';

/**
 * The crash tests rely on the startup report ("restarted while these actions were running") as the
 * owner's only news of an action whose outcome is unknown. That news must not be lost when the
 * report itself cannot be delivered at that moment.
 */
let w: World;
afterEach(async () => {
  await w?.stop();
});

const REPORT = 'restarted while these actions were running';

describe('reliability: the interrupted-actions report', () => {
  it('is not lost when Telegram refuses it at startup: the owner hears of the action at a later start', async () => {
    w = await startWorld({ sessions: [{ hash: 5n }] });
    const crashAt = new Date().toISOString();
    await w.restart(() => {
      // What a kill -9 between begin() and finish() leaves behind.
      const db = new BetterSqlite3(w.config.databasePath);
      db.prepare(`INSERT INTO audit_log (created_at, actor_id, action, target_hash, outcome) VALUES (?, ?, 'revoke', '5', 'pending')`).run(crashAt, OWNER.id);
      db.close();
      // The first message after the restart (the report) meets a long flood wait, which the bounded retry hands back to the outbox.
      w.botApi.failNext('sendMessage', { kind: 'flood', retryAfter: 120 });
    });
    const first = w.botApi.calls.filter((c) => c.method === 'sendMessage' && String(c.params.text).includes(REPORT));
    expect(first.map((c) => c.ok)).toEqual([false]);
    // The next start (or any later moment) must still tell the owner.
    await w.restart();
    const delivered = w.botApi.calls.filter((c) => c.method === 'sendMessage' && c.ok && String(c.params.text).includes(REPORT));
    expect(delivered.map((c) => String(c.params.text))).toEqual([expect.stringContaining('revoke <code>5</code>')]);
  }, 60_000);
});
