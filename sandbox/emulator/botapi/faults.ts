/**
 * Scripted failures and slowness, so retry/backoff code paths can be exercised
 * deterministically instead of waiting for the real server to misbehave.
 */
export type Fault =
  | { kind: 'flood'; retryAfter: number }
  | { kind: 'server'; status?: 500 | 502 }
  /** The connection is dropped without a response, as on a network failure. */
  | { kind: 'network' }
  /** Any other Bot API error, e.g. a self-hosted server that lacks a method (404 "Not Found"). */
  | { kind: 'error'; status: number; description: string };

/** '*' matches every method. */
export type MethodPattern = string;

export interface FloodLimits {
  /** Sends/edits allowed per chat within windowMs before answering 429. */
  perChat?: number;
  /** Sends/edits allowed across all chats within windowMs. */
  global?: number;
  windowMs?: number;
  /** retry_after to advertise; defaults to the time until the window frees up. */
  retryAfter?: number;
}

const RATE_LIMITED_METHODS = new Set(['sendmessage', 'editmessagetext', 'editmessagereplymarkup', 'answercallbackquery']);

export class FaultPlan {
  private readonly scripted: Array<{ method: string; fault: Fault; remaining: number }> = [];
  private readonly delays = new Map<string, number>();
  private limits: FloodLimits | undefined;
  private readonly perChatHits = new Map<number, number[]>();
  private globalHits: number[] = [];

  failNext(method: MethodPattern, fault: Fault, times = 1): void {
    if (times > 0) this.scripted.push({ method: method.toLowerCase(), fault, remaining: times });
  }

  /** Consumes the oldest scripted fault that applies to this method. */
  take(method: string): Fault | undefined {
    const key = method.toLowerCase();
    const idx = this.scripted.findIndex((s) => s.method === key || s.method === '*');
    const entry = this.scripted[idx];
    if (entry === undefined) return undefined;
    entry.remaining--;
    if (entry.remaining <= 0) this.scripted.splice(idx, 1);
    return entry.fault;
  }

  clear(): void {
    this.scripted.length = 0;
    this.delays.clear();
    this.limits = undefined;
  }

  setDelay(ms: number, method: MethodPattern = '*'): void {
    const key = method.toLowerCase();
    if (ms <= 0) this.delays.delete(key);
    else this.delays.set(key, ms);
  }

  delayFor(method: string): number {
    return this.delays.get(method.toLowerCase()) ?? this.delays.get('*') ?? 0;
  }

  setFloodLimits(limits: FloodLimits | undefined): void {
    this.limits = limits;
    this.perChatHits.clear();
    this.globalHits = [];
  }

  /** Returns retry_after seconds when the call exceeds the configured rate, recording it otherwise. */
  rateLimit(method: string, chatId: number | undefined, now = Date.now()): number | undefined {
    const limits = this.limits;
    if (limits === undefined || !RATE_LIMITED_METHODS.has(method.toLowerCase())) return undefined;
    const windowMs = limits.windowMs ?? 1000;
    const since = now - windowMs;
    this.globalHits = this.globalHits.filter((t) => t > since);
    const chatHits = chatId === undefined ? [] : (this.perChatHits.get(chatId) ?? []).filter((t) => t > since);
    const over = (hits: number[], max: number | undefined): number | undefined =>
      max !== undefined && hits.length >= max ? (hits[hits.length - max] ?? now) + windowMs - now : undefined;
    const waitMs = over(chatHits, limits.perChat) ?? over(this.globalHits, limits.global);
    if (waitMs !== undefined) return limits.retryAfter ?? Math.max(1, Math.ceil(waitMs / 1000));
    this.globalHits.push(now);
    if (chatId !== undefined) {
      chatHits.push(now);
      this.perChatHits.set(chatId, chatHits);
    }
    return undefined;
  }
}
