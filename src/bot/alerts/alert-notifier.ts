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
export function createAlertNotifier(d: AlertNotifierDeps): WatchSink & { pending(): number; idle(): Promise<void> } {
  let queue: NewLogin[] = [];
  let sending: Promise<void> | undefined;

  const send = (m: OutgoingMessage) =>
    d.api.sendMessage(d.ownerId, m.text, { parse_mode: 'HTML', ...(m.keyboard ? { reply_markup: m.keyboard } : {}) });

  async function deliver(batch: NewLogin[]): Promise<void> {
    const context = await d.context();
    const messages = batch.length === 1 ? [alertMessage(batch[0]!, context)] : batchMessages(batch, context);
    const ids = d.audit.batch(() =>
      batch.map((l) => d.audit.begin({ actorId: null, action: 'alert_sent', targetHash: l.hash, detail: `found by ${l.via}${l.whileOffline ? ' at start' : ''}` })),
    );
    let outcome = 'ok';
    for (const m of messages) {
      try {
        await send(m);
      } catch (err) {
        outcome = err instanceof Error ? err.message.slice(0, 200) : 'SEND_FAILED';
        d.log.error({ err }, 'could not deliver a new-login alert');
      }
    }
    d.audit.batch(() => ids.forEach((id) => d.audit.finish(id, outcome)));
    if (outcome === 'ok') d.onDelivered?.(batch.map((l) => l.hash));
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
    baseline: (sessions: readonly Session[]): Promise<void> => notice(baselineMessage(sessions), 'baseline'),
    companionLost(code: string): void {
      void notice(companionLostMessage(code), 'companion-lost');
    },
    pending: () => queue.length,
    idle: async () => {
      while (sending) await sending;
    },
  };
}
