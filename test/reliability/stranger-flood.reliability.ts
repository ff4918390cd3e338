import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { BotApiEmulator, type CallRecord } from '../../sandbox/emulator/botapi';
import { MtprotoEmulator } from '../../sandbox/emulator/mtproto';
import { OWNER } from '../helpers/world';
import { ChildApps, startChildWorld, type ChildWorld, secretApiHash, secretsOf, secretToken } from './helpers/child-app';

/**
 * 10,000 forged updates of every kind the bot can receive, from 1,000 user ids, against the BUILT app
 * as a child process (so its memory is measured alone): silence, no account call, bounded audit rows,
 * flat memory, and the owner is still served afterwards.
 */
const FORGED = 10_000;
const RSS_TOLERANCE = 60 * 1024 * 1024;
const PER_WINDOW = 20; // src/guard/denial-recorder.ts default
const WINDOW_MS = 60_000;

const apps = new ChildApps();
let mt: MtprotoEmulator;
let botApi: BotApiEmulator;
let dir: string;
let secrets: Record<string, string>;

let world: ChildWorld | undefined;

beforeAll(async () => {
  world = await startChildWorld('flood', undefined, [{ hash: 99n, deviceModel: 'Pixel 8' }]);
  ({ mt, botApi, dir } = world);
}, 120_000);

afterAll(async () => {
  await world?.stop(apps);
});

const stranger = (i: number) => ({ id: 6_000_000_000 + (i % 1000) * 7919, first_name: `Mallory${i % 1000}`, username: `m${i % 1000}` });

describe('reliability: a stranger flood', () => {
  it(`${FORGED} forged updates: no account call, nothing sent to anyone but the owner, bounded audit, flat memory`, async () => {
    const apiHash = secretApiHash();
    const session = mt.sessionString();
    secrets = secretsOf({ botToken: botApi.token, accountSession: session, apiHash });
    const dbPath = path.join(dir, 'w.sqlite');
    const app = apps.start({
      BOT_TOKEN: botApi.token,
      API_ID: '12345',
      API_HASH: apiHash,
      ACCOUNT_SESSION: session,
      BOT_API_ROOT: botApi.apiRoot,
      DATABASE_PATH: dbPath,
      LOG_LEVEL: 'debug',
      // The longest allowed: no periodic reconcile may muddy the count of account calls.
      RECONCILE_INTERVAL: '86400',
    });
    await app.waitForOutput('session-warden is running');

    const ask = async (text: string): Promise<CallRecord> => {
      const mark = botApi.calls.length;
      botApi.injectMessage({ from: OWNER, text });
      return botApi.waitForCall('sendMessage', (c) => c.ok && c.params.chat_id === OWNER.id, { after: mark, timeoutMs: 10_000 });
    };
    // The owner's live buttons: a pending /revokeall confirmation and the End buttons of /sessions.
    const confirm = await ask('/revokeall');
    const confirmId = (confirm.result as { message_id: number }).message_id;
    const raData = botApi.lastMessage(OWNER.id)!.reply_markup!.inline_keyboard.flat().map((b) => String(b.callback_data));
    const list = await ask('/sessions');
    const listId = (list.result as { message_id: number }).message_id;
    const ownerData = [...raData, ...botApi.lastMessage(OWNER.id)!.reply_markup!.inline_keyboard.flat().map((b) => String(b.callback_data))];
    expect(ownerData.some((d) => d.startsWith('ra:'))).toBe(true);
    expect(ownerData).toContain('se:99');

    const mtBefore = {
      getAuthorizations: mt.callsOf('account.getAuthorizations').length,
      resetAuthorization: mt.callsOf('account.resetAuthorization').length,
      resetAuthorizations: mt.callsOf('auth.resetAuthorizations').length,
    };
    // Let the child settle before the baseline measurement.
    await new Promise((r) => setTimeout(r, 500));
    const rssBefore = app.rssBytes();
    const mark = botApi.calls.length;
    const t0 = Date.now();

    const kinds: Array<(i: number) => void> = [
      (i) => botApi.injectMessage({ from: stranger(i), text: ['/start', '/sessions', '/revoke 99', '/revokeall', 'hi', '/log'][i % 6]! }),
      (i) => botApi.injectMessage({ from: stranger(i), chat: { id: -(4_000_000 + (i % 50)), type: 'group', title: 'g' }, text: '/sessions' }),
      (i) => botApi.injectMessage({ from: stranger(i), chat: { id: -(1_000_000_000_000 + (i % 50)), type: 'supergroup', title: 's' }, text: '/revokeall' }),
      (i) => botApi.injectMessage({ from: stranger(i), chat: { id: -(1_000_000_100_000 + (i % 50)), type: 'channel', title: 'c' }, text: '/revoke 99' }),
      // The owner's own id, but not in the owner's private chat: denied too.
      (i) => botApi.injectMessage({ from: OWNER, chat: { id: -(1_000_000_200_000 + (i % 50)), type: 'supergroup', title: 'trap' }, text: '/revoke 99' }),
      // A stranger whose update claims the owner's private chat.
      (i) => botApi.injectUpdate({ message: { message_id: 1_000_000 + i, date: Math.floor(Date.now() / 1000), chat: { id: OWNER.id, type: 'private', first_name: 'Owner' }, from: { ...stranger(i), is_bot: false }, text: '/revoke 99', entities: [{ type: 'bot_command', offset: 0, length: 7 }] } }),
      (i) => botApi.injectUpdate({ edited_message: { message_id: 2_000_000 + i, date: 1, edit_date: 2, chat: { id: stranger(i).id, type: 'private', first_name: 'M' }, from: { ...stranger(i), is_bot: false }, text: '/revoke 99', entities: [{ type: 'bot_command', offset: 0, length: 7 }] } }),
      (i) => botApi.injectUpdate({ edited_channel_post: { message_id: 3_000_000 + i, date: 1, edit_date: 2, chat: { id: -1_000_000_300_000, type: 'channel', title: 'c' }, sender_chat: { id: -1_000_000_300_000, type: 'channel', title: 'c' }, text: '/revokeall' } }),
      // The owner's real callback data, pressed by strangers on the owner's own messages.
      (i) => botApi.injectCallback({ from: stranger(i), chatId: OWNER.id, messageId: i % 2 ? confirmId : listId, data: ownerData[i % ownerData.length]!, requireButton: false }),
      // ...and as raw callback queries from the stranger's own chat, with data for the next step too.
      (i) => botApi.injectUpdate({ callback_query: { id: `forged${i}`, from: { ...stranger(i), is_bot: false }, chat_instance: '1', data: ['sc:x', 'ra:' + raData[0]!.slice(3), 'ee:99', 'ok:99', 'se:99'][i % 5], message: { message_id: 1, date: 1, chat: { id: stranger(i).id, type: 'private', first_name: 'M' }, text: 'x' } } }),
      (i) => botApi.injectUpdate({ inline_query: { id: `iq${i}`, from: { ...stranger(i), is_bot: false }, query: '/revoke 99', offset: '' } }),
      (i) => botApi.injectUpdate({ my_chat_member: { chat: { id: -(4_000_000 + (i % 50)), type: 'group', title: 'g' }, from: { ...stranger(i), is_bot: false }, date: 1, old_chat_member: { status: 'left', user: botApi.bot }, new_chat_member: { status: 'member', user: botApi.bot } } }),
    ];
    for (let i = 0; i < FORGED; i += 1) {
      kinds[i % kinds.length]!(i);
      if (i % 500 === 499) await new Promise((r) => setImmediate(r));
    }
    // The owner's own message after the flood proves every forged update was consumed first.
    const help = await ask('/help');
    expect(String(help.params.text)).toContain('/sessions');
    const floodMs = Date.now() - t0;
    await new Promise((r) => setTimeout(r, 500));
    const rssAfter = app.rssBytes();

    // Nothing went to anyone but the owner: no reply, no answered query, no leak.
    const toOthers = botApi.calls.slice(mark).filter((c) => c.method !== 'getUpdates' && c.params.chat_id !== OWNER.id);
    expect(toOthers.map((c) => `${c.method} ${JSON.stringify(c.params).slice(0, 120)}`)).toEqual([]);
    // Only the /help reply went out during the flood.
    expect(botApi.calls.slice(mark).filter((c) => c.method === 'sendMessage').map((c) => c.params.chat_id)).toEqual([OWNER.id]);
    // No account call at all: the reconcile timer is a day away, and strangers reach nothing.
    expect({
      getAuthorizations: mt.callsOf('account.getAuthorizations').length,
      resetAuthorization: mt.callsOf('account.resetAuthorization').length,
      resetAuthorizations: mt.callsOf('auth.resetAuthorizations').length,
    }).toEqual(mtBefore);
    expect(mt.sessions().map((s) => s.hash)).toEqual([99n]);

    // The owner is still served, and the pending confirmation was not used up by the forged presses.
    const after = await ask('/sessions');
    expect(String(after.params.text)).toMatch(/Active sessions: 2/);
    const press = botApi.calls.length;
    botApi.injectCallback({ from: OWNER, chatId: OWNER.id, messageId: confirmId, data: raData.find((d) => d.startsWith('rx:'))! });
    await botApi.waitForCall('editMessageText', (c) => c.ok && /Cancelled/.test(String(c.params.text)), { after: press, timeoutMs: 10_000 });

    // SIGTERM flushes the denial count of the open window.
    expect(await app.stop()).toBe(0);
    const db = new BetterSqlite3(dbPath, { readonly: true });
    const denied = db.prepare(`SELECT outcome, detail, created_at FROM audit_log WHERE action = 'denied' ORDER BY id`).all() as Array<{ outcome: string; detail: string }>;
    db.close();
    const windows = Math.ceil(floodMs / WINDOW_MS) + 1;
    const rows = denied.filter((r) => r.outcome === 'denied').length;
    const summaries = denied.filter((r) => r.outcome === 'suppressed');
    const counted = summaries.reduce((n, r) => n + Number(/^(\d+) more denied/.exec(r.detail)?.[1] ?? NaN), 0);

    const report = {
      floodMs,
      updatesPerSecond: Math.round(FORGED / (floodMs / 1000)),
      rssBeforeMB: +(rssBefore / 2 ** 20).toFixed(1),
      rssAfterMB: +(rssAfter / 2 ** 20).toFixed(1),
      deniedRows: rows,
      summaryRows: summaries.length,
      counted,
    };
    console.log(`stranger flood: ${JSON.stringify(report)}`);

    expect(rows).toBeLessThanOrEqual(PER_WINDOW * windows);
    expect(summaries.length).toBeLessThanOrEqual(windows);
    // Every forged update is accounted for: stored one by one or counted in a summary.
    expect(rows + counted).toBe(FORGED);
    expect(rssAfter - rssBefore).toBeLessThan(RSS_TOLERANCE);
    expect(floodMs).toBeLessThan(45_000);
  }, 120_000);

  it('the child printed none of its secrets, even at LOG_LEVEL=debug', () => {
    expect(apps.all.length).toBeGreaterThan(0);
    expect(apps.leaks(secrets)).toEqual([]);
  });
});
