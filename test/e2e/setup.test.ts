import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import dotenv from 'dotenv';
import { TOTP } from 'otpauth';
import { readSessionFile } from '../../src/account/session-file';
import { parseConfig } from '../../src/core/config';
import { BotApiEmulator } from '../../sandbox/emulator/botapi';
import { MtprotoEmulator } from '../../sandbox/emulator/mtproto';
import { checkSession } from '../../src/setup/checks';
import { updateEnvText } from '../../src/setup/env-file';
import { TerminalIO, type TerminalPrompts } from '../../src/core/terminal-io';
import { runSetup } from '../../src/setup/wizard';
import { startHttpSink, startSmtp } from '../helpers/channel-servers';

/** The wizard against both emulators: getMe on the Bot API one, the companion's login on the MTProto one. */

const TOKEN = '7000001:AAHsecret-bot_token_value';
const API_HASH = '0123456789abcdef0123456789abcdef';
const SELF = { id: 6_100_000_042n, firstName: 'Ada', username: 'ada_owner', phone: '447700900123' };
const CODE = '24680';

let bot: BotApiEmulator;
let mt: MtprotoEmulator;
let dir: string;
let envFile: string;
let sessionFile: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setup-test-'));
  envFile = path.join(dir, '.env');
  sessionFile = path.join(dir, 'data', 'account.session');
  bot = await BotApiEmulator.start({ token: TOKEN });
  mt = await MtprotoEmulator.start({ self: SELF, loginCode: CODE });
});

afterEach(async () => {
  await bot.stop();
  await mt.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The key setup showed as text (grouped by four), as the owner would type it into an app. */
function shownKey(output: string): string {
  const m = /key ((?:[A-Z2-7]{1,4} ?)+)$/m.exec(output);
  if (!m) throw new Error('setup showed no key');
  return m[1]!.replace(/ /g, '');
}

/** The code the owner's app shows now for the key setup printed. */
const appCode = (output: string): string => new TOTP({ secret: shownKey(output) }).generate();

/**
 * Answers matched to questions in order; a question out of script fails the test with its text. An
 * answer may be a function of what was printed so far (a code from the key setup just showed).
 */
function scripted(answers: [RegExp, string | ((output: string) => string)][], onQr?: (url: string) => void) {
  const queue = [...answers];
  const asked: { question: string; hidden: boolean }[] = [];
  let output = '';
  const io: TerminalPrompts = {
    say: (text) => void (output += `${text}\n`),
    ask: async (question, options) => {
      asked.push({ question, hidden: options?.hidden === true });
      output += question;
      const next = queue.shift();
      if (!next) throw new Error(`no answer scripted for "${question}"`);
      if (!next[0].test(question)) throw new Error(`expected a question like ${next[0]}, got "${question}"`);
      output += '\n';
      return typeof next[1] === 'function' ? next[1](output) : next[1];
    },
    showQr: async (url) => {
      output += '[qr]\n';
      onQr?.(url);
    },
  };
  return { io, asked, output: () => output, left: () => queue.length };
}

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

async function setup(io: TerminalPrompts, channels?: Parameters<typeof runSetup>[0]['channels']): Promise<number> {
  return runSetup({
    ...(channels ? { channels } : {}),
    io,
    env: { BOT_API_ROOT: bot.apiRoot },
    envFile,
    sessionFile,
    server: { session: await mt.issueAuthKey({ loggedIn: false }) },
    timeoutMs: 5000,
  });
}

const EXISTING = ['# my own notes', 'LOG_LEVEL=debug', 'BOT_TOKEN=', '', '# The bot obeys this user.', '# OWNER_ID=', 'RECONCILE_INTERVAL=60', ''].join('\n');

async function freshRun(): Promise<{ session: string; output: string }> {
  fs.writeFileSync(envFile, EXISTING, { mode: 0o644 });
  const s = scripted([
    [/^Bot token/, '999:not-a-known-token'],
    [/^Bot token/, TOKEN],
    [/^API_ID/, '1234567'],
    [/^API_HASH/, API_HASH],
    [/^Choose 1 or 2/, '2'],
    [/^Phone number/, '+44 7700 900123'],
    [/^Login code/, CODE],
    [/^Owner id \[6100000042, the companion account\]: $/, ''],
    [/^Create a second factor now\? \[Y\/n\] $/, ''],
    [/^Code shown in the app now: $/, '123'],
    [/^Code shown in the app now: $/, appCode],
    [/^Set up alerts outside Telegram\? \[y\/N\] $/, ''],
  ]);
  expect(await setup(s.io)).toBe(0);
  expect(s.left()).toBe(0);
  expect(s.asked.filter((q) => q.hidden).map((q) => q.question)).toEqual(['Bot token: ', 'Bot token: ', 'API_HASH (App api_hash): ']);
  return { session: readSessionFile(sessionFile) as string, output: s.output() };
}

test('fresh run: a wrong token is asked again; .env and the session file are written 0600 and start the bot', async () => {
  const { session, output } = await freshRun();

  expect(output).toContain('Telegram does not know that token');
  expect(output).toContain('The token belongs to @warden_test_bot.');
  expect(output).toContain('Logged in as Ada (@ada_owner), Telegram id 6100000042.');
  // Safe-login guidance comes before the login method is asked, and the 24 h window right after it.
  const warning = output.indexOf("Telegram's anti-fraud may check a brand-new session");
  expect(warning).toBeGreaterThan(output.indexOf("Use your own app's api_id and api_hash"));
  expect(warning).toBeLessThan(output.indexOf('How do you want to log in?'));
  expect(output).toMatch(/Link Desktop Device\. The new login is then\s+approved from a device Telegram already knows/);
  expect(output).toMatch(/session-warden can end sessions from \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  // The wizard's login names the companion as the app later connects: the guard, in the Devices list.
  const inits = mt.initConnections(session);
  expect(inits.length).toBeGreaterThan(0);
  for (const init of inits) expect(init.deviceModel).toMatch(/^session-warden \(/);
  expect(output).toContain('npm start');
  expect(output).toContain('pm2 start ecosystem.config.js');
  // As the README says: pm2's entry builds by itself, so there is no build step to name.
  expect(output).not.toContain('npm run build');
  for (const secret of [TOKEN, API_HASH, session, CODE]) expect(output).not.toContain(secret);
  // Not even masked: the wizard never tried to print one.
  expect(output).not.toContain('[hidden]');

  expect(modeOf(envFile)).toBe(0o600);
  expect(modeOf(sessionFile)).toBe(0o600);
  const text = fs.readFileSync(envFile, 'utf8');
  expect(text).toContain('# my own notes\nLOG_LEVEL=debug\nBOT_TOKEN=');
  expect(text).toContain('# The bot obeys this user.\n# OWNER_ID=\nOWNER_ID=6100000042\n');
  expect(text).not.toContain('ACCOUNT_SESSION');
  const values = dotenv.parse(text);
  expect(values).toMatchObject({ BOT_TOKEN: TOKEN, API_ID: '1234567', API_HASH, OWNER_ID: '6100000042', RECONCILE_INTERVAL: '60' });
  // The second factor: shown as a QR code and as text, proven with a code from the app, then saved.
  expect(output).toMatch(/Scan this QR code with your authenticator app/);
  expect(output).toContain('A code is the 6 digits the app shows');
  expect(values.OWNER_TOTP_SECRET).toBe(shownKey(output));
  expect(values.OWNER_TOTP_SECRET).toMatch(/^[A-Z2-7]{32}$/);
  expect(fs.readdirSync(dir).sort()).toEqual(['.env', 'data']);

  const parsed = parseConfig({ ...values, BOT_API_ROOT: bot.apiRoot }, readSessionFile(sessionFile));
  expect(parsed.ok).toBe(true);
  expect(await checkSession(1234567, API_HASH, session, 5000)).toMatchObject({ ok: true, user: { id: Number(SELF.id) } });
});

test('rerun with everything valid: nothing is asked but keep-or-change, and nothing changes', async () => {
  const { session } = await freshRun();
  const before = fs.readFileSync(envFile, 'utf8');
  const sendCodes = mt.callsOf('auth.sendCode').length;

  const s = scripted([
    [/Keep the current token\? \[Y\/n\] $/, ''],
    [/^Keep the current API_ID \(1234567\) and API_HASH\? \[Y\/n\] $/, ''],
    [/^Owner id \[6100000042, the companion account\]/, ''],
    [/A second factor is set \(OWNER_TOTP_SECRET\)\. Keep it\?/, ''],
    [/^Set up alerts outside Telegram/, 'n'],
  ]);
  expect(await setup(s.io)).toBe(0);
  expect(s.output()).toContain('The current token works for @warden_test_bot.');
  expect(s.output()).toContain('still works: logged in as Ada');
  expect(s.asked.map((q) => q.question).join('|')).not.toMatch(/Phone|Login code|Choose 1 or 2|password/);
  expect(mt.callsOf('auth.sendCode')).toHaveLength(sendCodes);
  expect(fs.readFileSync(envFile, 'utf8')).toBe(before);
  expect(readSessionFile(sessionFile)).toBe(session);
});

test('rerun after the session was ended elsewhere: logs in again (by QR) and replaces the session file', async () => {
  const { session: old } = await freshRun();
  mt.revokeCompanion();

  const s = scripted(
    [
      [/Keep the current token/, 'y'],
      [/Keep the current API_ID/, ''],
      [/^Choose 1 or 2 \[1\]/, ''],
      [/^Owner id/, '42'],
      [/Keep it\?/, 'y'],
      [/^Set up alerts outside Telegram/, ''],
    ],
    (url) => setTimeout(() => mt.acceptLoginToken(url), 50),
  );
  expect(await setup(s.io)).toBe(0);
  expect(s.output()).toContain('is no longer logged in');
  expect(s.output()).toContain('[qr]');
  const fresh = readSessionFile(sessionFile) as string;
  expect(fresh).not.toBe(old);
  expect(s.output()).not.toContain(fresh);
  expect(modeOf(sessionFile)).toBe(0o600);
  expect(dotenv.parse(fs.readFileSync(envFile, 'utf8')).OWNER_ID).toBe('42');
  expect(await checkSession(1234567, API_HASH, fresh, 5000)).toMatchObject({ ok: true });
});

test('the terminal: input that ends mid-way cancels, and nothing is written', async () => {
  const input = new PassThrough();
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const io = new TerminalIO(input, out, false);
  input.end('999:not-a-known-token\n');
  try {
    expect(await setup(io)).toBe(130);
  } finally {
    io.close();
  }
  expect(text).toContain('Telegram does not know that token');
  expect(text).toContain('Setup cancelled. Nothing was saved.');
  expect(fs.existsSync(envFile)).toBe(false);
  expect(fs.existsSync(sessionFile)).toBe(false);
});

test('an unreachable Bot API is explained; declining to retry stops without writing', async () => {
  const s = scripted([
    [/^Bot token/, TOKEN],
    [/^Try again\? \[Y\/n\] $/, ''],
    [/^Try again\?/, 'n'],
  ]);
  bot.failNext('getMe', { kind: 'network' }, 2);
  expect(await setup(s.io)).toBe(1);
  expect(s.output()).toMatch(/Could not reach the Bot API at http:\/\/127\.0\.0\.1:\d+ \(.+\): check the network and BOT_API_ROOT\./);
  expect(s.output()).toContain('Setup stopped. Nothing was saved. Run `npm run setup` again once the Bot API can be reached.');
  expect(s.output()).not.toContain(TOKEN);
  expect(fs.existsSync(envFile)).toBe(false);
});

test('.env editing keeps everything else and reads back exactly', () => {
  const before = 'A=1\r\nexport BOT_TOKEN=old\r\n# API_HASH=\r\nBOT_TOKEN=older\r\n';
  const after = updateEnvText(before, { BOT_TOKEN: '1:x', API_HASH: "a#b'c", OWNER_ID: '7' });
  expect(after).toBe("A=1\r\nexport BOT_TOKEN=1:x\r\n# API_HASH=\r\nAPI_HASH=\"a#b'c\"\r\nBOT_TOKEN=1:x\r\nOWNER_ID=7\r\n");
  expect(dotenv.parse(after)).toEqual({ A: '1', BOT_TOKEN: '1:x', API_HASH: "a#b'c", OWNER_ID: '7' });
  expect(updateEnvText('', { X: 'y' })).toBe('X=y\n');
});

test('Telegram not answering during the login: within 15 s the wizard says what could not be reached, never "scan this code"', async () => {
  const s = scripted([
    [/^Bot token/, TOKEN],
    [/^API_ID/, '1234567'],
    [/^API_HASH/, API_HASH],
    [/^Choose 1 or 2/, '1'],
    [/^Try logging in again\?/, 'n'],
  ]);
  mt.setReplyDelay(120_000);
  const t0 = Date.now();
  expect(await setup(s.io)).toBe(1);
  expect(Date.now() - t0).toBeLessThan(20_000);
  expect(s.output()).toMatch(/Could not reach Telegram to connect within 15 s\./);
  expect(s.output()).not.toMatch(/scan this code/);
  expect(fs.existsSync(sessionFile)).toBe(false);
}, 40_000);

test('the second factor: a wrong code is asked again, and a rerun keeps the secret unless the owner asks for a new one', async () => {
  await freshRun();
  const first = dotenv.parse(fs.readFileSync(envFile, 'utf8')).OWNER_TOTP_SECRET!;
  const keep = [
    [/Keep the current token/, ''],
    [/Keep the current API_ID/, ''],
    [/^Owner id/, ''],
  ] as [RegExp, string][];

  const renew = scripted([
    ...keep,
    [/A second factor is set \(OWNER_TOTP_SECRET\)\. Keep it\?/, 'n'],
    [/^Code shown in the app now: $/, (out) => new TOTP({ secret: first }).generate()],
    [/^Code shown in the app now: $/, appCode],
    [/^Set up alerts outside Telegram/, ''],
  ]);
  expect(await setup(renew.io)).toBe(0);
  expect(renew.output()).toContain("That code does not match: check that the app added this key and that the phone's clock is right");
  const second = dotenv.parse(fs.readFileSync(envFile, 'utf8')).OWNER_TOTP_SECRET!;
  expect(second).not.toBe(first);
  expect(second).toBe(shownKey(renew.output()));
  expect(modeOf(envFile)).toBe(0o600);
  // The otpauth:// URI went into the QR code; an app scanning it gets the same key.
  expect(renew.output()).not.toContain('otpauth://');
});

test('the second factor can be declined: .env gets none, and the setup says what that means', async () => {
  fs.writeFileSync(envFile, EXISTING, { mode: 0o600 });
  const s = scripted([
    [/^Bot token/, TOKEN],
    [/^API_ID/, '1234567'],
    [/^API_HASH/, API_HASH],
    [/^Choose 1 or 2/, '2'],
    [/^Phone number/, '+44 7700 900123'],
    [/^Login code/, CODE],
    [/^Owner id/, ''],
    [/^Create a second factor now\?/, 'n'],
    [/^Set up alerts outside Telegram/, ''],
  ]);
  expect(await setup(s.io)).toBe(0);
  expect(s.output()).toContain('No second factor: anyone logged in to your account can command the bot.');
  expect(dotenv.parse(fs.readFileSync(envFile, 'utf8')).OWNER_TOTP_SECRET).toBeUndefined();
});

test('alerts outside Telegram: each channel is asked for, checked, sent a test through, and saved; a bad URL is asked again', async () => {
  const [smtp, web] = await Promise.all([startSmtp(), startHttpSink()]);
  try {
    await freshRun();
    const s = scripted([
      [/Keep the current token/, ''],
      [/Keep the current API_ID/, ''],
      [/^Owner id/, ''],
      [/A second factor is set \(OWNER_TOTP_SECRET\)\. Keep it\?/, ''],
      [/^Set up alerts outside Telegram\? \[y\/N\] $/, 'y'],
      [/^SMTP_URL/, 'http://not-smtp.example.com'],
      [/^SMTP_URL/, smtp.url],
      [/^ALERT_EMAIL_TO/, 'owner@example.com'],
      [/^NTFY_URL/, `${web.url}/warden-topic`],
      [/^NTFY_TOKEN/, ''],
      [/^WEBHOOK_URL/, `${web.url}/hook`],
      [/^HEARTBEAT_URL/, `${web.url}/hb/uuid`],
    ]);
    expect(await setup(s.io, { smtpTls: { ca: smtp.cert }, timeoutMs: 3000 })).toBe(0);
    expect(s.left()).toBe(0);
    const out = s.output();
    expect(out).toContain('SMTP_URL must be a mail server URL');
    for (const name of ['email', 'ntfy', 'webhook']) expect(out).toContain(`✅ ${name}: a test message was sent; check that it arrived.`);
    expect(out).toContain('✅ heartbeat: the monitor took a ping.');
    expect(out).not.toContain(smtp.pass);
    expect(smtp.mails.map((m) => m.subject)).toEqual(['session-warden: test message']);
    expect(JSON.parse(web.to('/')[0]!.body)).toMatchObject({ topic: 'warden-topic', title: 'session-warden: test message' });
    expect(web.to('/hook')).toHaveLength(1);
    expect(web.to('/hb/uuid')).toHaveLength(1);
    const values = dotenv.parse(fs.readFileSync(envFile, 'utf8'));
    expect(values).toMatchObject({ SMTP_URL: smtp.url, ALERT_EMAIL_TO: 'owner@example.com', NTFY_URL: `${web.url}/warden-topic`, WEBHOOK_URL: `${web.url}/hook`, HEARTBEAT_URL: `${web.url}/hb/uuid` });
    const parsed = parseConfig({ ...values, BOT_API_ROOT: bot.apiRoot }, readSessionFile(sessionFile));
    expect(parsed.ok && Object.keys(parsed.config.channels ?? {})).toEqual(['email', 'ntfy', 'webhook', 'heartbeat']);
  } finally {
    await Promise.all([smtp.stop(), web.stop()]);
  }
});
