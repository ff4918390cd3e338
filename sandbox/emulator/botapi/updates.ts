/**
 * Update queue with the server's getUpdates contract: updates stay queued until
 * a later offset confirms them, only one long poll may be pending (a newer one
 * terminates the older with 409), and allowed_updates is sticky across calls.
 */
import { ApiError, Errors } from './errors';

export interface WireUpdate {
  update_id: number;
  [kind: string]: unknown;
}

// Types the server withholds unless explicitly requested.
const OPT_IN_TYPES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);
const MAX_LIMIT = 100;

export function updateType(update: WireUpdate): string | undefined {
  return Object.keys(update).find((k) => k !== 'update_id');
}

export interface PollRequest {
  offset?: number;
  limit?: number;
  timeoutSeconds?: number;
  allowedUpdates?: string[];
}

export interface PendingPoll {
  promise: Promise<WireUpdate[]>;
  /** The client went away; the poll stops waiting without consuming updates. */
  cancel(): void;
}

interface Waiter {
  limit: number;
  resolve(updates: WireUpdate[]): void;
  reject(error: ApiError): void;
  timer: NodeJS.Timeout;
}

export class UpdateQueue {
  private queue: WireUpdate[] = [];
  private nextId: number;
  private allowed: Set<string> | undefined;
  private waiter: Waiter | undefined;
  private flushScheduled = false;

  constructor(firstUpdateId: number) {
    this.nextId = firstUpdateId;
  }

  get pending(): readonly WireUpdate[] {
    return this.queue;
  }

  get allowedUpdates(): string[] | undefined {
    return this.allowed === undefined ? undefined : [...this.allowed];
  }

  get hasWaitingPoll(): boolean {
    return this.waiter !== undefined;
  }

  push(body: Record<string, unknown>): WireUpdate {
    const update: WireUpdate = { ...body, update_id: this.nextId++ };
    this.queue.push(update);
    this.scheduleFlush();
    return update;
  }

  drop(): void {
    this.queue = [];
  }

  poll(req: PollRequest): PendingPoll {
    this.confirm(req.offset);
    if (req.allowedUpdates !== undefined) {
      this.allowed = req.allowedUpdates.length === 0 ? undefined : new Set(req.allowedUpdates);
    }
    const previous = this.waiter;
    if (previous !== undefined) {
      this.waiter = undefined;
      clearTimeout(previous.timer);
      previous.reject(Errors.conflictGetUpdates());
    }
    const limit = Math.min(Math.max(req.limit ?? MAX_LIMIT, 1), MAX_LIMIT);
    const ready = this.take(limit);
    const timeoutMs = Math.max(0, req.timeoutSeconds ?? 0) * 1000;
    if (ready.length > 0 || timeoutMs === 0) return { promise: Promise.resolve(ready), cancel: () => undefined };

    let waiter: Waiter | undefined;
    const promise = new Promise<WireUpdate[]>((resolve, reject) => {
      waiter = {
        limit,
        resolve,
        reject,
        timer: setTimeout(() => this.finish(waiter, this.take(limit)), timeoutMs),
      };
    });
    this.waiter = waiter;
    return {
      promise,
      // Settling with an empty batch lets the caller log the abandoned call instead of leaking it.
      cancel: () => this.finish(waiter, []),
    };
  }

  /** Ends a pending poll with an empty batch so a stopping server leaves no hanging request. */
  release(): void {
    this.finish(this.waiter, []);
  }

  private finish(waiter: Waiter | undefined, updates: WireUpdate[]): void {
    if (waiter === undefined || this.waiter !== waiter) return;
    clearTimeout(waiter.timer);
    this.waiter = undefined;
    waiter.resolve(updates);
  }

  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset > 0) {
      this.queue = this.queue.filter((u) => u.update_id >= offset);
    } else {
      // A negative offset keeps only the last |offset| updates and forgets the rest.
      this.queue = this.queue.slice(offset);
    }
  }

  private isAllowed(update: WireUpdate): boolean {
    const type = updateType(update);
    if (type === undefined) return false;
    return this.allowed === undefined ? !OPT_IN_TYPES.has(type) : this.allowed.has(type);
  }

  private take(limit: number): WireUpdate[] {
    // Filtered types are discarded, as the server never generates them for this bot.
    this.queue = this.queue.filter((u) => this.isAllowed(u));
    return this.queue.slice(0, limit);
  }

  /** Deferred so that updates injected in one synchronous burst arrive in one batch. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const waiter = this.waiter;
      if (waiter === undefined) return;
      const ready = this.take(waiter.limit);
      if (ready.length > 0) this.finish(waiter, ready);
    });
  }
}
