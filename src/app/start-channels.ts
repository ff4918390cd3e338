import type { ConnectionOptions } from 'node:tls';
import type { Channel } from '../channels/channel';
import { emailChannel } from '../channels/email';
import { failUrl, pingHeartbeat } from '../channels/heartbeat-ping';
import { ntfyChannel } from '../channels/ntfy';
import { webhookChannel } from '../channels/webhook';
import type { ChannelsConfig } from '../core/config';
import type { Logger } from '../core/log';
import { createChannelOutbox } from '../bot/delivery/channel-outbox';
import { groupedMessage, type OutOfBandContext } from '../bot/views/out-of-band';
import { createChannelOutboxStore } from '../db/channel-outbox';
import type { ResilientStore } from '../db/resilient-store';
import { startHeartbeat } from '../guard/heartbeat';

/** Timings tests shorten; the product runs with the defaults. */
export interface ChannelTimings {
  /** The shared retry policy's first and longest wait (ms). */
  readonly firstBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** A channel message older than this is dropped and counted (ms, default 24 h). */
  readonly maxAgeMs?: number;
  /** One HTTP or SMTP exchange may take this long (ms). */
  readonly requestTimeoutMs?: number;
  /** While the owner's chat refuses the bot, it is tried this often (ms, default a minute). */
  readonly blockedRetryMs?: number;
  /** How long the Bot API may fail before the other channels are told (ms, default a minute). */
  readonly unreachableAfterMs?: number;
  /** How often the heartbeat looks at the guard's state (ms). */
  readonly heartbeatCheckMs?: number;
  /** TLS options for SMTP on top of Node's (tests trust their own CA; the product uses NODE_EXTRA_CA_CERTS). */
  readonly smtpTls?: ConnectionOptions;
}

/** The configured channels, in the order /status lists them. */
export function channelsFrom(c: ChannelsConfig | undefined, t: ChannelTimings = {}): Channel[] {
  const timeout = t.requestTimeoutMs ? { timeoutMs: t.requestTimeoutMs } : {};
  return [
    ...(c?.email ? [emailChannel({ ...c.email, ...timeout, ...(t.smtpTls ? { tls: t.smtpTls } : {}) })] : []),
    ...(c?.ntfy ? [ntfyChannel({ ...c.ntfy, ...timeout })] : []),
    ...(c?.webhook ? [webhookChannel({ ...c.webhook, ...timeout })] : []),
  ];
}

/** The out-of-band outbox over the configured channels (none: it queues nothing). */
export function startChannelOutbox(c: ChannelsConfig | undefined, store: ResilientStore, log: Logger, context: () => OutOfBandContext, t: ChannelTimings = {}) {
  const channels = channelsFrom(c, t);
  const outbox = createChannelOutbox({
    channels,
    store: createChannelOutboxStore(store),
    log,
    group: (messages) => groupedMessage(messages, context().speech),
    ...(t.firstBackoffMs ? { firstBackoffMs: t.firstBackoffMs } : {}),
    ...(t.maxBackoffMs ? { maxBackoffMs: t.maxBackoffMs } : {}),
    ...(t.maxAgeMs ? { maxAgeMs: t.maxAgeMs } : {}),
  });
  outbox.resume();
  return {
    outbox,
    close(): void {
      for (const ch of channels) (ch as Partial<{ close(): void }>).close?.();
    },
  };
}

/** The heartbeat when HEARTBEAT_URL is set. */
export function startConfiguredHeartbeat(c: ChannelsConfig | undefined, canWatch: () => boolean, log: Logger, t: ChannelTimings = {}) {
  if (!c?.heartbeat) return undefined;
  const url = c.heartbeat.url;
  return startHeartbeat({
    url,
    failUrl: failUrl(url),
    intervalMs: c.heartbeat.intervalSeconds * 1000,
    ping: (u) => pingHeartbeat(u, t.requestTimeoutMs),
    canWatch,
    log: log.child({ part: 'heartbeat' }),
    ...(t.heartbeatCheckMs ? { checkEveryMs: t.heartbeatCheckMs } : {}),
  });
}
