import { Writable } from 'node:stream';
import { TOTP } from 'otpauth';
import { BUTTONS } from '../../src/bot/buttons/buttons';
import { COMMANDS } from '../../src/bot/features/help';
import { createLogger } from '../../src/core/log';
import { createSettings } from '../../src/db/settings';
import { createTrustedDevices } from '../../src/db/trusted-devices';
import { GUARD_SETTING } from '../../src/guard/doors/login-watcher';
import type { CallRecord } from '../../sandbox/emulator/botapi';
import { OWNER, STRANGER, startWorld, type World, type WorldOptions } from '../helpers/world';

/** A fixed test secret (base32); codes are made from it as the owner's authenticator app would. */
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const totp = new TOTP({ secret: SECRET });
const PHONE = 8_111_222_333_444_555n;
const DESKTOP = -(2n ** 62n) - 7n;
const NEW_LOGIN = -4_000_000_000_000_000_123n;
const WEB = 9n;
const EVIL_BOT = { botId: 2n ** 62n + 99n, username: 'evil_helper_bot', firstName: 'Helper', canReply: true, existingChats: true };
const now = (): number => Math.floor(Date.now() / 1000);

let w: World | undefined;
/** The second factor's clock: each code is sent 30 s after the last, so every action has a step of its own. */
const clock = { now: 0 };
/** Every code a test made, and the log lines the app wrote: none may ever show up in the chat, the audit log or the logs. */
let codes: Set<string>;
let logLines: string[];

beforeEach(() => {
  clock.now = Date.now();
  codes = new Set();
  logLines = [];
});
afterEach(async () => {
  if (w) {
    scanForSecrets(w);
    expect(w.rejectedCalls()).toEqual([]);
    await w.stop();
  }
  w = undefined;
});

const log = createLogger(
  'trace',
  new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  }),
);

async function start(options: WorldOptions = {}): Promise<World> {
  w = await startWorld({ totpSecret: SECRET, totpNow: () => clock.now, log, ...options });
  return w;
}

/** The current code, as the app on the owner's phone shows it now (`steps` later or earlier for drift). */
function code(steps = 0): string {
  const c = totp.generate({ timestamp: clock.now + steps * 30_000 });
  codes.add(c);
  return c;
}

/** The owner (or `from`) sends the code of the next step, spaced as apps show it. */
function sendCode(from = OWNER): number {
  clock.now += 30_000;
  const c = code();
  return w!.say(`${c.slice(0, 3)} ${c.slice(3)}`, from);
}

const text = (c: CallRecord): string => String(c.params.text ?? '');
const isPrompt = (c: CallRecord): boolean => /Send the 6-digit code from your authenticator app/.test(text(c));
const prompt = (mark: number): Promise<CallRecord> => w!.next(mark, 'sendMessage', isPrompt);
const reply = (mark: number, pattern: RegExp): Promise<CallRecord> => w!.next(mark, 'sendMessage', (c) => pattern.test(text(c)));

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function scanForSecrets(world: World): void {
  const outputs = [
    ...world.botApi.calls.filter((c) => c.method !== 'getUpdates').map((c) => JSON.stringify(c.params)),
    ...world.auditRows().map((r) => JSON.stringify(r)),
    ...logLines,
  ];
  for (const out of outputs) {
    expect(out).not.toContain(SECRET);
    for (const c of codes) expect(out).not.toMatch(new RegExp(`(?<!\\d)${c}(?!\\d)`));
  }
}

/** The newest message the bot sent the owner whose buttons include one with data starting `prefix`. */
function messageWith(prefix: string): { id: number; data: string } {
  const calls = w!.botApi.calls.filter((c) => c.ok && (c.method === 'sendMessage' || c.method === 'editMessageText')).reverse();
  for (const c of calls) {
    const rows = (c.params.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined)?.inline_keyboard ?? [];
    const button = rows.flat().find((b) => b.callback_data?.startsWith(prefix));
    if (button) {
      const id = c.method === 'sendMessage' ? (c.result as { message_id: number }).message_id : Number(c.params.message_id);
      return { id, data: button.callback_data! };
    }
  }
  throw new Error(`no message with a ${prefix} button`);
}

/** Sends a command that only reads, and waits for its answer. */
async function read(command: string): Promise<void> {
  await w!.next(w!.say(command));
}

/** Presses the button whose data starts `prefix` on the newest message that has one. */
function press(prefix: string): number {
  const { id, data } = messageWith(prefix);
  return w!.press(data, id).mark;
}

async function pressAndWait(prefix: string): Promise<void> {
  const mark = press(prefix);
  await w!.next(mark, 'answerCallbackQuery');
  await w!.next(mark, 'sendMessage');
}

/** The session PHONE is suddenly used from another country: its "moved" alert, with End it and It's me. */
async function movedAlert(): Promise<void> {
  w!.mt.updateSession(PHONE, { country: 'Nigeria', region: 'Lagos', ip: '198.51.100.9' });
  const mark = w!.botApi.calls.length;
  await w!.app.watcher.reconcileNow();
  await w!.next(mark, 'sendMessage', (c) => /moved/.test(text(c)));
}

async function trustNow(hash: bigint): Promise<void> {
  const session = (await w!.app.account.listSessions()).find((s) => s.hash === hash)!;
  createTrustedDevices(w!.app.db).add(session);
}

const calls = (method: string) => (): number => w!.mt.callsOf(method).length;
const audited = (action: string) => (): number => w!.auditRows(action).length;

interface Scenario {
  readonly world?: WorldOptions;
  /** Reads (no code) that draw the button to press. */
  readonly prepare?: () => Promise<void>;
  /** The protected request itself; returns the mark to wait from. */
  readonly ask: () => number;
  /** How many times its effect has happened. */
  readonly effect: () => number;
}

/** One scenario per protected command and button, keyed as the tables declare them. */
const SCENARIOS: Record<string, Scenario> = {
  '/revoke': { world: { sessions: [{ hash: PHONE }] }, ask: () => w!.say(`/revoke ${PHONE}`), effect: calls('account.resetAuthorization') },
  '/guard': { ask: () => w!.say('/guard off'), effect: audited('guard_off') },
  '/codeguard': { ask: () => w!.say('/codeguard on'), effect: audited('codeguard_on') },
  '/expect': { ask: () => w!.say('/expect 5'), effect: audited('expect_on') },
  '/ttl': { ask: () => w!.say('/ttl 30'), effect: calls('account.setAuthorizationTTL') },
  ok: {
    world: { sessions: [{ hash: 1n }] },
    prepare: async () => {
      const mark = w!.botApi.calls.length;
      w!.mt.pushNewAuthorization({ hash: NEW_LOGIN, unconfirmed: true, device: 'Galaxy S24', location: 'Lisbon, Portugal' });
      await w!.next(mark, 'editMessageText', (c) => /App: /.test(text(c)));
    },
    ask: () => press('ok:'),
    effect: calls('account.changeAuthorizationSettings'),
  },
  ee: {
    world: { sessions: [{ hash: 1n }] },
    prepare: async () => {
      const mark = w!.botApi.calls.length;
      w!.mt.pushNewAuthorization({ hash: NEW_LOGIN, unconfirmed: true, device: 'Galaxy S24', location: 'Lisbon, Portugal' });
      await w!.next(mark, 'editMessageText', (c) => /App: /.test(text(c)));
    },
    ask: () => press('ee:'),
    effect: calls('account.resetAuthorization'),
  },
  sc: {
    world: { sessions: [{ hash: PHONE }] },
    prepare: async () => {
      await read('/sessions');
      await pressAndWait(`se:${PHONE}`);
    },
    ask: () => press('sc:'),
    effect: calls('account.resetAuthorization'),
  },
  tf: {
    world: { sessions: [{ hash: PHONE }] },
    prepare: async () => {
      await read('/trust');
      await pressAndWait('tl');
      // "tr" only shows what would be trusted; "tf" under that question trusts.
      await pressAndWait(`tr:${PHONE}`);
    },
    ask: () => press(`tf:${PHONE}`),
    effect: audited('trust'),
  },
  ce: {
    world: { sessions: [{ hash: PHONE }] },
    prepare: movedAlert,
    ask: () => press('ce:'),
    effect: calls('account.resetAuthorization'),
  },
  cm: {
    world: { sessions: [{ hash: PHONE }] },
    prepare: movedAlert,
    ask: () => press('cm:'),
    effect: audited('accept_change'),
  },
  tx: {
    world: { sessions: [{ hash: PHONE, deviceModel: 'iPhone 15 Pro' }] },
    prepare: async () => {
      await trustNow(PHONE);
      await read('/trust');
    },
    ask: () => press('tx:'),
    effect: audited('untrust'),
  },
  ra: { world: { sessions: [{ hash: PHONE }] }, prepare: () => read('/revokeall'), ask: () => press('ra:'), effect: calls('auth.resetAuthorizations') },
  rt: {
    world: { sessions: [{ hash: PHONE }, { hash: DESKTOP, deviceModel: 'Desktop', appName: 'Telegram Desktop', platform: 'Windows' }] },
    prepare: async () => {
      await trustNow(PHONE);
      await read('/revokeall');
    },
    ask: () => press('rt:'),
    effect: calls('account.resetAuthorization'),
  },
  wc: {
    prepare: async () => {
      w!.mt.setWebSessions([{ hash: WEB, botId: 5000n, domain: 'shop.example.com', browser: 'Firefox', platform: 'Linux', dateCreated: now() - 100, dateActive: now() - 50, ip: '198.51.100.4', region: 'Paris' }]);
      await read('/websessions');
      await pressAndWait(`we:${WEB}`);
    },
    ask: () => press('wc:'),
    effect: calls('account.resetWebAuthorization'),
  },
  wy: {
    prepare: async () => {
      w!.mt.setWebSessions([{ hash: WEB, botId: 5000n, domain: 'shop.example.com', browser: 'Firefox', platform: 'Linux', dateCreated: now() - 100, dateActive: now() - 50, ip: '198.51.100.4', region: 'Paris' }]);
      await read('/websessions');
      await pressAndWait('wa');
    },
    ask: () => press('wy:'),
    effect: calls('account.resetWebAuthorizations'),
  },
  pk: { world: { sessions: [{ hash: PHONE }] }, prepare: () => read('/panic'), ask: () => press('pk:'), effect: calls('auth.resetAuthorizations') },
  tt: { prepare: () => read('/ttl'), ask: () => press('tt:30'), effect: calls('account.setAuthorizationTTL') },
  dr: {
    world: { mtproto: { password: 'pw', passwordDetails: { pendingResetDate: now() + 5 * 86_400 } } },
    prepare: () => read('/security'),
    ask: () => press('dr:'),
    effect: calls('account.declinePasswordReset'),
  },
  bd: { world: { mtproto: { connectedBots: [EVIL_BOT] } }, prepare: () => read('/bots'), ask: () => press('bd:'), effect: calls('account.updateConnectedBot') },
  cg: { prepare: () => read('/security'), ask: () => press('cg:'), effect: audited('codeguard_on') },
};

const PROTECTED = [
  ...COMMANDS.filter((c) => c.code !== false).map((c) => `/${c.command}`),
  ...Object.entries(BUTTONS)
    .filter(([, spec]) => spec.code !== false)
    .map(([prefix]) => prefix),
];

describe('e2e: the second factor', () => {
  it('a /revoke from the owner\'s id without a code ends nothing', async () => {
    await start({ sessions: [{ hash: PHONE, deviceModel: 'iPhone 15 Pro', appName: 'Telegram iOS' }] });
    const asked = await prompt(w!.say(`/revoke ${PHONE}`));
    expect(text(asked)).toMatch(/End this session\?<\/b>\niPhone 15 Pro, Telegram iOS/);
    expect(text(asked)).toContain(`/revoke ${PHONE}`);
    expect(text(asked)).toContain('If you did not ask for this, do not send a code: someone else in your account asked.');
    await read('/status');
    expect(w!.mt.callsOf('account.resetAuthorization')).toHaveLength(0);
    expect(w!.mt.sessions().some((s) => s.hash === PHONE)).toBe(true);
  });

  it('has a scenario for every command and button the tables declare protected', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...PROTECTED].sort());
  });

  describe.each(PROTECTED)('%s', (name) => {
    it('does nothing without a code, then acts once with one', async () => {
      const s = SCENARIOS[name]!;
      await start(s.world);
      await s.prepare?.();
      const before = s.effect();
      await prompt(s.ask());
      await read('/help');
      expect(s.effect()).toBe(before);
      sendCode();
      await until(() => s.effect() > before);
      await read('/help');
      expect(s.effect()).toBe(before + 1);
      expect(w!.auditRows('second_factor').map((r) => r.outcome)).toEqual(['asked', 'accepted']);
      // The message holding the code was deleted.
      expect(w!.botApi.calls.filter((c) => c.method === 'deleteMessage' && c.ok)).toHaveLength(1);
    });
  });

  it('takes the code as the last word of the command, and deletes that message', async () => {
    await start({ sessions: [{ hash: PHONE, deviceModel: 'iPhone 15 Pro' }] });
    clock.now += 30_000;
    const mark = w!.say(`/revoke ${PHONE} ${code()}`);
    await reply(mark, /^Ended: iPhone 15 Pro/);
    expect(w!.mt.callsOf('account.resetAuthorization').map((c) => c.args.hash)).toEqual([PHONE]);
    expect(w!.botApi.calls.slice(mark).filter((c) => c.method === 'deleteMessage' && c.ok)).toHaveLength(1);
    expect(w!.botApi.calls.slice(mark).some(isPrompt)).toBe(false);
  });

  it('accepts the codes one step either side of now, for clock drift, but not two', async () => {
    await start();
    clock.now += 60_000;
    await reply(w!.say(`/expect 5 ${code(-1)}`), /window/i);
    clock.now += 60_000;
    await reply(w!.say(`/expect 5 ${code(1)}`), /window/i);
    clock.now += 120_000;
    await reply(w!.say(`/expect 5 ${code(2)}`), /Wrong code/);
    expect(w!.auditRows('expect_on')).toHaveLength(2);
  });

  it('a wrong code does nothing and leaves the prompt waiting', async () => {
    await start({ sessions: [{ hash: PHONE }] });
    const asked = await prompt(w!.say(`/revoke ${PHONE}`));
    const right = code();
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    codes.add(wrong);
    await reply(w!.say(wrong), /Wrong code: nothing was done\. The request waits for the right code until/);
    expect(w!.mt.callsOf('account.resetAuthorization')).toHaveLength(0);
    sendCode();
    await until(() => w!.mt.callsOf('account.resetAuthorization').length === 1);
    expect(w!.auditRows('second_factor').map((r) => r.outcome)).toEqual(['asked', 'wrong', 'accepted']);
    // The prompt now says it was answered, so it never looks as if it still waits.
    const closed = await w!.next(0, 'editMessageText', (c) => c.params.message_id === (asked.result as { message_id: number }).message_id);
    expect(text(closed)).toMatch(/End this session\?[\s\S]*✅ Code accepted\.$/);
  });

  it('a replayed code, or one older than the last accepted, is refused plainly', async () => {
    await start();
    clock.now += 30_000;
    const used = code();
    await reply(w!.say(`/expect 5 ${used}`), /window/i);
    await prompt(w!.say('/expect 10'));
    await reply(w!.say(used), /already used, or is older than the last one used: nothing was done/);
    await reply(w!.say(code(-1)), /already used, or is older than the last one used/);
    expect(w!.auditRows('expect_on')).toHaveLength(1);
    expect(w!.auditRows('second_factor').map((r) => r.outcome)).toEqual(['accepted', 'asked', 'replayed', 'replayed']);
    // After a restart too: the last accepted step is on disk.
    await w!.restart();
    await reply(w!.say(`/expect 5 ${used}`), /already used/);
    expect(w!.auditRows('expect_on')).toHaveLength(1);
  });

  it('a code from a stranger is ignored like any stranger\'s message', async () => {
    await start({ sessions: [{ hash: PHONE }] });
    await prompt(w!.say(`/revoke ${PHONE}`));
    const mark = sendCode(STRANGER);
    await read('/help');
    expect(w!.botApi.calls.slice(mark).filter((c) => c.params.chat_id === STRANGER.id)).toEqual([]);
    expect(w!.botApi.calls.slice(mark).filter((c) => c.method === 'deleteMessage')).toEqual([]);
    expect(w!.mt.callsOf('account.resetAuthorization')).toHaveLength(0);
    expect(w!.auditRows('denied')).toHaveLength(1);
    // The prompt still waits for the owner.
    sendCode();
    await until(() => w!.mt.callsOf('account.resetAuthorization').length === 1);
  });

  it('a code after the prompt expired does nothing', async () => {
    await start({ sessions: [{ hash: PHONE }] });
    await prompt(w!.say(`/revoke ${PHONE}`));
    clock.now += 121_000;
    await reply(w!.say(code()), /waited 2 minutes for a code and was dropped: nothing was done/);
    await reply(w!.say(code()), /No request is waiting for a code/);
    expect(w!.mt.callsOf('account.resetAuthorization')).toHaveLength(0);
    // The code answered nothing: it is used up, so whoever reads the chat cannot spend it.
    expect(w!.auditRows('second_factor').map((r) => r.outcome)).toEqual(['asked', 'expired', 'burned']);
  });

  it('a second protected request while one waits cancels both and warns the owner; reads do not', async () => {
    await start({ sessions: [{ hash: PHONE }, { hash: DESKTOP }] });
    const first = await prompt(w!.say(`/revoke ${PHONE}`));
    await read('/sessions');
    const warned = await reply(w!.say(`/revoke ${DESKTOP}`), /Two requests to change something came at once/);
    const closed = await w!.next(0, 'editMessageText', (c) => c.params.message_id === (first.result as { message_id: number }).message_id);
    expect(text(closed)).toMatch(/Nothing was done\.$/);
    expect(text(warned)).toMatch(/someone else in your account sent the other/);
    await reply(sendCode(), /No request is waiting for a code/);
    // The same command again counts too.
    await prompt(w!.say('/guard off'));
    await reply(w!.say('/guard off'), /Two requests/);
    expect(w!.mt.callsOf('account.resetAuthorization')).toHaveLength(0);
    expect(w!.auditRows('guard_off')).toHaveLength(0);
    expect(w!.auditRows('second_factor').map((r) => r.outcome)).toEqual(['asked', 'cancelled', 'burned', 'asked', 'cancelled']);
  });

  it('locks after 5 wrong codes in 15 minutes, doubling with each lockout, while guard mode still ends a pushed login', async () => {
    await start({ sessions: [{ hash: 1n, deviceModel: 'My Phone' }] });
    createSettings(w!.app.db).setFlag(GUARD_SETTING, true);
    const wrongOnce = async (): Promise<CallRecord> => {
      clock.now += 30_000;
      const bad = String((Number(code()) + 500_000) % 1_000_000).padStart(6, '0');
      codes.add(bad);
      return reply(w!.say(`/expect 5 ${bad}`), /Wrong code|Too many wrong codes/);
    };
    for (let i = 0; i < 4; i += 1) expect(text(await wrongOnce())).toMatch(/Wrong code/);
    const lockedAt = clock.now + 30_000;
    const mark = w!.botApi.calls.length;
    expect(text(await wrongOnce())).toMatch(/Too many wrong codes: actions that change your account or this guard are locked until/);
    const alert = await reply(mark, /5 wrong authenticator codes/);
    expect(text(alert)).toMatch(/someone may be guessing/);
    const row = (): { locked_until: number; lock_level: number } => w!.app.db.prepare('SELECT locked_until, lock_level FROM second_factor').get() as { locked_until: number; lock_level: number };
    expect(row()).toEqual({ locked_until: lockedAt + 15 * 60_000, lock_level: 1 });

    // Locked: refused at once, even with the right code, and no prompt opens. Reads still work.
    await reply(w!.say(`/expect 5 ${code()}`), /Too many wrong codes/);
    const noPrompt = w!.say('/guard off');
    await reply(noPrompt, /Too many wrong codes/);
    expect(w!.botApi.calls.slice(noPrompt).some(isPrompt)).toBe(false);
    await reply(w!.say('/sessions'), /My Phone/);
    await reply(w!.say('/status'), /Second factor: 🔒 locked after wrong codes until/);

    // Guard mode does not ask for codes: a pushed login from an untrusted device is ended during the lockout.
    w!.mt.pushNewAuthorization({ hash: NEW_LOGIN, device: 'Intruder PC', location: 'Far away' });
    const ended = await w!.mt.waitForCall('account.resetAuthorization', (c) => c.args.hash === NEW_LOGIN, 5000);
    expect(ended.args.hash).toBe(NEW_LOGIN);

    // After 15 minutes it opens again; the next lockout lasts 30.
    clock.now = lockedAt + 15 * 60_000 + 1000;
    for (let i = 0; i < 4; i += 1) expect(text(await wrongOnce())).toMatch(/Wrong code/);
    const secondAt = clock.now + 30_000;
    expect(text(await wrongOnce())).toMatch(/Too many wrong codes/);
    expect(row()).toEqual({ locked_until: secondAt + 30 * 60_000, lock_level: 2 });
    expect(w!.auditRows('expect_on')).toHaveLength(0);
    expect(w!.auditRows('second_factor').filter((r) => r.outcome === 'locked')).toHaveLength(2);
    // Told through the outbox, as every alert.
    expect(w!.app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'second_factor_locked'`).get()).toEqual({ n: 2 });
    // About 15 messages to one chat: Telegram's pace of one a second is most of this test's time.
  }, 40_000);

  it('a lockout outlasts a restart', async () => {
    await start();
    for (let i = 0; i < 5; i += 1) {
      clock.now += 30_000;
      const bad = String((Number(code()) + 500_000) % 1_000_000).padStart(6, '0');
      codes.add(bad);
      await reply(w!.say(`/guard off ${bad}`), /Wrong code|Too many wrong codes/);
    }
    await w!.restart();
    clock.now += 60_000;
    await reply(w!.say(`/guard off ${code()}`), /Too many wrong codes: actions that change your account or this guard are locked until/);
    expect(w!.auditRows('guard_off')).toHaveLength(0);
  });

  it('reads need no code', async () => {
    await start({ sessions: [{ hash: PHONE }] });
    for (const c of COMMANDS.filter((c) => c.code === false)) {
      const mark = w!.say(`/${c.command}`);
      await w!.next(mark);
      expect(w!.botApi.calls.slice(mark).some(isPrompt)).toBe(false);
    }
    expect(w!.auditRows('second_factor')).toEqual([]);
  });

  it('/guard on takes one code: the offer to trust the current sessions that follows needs none', async () => {
    await start({ sessions: [{ hash: PHONE, deviceModel: 'My Phone', apiId: 6, appName: 'Telegram Android', platform: 'Android' }] });
    await prompt(w!.say('/guard on'));
    const offer = await reply(sendCode(), /no trusted devices/);
    const trust = (offer.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat().find((b) => b.text.startsWith('Trust current'))!;
    const p = w!.press(trust.callback_data, (offer.result as { message_id: number }).message_id);
    await w!.next(p.mark, 'editMessageText', (c) => /Trusted 1 current device/.test(text(c)));
    expect(w!.auditRows('guard_on')).toHaveLength(1);
    expect(w!.auditRows('second_factor').map((r) => r.outcome)).toEqual(['asked', 'accepted']);
  });

  it('/help and the first-start message say changes ask for a code, and nothing warns', async () => {
    await start({ sessions: [{ hash: PHONE }] });
    expect(text(await w!.next(0, 'sendMessage', (c) => /now watching your account/.test(text(c))))).not.toMatch(/No second factor/);
    expect(await w!.ask('/help')).toMatch(/ask for a code from your authenticator app first/);
    const status = await w!.ask('/status');
    expect(status).not.toMatch(/No second factor/);
    expect(status).toMatch(/Second factor: 🔐 on/);
  });
});

describe('e2e: without a second factor', () => {
  it('acts as before, and /status, /security, /help and /start say anyone in the account can command the guard', async () => {
    w = await startWorld({ sessions: [{ hash: PHONE }] });
    const warning = /No second factor is set, so anyone logged in to your Telegram account can command this guard: run <code>npm run setup<\/code>/;
    const firstStart = await w.next(0, 'sendMessage', (c) => /now watching your account/.test(text(c)));
    expect(text(firstStart)).toMatch(warning);
    for (const command of ['/status', '/security', '/help', '/start']) expect(await w.ask(command)).toMatch(warning);
    expect(await w.ask(`/revoke ${PHONE}`)).toMatch(/^Ended: /);
  });
});
