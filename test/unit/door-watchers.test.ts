import { createAuditLog } from '../../src/db/audit-log';
import { openDatabase } from '../../src/db/open-database';
import { createPasswordStates } from '../../src/db/password-state';
import { createSettings } from '../../src/db/settings';
import { CODE_GUARD_SETTING, createCodeWatcher } from '../../src/guard/doors/code-watcher';
import type { DoorEvent } from '../../src/guard/events';
import { createPasswordWatcher } from '../../src/guard/doors/password-watcher';
import { silentLogger } from '../../src/core/log';
import { FakeAccount, NO_PASSWORD } from '../helpers/fake-account';

function setup() {
  const db = openDatabase(':memory:');
  const events: Array<{ event: DoorEvent; key: string }> = [];
  return {
    db,
    audit: createAuditLog(db),
    settings: createSettings(db),
    events,
    emit: (event: DoorEvent, key: string) => void events.push({ event, key }),
  };
}

describe('password watch', () => {
  it('a FLOOD_WAIT postpones the reads for exactly that long, then they resume', async () => {
    const s = setup();
    const account = new FakeAccount();
    const clock = { now: 1_000_000 };
    const watcher = createPasswordWatcher({ account, states: createPasswordStates(s.db), audit: s.audit, emit: s.emit, log: silentLogger, now: () => clock.now });
    await watcher.check();
    account.failNext('getPassword', { kind: 'flood_wait', seconds: 60 }, 'FLOOD_WAIT_60');
    await watcher.check();
    account.password = { ...NO_PASSWORD, hasPassword: true, algoFingerprint: 'x' };
    clock.now += 59_000;
    await watcher.check();
    expect(account.calls.filter((c) => c.method === 'getPassword')).toHaveLength(2);
    clock.now += 2_000;
    await watcher.check();
    expect(s.events.map((e) => e.event.kind)).toEqual(['password_on']);
  });

  it('the same change found again (a crash before it was saved) carries the same key', async () => {
    const s = setup();
    const account = new FakeAccount();
    account.password = { ...NO_PASSWORD, hasPassword: true, algoFingerprint: 'a' };
    const states = createPasswordStates(s.db);
    const watcher = createPasswordWatcher({ account, states, audit: s.audit, emit: s.emit, log: silentLogger });
    await watcher.check();
    const before = states.last()!;
    account.password = NO_PASSWORD;
    await watcher.check();
    states.save(before); // as if the process died after telling and before saving
    await watcher.check();
    expect(s.events.map((e) => e.key)).toHaveLength(2);
    expect(new Set(s.events.map((e) => e.key)).size).toBe(1);
  });
});

describe('code watch', () => {
  const message = { id: 7, date: 1_780_000_000 };

  it('an invalidation Telegram does not answer in time is reported as under way, the alert not held back, and its answer follows', async () => {
    const s = setup();
    s.settings.setFlag(CODE_GUARD_SETTING, true);
    let answer = (): void => undefined;
    const account = { invalidateSignInCodes: () => new Promise<void>((resolve) => (answer = resolve)) };
    const watcher = createCodeWatcher({ account, settings: s.settings, audit: s.audit, emit: s.emit, log: silentLogger, invalidateWaitMs: 50 });
    watcher.onServiceMessage('Login code: 55555', message);
    await new Promise((r) => setTimeout(r, 300));
    expect(s.events.map((e) => e.event)).toEqual([{ kind: 'code_requested', messageId: 7, date: message.date, outcome: { kind: 'invalidating' } }]);
    answer();
    await new Promise((r) => setTimeout(r, 50));
    expect(s.events.map((e) => e.event)).toEqual([
      expect.objectContaining({ kind: 'code_requested' }),
      { kind: 'code_invalidation_late', outcome: { kind: 'invalidated' } },
    ]);
  });

  it('a refused invalidation says what Telegram answered; the same message twice is handled once', async () => {
    const s = setup();
    s.settings.setFlag(CODE_GUARD_SETTING, true);
    const account = new FakeAccount();
    account.failNext('invalidateSignInCodes', { kind: 'flood_wait', seconds: 30 }, 'FLOOD_WAIT_30');
    const watcher = createCodeWatcher({ account, settings: s.settings, audit: s.audit, emit: s.emit, log: silentLogger });
    watcher.onServiceMessage('Login code: 55555', message);
    watcher.onServiceMessage('Login code: 55555', message);
    await new Promise((r) => setTimeout(r, 100));
    expect(s.events.map((e) => e.event)).toEqual([
      { kind: 'code_requested', messageId: 7, date: message.date, outcome: { kind: 'invalidate_failed', code: 'FLOOD_WAIT_30' } },
    ]);
    expect(account.calls.filter((c) => c.method === 'invalidateSignInCodes')).toHaveLength(1);
    expect(JSON.stringify(s.audit.recent(100))).not.toContain('55555');
  });
});
