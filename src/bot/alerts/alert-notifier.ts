import type { Api } from 'grammy';
import type { AuditLog } from '../../db/audit-log';
import type { Session } from '../../domain/session';
import type { NewLogin, WatchSink } from '../../guard/login-watcher';
import type { Logger } from '../../log';
import { alertMessage, baselineMessage, batchMessages, companionLostMessage, type AlertContext, type OutgoingMessage } from '../format/alert';

export interface AlertNotifierDeps {
  readonly api: Api;
  readonly ownerId: number;
  readonly audit: AuditLog;
  readonly log: Logger;
  readonly context: () => Promise<AlertContext>;
  /** Called once the owner has the alert for these logins, so a crash before it is re-alerted at start. */
  readonly onDelivered?: (hashes: readonly bigint[]) => void;
}

/**
 * Tells the owner about new logins. One send runs at a time: the first login goes out at once, and
 * whatever arrives while it is on the wire is coalesced into the next message, so a burst of 200
 * logins becomes a handful of messages instead of 200 and never provokes a 429.
 */
export function createAlertNotifier(
  d: AlertNotifierDeps,
): WatchSink & { pending(): number; idle(): Promise<void>; forget(hash: bigint): void } {
  let queue: NewLogin[] = [];
  let sending: Promise<void> | undefined;
  /** Single alerts on screen, by hash, so the details that follow a push can be filled in. */
  const shown = new Map<string, { messageId: number; login: NewLogin }>();
  /** Hashes being sent right now, and details that arrived for them meanwhile. */
  const onTheWire = new Set<string>();
  const lateDetails = new Map<string, NewLogin>();
  const key = (l: NewLogin): string => l.hash.toString(10);

  const send = (m: OutgoingMessage) =>
    d.api.sendMessage(d.ownerId, m.text, { parse_mode: 'HTML', ...(m.keyboard ? { reply_markup: m.keyboard } : {}) });

  /** Redraws an alert with the full details (app, IP, 2FA state); the buttons stay as they were. */
  async function refresh(entry: { messageId: number; login: NewLogin }, login: NewLogin): Promise<void> {
    entry.login = login;
    const m = alertMessage(login, await d.context());
    await d.api
      .editMessageText(d.ownerId, entry.messageId, m.text, { parse_mode: 'HTML', ...(m.keyboard ? { reply_markup: m.keyboard } : {}) })
      .catch((err: unknown) => d.log.warn({ err }, 'could not add the details to an alert'));
  }

  function remember(login: NewLogin, messageId: number): void {
    shown.set(key(login), { messageId, login });
    // Only recent alerts get details; the map must not grow with every login ever seen.
    if (shown.size > 500) shown.delete(shown.keys().next().value as string);
  }

  async function deliver(batch: NewLogin[]): Promise<void> {
    const context = await d.context();
    const messages = batch.length === 1 ? [alertMessage(batch[0]!, context)] : batchMessages(batch, context);
    const ids = d.audit.batch(() =>
      batch.map((l) => d.audit.begin({ actorId: null, action: 'alert_sent', targetHash: l.hash, detail: `found by ${l.via}${l.whileOffline ? ' at start' : ''}` })),
    );
    let outcome = 'ok';
    batch.forEach((l) => onTheWire.add(key(l)));
    for (const m of messages) {
      try {
        const sent = await send(m);
        if (batch.length === 1) remember(batch[0]!, sent.message_id);
      } catch (err) {
        outcome = err instanceof Error ? err.message.slice(0, 200) : 'SEND_FAILED';
        d.log.error({ err }, 'could not deliver a new-login alert');
      }
    }
    d.audit.batch(() => ids.forEach((id) => d.audit.finish(id, outcome)));
    if (outcome === 'ok') d.onDelivered?.(batch.map((l) => l.hash));
    for (const l of batch) {
      onTheWire.delete(key(l));
      const late = lateDetails.get(key(l));
      lateDetails.delete(key(l));
      const entry = shown.get(key(l));
      if (late && entry) await refresh(entry, late);
    }
  }

  function drain(): void {
    sending ??= (async () => {
      while (queue.length > 0) {
        const batch = queue;
        queue = [];
        await deliver(batch);
      }
    })()
      .catch((err: unknown) => d.log.error({ err }, 'alert delivery failed'))
      .finally(() => {
        sending = undefined;
        if (queue.length > 0) drain();
      });
  }

  const notice = (text: string, what: string): Promise<void> =>
    send({ text }).then(
      () => undefined,
      (err: unknown) => d.log.error({ err }, `could not send the ${what} notice`),
    );

  return {
    newLogins(logins: readonly NewLogin[]): void {
      queue.push(...logins);
      drain();
    },
    details(logins: readonly NewLogin[]): void {
      for (const login of logins) {
        const queued = queue.findIndex((q) => key(q) === key(login));
        const entry = shown.get(key(login));
        if (queued >= 0) queue[queued] = login;
        else if (onTheWire.has(key(login))) lateDetails.set(key(login), login);
        else if (entry) void refresh(entry, login);
      }
    },
    baseline: (sessions: readonly Session[]): Promise<void> => notice(baselineMessage(sessions), 'baseline'),
    companionLost(code: string): void {
      void notice(companionLostMessage(code), 'companion-lost');
    },
    /** The owner acted on this alert: its message now shows the result, which details must not overwrite. */
    forget(hash: bigint): void {
      shown.delete(hash.toString(10));
      lateDetails.delete(hash.toString(10));
    },
    pending: () => queue.length,
    idle: async () => {
      while (sending) await sending;
    },
  };
}
