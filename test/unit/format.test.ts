import { memoryLocalizer } from '../helpers/localizer';
import { clip, escapeHtml } from '../../src/bot/text/html';
import { reportInterruptedActions } from '../../src/bot/delivery/interrupted-actions';
import { createOutbox } from '../../src/bot/delivery/outbox';
import { createAuditLog } from '../../src/db/audit-log';
import { createOutboxStore } from '../../src/db/outbox';
import { openDatabase } from '../../src/db/open-database';
import { silentLogger } from '../../src/core/log';

describe('clip', () => {
  it('never cuts a character in half', () => {
    const clipped = clip('😀'.repeat(100), 10);
    expect(Array.from(clipped)).toHaveLength(10);
    expect(Buffer.from(clipped, 'utf8').toString('utf8')).toBe(clipped);
    expect(clipped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('keeps short text whole', () => expect(clip('  Pixel 8 ')).toBe('Pixel 8'));
});

describe('escapeHtml', () => {
  it('escapes the three characters Telegram HTML knows', () => expect(escapeHtml('<a&b>')).toBe('&lt;a&amp;b&gt;'));
});

describe('reportInterruptedActions', () => {
  it('marks actions interrupted once the report cannot be lost, and queues it once', async () => {
    const db = openDatabase(':memory:');
    const audit = createAuditLog(db);
    audit.begin({ actorId: 1, action: 'revoke', targetHash: 5n });
    const sent: string[] = [];
    const api = { sendMessage: async (_: number, text: string) => (sent.push(text), { message_id: sent.length }), getMe: async () => ({}) };
    const outbox = createOutbox({ api: api as never, ownerId: 1, store: createOutboxStore(db), log: silentLogger, alerted: () => undefined });
    reportInterruptedActions(outbox, audit, silentLogger, audit.pending(), { i18n: memoryLocalizer(), locale: 'en' });
    expect(audit.pending()).toHaveLength(1); // nothing written yet: the send goes first
    await outbox.idle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent[0]).toMatch(/revoke <code>5<\/code>/);
    expect(audit.pending()).toHaveLength(0);
    expect(audit.recent(1)[0]?.outcome).toBe('interrupted');
    reportInterruptedActions(outbox, audit, silentLogger, audit.pending(), { i18n: memoryLocalizer(), locale: 'en' });
    expect(sent).toHaveLength(1);
  });
});
