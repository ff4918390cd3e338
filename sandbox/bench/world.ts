import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { BotApiEmulator } from '../emulator/botapi';
import { MtprotoEmulator, type EmulatedSession } from '../emulator/mtproto';
import { BASELINE_ENV } from './protocol';

export const OWNER = { id: 5_123_456_789, first_name: 'Owner' };

/**
 * When each request reached a Bot API emulator, to the microsecond and before its body is read.
 * The emulators' own call records carry whole milliseconds taken later, too coarse for a few-ms path.
 */
const arrivals = new Map<number, Array<{ t: number; method: string }>>();
const onRequestStart = (message: unknown): void => {
  const request = (message as { request?: IncomingMessage }).request;
  const port = request?.socket.localPort;
  if (request === undefined || port === undefined) return;
  const list = arrivals.get(port);
  if (list === undefined) return;
  list.push({ t: performance.now(), method: (request.url ?? '').split('/').pop() ?? '' });
};
diagnostics.subscribe('http.server.request.start', onRequestStart);

/** Lets the process exit: the subscription is the last thing this module holds. */
export function stopArrivalTracking(): void {
  diagnostics.unsubscribe('http.server.request.start', onRequestStart);
}

export interface WorldOptions {
  readonly sessions: ReadonlyArray<Partial<EmulatedSession> & { hash: bigint }>;
}

/** One MTProto emulator, one Bot API emulator and a scratch directory for the app's database. */
export class BenchWorld {
  private readonly arrivalLog: Array<{ t: number; method: string }> = [];
  private constructor(
    readonly mt: MtprotoEmulator,
    readonly botApi: BotApiEmulator,
    readonly dir: string,
  ) {
    arrivals.set(Number(new URL(botApi.apiRoot).port), this.arrivalLog);
  }

  static async start(options: WorldOptions): Promise<BenchWorld> {
    const mt = await MtprotoEmulator.start({
      self: { id: BigInt(OWNER.id), firstName: OWNER.first_name, username: 'owner' },
    });
    for (const s of options.sessions) mt.addSession(s);
    const botApi = await BotApiEmulator.start();
    botApi.registerChat({ ...OWNER, type: 'private' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-'));
    return new BenchWorld(mt, botApi, dir);
  }

  /**
   * The app's whole configuration, as a deployment would set it; the database file is fresh unless
   * reused. `overrides` changes single settings (RECONCILE_INTERVAL for the tail run, say).
   */
  appEnv(dbName = 'warden.sqlite', overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      ...baseEnv(),
      BOT_TOKEN: this.botApi.token,
      API_ID: '12345',
      API_HASH: '0123456789abcdef0123456789abcdef',
      ACCOUNT_SESSION: this.mt.sessionString(),
      OWNER_ID: '', // the companion account's own id, as by default
      DATABASE_PATH: path.join(this.dir, dbName),
      BOT_API_ROOT: this.botApi.apiRoot,
      LOG_LEVEL: 'info',
      RECONCILE_INTERVAL: '30',
      ...overrides,
    };
  }

  /** A second client of the same account, as the baseline uses. */
  async baselineEnv(watchHash?: bigint): Promise<NodeJS.ProcessEnv> {
    return {
      ...baseEnv(),
      [BASELINE_ENV.session]: await this.mt.issueAuthKey(),
      [BASELINE_ENV.apiRoot]: this.botApi.apiRoot,
      [BASELINE_ENV.token]: this.botApi.token,
      [BASELINE_ENV.chatId]: String(OWNER.id),
      [BASELINE_ENV.dbPath]: path.join(this.dir, `baseline-${Math.random().toString(36).slice(2)}.sqlite`),
      ...(watchHash !== undefined ? { [BASELINE_ENV.watchHash]: watchHash.toString() } : {}),
    };
  }

  /** First arrival of `method` at the Bot API emulator at or after `since` (performance.now()). */
  arrivalAfter(method: string, since: number): number | undefined {
    let found: number | undefined;
    for (let i = this.arrivalLog.length - 1; i >= 0 && this.arrivalLog[i]!.t >= since; i--) {
      if (this.arrivalLog[i]!.method === method) found = this.arrivalLog[i]!.t;
    }
    return found;
  }

  /** How many `method` requests arrived within [from, to]: more than one in a sample means it was not clean. */
  arrivalsBetween(method: string, from: number, to: number): number {
    return this.arrivalLog.filter((a) => a.method === method && a.t >= from && a.t <= to).length;
  }

  async stop(): Promise<void> {
    arrivals.delete(Number(new URL(this.botApi.apiRoot).port));
    await Promise.allSettled([this.mt.stop(), this.botApi.stop()]);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** PATH and the like, without any of the app's own variables a developer may have exported. */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(BOT_TOKEN|API_ID|API_HASH|ACCOUNT_SESSION|OWNER_ID|DATABASE_PATH|BOT_API_ROOT|LOG_LEVEL|RECONCILE_INTERVAL|BENCH_.*|NODE_OPTIONS)$/.test(k)) continue;
    env[k] = v;
  }
  return env;
}
