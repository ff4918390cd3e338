import { chatRateLimit, MADE_AT } from '../../src/bot/api/chat-rate-limit';

describe('chatRateLimit', () => {
  const run = async (calls: Array<{ chat: number }>, options = { burst: 3, perSecond: 10 }) => {
    const limit = chatRateLimit(options);
    const start = Date.now();
    const done: Array<{ chat: number; at: number; n: number }> = [];
    await Promise.all(
      calls.map((c, n) =>
        limit(async () => ({ ok: true, result: true }) as never, 'sendMessage', { chat_id: c.chat, text: 'x' } as never).then(() =>
          done.push({ chat: c.chat, at: Date.now() - start, n }),
        ),
      ),
    );
    return done;
  };

  it('lets a burst through at once, then about perSecond calls a second, in order', async () => {
    const done = await run(Array.from({ length: 6 }, () => ({ chat: 1 })));
    expect(done.map((d) => d.n)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(done.slice(0, 3).every((d) => d.at < 30)).toBe(true);
    expect(done[5]!.at).toBeGreaterThanOrEqual(250);
    expect(done[5]!.at).toBeLessThan(600);
  });

  it('limits each chat on its own', async () => {
    const done = await run([{ chat: 1 }, { chat: 1 }, { chat: 1 }, { chat: 1 }, { chat: 2 }]);
    expect(done.find((d) => d.chat === 2)!.at).toBeLessThan(30);
  });

  it('passes calls without a chat straight through', async () => {
    const limit = chatRateLimit({ burst: 1, perSecond: 1 });
    const prev = jest.fn(async () => ({ ok: true, result: true }) as never);
    const t0 = Date.now();
    for (let i = 0; i < 5; i++) await limit(prev, 'answerCallbackQuery', { callback_query_id: 'x' } as never);
    expect(Date.now() - t0).toBeLessThan(50);
    expect(prev).toHaveBeenCalledTimes(5);
  });
});

describe('chatRateLimit and edits', () => {
  it('edits do not spend the tokens of new messages', async () => {
    const limit = chatRateLimit({ burst: 1, perSecond: 1 });
    const ok = async () => ({ ok: true, result: true }) as never;
    const t0 = Date.now();
    await limit(ok, 'editMessageText', { chat_id: 1, message_id: 1, text: 'x' } as never);
    await limit(ok, 'sendMessage', { chat_id: 1, text: 'x' } as never);
    expect(Date.now() - t0).toBeLessThan(50);
  });
});

describe('chatRateLimit with a backlog', () => {
  it('serves fresh calls before messages made long ago, and the backlog newest first', async () => {
    const limit = chatRateLimit({ burst: 1, perSecond: 50 });
    const order: string[] = [];
    const call = (name: string, madeAt?: number) =>
      limit(async () => ({ ok: true, result: true }) as never, 'sendMessage', { chat_id: 1, text: name, ...(madeAt === undefined ? {} : { [MADE_AT]: madeAt }) } as never).then(() => order.push(name));
    const now = Date.now();
    await Promise.all([call('first'), call('old-a', now - 60_000), call('old-b', now - 30_000), call('reply'), call('new-alert', now - 100)]);
    expect(order).toEqual(['first', 'reply', 'new-alert', 'old-b', 'old-a']);
  });
});

describe('chatRateLimit and calls that never reached Telegram', () => {
  it('gives back the token of a call that failed on the network or with a 5xx, so the next reply does not wait', async () => {
    const limit = chatRateLimit({ burst: 2, perSecond: 1 });
    const down = async (): Promise<never> => {
      throw new Error('connect ECONNREFUSED');
    };
    const fiveHundred = async () => ({ ok: false, error_code: 502, description: 'Bad Gateway' }) as never;
    for (let i = 0; i < 6; i++) {
      await expect(limit(down, 'sendMessage', { chat_id: 1, text: 'x' } as never)).rejects.toThrow('ECONNREFUSED');
      await limit(fiveHundred, 'sendMessage', { chat_id: 1, text: 'x' } as never);
    }
    const t0 = Date.now();
    await limit(async () => ({ ok: true, result: true }) as never, 'sendMessage', { chat_id: 1, text: 'reply' } as never);
    expect(Date.now() - t0).toBeLessThan(50);
  });
});
