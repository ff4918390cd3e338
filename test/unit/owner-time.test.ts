import { BotError, Context } from 'grammy';
import type { Update } from 'grammy/types';
import { errorBoundary } from '../../src/bot/middleware/error-boundary';
import { logLine, logMessage } from '../../src/bot/features/audit-log';
import { ownerClock, storedTime } from '../../src/bot/text/owner-clock';
import type { Locale } from '../../src/bot/text/i18n';
import { reportInterruptedActions } from '../../src/bot/delivery/interrupted-actions';
import { createOutbox } from '../../src/bot/delivery/outbox';
import { createAuditLog } from '../../src/db/audit-log';
import { createOutboxStore } from '../../src/db/outbox';
import { openDatabase } from '../../src/db/open-database';
import { silentLogger } from '../../src/core/log';
import { memoryLocalizer } from '../helpers/localizer';

/**
 * Every time the owner reads is written in their language and in TZ, and names its zone (issue:
 * "in UTC unless the owner set TZ, stated in the text"). English in UTC keeps its compact form.
 */
const AT = Date.UTC(2026, 11, 3, 7, 5, 9) / 1000; // 2026-12-03 07:05:09 UTC
const fixedNow = () => new Date(AT * 1000);

describe('the owner clock', () => {
  it('English in UTC stays compact', () => {
    expect(ownerClock('en', 'UTC').at(AT)).toBe('2026-12-03 07:05 UTC');
  });

  it.each<[Locale, string]>([
    ['en', '10:05'],
    ['ru', '10:05'],
  ])('%s honours TZ and names the zone', (locale, local) => {
    const text = ownerClock(locale, 'Europe/Moscow').at(AT);
    expect(text).toContain(local);
    expect(text).toContain('GMT+3');
    expect(text).not.toContain('07:05');
  });
});

describe('a deadline', () => {
  const deadline = Date.parse('2026-12-03T07:05:40Z') / 1000;
  const before = Date.parse('2026-12-03T07:05:10Z');

  it.each(['en', 'ru'])('from which something works never reads as passed while it is ahead: its time is the next whole minute (%s)', (locale) => {
    const clock = ownerClock(locale, 'UTC');
    const ahead = clock.until(deadline, before, 'from');
    expect(ahead.at).toMatch(/07:06/);
    expect(ahead.left).not.toMatch(/^0\b/);
    expect(clock.until(deadline, Date.parse('2026-12-03T07:06:00Z'), 'from').left).toMatch(/^0\b/);
  });

  it.each(['en', 'ru'])('by which the owner must act is the minute it falls in, never later than it is (%s)', (locale) => {
    const clock = ownerClock(locale, 'UTC');
    expect(clock.until(deadline, before).at).toMatch(/07:05/);
    expect(clock.until(deadline, before, 'by').at).toMatch(/07:05/);
  });

  it('on a whole minute both sides agree', () => {
    const clock = ownerClock('en', 'UTC');
    const whole = Date.parse('2026-12-03T07:06:00Z') / 1000;
    expect(clock.until(whole, before, 'from')).toEqual(clock.until(whole, before, 'by'));
  });
});

describe('/log rows and the interrupted-actions report', () => {
  const withRow = () => {
    const db = openDatabase(':memory:');
    const audit = createAuditLog(db, fixedNow);
    audit.begin({ actorId: 1, action: 'revoke', targetHash: 5n });
    return { db, audit };
  };

  it('English in UTC: the stored stamp to the second, as before', () => {
    const { audit } = withRow();
    const text = logMessage(audit.recent(5, 'actions'), false, 'actions', 0, { i18n: memoryLocalizer(), locale: 'en' });
    expect(text).toContain('2026-12-03 07:05:09 UTC · <b>revoke</b>');
  });

  it.each<[Locale, RegExp]>([
    ['en', /Dec 3, 2026, 10:05:09 GMT\+3 · <b>revoke<\/b>/],
    ['ru', /3 дек\. 2026 г\., 10:05:09 GMT\+3 · <b>revoke<\/b>/],
  ])('%s with TZ=Europe/Moscow: the row time in the owner\'s zone and language', (locale, row) => {
    const { audit } = withRow();
    const text = logMessage(audit.recent(5, 'actions'), false, 'actions', 0, { i18n: memoryLocalizer('Europe/Moscow'), locale });
    expect(text).toMatch(row);
    expect(text).not.toContain('07:05');
  });

  it('the interrupted-actions report writes its times in the owner\'s zone and language', async () => {
    const { db, audit } = withRow();
    const sent: string[] = [];
    const api = { sendMessage: async (_: number, text: string) => (sent.push(text), { message_id: sent.length }), getMe: async () => ({}) };
    const outbox = createOutbox({ api: api as never, ownerId: 1, store: createOutboxStore(db), log: silentLogger, alerted: () => undefined });
    reportInterruptedActions(outbox, audit, silentLogger, audit.pending(), { i18n: memoryLocalizer('Europe/Moscow'), locale: 'ru' });
    await outbox.idle();
    expect(sent[0]).toMatch(/• 3 дек\. 2026 г\., 10:05:09 GMT\+3: revoke <code>5<\/code>/);
  });
});

describe('a stored time that is not a full ISO stamp', () => {
  const clock = ownerClock('en', 'Asia/Kathmandu');
  it.each(['not a date', '1', '2026-12-03 07:05:09', '03.12.2026 <07:05> & co'])('%s is shown as stored, never as some other time', (stamp) => {
    expect(storedTime(clock, stamp)).toBe(stamp);
  });
  it('is escaped in a /log row, so one odd row cannot make Telegram refuse the list', () => {
    const entry = { id: 1, createdAt: '03.12.2026 <07:05> & co', actorId: 1, action: 'revoke', targetHash: null, outcome: 'ok', detail: null, finishedAt: null };
    expect(logLine(entry as never, clock)).toContain('03.12.2026 &lt;07:05&gt; &amp; co');
  });
  it('a full ISO stamp with its offset is read as that instant', () => {
    expect(storedTime(clock, '2026-12-03T10:05:09+03:00')).toBe(storedTime(clock, '2026-12-03T07:05:09.000Z'));
  });
});

describe('the error boundary', () => {
  it('words a storage failure in the owner\'s language, keeping SQLite\'s code', async () => {
    const sent: string[] = [];
    const api = { sendMessage: async (_: number, text: string) => (sent.push(text), { message_id: 1 }) };
    const update = { update_id: 1, message: { message_id: 1, date: 0, from: { id: 7, is_bot: false, first_name: 'x', language_code: 'ru' }, chat: { id: 7, type: 'private' }, text: '/sessions' } };
    const err = Object.assign(new Error('database or disk is full'), { name: 'SqliteError', code: 'SQLITE_FULL' });
    const ctx = new Context(update as unknown as Update, api as never, { id: 1 } as never);
    await errorBoundary(silentLogger, 7, memoryLocalizer())(new BotError(err, ctx));
    expect(sent[0]).toContain('диск с базой данных заполнен');
    expect(sent[0]).toContain('Освободите место на этом диске.');
    expect(sent[0]).toContain('SQLITE_FULL');
    expect(sent[0]).not.toMatch(/the disk|Free some space|could not be used/);
  });
});
