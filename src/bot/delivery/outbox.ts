// bot/delivery/ — getting what the owner must hear to the owner: the outbox and the notifiers.
import { GrammyError, type Api, type Transformer } from 'grammy';
import type { OutboxRow, OutboxStore } from '../../db/outbox';
import type { Logger } from '../../core/log';
import { createReachability } from '../api/bot-api-reachability';
import { BACKLOG_AFTER_MS, MADE_AT } from '../api/chat-rate-limit';
import { visibleText } from '../api/telegram-limits';
import { LIMITS } from '../text/limits';
import type { OwnerNotice } from '../views/owner-notice';
import type { BlockedReason } from '../views/out-of-band';
import { backoff, waitFor, worthLogging } from './retry-policy';

/** An owner notice with what the outbox needs to know beyond the text. */
export interface OutboxNotice extends OwnerNotice {
  /** The logins a new-login alert covers: marked alerted once it is delivered. */
  readonly hashes?: readonly bigint[];
}

export interface PostHooks {
  /** The Bot API accepted it: its message id and the text that went out (a revision may have come too late). */
  readonly onDelivered?: (messageId: number, sentText: string) => void;
  /** It can no longer be lost: its row is written, or it is delivered. */
  readonly onSafe?: () => void;
}

export interface Posted {
  readonly seq: number;
  /** Settles after the first try, whatever its outcome: the caller may coalesce until then, never longer. */
  readonly firstTry: Promise<void>;
}

/** A delivered new-login alert: its message in the owner's chat and the logins its lines show, in order. */
export interface DeliveredAlert {
  readonly messageId: number;
  readonly hashes: readonly bigint[];
}

export interface OutboxDeps {
  readonly api: Api;
  readonly ownerId: number;
  readonly store: OutboxStore;
  readonly log: Logger;
  /**
   * Called inside the write that records their delivery, whenever it commits: the new-login alerts
   * delivered, each with its message id and the logins it covers in line order.
   */
  readonly alerted: (delivered: readonly DeliveredAlert[]) => void;
  /**
   * Every notice, the moment it is queued (a keyed one only the first time): the one point where what
   * the owner must hear also leaves for the channels outside Telegram.
   */
  readonly outOfBand?: (n: OwnerNotice) => void;
  /** Telegram refused the owner's chat (the bot blocked, the user deactivated, the chat not found): once per spell. */
  readonly onBlocked?: (reason: BlockedReason, atMs: number) => void;
  /** The chat takes messages again; `waiting` messages are being delivered, newest first. */
  readonly onUnblocked?: (waiting: number) => void;
  /** While the chat refuses, it is tried at most this often (ms, default a minute). */
  readonly blockedRetryMs?: number;
  /** The Bot API has not taken a message for `unreachableAfterMs` (network failures, 5xx): once per spell. */
  readonly onUnreachable?: (sinceMs: number) => void;
  /** The Bot API took a message again after onUnreachable was told. */
  readonly onReachableAgain?: (sinceMs: number) => void;
  /** How long the Bot API may fail before onUnreachable (ms, default a minute). */
  readonly unreachableAfterMs?: number;
  /**
   * The first line of a message that joins `count` backlog notices, in the owner's language. Without
   * it the backlog is sent one message per notice.
   */
  readonly backlogHeader?: (count: number) => string;
}

/** What one try of a message (alone or in a joined backlog message) came to. */
type Outcome = { readonly ok: true } | { readonly ok: false; readonly err: unknown };

/** Between the notices of a joined backlog message. */
const BACKLOG_SEPARATOR = '\n\n┈┈┈┈┈┈┈┈\n';

/** Whether this Bot API error means the owner's chat refuses the bot, and how. */
export function blockedReason(err: unknown): BlockedReason | undefined {
  if (!(err instanceof GrammyError)) return undefined;
  if (err.error_code === 403) {
    if (/deactivated/i.test(err.description)) return 'deactivated';
    // "bot can't initiate conversation with a user": the owner never pressed Start in the bot's chat.
    if (/initiate conversation/i.test(err.description)) return 'not_started';
    return 'blocked';
  }
  if (err.error_code === 400 && /chat not found/i.test(err.description)) return 'chat_not_found';
  return undefined;
}

/** Whether an update came from the owner, other than the owner blocking the bot (my_chat_member "kicked"). */
function fromOwner(update: Record<string, unknown>, ownerId: number): boolean {
  return Object.entries(update).some(([kind, v]) => {
    const body = v as { from?: { id?: number }; new_chat_member?: { status?: string } } | null;
    if (typeof body !== 'object' || body?.from?.id !== ownerId) return false;
    return !(kind === 'my_chat_member' && body.new_chat_member?.status === 'kicked');
  });
}

interface Entry {
  readonly seq: number;
  /** When it was made (ms since the epoch); a previous run's rows get tiny values in their order, so they are backlog, newest first. */
  readonly madeAt: number;
  row: OutboxRow | undefined;
  kind: string;
  text: string;
  replyMarkup: string | null;
  readonly key: string | null;
  readonly hashes: readonly string[];
  readonly hooks: PostHooks;
  dirty: boolean;
  delivered: boolean;
  /** The message Telegram made of it, once delivered. */
  messageId: number | undefined;
  /** Its own sendMessage is in flight. */
  sending: boolean;
  /** It is part of a joined backlog message another entry is sending: that try's outcome is its own. */
  claim: Promise<Outcome> | undefined;
  /** The outcome of the last joined try it was part of, until its own loop has taken it. */
  joined: Outcome | undefined;
  settleFirstTry: () => void;
}

/**
 * The outbox: the only code that sends what the owner must be told, and the only place that retries.
 * Each message goes out at once from memory; its SQLite row is written right after (coalesced, in
 * one transaction), so the alert never waits on a disk write, and a row that cannot be written
 * stays in memory and is tried again. Each message retries on its own loop: Telegram's retry_after
 * is honoured whatever its length, other failures back off up to MAX_BACKOFF_MS, and nothing gives
 * up while the process runs. A stuck message never holds back a newer one (the per-chat rate limit
 * in the transformer stack is the only thing that orders them). Backlog (a message that has waited)
 * without buttons goes joined with the other waiting backlog, as much as fits in one message, so an
 * outage ends in a few messages rather than one a second; see attempt().
 *
 * Delivery is at least once: a crash after the Bot API accepted a message but before its row was
 * marked delivered sends it once more at the next start.
 */
export function createOutbox(d: OutboxDeps) {
  const log = d.log.child({ part: 'outbox' });
  const live = new Set<Entry>();
  const inFlight = new Set<Promise<void>>();
  let seq = 0;
  let stopped = false;
  let flushQueued = false;
  /** A flush the database refused waits in the store; only the newest (flushGen) writes anything. */
  let flushKept = false;
  let flushGen = 0;
  const api = createReachability(d.api);
  /** While the owner's chat refuses the bot: since when, and the messages waiting for it, each with its release. */
  let blocked: { readonly since: number; readonly waiters: Map<Entry, () => void> } | undefined;
  let probeTimer: NodeJS.Timeout | undefined;
  /** Since when the Bot API fails every try (network, 5xx), and whether the other channels were told. */
  let failingSince: number | undefined;
  let failingTold = false;
  /** The backlog message in flight (alone or joined), if any; settles when its try does. */
  let backlogSend: Promise<void> | undefined;

  function failed(err: unknown): void {
    const serverSide = !(err instanceof GrammyError) || err.error_code >= 500;
    if (!serverSide) return;
    const now = Date.now();
    failingSince ??= now;
    if (!failingTold && now - failingSince >= (d.unreachableAfterMs ?? 60_000)) {
      failingTold = true;
      log.error({ sinceMs: failingSince }, 'the Bot API has not taken a message for a minute; telling the other channels');
      d.onUnreachable?.(failingSince);
    }
  }

  function succeeded(): void {
    if (failingTold && failingSince !== undefined) d.onReachableAgain?.(failingSince);
    failingSince = undefined;
    failingTold = false;
  }

  function block(reason: BlockedReason): void {
    if (!blocked) {
      blocked = { since: Date.now(), waiters: new Map() };
      log.error({ reason }, 'Telegram refuses the owner\'s chat; telling the other channels, retrying the chat once a minute');
      d.onBlocked?.(reason, blocked.since);
    }
    // The probe (or the first refusal) failed: the next probe in a minute, never sooner.
    probeTimer ??= setTimeout(probe, d.blockedRetryMs ?? 60_000);
  }

  /** Lets the newest waiting message try once; the others wait for its answer. */
  function probe(): void {
    probeTimer = undefined;
    if (!blocked || stopped) return;
    const newest = [...blocked.waiters.keys()].sort((a, b) => b.seq - a.seq)[0];
    if (!newest) {
      probeTimer = setTimeout(probe, d.blockedRetryMs ?? 60_000);
      return;
    }
    const release = blocked.waiters.get(newest)!;
    blocked.waiters.delete(newest);
    release();
  }

  /** The chat takes messages again: everything that waited goes, newest first (the rate limit keeps the call order). */
  function unblock(): void {
    if (!blocked) return;
    const waiting = [...blocked.waiters.entries()].sort(([a], [b]) => b.seq - a.seq);
    blocked = undefined;
    clearTimeout(probeTimer);
    probeTimer = undefined;
    log.info({ waiting: waiting.length }, 'the owner\'s chat takes messages again');
    d.onUnblocked?.(waiting.length);
    for (const [, release] of waiting) release();
  }

  const untilUnblocked = (e: Entry): Promise<void> =>
    new Promise((resolve) => {
      if (!blocked) return resolve();
      blocked.waiters.set(e, resolve);
    });

  /** Whether a message may be joined with others: backlog, with no buttons and nothing that edits it later. */
  const joinable = (x: Entry, now: number): boolean =>
    d.backlogHeader !== undefined && !x.delivered && !x.replyMarkup && !x.hooks.onDelivered && x.hashes.length === 0 && now - x.madeAt > BACKLOG_AFTER_MS;

  /**
   * The backlog messages `e` takes along: the newest others waiting (none sending, none taken by
   * another) that fit with it under Telegram's limit, newest first. Empty when `e` goes alone.
   */
  function companions(e: Entry): Entry[] {
    const now = Date.now();
    if (!joinable(e, now)) return [];
    const others = [...live].filter((x) => x !== e && !x.sending && !x.claim && joinable(x, now)).sort((a, b) => b.madeAt - a.madeAt || b.seq - a.seq);
    const taken: Entry[] = [];
    for (const x of others) {
      if (visibleText(joined([e, ...taken, x]), 'HTML').length <= LIMITS.message) taken.push(x);
    }
    return taken;
  }

  /** One message holding `members` under a header that counts them, newest first. */
  function joined(members: readonly Entry[]): string {
    const newestFirst = [...members].sort((a, b) => b.madeAt - a.madeAt || b.seq - a.seq);
    return `${d.backlogHeader!(members.length)}\n\n${newestFirst.map((m) => m.text).join(BACKLOG_SEPARATOR)}`;
  }

  /**
   * One try: `e` alone, or (backlog) joined with the other waiting backlog messages that fit, so a
   * long outage ends in a few messages rather than one a second. Each joined row is acknowledged only
   * once the joined message is delivered; a failed try leaves each to retry on its own loop.
   */
  async function attempt(e: Entry): Promise<Outcome> {
    e.joined = undefined;
    // One backlog message in flight at a time: the others wait for it and then go together.
    while (backlogSend && joinable(e, Date.now())) {
      await backlogSend;
      if (e.delivered) return { ok: true };
      if (e.claim) return e.claim;
      if (e.joined) return e.joined;
    }
    const backlog = joinable(e, Date.now());
    let freeSlot = (): void => undefined;
    e.sending = true;
    if (backlog) {
      backlogSend = new Promise<void>((resolve) => (freeSlot = resolve));
      // The slot is taken; the rest of a batch that woke together (an unblock, a restart, the Bot API
      // back) arrives before the companions are chosen, and messages sent alone (a new alert with its
      // buttons) call first: the newest go first.
      await new Promise((r) => setImmediate(r));
    }
    const taken = companions(e);
    let settle: (o: Outcome) => void = () => undefined;
    const claim = new Promise<Outcome>((resolve) => (settle = resolve));
    for (const m of taken) m.claim = claim;
    const members = [e, ...taken];
    const text = taken.length > 0 ? joined(members) : e.text;
    let outcome: Outcome;
    try {
      const sent = await d.api.sendMessage(d.ownerId, text, {
        parse_mode: 'HTML',
        ...(e.replyMarkup && taken.length === 0 ? { reply_markup: JSON.parse(e.replyMarkup) as never } : {}),
        // Once it has waited, it is backlog for the rate limit: replies and new alerts go first.
        ...{ [MADE_AT]: Math.max(...members.map((m) => m.madeAt)) },
      });
      for (const m of members) {
        m.messageId = sent.message_id;
        m.delivered = true;
      }
      if (taken.length === 0) e.hooks.onDelivered?.(sent.message_id, text);
      outcome = { ok: true };
    } catch (err) {
      outcome = { ok: false, err };
    }
    e.sending = false;
    for (const m of members) m.settleFirstTry();
    // Each companion takes this outcome as its own try: on a failure it waits its own backoff.
    for (const m of taken) {
      m.claim = undefined;
      m.joined = outcome;
    }
    settle(outcome);
    if (backlog) {
      backlogSend = undefined;
      freeSlot();
    }
    if (outcome.ok) {
      api.reachable();
      // A retry got through: the owner unblocked the bot.
      if (blocked) unblock();
      succeeded();
      queueFlush();
    }
    return outcome;
  }

  async function deliver(e: Entry): Promise<void> {
    const retry = backoff();
    for (let tries = 1; !stopped; tries++) {
      if (e.delivered) return;
      if (blocked && !e.claim) {
        e.settleFirstTry();
        await untilUnblocked(e);
        if (stopped) return;
      }
      if (e.delivered) return;
      const outcome = await (e.claim ?? attempt(e));
      e.joined = undefined;
      if (outcome.ok) return;
      const err = outcome.err;
      const refused = blockedReason(err);
      if (refused) {
        block(refused);
        continue;
      }
      failed(err);
      const retryAfter = err instanceof GrammyError ? err.parameters.retry_after : undefined;
      const wait = waitFor(retryAfter !== undefined ? retryAfter * 1000 : undefined, retry);
      if (worthLogging(tries)) {
        (tries === 1 ? log.error : log.warn).call(log, { err, kind: e.kind, tries, waitMs: wait }, 'a message to the owner was not accepted yet; trying again');
      }
      // Telegram's retry_after is a promise about the chat: only other failures are cut short.
      if (retryAfter === undefined && !(err instanceof GrammyError)) await api.afterNetworkFailure(wait);
      else await api.wait(wait, retryAfter === undefined);
    }
  }

  function start(e: Entry): void {
    live.add(e);
    const run = deliver(e)
      .catch((err: unknown) => log.error({ err }, 'delivering a message to the owner failed'))
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  }

  function queueFlush(): void {
    if (flushQueued) return;
    flushQueued = true;
    // After the send has been handed to the network: bookkeeping waits, the alert does not.
    setImmediate(flush);
  }

  /**
   * Writes new rows, revisions and deliveries in one transaction through the store. When the database
   * refuses it, the store keeps it and replays it in order, behind the claims of the logins it marks
   * alerted. Each flush writes the entries as they are when it is called; a newer flush covers all an
   * older kept one would, so the older one does nothing (no row is inserted twice). Memory follows only
   * once the transaction is committed.
   */
  function flush(): void {
    flushQueued = false;
    const gen = ++flushGen;
    const snap = [...live].map((e) => ({ e, text: e.text, replyMarkup: e.replyMarkup, dirty: e.dirty, delivered: e.delivered, messageId: e.messageId }));
    const ids = new Map<Entry, number>();
    const ranNow = d.store.write(
      () => {
        if (gen !== flushGen) return;
        // Cleared: a replay may run this more than once before one run commits.
        ids.clear();
        const alerted: DeliveredAlert[] = [];
        for (const s of snap) {
          const { e } = s;
          if (!e.row && (!s.delivered || e.key)) {
            const id = d.store.insert({ kind: e.kind, text: s.text, replyMarkup: s.replyMarkup, key: e.key, hashes: e.hashes }, s.delivered);
            if (id !== undefined) ids.set(e, id);
          } else if (e.row && s.dirty) d.store.revise(e.row.id, s.text, s.replyMarkup);
          if (s.delivered) {
            if (e.row) d.store.markDelivered(e.row.id);
            if (e.hashes.length > 0 && s.messageId !== undefined) alerted.push({ messageId: s.messageId, hashes: e.hashes.map((h) => BigInt(h)) });
          }
        }
        // In the same transaction: a login is marked alerted (and audited) exactly when its row is.
        if (alerted.length > 0) d.alerted(alerted);
      },
      () => {
        if (gen !== flushGen) return;
        if (flushKept) log.info('the outbox is written again');
        flushKept = false;
        for (const [e, id] of ids) e.row = { id, kind: e.kind, text: e.text, replyMarkup: e.replyMarkup, key: e.key, hashes: e.hashes };
        for (const s of snap) {
          if (s.e.text === s.text && s.e.replyMarkup === s.replyMarkup) s.e.dirty = false;
          s.e.hooks.onSafe?.();
          if (s.delivered) live.delete(s.e);
        }
      },
    );
    if (!ranNow && !flushKept) {
      flushKept = true;
      log.error('the outbox could not be written; messages are kept in memory and sent anyway');
    }
  }

  /** Whether a notice with this key was queued or delivered already; on a storage failure, memory decides. */
  function told(key: string): boolean {
    for (const e of live) if (e.key === key) return true;
    try {
      return d.store.hasKey(key);
    } catch {
      return false;
    }
  }

  function entry(n: OutboxNotice, hooks: PostHooks, row?: OutboxRow): { e: Entry; firstTry: Promise<void> } {
    let settle = (): void => undefined;
    const firstTry = new Promise<void>((resolve) => (settle = resolve));
    const e: Entry = {
      seq: ++seq,
      // A previous run's rows count as made long ago (their sequence number): backlog behind anything this run says.
      madeAt: row ? seq : Date.now(),
      row,
      kind: n.kind,
      text: n.text,
      replyMarkup: n.keyboard ? JSON.stringify(n.keyboard) : (row?.replyMarkup ?? null),
      key: n.key ?? null,
      hashes: row?.hashes ?? (n.hashes ?? []).map((h) => h.toString(10)),
      hooks: { ...hooks, onSafe: once(hooks.onSafe) },
      dirty: false,
      delivered: false,
      messageId: undefined,
      sending: false,
      claim: undefined,
      joined: undefined,
      settleFirstTry: () => settle(),
    };
    return { e, firstTry };
  }

  /** Queues a message and sends it at once; see Posted. Never throws. */
  function post(n: OutboxNotice, hooks: PostHooks = {}): Posted | undefined {
    try {
      if (stopped || (n.key && told(n.key))) return undefined;
      const { e, firstTry } = entry(n, hooks);
      start(e);
      queueFlush();
      try {
        d.outOfBand?.(n);
      } catch (err) {
        log.error({ err, kind: n.kind }, 'could not queue a message for the other channels');
      }
      return { seq: e.seq, firstTry };
    } catch (err) {
      log.error({ err, kind: n.kind }, 'could not queue a message to the owner');
      return undefined;
    }
  }

  return {
    notify(n: OwnerNotice): void {
      post(n);
    },
    post,
    told,
    /** Replaces the text of a message not yet delivered (a login that ended meanwhile, details that arrived). */
    revise(s: number, text: string, keyboard: OwnerNotice['keyboard'] | null): void {
      for (const e of live) {
        if (e.seq !== s || e.delivered) continue;
        e.text = text;
        e.replyMarkup = keyboard ? JSON.stringify(keyboard) : null;
        e.dirty = true;
        queueFlush();
      }
    },
    /** Sends every row a previous run left undelivered, and forgets delivered rows past their keep time. */
    resume(): void {
      try {
        d.store.write(() => d.store.pruneDelivered());
        const rows = d.store.undelivered();
        if (rows.length > 0) log.info({ rows: rows.length }, 'sending messages left undelivered by the last run');
        for (const row of rows) start(entry({ kind: row.kind, text: row.text, ...(row.key ? { key: row.key } : {}) }, {}, row).e);
      } catch (err) {
        log.error({ err }, 'could not read the outbox; messages left by the last run are sent once it can be read');
      }
    },
    /** Installed on bot.api: any answer from the Bot API ends every network-failure wait at once. */
    reachability: api.transformer,
    /** Installed on bot.api: an update from the owner (a message, a press, an unblock) means the chat is open again. */
    ownerActivity: ((prev, method, payload, signal) =>
      prev(method, payload, signal).then((r) => {
        if (blocked && method === 'getUpdates' && r.ok && Array.isArray(r.result) && (r.result as unknown[]).some((u) => fromOwner(u as Record<string, unknown>, d.ownerId))) unblock();
        return r;
      })) as Transformer,
    /** Whether the owner's chat refuses the bot now, and since when (ms since epoch). */
    blockedSince: (): number | undefined => blocked?.since,
    /** Messages not yet accepted by the Bot API. */
    pending: (): number => [...live].filter((e) => !e.delivered).length,
    /** Resolves once nothing is in flight (for shutdown; retries keep it from resolving while failing). */
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.race(inFlight);
    },
    /** Stops retrying and writes what can be written; rows left undelivered go out at the next start. */
    stop(): void {
      stopped = true;
      clearTimeout(probeTimer);
      if (blocked) for (const release of blocked.waiters.values()) release();
      api.stop();
      flush();
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

function once(f: (() => void) | undefined): (() => void) | undefined {
  if (!f) return undefined;
  let called = false;
  return () => {
    if (called) return;
    called = true;
    f();
  };
}
