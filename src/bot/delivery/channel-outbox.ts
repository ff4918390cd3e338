import { ChannelError, type Channel, type ChannelName, type ChannelState, type OutOfBandMessage } from '../../channels/channel';
import type { ChannelOutboxStore } from '../../db/channel-outbox';
import type { Logger } from '../../core/log';
import { goesOutOfBand, outOfBandMessage, type OutOfBandContext } from '../views/out-of-band';
import type { OwnerNotice } from '../views/owner-notice';
import { backoff, FIRST_BACKOFF_MS, MAX_BACKOFF_MS, waitFor, worthLogging } from './retry-policy';

export type { ChannelState };

/** A message older than this is given up and counted (ms): by then it is history, not an alert. */
export const MAX_AGE_MS = 24 * 3600 * 1000;
/** At most this many waiting messages go out as one (a burst becomes a handful of messages). */
const MAX_GROUP = 20;

export interface ChannelOutboxDeps {
  readonly channels: readonly Channel[];
  readonly store: ChannelOutboxStore;
  readonly log: Logger;
  /** Builds the one message that stands for several waiting ones (a burst), in the owner's language. */
  readonly group: (messages: readonly OutOfBandMessage[]) => OutOfBandMessage;
  readonly now?: () => number;
  readonly maxAgeMs?: number;
  /** The shared retry policy's first and longest wait (ms); tests shorten them. */
  readonly firstBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

interface Item {
  id: number | undefined;
  readonly kind: string;
  readonly message: OutOfBandMessage;
  readonly createdAt: number;
}

interface Lane {
  readonly channel: Channel;
  readonly items: Item[];
  running: boolean;
  lastDeliveredAt: number | undefined;
  failing: string | undefined;
  /** A group was refused for good: send one message at a time until one gets through. */
  oneByOne: boolean;
}

/**
 * The out-of-band outbox: one durable queue per channel (the `channel_outbox` table), each with its own
 * loop, so a channel that fails or hangs never delays another, nor the chat. A message goes out the
 * moment it is queued (the chat's outbox queues it in the same call as its own send); whatever arrives
 * while a send is on the wire is grouped into the next one. Failures retry by the chat's policy
 * (retry-policy.ts), a server's Retry-After is honoured, and a message over `maxAgeMs` old is dropped
 * and counted. Delivery is at least once: rows left waiting by a stop go out at the next start.
 */
export function createChannelOutbox(d: ChannelOutboxDeps) {
  const log = d.log.child({ part: 'channels' });
  const now = d.now ?? Date.now;
  const maxAgeMs = d.maxAgeMs ?? MAX_AGE_MS;
  const lanes = new Map<ChannelName, Lane>(
    d.channels.map((channel) => [channel.name, { channel, items: [], running: false, lastDeliveredAt: undefined, failing: undefined, oneByOne: false }]),
  );
  const sleepers = new Set<() => void>();
  const runs = new Set<Promise<void>>();
  let stopped = false;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });

  /** Marks rows finished, through the resilient store (replayed in order if the disk refuses now). */
  function finish(items: readonly Item[], how: 'delivered' | 'dropped'): void {
    d.store.write(() => {
      for (const i of items) if (i.id !== undefined) (how === 'delivered' ? d.store.markDelivered : d.store.markDropped)(i.id);
    });
  }

  function dropOld(lane: Lane): void {
    const cutoff = now() - maxAgeMs;
    const old = lane.items.filter((i) => i.createdAt < cutoff);
    if (old.length === 0) return;
    lane.items.splice(0, lane.items.length, ...lane.items.filter((i) => i.createdAt >= cutoff));
    finish(old, 'dropped');
    log.error({ channel: lane.channel.name, dropped: old.length }, 'messages older than the age bound were given up');
  }

  async function pump(lane: Lane): Promise<void> {
    const retry = backoff(d.firstBackoffMs ?? FIRST_BACKOFF_MS, d.maxBackoffMs ?? MAX_BACKOFF_MS);
    for (let tries = 1; !stopped; ) {
      dropOld(lane);
      // After a group was refused for good, its messages go one at a time until one gets through.
      const batch = lane.items.slice(0, lane.oneByOne ? 1 : MAX_GROUP);
      if (batch.length === 0) return;
      try {
        await lane.channel.send(batch.length === 1 ? batch[0]!.message : d.group(batch.map((i) => i.message)));
        lane.items.splice(0, batch.length);
        lane.lastDeliveredAt = now();
        lane.failing = undefined;
        try {
          finish(batch, 'delivered');
        } catch (err) {
          // Stopped meanwhile (the database is closed): the rows stay waiting and go out once more at the next start.
          log.warn({ err }, 'could not mark an out-of-band message delivered');
        }
        retry.reset();
        tries = 1;
        lane.oneByOne = false;
      } catch (err) {
        if (err instanceof ChannelError && err.refusedForGood) {
          if (batch.length > 1) {
            lane.oneByOne = true;
            continue;
          }
          lane.items.splice(0, 1);
          finish(batch, 'dropped');
          log.error({ channel: lane.channel.name, why: err.code }, 'the server refused an out-of-band message for good; it was dropped');
          continue;
        }
        const wait = waitFor(err instanceof ChannelError ? err.retryAfterMs : undefined, retry);
        lane.failing = failureCode(err);
        if (worthLogging(tries)) {
          (tries === 1 ? log.error : log.warn).call(log, { channel: lane.channel.name, why: lane.failing, tries, waitMs: wait }, 'an out-of-band message was not accepted yet; trying again');
        }
        tries++;
        await sleep(wait);
      }
    }
  }

  function kick(lane: Lane): void {
    if (lane.running || stopped) return;
    lane.running = true;
    const run = pump(lane)
      .catch((err: unknown) => log.error({ err, channel: lane.channel.name }, 'the out-of-band queue failed'))
      .finally(() => {
        lane.running = false;
        runs.delete(run);
        if (lane.items.length > 0 && !stopped) kick(lane);
      });
    runs.add(run);
  }

  /** Queues `message` for the named channels (all by default) and starts sending at once. Never throws. */
  function enqueue(message: OutOfBandMessage, only?: readonly ChannelName[]): void {
    if (stopped) return;
    const targets = [...lanes.values()].filter((l) => !only || only.includes(l.channel.name));
    if (targets.length === 0) return;
    const createdAt = now();
    const body = JSON.stringify(message);
    const items = targets.map((lane) => {
      const item: Item = { id: undefined, kind: message.event, message, createdAt };
      lane.items.push(item);
      return { lane, item };
    });
    try {
      // Assigned inside the work: a replay after a refused write still gives each item its row.
      d.store.write(() => {
        for (const { lane, item } of items) item.id = d.store.insert(lane.channel.name, message.event, body, createdAt);
      });
    } catch (err) {
      log.error({ err }, 'could not write an out-of-band message; it is sent from memory');
    }
    for (const { lane } of items) kick(lane);
  }

  return {
    enqueue,
    /** The configured channels' names, in order. */
    names: (): ChannelName[] => [...lanes.keys()],
    /** Sends what a previous run left waiting, and forgets finished rows past their keep time. */
    resume(): void {
      try {
        d.store.write(() => {
          d.store.pruneFinished();
          const orphans = d.store.dropUnset([...lanes.keys()]);
          if (orphans > 0) log.warn({ dropped: orphans }, 'messages waiting for a channel that is no longer set were given up');
        });
        for (const lane of lanes.values()) {
          const rows = d.store.waiting(lane.channel.name);
          if (rows.length > 0) log.info({ channel: lane.channel.name, rows: rows.length }, 'sending out-of-band messages left by the last run');
          for (const r of rows) lane.items.push({ id: r.id, kind: r.kind, message: JSON.parse(r.body) as OutOfBandMessage, createdAt: r.createdAt });
          kick(lane);
        }
      } catch (err) {
        log.error({ err }, 'could not read the out-of-band queue; what the last run left is sent at a later start');
      }
    },
    /** Each channel: what waits, what was dropped, when it last delivered, and why it fails now. */
    states(): ChannelState[] {
      return [...lanes.values()].map((lane) => {
        let counts = { waiting: 0, dropped: 0, lastDeliveredAt: undefined as number | undefined };
        try {
          counts = d.store.counts(lane.channel.name);
        } catch {
          // The database is unreadable: memory still knows this run's part.
        }
        const last = Math.max(lane.lastDeliveredAt ?? 0, counts.lastDeliveredAt ?? 0);
        return { name: lane.channel.name, waiting: lane.items.length, dropped: counts.dropped, lastDeliveredAt: last > 0 ? last : undefined, failing: lane.failing };
      });
    },
    /**
     * Sends `message` straight through each named channel (all by default), bypassing the queue:
     * for /test and setup, which must say at once whether it arrived. Resolves with each outcome.
     */
    async test(message: OutOfBandMessage, only?: ChannelName): Promise<Array<{ name: ChannelName; error: string | undefined }>> {
      const targets = [...lanes.values()].filter((l) => !only || l.channel.name === only);
      return Promise.all(
        targets.map(async (lane) => {
          try {
            await lane.channel.send(message);
            lane.lastDeliveredAt = now();
            return { name: lane.channel.name, error: undefined };
          } catch (err) {
            return { name: lane.channel.name, error: failureCode(err) };
          }
        }),
      );
    },
    /** Messages not yet accepted, over all channels. */
    pending: (): number => [...lanes.values()].reduce((n, l) => n + l.items.length, 0),
    /** Stops every loop; what still waits is in the table and goes out at the next start. */
    async stop(): Promise<void> {
      stopped = true;
      for (const wake of [...sleepers]) wake();
      await Promise.all([...runs]);
    },
  };
}

export type ChannelOutbox = ReturnType<typeof createChannelOutbox>;

/** The failure's short technical name for the owner's screen (ChannelError.code), never a URL. */
function failureCode(err: unknown): string {
  return err instanceof ChannelError ? err.code : 'error';
}

/**
 * The one point where owner notices leave for the channels outside Telegram (the outbox calls it for
 * every notice it queues): every kind except the chat-only ones (CHAT_ONLY_KINDS), as plain text in
 * the owner's language at the time.
 */
export function fanOut(channels: Pick<ChannelOutbox, 'enqueue'>, context: () => OutOfBandContext): (n: OwnerNotice) => void {
  return (n) => {
    if (goesOutOfBand(n.kind)) channels.enqueue(outOfBandMessage(n, context()));
  };
}
