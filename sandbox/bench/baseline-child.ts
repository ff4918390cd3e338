/**
 * The benchmark's baseline: the least a program must do to offer the same feature with the same
 * libraries. It loads grammy, telegram and better-sqlite3 (as the app does), opens a database,
 * connects a bare TelegramClient and calls getMe; then, by mode,
 *   rss       waits to be asked for its resident set size,
 *   alert     answers an updateNewAuthorization for one hash with a plain fetch sendMessage,
 *   sessions  answers a request with account.getAuthorizations plus one fetch sendMessage.
 * Run as a forked child: `node baseline-child.js <mode>`, settings in BENCH_* variables.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Bot } from 'grammy';
import { Api, TelegramClient } from 'telegram';
import { Raw } from 'telegram/events';
import { Logger, LogLevel } from 'telegram/extensions/Logger';
import { StringSession } from 'telegram/sessions';
import { sessionPort, socketDialingSessionPort } from '../../src/account/session-socket';
import { BASELINE_ENV, BASELINE_MARK, memoryReport, type BaselineMode, type FromChild, type ToChild } from './protocol';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function send(message: FromChild): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const mode = process.argv[2] as BaselineMode;
  const session = env(BASELINE_ENV.session);
  const apiRoot = env(BASELINE_ENV.apiRoot);
  const token = env(BASELINE_ENV.token);
  const chatId = Number(env(BASELINE_ENV.chatId));
  const started = performance.now();

  const db = new BetterSqlite3(env(BASELINE_ENV.dbPath));
  db.pragma('journal_mode = WAL');
  // Constructed, never started: the baseline carries grammY's weight without its polling.
  const bot = new Bot(token, { client: { apiRoot } });
  const client = new TelegramClient(new StringSession(session), 1, 'bench', {
    networkSocket: socketDialingSessionPort(sessionPort(session)),
    connectionRetries: 2,
    floodSleepThreshold: 0,
    baseLogger: new Logger(LogLevel.NONE),
  });
  await client.connect();
  // gramjs hands updates to handlers only after a first high-level call.
  await client.getMe();

  const sendMessage = async (text: string): Promise<void> => {
    const res = await fetch(`${apiRoot}/bot${token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: chatId, text, parse_mode: 'HTML' }),
    });
    await res.arrayBuffer();
  };

  if (mode === 'alert') {
    const watched = BigInt(env(BASELINE_ENV.watchHash));
    let n = 0;
    client.addEventHandler((update: unknown) => {
      if (!(update instanceof Api.UpdateNewAuthorization) || BigInt(update.hash.toString()) !== watched) return;
      const text = `🚨 <b>New login</b> (${BASELINE_MARK} ${++n})\n${update.device ?? '?'}, ${update.location ?? '?'}\n<code>${watched}</code>`;
      void sendMessage(text).catch((err: unknown) => send({ type: 'error', message: String(err) }));
    }, new Raw({}));
  }

  let stopping = false;
  process.on('message', (raw: ToChild) => {
    if (raw.type === 'rss') {
      send(memoryReport());
    } else if (raw.type === 'sessions') {
      void (async () => {
        const result = await client.invoke(new Api.account.GetAuthorizations());
        // About one page of the app's list, so both messages cost the server the same to parse.
        const lines = result.authorizations.slice(0, 8).map(
          (a) => `<b>${escape(a.deviceModel)}</b> · ${escape(a.appName)} ${escape(a.appVersion)}\n${escape(a.country)}, ${escape(a.region)} · ${a.ip}\n<code>${a.hash.toString()}</code>`,
        );
        await sendMessage(`${BASELINE_MARK} ${raw.tag}: ${result.authorizations.length} sessions\n\n${lines.join('\n\n')}`);
      })().catch((err: unknown) => send({ type: 'error', message: String(err) }));
    } else if (raw.type === 'stop' && !stopping) {
      stopping = true;
      void Promise.race([client.destroy(), new Promise((r) => setTimeout(r, raw.graceMs))]).finally(() => {
        db.close();
        void bot; // kept alive to here so its memory counts in rss
        process.exit(0);
      });
    }
  });
  send({ type: 'ready', startMs: performance.now() - started, uptimeMs: performance.now() });
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
