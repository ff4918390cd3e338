import { createAuditLog } from '../../src/db/audit-log';
import { openDatabase } from '../../src/db/open-database';
import { createDenialRecorder } from '../../src/guard/denial-recorder';

/** README: "only the newest 5,000 denial rows are kept". At any rate, at any moment. */
describe('denial rows stay within what the README promises', () => {
  it.each([
    ['exactly 20 a minute (the window never overflows)', 20],
    ['21 a minute (one summary row per window)', 21],
    ['a flood of 300 a minute', 300],
  ])('%s for 6 h: never more than 5,000 rows, and the newest are the ones kept', (_name, perMinute) => {
    let clock = Date.UTC(2026, 11, 3);
    const db = openDatabase(':memory:');
    const audit = createAuditLog(db, () => new Date(clock));
    const denials = createDenialRecorder(audit, { now: () => clock });
    const count = db.prepare(`SELECT count(*) AS n, max(id) AS newest FROM audit_log WHERE action = 'denied'`);
    const stepMs = 60_000 / perMinute;
    let most = 0;
    for (let i = 0; i < 6 * 60 * perMinute; i++) {
      clock += stepMs;
      denials.record({ actorId: 7, kind: 'message', chatType: 'private' });
      if (i % 500 === 0) most = Math.max(most, (count.get() as { n: number }).n);
    }
    denials.flush();
    const end = count.get() as { n: number; newest: number };
    expect(Math.max(most, end.n)).toBeLessThanOrEqual(5000);
    expect(end.n).toBe(5000);
    // The owner's rows are never touched, and the newest denial row is still there.
    expect(end.newest).toBe((db.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number }).m);
  });
});
