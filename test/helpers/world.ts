import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelsConfig, Config } from '../../src/core/config';
import type { ChannelTimings } from '../../src/app/start-channels';
import { BotApiEmulator, type CallRecord, type MessageView } from '../../sandbox/emulator/botapi';
import { MtprotoEmulator, type EmulatedSession, type MtprotoEmulatorOptions } from '../../sandbox/emulator/mtproto';
import { silentLogger, type Logger } from '../../src/core/log';
import { startApp, type RunningApp } from '../../src/app/start-app';

export const OWNER = { id: 5_123_456_789, first_name: 'Owner' };
export const STRANGER = { id: 7_000_000_001, first_name: 'Mallory' };

export interface WorldOptions {
  readonly sessions?: Array<Partial<EmulatedSession> & { hash: bigint }>;
  readonly mtproto?: MtprotoEmulatorOptions;
  readonly requestTimeoutMs?: number;
  readonly reconcileIntervalSeconds?: number;
  readonly probeIntervalMs?: number;
  /** The app's logger (default: silent); pass one to scan what the app logs. */
  readonly log?: Logger;
  /** Where the database lives (a small tmpfs, say); a fresh temporary folder by default. */
  readonly databaseDir?: string;
  readonly databaseCheckIntervalMs?: number;
  /** How long an MTProto outage lasts before the owner is told (default 60 s). */
  readonly outageNoticeAfterMs?: number;
  /** The owner's TOTP secret (OWNER_TOTP_SECRET); none by default, so the bot acts without codes as before. */
  readonly totpSecret?: string;
  /** The second factor's clock (TOTP steps, prompt expiry, lockouts), in ms; the real one by default. */
  readonly totpNow?: () => number;
  /** Email, ntfy, webhook and heartbeat settings, as .env would give them. */
  readonly channels?: ChannelsConfig;
  readonly channelTimings?: ChannelTimings;
}

/**
 * Both emulators on loopback and the real app started through its composition root, pointed at
 * them by configuration alone (BOT_API_ROOT, ACCOUNT_SESSION): the real gramjs and grammY stacks.
 */
export async function startWorld(options: WorldOptions = {}) {
  const mt = await MtprotoEmulator.start({
    self: { id: BigInt(OWNER.id), firstName: OWNER.first_name, username: 'owner' },
    ...options.mtproto,
  });
  for (const s of options.sessions ?? []) mt.addSession(s);
  const botApi = await BotApiEmulator.start();
  botApi.registerChat({ ...OWNER, type: 'private' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-e2e-'));
  const config: Config = {
    botToken: botApi.token,
    apiId: 12345,
    apiHash: '0123456789abcdef0123456789abcdef',
    accountSession: mt.sessionString(),
    ownerId: undefined, // the companion account's own id, as by default
    databasePath: path.join(options.databaseDir ?? dir, 'warden.sqlite'),
    botApiRoot: botApi.apiRoot,
    logLevel: 'silent',
    reconcileIntervalSeconds: options.reconcileIntervalSeconds ?? 30,
    ...(options.totpSecret ? { ownerTotpSecret: options.totpSecret } : {}),
    ...(options.channels ? { channels: options.channels } : {}),
  };
  const launch = (): Promise<RunningApp> =>
    startApp(config, {
      log: options.log ?? silentLogger,
      requestTimeoutMs: options.requestTimeoutMs ?? 8000,
      connectTimeoutMs: 8000,
      ...(options.probeIntervalMs ? { probeIntervalMs: options.probeIntervalMs } : {}),
      ...(options.databaseCheckIntervalMs ? { databaseCheckIntervalMs: options.databaseCheckIntervalMs } : {}),
      ...(options.outageNoticeAfterMs ? { outageNoticeAfterMs: options.outageNoticeAfterMs } : {}),
      ...(options.totpNow ? { secondFactorNow: options.totpNow } : {}),
      ...(options.channelTimings ? { channelTimings: options.channelTimings } : {}),
      // One copy per world: listening for another one would only slow every start.
      anotherCopyProbeMs: 0,
    });
  let running: RunningApp;
  try {
    running = await launch();
  } catch (err) {
    await Promise.allSettled([mt.stop(), botApi.stop()]);
    throw err;
  }

  const world = {
    mt,
    botApi,
    get app(): RunningApp {
      return running;
    },
    config,
    /** Stops the app and starts it again on the same database, like a pm2 restart. */
    async restart(between?: () => void | Promise<void>): Promise<void> {
      await running.stop();
      await between?.();
      running = await launch();
    },
    dir,
    /** The owner (or anyone) writes to the bot; resolves with the index to wait from. */
    say(text: string, from: { id: number; first_name: string } = OWNER): number {
      const mark = botApi.calls.length;
      botApi.injectMessage({ from, text });
      return mark;
    },
    press(data: string, messageId: number, from: { id: number; first_name: string } = OWNER): { mark: number; id: string } {
      const mark = botApi.calls.length;
      const { callbackQueryId } = botApi.injectCallback({ from, messageId, data, chatId: OWNER.id });
      return { mark, id: callbackQueryId };
    },
    /** The next successful call of `method` after `mark` (default: a message to the owner). */
    async next(mark: number, method = 'sendMessage', predicate: (c: CallRecord) => boolean = () => true, timeoutMs = 10_000): Promise<CallRecord> {
      return botApi.waitForCall(method, (c) => c.ok && predicate(c), { after: mark, timeoutMs });
    },
    /** Sends `text` as the owner and returns the text of the bot's answer. */
    async ask(text: string): Promise<string> {
      const call = await world.next(world.say(text));
      return String(call.params.text);
    },
    last(): MessageView {
      const m = botApi.lastMessage(OWNER.id);
      if (!m) throw new Error('the bot has sent the owner nothing');
      return m;
    },
    buttons(message: MessageView = world.last()): Array<{ text: string; data: string }> {
      return (message.reply_markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: String(b.callback_data) }));
    },
    auditRows(action?: string): Array<Record<string, unknown>> {
      const rows = running.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Array<Record<string, unknown>>;
      return action ? rows.filter((r) => r.action === action) : rows;
    },
    /** Calls the bot made that Telegram would have rejected, other than faults a test injected. */
    rejectedCalls(): CallRecord[] {
      return botApi.calls.filter((c) => !c.ok && c.status === 400);
    },
    async stop(): Promise<void> {
      await running.stop();
      await Promise.allSettled([mt.stop(), botApi.stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

export type World = Awaited<ReturnType<typeof startWorld>>;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
