import { trustDevice } from '../helpers/trust';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { TOTP } from 'otpauth';
import { createSettings } from '../../src/db/settings';
import { createTrustedDevices } from '../../src/db/trusted-devices';
import { CODE_GUARD_SETTING } from '../../src/guard/doors/code-watcher';
import { GUARD_SETTING } from '../../src/guard/doors/login-watcher';
import { anyWeakeningWindowOpen } from '../../src/guard/doors/weakening-windows';
import { startHttpSink, type HttpSink } from '../helpers/channel-servers';
import { OWNER, sleep, startWorld, type World, type WorldOptions } from '../helpers/world';

/**
 * Every report states what is true (issue 24, item 1). Every message in locales/en.ftl that claims a
 * success with ✅, and the other success claims listed below, is produced here by the real app
 * against both emulators, and each claim is checked against the state it names afterwards: the
 * emulators' account, the settings, the trusted list. A new ✅ message fails the coverage test until
 * a scenario produces it and a check reads its state.
 */
jest.setTimeout(60_000);

const EN = fs.readFileSync(path.join(__dirname, '../../locales/en.ftl'), 'utf8');
const valueOf = (key: string): string => {
  const m = new RegExp(`^${key} = (.*)$`, 'm').exec(EN);
  if (!m) throw new Error(`no message ${key} in en.ftl`);
  return m[1]!;
};
const CHECKMARK_KEYS = [...EN.matchAll(/^([\w-]+) = ✅/gm)].map((m) => m[1]!);
/** Success claims worded without a ✅; each is checked like one. */
const OTHER_CLAIMS = ['codeguard-on', 'guard-on', 'trust-added', 'revokeall-done', 'expect-closed'];
/**
 * The product files that put a ✅ before a message themselves, and the messages each one marks so.
 * A file not listed here that writes ✅ fails the test below (the audit log's ✅ marks what the log
 * row says, read from the database, so it claims nothing of its own).
 */
const CODE_CHECKMARKS: Record<string, readonly string[]> = {
  'src/bot/views/alert.ts': ['alert-confirmed', 'alert-marked-yours', 'revoke-ended', 'alert-session-gone', 'alert-session-gone-short', 'alert-declined-trust', 'alert-device-trusted'],
  'src/bot/features/change-actions.ts': ['change-accepted', 'revoke-ended'],
  'src/bot/features/audit-log.ts': [],
};
const CLAIM_KEYS = [...new Set([...CHECKMARK_KEYS, ...OTHER_CLAIMS, ...Object.values(CODE_CHECKMARKS).flat()])];

/** Product files (src/, not the terminal wizard's own lines) that write a ✅ outside the locales. */
function filesWithCheckmarks(dir = path.join(__dirname, '../../src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'setup' ? [] : filesWithCheckmarks(full);
    return e.name.endsWith('.ts') && fs.readFileSync(full, 'utf8').includes('✅') ? [path.relative(path.join(__dirname, '../..'), full)] : [];
  });
}

const plain = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
/**
 * A pattern for a message's first line as shown in a report: its fixed words, each simple placeable
 * standing for any text, up to the first select expression (plural forms).
 */
const patternOf = (key: string): RegExp => {
  const first = plain(valueOf(key)).replace(/\{ \$\w+ \}/g, '\u0000');
  const words = first.split('{')[0]!.trimEnd();
  return new RegExp(words.split('\u0000').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?'));
};

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const totp = new TOTP({ secret: SECRET });
const nowS = (): number => Math.floor(Date.now() / 1000);

interface Ctx {
  readonly w: World;
  readonly web: HttpSink;
  /** The report lines (plain text, one per line) that hold `key`'s words, in the chat and on the webhook. */
  readonly lines: (key: string) => string[];
  /** The same, in the chat only. */
  readonly chatLines: (key: string) => string[];
}

/** What each claim says, read against the state it names. */
const CHECKS: Record<string, (c: Ctx) => void | Promise<void>> = {
  'status-connected': async ({ w }) => {
    expect(w.mt.connectedClients).toBeGreaterThan(0);
    await expect(w.app.account.getSessionTtlDays()).resolves.toEqual(expect.any(Number));
  },
  'code-invalidated': ({ w, chatLines }) => expect(w.mt.invalidatedCodes).toHaveLength(chatLines('code-invalidated').length),
  'door-reset-declined': ({ w }) => expect(w.mt.passwordDetails.pendingResetDate).toBeUndefined(),
  'door-bot-disconnected': ({ w }) => {
    const asked = w.mt.callsOf('account.updateConnectedBot').map((c) => String(c.args.bot));
    expect(asked.length).toBeGreaterThan(0);
    expect(w.mt.connectedBots()).toEqual([]);
  },
  'panic-ended-sessions': ({ w }) => expect(w.mt.sessions()).toEqual([]),
  'panic-ended-web': ({ w }) => expect(w.mt.webSessions()).toEqual([]),
  'panic-guard-on': (c) => {
    expect(createSettings(c.w.app.db).flag(GUARD_SETTING)).toBe(true);
    for (const line of c.lines('panic-guard-on')) expect(Number(/Your (\d+)/.exec(line)![1])).toBe(createTrustedDevices(c.w.app.db).list().length);
    companionMayEndSessions(c);
  },
  'panic-guard-on-untrusted': (c) => {
    expect(createSettings(c.w.app.db).flag(GUARD_SETTING)).toBe(true);
    expect(createTrustedDevices(c.w.app.db).list()).toEqual([]);
    companionMayEndSessions(c);
  },
  'panic-no-reset': ({ w }) => expect(w.mt.passwordDetails.pendingResetDate).toBeUndefined(),
  'panic-no-bots': ({ w }) => expect(w.mt.connectedBots()).toEqual([]),
  'panic-bots-disconnected': ({ w }) => expect(w.mt.connectedBots()).toEqual([]),
  'panic-ttl-done': ({ w }) => expect(w.mt.authorizationTtlDays).toBe(7),
  'panic-codeguard-on': (c) => codesAreInvalidated(c),
  'checkup-2fa-on': async ({ w }) => expect((await w.app.account.getPassword()).hasPassword).toBe(true),
  'checkup-recovery-set': ({ w }) => expect(w.mt.passwordDetails.hasRecovery).toBe(true),
  'checkup-no-reset': ({ w }) => expect(w.mt.passwordDetails.pendingResetDate).toBeUndefined(),
  'checkup-sessions-clean': ({ w, lines }) => {
    for (const line of lines('checkup-sessions-clean')) expect(Number(/(\d+)/.exec(line)![1])).toBe(w.mt.sessions().length);
    expect(w.mt.sessions().filter((s) => s.unconfirmed || s.passwordPending)).toEqual([]);
  },
  'checkup-no-web': ({ w }) => expect(w.mt.webSessions()).toEqual([]),
  'checkup-no-bots': ({ w }) => expect(w.mt.connectedBots()).toEqual([]),
  'checkup-ttl': ({ w, lines }) => {
    for (const line of lines('checkup-ttl')) expect(Number(/(\d+) days/.exec(line)![1])).toBe(w.mt.authorizationTtlDays);
  },
  'checkup-guard-on': ({ w }) => expect(createSettings(w.app.db).flag(GUARD_SETTING)).toBe(true),
  'checkup-codeguard-on': (c) => codesAreInvalidated(c),
  'codeguard-on': (c) => codesAreInvalidated(c),
  'checkup-moved-none': ({ w }) => {
    const since = nowS() - 30 * 86_400;
    expect(w.app.db.prepare(`SELECT COUNT(*) AS n FROM session_change WHERE found_at >= ?`).get(since)).toEqual({ n: 0 });
  },
  'checkup-channels': ({ w, lines }) => {
    for (const line of lines('checkup-channels')) expect(line).toContain('webhook');
    expect(w.config.channels?.webhook).toBeDefined();
  },
  'test-sent': ({ web, lines }) => expect(web.to('/hook').filter((r) => /test/i.test(r.body)).length).toBeGreaterThanOrEqual(lines('test-sent').length),
  'expect-closed': ({ w }) => expect(anyWeakeningWindowOpen(createSettings(w.app.db), Date.now())).toBe(false),
  'guard-on': (c) => {
    expect(createSettings(c.w.app.db).flag(GUARD_SETTING)).toBe(true);
    companionMayEndSessions(c);
  },
  'trust-added': ({ w, lines }) => {
    const models = createTrustedDevices(w.app.db).list().map((d) => d.deviceModel);
    for (const line of lines('trust-added')) expect(models.some((m) => line.includes(m))).toBe(true);
  },
  'revokeall-done': ({ w }) => expect(w.mt.sessions()).toEqual([]),
  'code-prompt-accepted': ({ w }) => expect(w.auditRows('second_factor').map((r) => r.outcome)).toContain('accepted'),
  'storage-up': ({ w, lines }) => {
    // Every entry the report says was kept is in the file, read by another connection.
    const file = new Database(w.config.databasePath, { readonly: true });
    try {
      const kept = file.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'codeguard_on'`).get() as { n: number };
      expect(kept.n).toBe(1);
      expect(file.prepare(`SELECT value FROM setting WHERE key = ?`).get(CODE_GUARD_SETTING)).toEqual({ value: 'on' });
      for (const line of lines('storage-up')) expect(Number(/: (\d+) /.exec(line)![1])).toBeGreaterThan(0);
    } finally {
      file.close();
    }
  },
  'database-back': ({ w }) => {
    // The file at the path is the one the app writes to: a row written now is read from the path.
    w.app.db.prepare(`INSERT INTO setting (key, value) VALUES ('claims_probe', 'x') ON CONFLICT (key) DO UPDATE SET value = 'x'`).run();
    const file = new Database(w.config.databasePath, { readonly: true });
    try {
      expect(file.prepare(`SELECT value FROM setting WHERE key = 'claims_probe'`).get()).toEqual({ value: 'x' });
    } finally {
      file.close();
    }
  },
  'oob-bot-unblocked-title': ({ w }) => {
    const last = w.botApi.calls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === OWNER.id).at(-1);
    expect(last?.ok).toBe(true);
  },
  'oob-bot-reachable-title': ({ w }) => {
    const last = w.botApi.calls.filter((c) => c.method !== 'getUpdates').at(-1);
    expect(last?.ok).toBe(true);
  },
  'alert-confirmed': ({ w }) => {
    const confirmed = w.mt.callsOf('account.changeAuthorizationSettings').map((c) => c.args.hash);
    expect(confirmed.length).toBeGreaterThan(0);
    for (const hash of confirmed) expect(w.mt.sessions().find((x) => x.hash === hash)?.unconfirmed).toBeFalsy();
  },
  'alert-marked-yours': ({ w }) => expect(w.auditRows('confirm').some((r) => r.outcome === 'ok')).toBe(true),
  'revoke-ended': ({ w, lines }) => {
    for (const line of lines('revoke-ended')) expect(w.mt.sessions().filter((x) => line.includes(x.deviceModel))).toEqual([]);
  },
  'alert-session-gone': ({ w }) => expect(w.mt.sessions().map((x) => x.hash)).not.toContain(GONE),
  'alert-session-gone-short': ({ w }) => expect(w.mt.sessions().map((x) => x.hash)).not.toContain(GONE),
  'alert-declined-trust': ({ w }) => expect(createTrustedDevices(w.app.db).list().map((d) => d.deviceModel)).not.toContain('Work Laptop'),
  'alert-device-trusted': ({ w }) => expect(createTrustedDevices(w.app.db).list().map((d) => d.deviceModel)).toContain('My Laptop'),
  'change-accepted': ({ w }) => {
    const rows = w.app.db.prepare('SELECT accepted_at FROM session_change').all() as Array<{ accepted_at: string | null }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.accepted_at !== null)).toBe(true);
  },
  'companion-up': async ({ w }) => {
    expect(w.mt.connectedClients).toBeGreaterThan(0);
    await expect(w.app.account.getSessionTtlDays()).resolves.toEqual(expect.any(Number));
    // "The session list is being checked now": a read of it from the moment the link came back.
    const told = w.botApi.calls.find((c) => c.method === 'sendMessage' && /reaches Telegram again/.test(String(c.params.text)))!;
    expect(w.mt.callsOf('account.getAuthorizations').some((c) => c.at >= told.at - 2000)).toBe(true);
  },
};

/** "Logins are ended": Telegram lets the companion end sessions, which it does once it is 24 hours old. */
function companionMayEndSessions({ w }: Ctx): void {
  expect(w.mt.companion.dateCreated).toBeLessThanOrEqual(nowS() - 86_400);
}

/** Code guard is on and nothing keeps it from invalidating a code now: a code pushed now is invalidated. */
async function codesAreInvalidated({ w }: Ctx): Promise<void> {
  const settings = createSettings(w.app.db);
  expect(settings.flag(CODE_GUARD_SETTING)).toBe(true);
  expect(anyWeakeningWindowOpen(settings, Date.now())).toBe(false);
}

interface Scenario {
  readonly name: string;
  readonly world: (web: HttpSink) => WorldOptions;
  /** The claims this scenario must produce; any other claim it prints is checked too. */
  readonly produces: readonly string[];
  run(w: World): Promise<void>;
}

async function press(w: World, data: (b: { text: string; data: string }) => boolean, method = 'editMessageText'): Promise<void> {
  const m = w.last();
  const button = w.buttons(m).find(data);
  if (!button) throw new Error(`no such button under: ${m.text}`);
  const p = w.press(button.data, m.message_id);
  await w.next(p.mark, method);
}

const trustLaptop = (w: World): Promise<void> => trustDevice(w, 'My Laptop');

const GONE = 304n;
const PHONE = { hash: -(2n ** 62n) - 77n, deviceModel: 'Pixel 8', platform: 'Android', systemVersion: 'SDK 34', apiId: 6, appName: 'Telegram Android', appVersion: '11.0.0', officialApp: true, ip: '203.0.113.7', country: 'Spain', region: 'Madrid' };
const LAPTOP = { hash: 11n, deviceModel: 'My Laptop', apiId: 2040, appName: 'Telegram Desktop', platform: 'Windows' };
const webSession = (hash: bigint) => ({
  hash,
  botId: 5000n,
  domain: 'shop.example.com',
  browser: 'Firefox 125',
  platform: 'Linux',
  dateCreated: nowS() - 86_400,
  dateActive: nowS() - 60,
  ip: '198.51.100.4',
  region: 'Paris, France',
});
const withWebhook = (web: HttpSink) => ({
  channels: { webhook: { url: `${web.url}/hook` } },
  channelTimings: { firstBackoffMs: 100, maxBackoffMs: 400, requestTimeoutMs: 2000, blockedRetryMs: 1000, heartbeatCheckMs: 100, unreachableAfterMs: 1500 },
});

const SCENARIOS: Scenario[] = [
  {
    name: 'every door open, an /expect window too: /panic, then /security, a login code, /status and /test',
    world: (web) => ({
      sessions: [LAPTOP, { hash: -(2n ** 61n), deviceModel: 'Stranger Phone', apiId: 31337, appName: 'Shady', platform: 'Android' }],
      mtproto: {
        password: 'pw',
        passwordDetails: { hasRecovery: true, pendingResetDate: nowS() + 6 * 86_400 },
        connectedBots: [{ botId: 901n, username: 'a_bot', firstName: 'A' }, { botId: 902n, username: 'b_bot', firstName: 'B', canReply: true }],
      },
      ...withWebhook(web),
    }),
    produces: [
      'trust-added', 'panic-ended-sessions', 'panic-ended-web', 'panic-guard-on', 'door-reset-declined', 'panic-bots-disconnected', 'panic-ttl-done',
      'panic-codeguard-on', 'checkup-2fa-on', 'checkup-recovery-set', 'checkup-no-reset', 'checkup-sessions-clean', 'checkup-no-web', 'checkup-no-bots',
      'checkup-ttl', 'checkup-guard-on', 'checkup-codeguard-on', 'checkup-moved-none', 'checkup-channels', 'code-invalidated', 'status-connected', 'test-sent',
    ],
    async run(w) {
      w.mt.setWebSessions([webSession(9n)]);
      await trustLaptop(w);
      await w.ask('/expect 60');
      await w.ask('/panic');
      await press(w, (b) => b.data.startsWith('pk:'));
      await w.ask('/security');
      const mark = w.botApi.calls.length;
      w.mt.pushServiceMessage('Login code: 55123. Do not give this code to anyone.');
      await w.next(mark, 'sendMessage', (c) => /login code/i.test(String(c.params.text)));
      await w.ask('/status');
      await w.ask('/test');
    },
  },
  {
    name: 'nothing to lock and nobody trusted: /panic, /codeguard, an /expect window opened and closed',
    world: () => ({}),
    produces: ['panic-no-reset', 'panic-no-bots', 'panic-guard-on-untrusted', 'codeguard-on', 'expect-closed'],
    async run(w) {
      await w.ask('/panic');
      await press(w, (b) => b.data.startsWith('pk:'));
      await w.ask('/codeguard');
      await w.ask('/expect 5');
      await w.ask('/expect off');
    },
  },
  {
    name: 'guard turned on, the other sessions ended; an /expect window, then /codeguard on, /codeguard, /security',
    world: () => ({ sessions: [{ hash: 21n }] }),
    produces: ['guard-on', 'revokeall-done'],
    async run(w) {
      await w.ask('/guard on');
      await press(w, (b) => b.data.startsWith('go:'));
      await w.ask('/revokeall');
      await press(w, (b) => /^End 1/.test(b.text));
      await w.ask('/expect 30');
      await w.ask('/codeguard on');
      await w.ask('/codeguard');
      await w.ask('/security');
    },
  },
  {
    name: 'a bot disconnected from /security with the second factor',
    world: () => ({ mtproto: { connectedBots: [{ botId: 904n, username: 'd_bot', firstName: 'D' }] }, totpSecret: SECRET }),
    produces: ['door-bot-disconnected', 'code-prompt-accepted'],
    async run(w) {
      await w.ask('/security');
      const checkup = w.last();
      const disconnect = w.buttons(checkup).find((b) => b.data.startsWith('bd:'))!;
      const mark = w.botApi.calls.length;
      w.press(disconnect.data, checkup.message_id);
      await w.next(mark, 'sendMessage', (c) => /Send the 6-digit code/.test(String(c.params.text)));
      w.say(totp.generate({ timestamp: Date.now() }));
      await w.next(mark, 'editMessageText', (c) => /Disconnected/.test(String(c.params.text)));
    },
  },
  {
    name: "a login alert's and a session change's buttons: It's me, No thanks, End it, on a session gone",
    world: () => ({ sessions: [LAPTOP, PHONE], reconcileIntervalSeconds: 3600 }),
    produces: ['alert-confirmed', 'alert-declined-trust', 'alert-marked-yours', 'alert-device-trusted', 'revoke-ended', 'alert-session-gone', 'alert-session-gone-short', 'change-accepted'],
    async run(w) {
      await trustLaptop(w);
      await w.app.watcher.reconcileNow();
      const alertOf = async (push: () => void, hash: bigint): Promise<number> => {
        const mark = w.botApi.calls.length;
        push();
        const sent = await w.next(mark, 'sendMessage', (c) => String(c.params.text).startsWith('🚨') && String(c.params.text).includes(String(hash)));
        // Its details are filled in by an edit: the presses below wait for edits of their own.
        await sleep(300);
        return (sent.result as { message_id: number }).message_id;
      };
      // Pressed as the owner would, or (a stale or forged press) on a message that no longer shows the button.
      const pressOn = async (data: string, messageId: number): Promise<void> => {
        const mark = w.botApi.calls.length;
        w.botApi.injectCallback({ from: OWNER, messageId, data, chatId: OWNER.id, requireButton: false });
        await w.next(mark, 'editMessageText', (c) => c.params.message_id === messageId && /[✅❌]/.test(String(c.params.text)));
      };
      let id = await alertOf(() => w.mt.pushNewAuthorization({ hash: 301n, unconfirmed: true, device: 'Work Laptop', location: 'Oslo, Norway' }), 301n);
      await pressOn('ok:301', id);
      await pressOn('tn:301', id);
      // The trusted laptop logs in again.
      id = await alertOf(() => {
        w.mt.addSession({ ...LAPTOP, hash: 302n });
        w.mt.pushNewAuthorization({ hash: 302n }, { addSession: false });
      }, 302n);
      await pressOn('ok:302', id);
      await pressOn('tn:302', id);
      id = await alertOf(() => w.mt.pushNewAuthorization({ hash: 303n, unconfirmed: true, device: 'Odd Phone', location: 'Oslo, Norway' }), 303n);
      await pressOn('ee:303', id);
      id = await alertOf(() => w.mt.pushNewAuthorization({ hash: GONE, unconfirmed: true, device: 'Brief Phone', location: 'Oslo, Norway' }), GONE);
      w.mt.removeSession(GONE);
      await pressOn(`ok:${GONE}`, id);
      await pressOn(`tn:${GONE}`, id);
      w.mt.updateSession(PHONE.hash, { country: 'Nigeria', region: 'Lagos', ip: '198.51.100.9' });
      const mark = w.botApi.calls.length;
      await w.app.watcher.reconcileNow();
      await w.next(mark, 'sendMessage', (c) => /moved/.test(String(c.params.text)));
      await press(w, (b) => b.data.startsWith('cm:'));
    },
  },
  {
    name: 'a companion logged in an hour ago: /guard on, /panic',
    world: () => ({ mtproto: { companion: { dateCreated: nowS() - 3600 } } }),
    produces: [],
    async run(w) {
      await w.ask('/guard on');
      await press(w, (b) => b.data.startsWith('go:'));
      await w.ask('/guard');
      await w.ask('/guard off');
      await w.ask('/panic');
      await press(w, (b) => b.data.startsWith('pk:'));
    },
  },
  {
    name: 'an MTProto outage that ends',
    world: () => ({ requestTimeoutMs: 1000, probeIntervalMs: 300, outageNoticeAfterMs: 1500 }),
    produces: ['companion-up'],
    async run(w) {
      const mark = w.botApi.calls.length;
      w.mt.setReplyDelay(120_000);
      await w.next(mark, 'sendMessage', (c) => /cannot reach Telegram/.test(String(c.params.text)), 15_000);
      w.mt.setReplyDelay(0);
      await w.next(mark, 'sendMessage', (c) => /reaches Telegram again/.test(String(c.params.text)), 15_000);
    },
  },
  {
    name: 'the bot blocked, then unblocked',
    world: (web) => ({ sessions: [{ hash: 1n }], ...withWebhook(web) }),
    produces: ['oob-bot-unblocked-title'],
    async run(w) {
      w.botApi.block(OWNER);
      w.mt.pushNewAuthorization({ hash: 803n, unconfirmed: true, device: 'Tablet', location: 'Nowhere' });
      await until(() => hookEvents(w).includes('bot_blocked'));
      w.botApi.setBlocked(OWNER.id, false);
      await until(() => hookEvents(w).includes('bot_unblocked'));
    },
  },
  {
    name: 'the Bot API unreachable, then back',
    world: (web) => ({ sessions: [{ hash: 1n }], ...withWebhook(web) }),
    produces: ['oob-bot-reachable-title'],
    async run(w) {
      await w.botApi.setReachable(false);
      w.mt.pushNewAuthorization({ hash: 804n, unconfirmed: true, device: 'Night PC', location: 'Nowhere' });
      await until(() => hookEvents(w).includes('bot_unreachable'), 10_000);
      await w.botApi.setReachable(true);
      await until(() => hookEvents(w).includes('bot_reachable'), 15_000);
    },
  },
  {
    name: 'the database locked by another process, then free; its file moved away and back',
    world: () => ({ databaseCheckIntervalMs: 200 }),
    produces: ['storage-up', 'database-back'],
    async run(w) {
      const script = `
        const db = new (require('better-sqlite3'))(process.argv[1]);
        db.pragma('busy_timeout = 5000');
        db.exec('BEGIN IMMEDIATE');
        process.stdout.write('locked\\n');
        setTimeout(() => { db.exec('ROLLBACK'); db.close(); }, 2500);`;
      const child = spawn(process.execPath, ['-e', script, w.config.databasePath], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
      await w.ask('/codeguard on');
      await w.next(0, 'sendMessage', (c) => /audit log can be written again/.test(String(c.params.text)), 20_000);
      const file = w.config.databasePath;
      const mark = w.botApi.calls.length;
      fs.renameSync(file, `${file}.away`);
      await w.next(mark, 'sendMessage', (c) => /was removed/.test(String(c.params.text)), 5000);
      fs.renameSync(`${file}.away`, file);
      await w.next(mark, 'sendMessage', (c) => /is back/.test(String(c.params.text)), 5000);
    },
  },
];

let currentWeb: HttpSink | undefined;
const hookEvents = (_w: World): string[] => (currentWeb?.to('/hook') ?? []).map((r) => String((JSON.parse(r.body) as { event?: string }).event));

async function until(ok: () => boolean, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

/** Every text the owner was shown, in the chat and on the webhook, line by line, as plain text. */
function shownLines(w: World, web: HttpSink, withHook = true): string[] {
  const chat = w.botApi.calls
    .filter((c) => c.ok && (c.method === 'sendMessage' || c.method === 'editMessageText') && c.params.chat_id === OWNER.id)
    .map((c) => plain(String(c.params.text)));
  const hook = (withHook ? web.to('/hook') : []).map((r) => {
    const body = JSON.parse(r.body) as { title?: string; text?: string };
    return `${body.title ?? ''}\n${body.text ?? ''}`;
  });
  return [...chat, ...hook].flatMap((t) => t.split('\n'));
}

test('every file that writes a ✅ itself is listed with the messages it marks', () => {
  expect(filesWithCheckmarks().sort()).toEqual(Object.keys(CODE_CHECKMARKS).sort());
});

test('every success claim in the locale has a check, and a scenario that produces it', () => {
  const produced = new Set(SCENARIOS.flatMap((s) => s.produces));
  expect(CLAIM_KEYS.filter((k) => !CHECKS[k])).toEqual([]);
  expect(CLAIM_KEYS.filter((k) => !produced.has(k))).toEqual([]);
});

describe('e2e: every report states what is true', () => {
  let w: World | undefined;
  let web: HttpSink;
  afterEach(async () => {
    await w?.stop();
    w = undefined;
    await web.stop();
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    web = await startHttpSink();
    currentWeb = web;
    w = await startWorld(scenario.world(web));
    await scenario.run(w);
    await sleep(300);
    const all = shownLines(w, web);
    const lines = (key: string): string[] => all.filter((l) => patternOf(key).test(l));
    for (const key of scenario.produces) expect({ key, shown: lines(key).length > 0 }).toEqual({ key, shown: true });
    const chat = shownLines(w, web, false);
    const chatLines = (key: string): string[] => chat.filter((l) => patternOf(key).test(l));
    const ctx: Ctx = { w, web, lines, chatLines };
    for (const key of CLAIM_KEYS.filter((k) => lines(k).length > 0)) {
      try {
        await CHECKS[key]!(ctx);
      } catch (err) {
        throw new Error(`"${lines(key)[0]}" (${key}) is not true: ${(err as Error).message}`);
      }
    }
    expect(w.rejectedCalls()).toEqual([]);
  });
});
