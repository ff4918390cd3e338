import { createChannelOutbox } from '../../src/bot/delivery/channel-outbox';
import { groupedMessage } from '../../src/bot/views/out-of-band';
import { ChannelError, type Channel, type OutOfBandMessage } from '../../src/channels/channel';
import { createChannelOutboxStore } from '../../src/db/channel-outbox';
import { openDatabase } from '../../src/db/open-database';
import { silentLogger } from '../../src/core/log';
import { memoryLocalizer } from '../helpers/localizer';

/** The out-of-band queue on a real SQLite database, with channels whose answers the test decides. */
const speech = { i18n: memoryLocalizer(), locale: 'en' };
const msg = (event: string, title = event): OutOfBandMessage => ({ event, title, text: `${title} happened`, at: '2026-01-01T00:00:00.000Z', account: '1', priority: 5 });

function fakeChannel(name: Channel['name']) {
  const sent: OutOfBandMessage[] = [];
  const state = { fail: undefined as ChannelError | undefined, hold: undefined as Promise<void> | undefined, tries: 0 };
  const channel: Channel = {
    name,
    async send(m) {
      state.tries++;
      if (state.hold) await state.hold;
      if (state.fail) throw state.fail;
      sent.push(m);
    },
  };
  return { channel, sent, state };
}

const until = async (ok: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

function queue(channels: Channel[], db = openDatabase(':memory:'), clock = { now: Date.now() }) {
  const outbox = createChannelOutbox({
    channels,
    store: createChannelOutboxStore(db),
    log: silentLogger,
    group: (ms) => groupedMessage(ms, speech),
    now: () => clock.now,
    firstBackoffMs: 5,
    maxBackoffMs: 20,
  });
  return { outbox, db, clock };
}

describe('the out-of-band queue', () => {
  it('groups what arrives while a send is on the wire into one message, the way the chat coalesces', async () => {
    const mail = fakeChannel('email');
    let release = (): void => undefined;
    mail.state.hold = new Promise((r) => (release = r));
    const { outbox } = queue([mail.channel]);
    outbox.enqueue(msg('new_login', 'first'));
    for (let i = 0; i < 4; i++) outbox.enqueue(msg('new_login', `later ${i}`));
    mail.state.hold = undefined;
    release();
    await until(() => mail.sent.length === 2);
    expect(mail.sent[0]!.title).toBe('first');
    expect(mail.sent[1]).toMatchObject({ title: '4 alerts from session-warden: later 0', fields: { count: 4, events: 'new_login' } });
    expect(mail.sent[1]!.text).toContain('later 3 happened');
    await outbox.stop();
  });

  it('a failing channel never holds another; it catches up, and a stop leaves its rows for the next start', async () => {
    const push = fakeChannel('ntfy');
    const hook = fakeChannel('webhook');
    push.state.fail = new ChannelError('the server answered 503', 'http_503');
    const first = queue([push.channel, hook.channel]);
    first.outbox.enqueue(msg('password_off'));
    await until(() => hook.sent.length === 1 && push.state.tries >= 2);
    expect(first.outbox.states()).toEqual([
      { name: 'ntfy', waiting: 1, dropped: 0, lastDeliveredAt: undefined, failing: 'http_503' },
      { name: 'webhook', waiting: 0, dropped: 0, lastDeliveredAt: expect.any(Number), failing: undefined },
    ]);
    await first.outbox.stop();
    // The next start, on the same database: only what ntfy had not taken goes out, once.
    push.state.fail = undefined;
    const second = queue([push.channel, hook.channel], first.db);
    second.outbox.resume();
    await until(() => push.sent.length === 1);
    expect(push.sent[0]!.event).toBe('password_off');
    expect(hook.sent).toHaveLength(1);
    await until(() => second.outbox.states()[0]!.waiting === 0);
    await second.outbox.stop();
  });

  it('drops a message older than 24 hours, and counts it', async () => {
    const push = fakeChannel('ntfy');
    push.state.fail = new ChannelError('the server answered 502', 'http_502');
    const { outbox, clock } = queue([push.channel]);
    outbox.enqueue(msg('new_login'));
    await until(() => push.state.tries >= 1);
    clock.now += 24 * 3600 * 1000 + 1;
    await until(() => outbox.states()[0]!.dropped === 1);
    expect(outbox.states()[0]).toMatchObject({ waiting: 0, dropped: 1 });
    expect(push.sent).toHaveLength(0);
    await outbox.stop();
  });

  it('honours Retry-After over its own backoff', async () => {
    const hook = fakeChannel('webhook');
    hook.state.fail = new ChannelError('the server answered 429', 'http_429', 60_000);
    const { outbox } = queue([hook.channel]);
    outbox.enqueue(msg('new_login'));
    await until(() => hook.state.tries === 1);
    // With a 5 ms backoff it would have tried many times by now; the server said a minute.
    await new Promise((r) => setTimeout(r, 100));
    expect(hook.state.tries).toBe(1);
    await outbox.stop();
  });
});

test('what waited for a channel that is no longer set is given up at start, not kept forever', async () => {
  const push = fakeChannel('ntfy');
  push.state.fail = new ChannelError('no', 'http_500');
  const hook = fakeChannel('webhook');
  const first = queue([push.channel, hook.channel]);
  first.outbox.enqueue(msg('new_login'));
  await until(() => hook.sent.length === 1 && push.state.tries >= 1);
  await first.outbox.stop();
  const second = queue([hook.channel], first.db);
  second.outbox.resume();
  expect(createChannelOutboxStore(first.db).counts('ntfy')).toEqual({ waiting: 0, dropped: 1, lastDeliveredAt: undefined });
  await second.outbox.stop();
});

describe('a message refused for good', () => {
  it('a message the server refuses for good (413 too large) never holds the channel: the group is split, the one refused is dropped and counted, the newest still arrives', async () => {
    const hook = fakeChannel('webhook');
    let release = (): void => undefined;
    hook.state.hold = new Promise((r) => (release = r));
    const { outbox } = queue([hook.channel]);
    outbox.enqueue(msg('new_login', 'first'));
    // A huge one among those waiting: the server refuses it, and any group holding it, for good.
    const huge = msg('bot_connected', 'HUGE');
    const send = hook.channel.send.bind(hook.channel);
    hook.channel.send = async (m) => {
      if (m.text.includes('HUGE')) {
        hook.state.tries++;
        throw new ChannelError('the server answered 413', 'http_413', undefined, true);
      }
      return send(m);
    };
    outbox.enqueue(huge);
    outbox.enqueue(msg('session_change', 'LATEST THIEF'));
    hook.state.hold = undefined;
    release();
    await until(() => hook.sent.some((m) => m.title === 'LATEST THIEF'));
    expect(hook.sent.map((m) => m.title)).toEqual(['first', 'LATEST THIEF']);
    await until(() => outbox.states()[0]!.dropped === 1);
    expect(outbox.states()[0]).toMatchObject({ waiting: 0, dropped: 1 });
    await outbox.stop();
  });
});
