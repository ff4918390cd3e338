import { BotError, Context } from 'grammy';
import type { Update } from 'grammy/types';
import { errorBoundary } from '../../src/bot/middleware/error-boundary';
import { silentLogger } from '../../src/core/log';
import { botHarness, OWNER_ID } from '../helpers/bot-harness';
import { memoryLocalizer } from '../helpers/localizer';

const STRANGER_ID = 666;

describe('/log shows the owner\'s actions and alerts by default', () => {
  function withMixedLog() {
    const h = botHarness();
    h.audit.record({ actorId: OWNER_ID, action: 'revoke', targetHash: 8080n, detail: 'the owner revoked' }, 'ok');
    h.audit.record({ actorId: null, action: 'alert_sent', targetHash: 9090n, detail: 'found by push' }, 'ok');
    for (let i = 0; i < 48; i++) h.audit.record({ actorId: STRANGER_ID, action: 'denied', detail: 'message in private chat' }, 'denied');
    h.audit.record({ actorId: OWNER_ID, action: 'list', detail: 'sessions' }, 'ok');
    h.audit.record({ actorId: OWNER_ID, action: 'log_view', detail: 'last 10' }, 'ok');
    return h;
  }

  it('/log 50 after a flood of denials still shows the owner\'s revoke, and no denials or reads', async () => {
    const h = withMixedLog();
    await h.send('/log 50');
    const text = h.lastText();
    expect(text).toMatch(/<b>revoke<\/b> <code>8080<\/code>/);
    expect(text).toMatch(/<b>alert_sent<\/b>/);
    expect(text).not.toMatch(/denied|<b>list<\/b>|log_view/);
  });

  it('/log denied shows only denials; /log all shows everything', async () => {
    const h = withMixedLog();
    await h.send('/log denied 5');
    expect(h.lastText()).toMatch(/Last 5 denied entries/);
    expect(h.lastText().match(/<b>denied<\/b>/g)).toHaveLength(5);
    expect(h.lastText()).not.toMatch(/revoke/);
    await h.send('/log all 3');
    expect(h.lastText()).toMatch(/<b>log_view<\/b>/);
    expect(h.lastText()).toMatch(/<b>list<\/b>/);
  });

  it.each(['denied abc', 'all 0', 'everything', '5 denied'])('/log %s gets a usage line and changes nothing', async (arg) => {
    const h = withMixedLog();
    const before = h.auditRows().length;
    await h.send(`/log ${arg}`);
    expect(h.lastText()).toMatch(/^Usage: \/log \[n\], \/log denied \[n\]/);
    expect(h.auditRows()).toHaveLength(before);
  });
});

describe('strangers get silence whatever fails', () => {
  it('a failing denial record (a full disk, a bug) neither throws nor answers the stranger', async () => {
    const h = botHarness();
    h.db.pragma('query_only = ON');
    await expect(h.send('/start', STRANGER_ID)).resolves.toBeUndefined();
    const broken = botHarness();
    const boom = (): never => {
      throw new TypeError('boom');
    };
    Object.assign(broken.audit, { batch: boom, record: boom });
    await expect(broken.send('/start', STRANGER_ID)).resolves.toBeUndefined();
    await expect(broken.press('ok:1', STRANGER_ID)).resolves.toBeUndefined();
    expect([...h.calls, ...broken.calls]).toEqual([]);
  });

  it('the error boundary speaks only in the owner\'s private chat', async () => {
    const h = botHarness();
    const boundary = errorBoundary(silentLogger, OWNER_ID, memoryLocalizer());
    const ctxFor = (from: number, chat: { id: number; type: string }) =>
      new Context(
        { update_id: 1, message: { message_id: 1, date: 0, from: { id: from, is_bot: false, first_name: 'x' }, chat, text: '/start' } } as unknown as Update,
        h.bot.api,
        h.bot.botInfo,
      );
    const failure = new Error('SqliteError: attempt to write a readonly database');
    await boundary(new BotError(failure, ctxFor(STRANGER_ID, { id: STRANGER_ID, type: 'private' })));
    await boundary(new BotError(failure, ctxFor(OWNER_ID, { id: -100123, type: 'supergroup' })));
    await boundary(new BotError(failure, ctxFor(STRANGER_ID, { id: OWNER_ID, type: 'private' })));
    expect(h.calls).toEqual([]);
    await boundary(new BotError(failure, ctxFor(OWNER_ID, { id: OWNER_ID, type: 'private' })));
    expect(h.sent().map((c) => c.payload.chat_id)).toEqual([OWNER_ID]);
  });
});
