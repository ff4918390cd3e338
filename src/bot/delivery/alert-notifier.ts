import type { Api } from 'grammy';
import type { AuditLog } from '../../db/audit-log';
import type { KnownSessions } from '../../db/known-sessions';
import type { Session } from '../../domain/session';
import type { NewLogin } from '../../domain/new-login';
import type { Logger } from '../../core/log';
import { alertMessage, baselineMessage, batchMessages, companionLostMessage, type AlertContext, type OutgoingMessage } from '../views/alert';
import type { DeliveredAlert, Outbox } from './outbox';
import type { AlertLines } from '../../db/alert-lines';
import type { Speech } from '../text/i18n';

export interface AlertNotifierDeps {
  /** For edits only (details filled in later); every new message goes through the outbox. */
  readonly api: Api;
  readonly outbox: Outbox;
  readonly ownerId: number;
  readonly log: Logger;
  readonly context: () => Promise<AlertContext>;
  /** The language for notices that need no account call (the remembered one: they come outside an update). */
  readonly speech: () => Speech;
  /** Whether OWNER_TOTP_SECRET is set; without one the first-start summary warns (default: set). */
  readonly secondFactor?: boolean;
  /** Where each delivered alert's lines are remembered the moment it is delivered, for its buttons. */
  readonly lines?: Pick<AlertLines, 'remember'>;
}

/** One single-login alert: queued in the outbox until `messageId` is known, then on the owner's screen. */
interface Shown {
  login: NewLogin;
  readonly seq: number;
  messageId: number | undefined;
  sentText: string | undefined;
}

/**
 * Tells the owner about new logins, through the outbox. The first login goes out at once; whatever
 * arrives before that message's first try has settled is coalesced into the next message, so a burst
 * of 200 logins becomes a handful of messages and never provokes a 429. Only the first try is waited
 * for: a message still failing never holds back the next (the outbox retries it on its own).
 */
export function createAlertNotifier(d: AlertNotifierDeps) {
  let queue: NewLogin[] = [];
  let sending: Promise<void> | undefined;
  /** Recent single alerts by hash, so the details that follow a push, or its end, can be shown. */
  const shown = new Map<string, Shown>();
  const key = (l: NewLogin | bigint): string => (typeof l === 'bigint' ? l : l.hash).toString(10);

  const markup = (m: OutgoingMessage) => ({ parse_mode: 'HTML' as const, ...(m.keyboard ? { reply_markup: m.keyboard } : {}) });

  /** Shows `login` as it is now: revises the queued message, or edits the delivered one (buttons kept). */
  async function redraw(entry: Shown, login: NewLogin): Promise<void> {
    entry.login = login;
    const m = alertMessage(login, await d.context());
    if (entry.messageId === undefined) return d.outbox.revise(entry.seq, m.text, m.keyboard ?? null);
    if (entry.sentText === m.text) return;
    entry.sentText = m.text;
    await d.api
      .editMessageText(d.ownerId, entry.messageId, m.text, markup(m))
      .catch((err: unknown) => d.log.warn({ err }, 'could not add the details to an alert'));
  }

  function remember(login: NewLogin, seq: number): Shown {
    const entry: Shown = { login, seq, messageId: undefined, sentText: undefined };
    shown.set(key(login), entry);
    // Only recent alerts get details; the map must not grow with every login ever seen.
    if (shown.size > 500) shown.delete(shown.keys().next().value as string);
    return entry;
  }

  async function deliver(batch: NewLogin[]): Promise<void> {
    const context = await d.context();
    const messages = batch.length === 1 ? [alertMessage(batch[0]!, context)] : batchMessages(batch, context);
    const tries = messages.map((m, i) => {
      let entry: Shown | undefined;
      const posted = d.outbox.post(
        { kind: 'new_login', text: m.text, ...(m.keyboard ? { keyboard: m.keyboard } : {}), hashes: m.covers ?? [] },
        {
          onDelivered: (messageId, sentText) => {
            // In memory at once: the durable record waits for the outbox's write, which a failing disk keeps back.
            if (m.covers) d.lines?.remember(messageId, m.covers);
            if (!entry) return;
            entry.messageId = messageId;
            entry.sentText = sentText;
            // Details or an end that arrived while it was on the wire.
            if (entry.login !== batch[0]) void redraw(entry, entry.login);
          },
        },
      );
      if (posted && batch.length === 1) entry = remember(batch[0]!, posted.seq);
      return posted?.firstTry;
    });
    await Promise.all(tries);
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

  /** Logins in the coalescing queue, or on screen, take this change. */
  function update(hash: bigint, change: (l: NewLogin) => NewLogin): void {
    const queued = queue.findIndex((q) => key(q) === key(hash));
    if (queued >= 0) queue[queued] = change(queue[queued]!);
    const entry = shown.get(key(hash));
    if (entry) void redraw(entry, change(entry.login));
  }

  return {
    newLogins(logins: readonly NewLogin[]): void {
      queue.push(...logins);
      drain();
    },
    details(logins: readonly NewLogin[]): void {
      for (const login of logins) update(login.hash, (old) => ({ ...login, ...(old.endedBeforeAlert ? { endedBeforeAlert: true } : {}) }));
    },
    ended(hashes: readonly bigint[]): void {
      for (const hash of hashes) {
        const entry = shown.get(key(hash));
        // Only an alert the owner has not seen yet changes: one on screen already told them.
        if (entry && entry.messageId !== undefined) continue;
        update(hash, (l) => ({ ...l, endedBeforeAlert: true }));
      }
    },
    baseline: async (sessions: readonly Session[]): Promise<void> => {
      await d.outbox.post({ kind: 'baseline', text: baselineMessage(sessions, d.speech(), d.secondFactor ?? true), key: 'baseline' })?.firstTry;
    },
    companionLost(code: string): void {
      d.outbox.notify({ kind: 'companion_lost', text: companionLostMessage(code, d.speech()) });
    },
    /** The owner acted on this alert: its message now shows the result, which details must not overwrite. */
    forget(hash: bigint): void {
      shown.delete(hash.toString(10));
    },
    pending: () => queue.length + d.outbox.pending(),
    idle: async () => {
      while (sending) await sending;
    },
  };
}

/**
 * What the outbox calls when alerts are delivered, by this run or from rows a crashed run left:
 * records which logins each message shows (the alert's state, for its buttons), marks the logins
 * alerted and writes one `alert_sent` audit row for each, exactly once.
 */
export function alertsDelivered(known: KnownSessions, audit: AuditLog, lines: AlertLines): (delivered: readonly DeliveredAlert[]) => void {
  return (delivered) => {
    for (const m of delivered) lines.record(m.messageId, m.hashes);
    known.markAlerted(delivered.flatMap((m) => m.hashes), (fresh) =>
      fresh.forEach((l) => audit.record({ actorId: null, action: 'alert_sent', targetHash: l.hash, detail: `found by ${l.via}` }, 'ok')),
    );
  };
}
