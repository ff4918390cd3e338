import { clip, escapeHtml } from '../../src/bot/format/html';
import { reportInterruptedActions } from '../../src/bot/interrupted-actions';
import { createAuditLog } from '../../src/db/audit-log';
import { openDatabase } from '../../src/db/open-database';
import { silentLogger } from '../../src/log';

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
  it('marks actions interrupted only once the owner has been told', async () => {
    const audit = createAuditLog(openDatabase(':memory:'));
    audit.begin({ actorId: 1, action: 'revoke', targetHash: 5n });
    const failing = { sendMessage: async () => Promise.reject(new Error('Bot API down')) };
    await reportInterruptedActions(failing as never, 1, audit, silentLogger);
    expect(audit.pending()).toHaveLength(1);
    const sent: string[] = [];
    const working = { sendMessage: async (_: number, text: string) => void sent.push(text) };
    await reportInterruptedActions(working as never, 1, audit, silentLogger);
    expect(sent[0]).toMatch(/revoke <code>5<\/code>/);
    expect(audit.pending()).toHaveLength(0);
    expect(audit.recent(1)[0]?.outcome).toBe('interrupted');
  });
});
