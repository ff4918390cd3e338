import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MtprotoEmulator } from '../../sandbox/emulator/mtproto';
import { ChildApps, ensureBuild } from '../reliability/helpers/child-app';
import { OWNER } from '../helpers/world';

/**
 * Exit 2 means "a restart cannot fix this" (pm2 stops on it): bad settings, a malformed session
 * string, a database that cannot be used. Each says so in one plain sentence with the fix, no stack.
 */
const apps = new ChildApps();
let dir: string;
let session: string;
let mt: MtprotoEmulator;

beforeAll(async () => {
  ensureBuild();
  mt = await MtprotoEmulator.start({ self: { id: BigInt(OWNER.id), firstName: OWNER.first_name } });
  session = mt.sessionString();
}, 120_000);
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-exit-'));
});
afterEach(async () => {
  await apps.killAll();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await mt.stop();
});

function start(env: Record<string, string>) {
  return apps.start({
    BOT_TOKEN: '123456:AAFnot-a-real-token-value',
    API_ID: '12345',
    API_HASH: '0123456789abcdef0123456789abcdef',
    ACCOUNT_SESSION: session,
    OWNER_ID: String(OWNER.id),
    // Nothing listens here: any of these cases that got as far as the Bot API would not exit 2.
    BOT_API_ROOT: 'http://127.0.0.1:9',
    DATABASE_PATH: path.join(dir, 'w.sqlite'),
    LOG_LEVEL: 'silent',
    ...env,
  });
}

async function expectExit2(env: Record<string, string>, sentence: RegExp): Promise<string> {
  const app = start(env);
  const { code } = await app.exited;
  const out = app.output().trim();
  expect({ code, out }).toEqual({ code: 2, out: expect.stringMatching(sentence) });
  expect(out.split('\n')).toHaveLength(1);
  expect(out).not.toMatch(/\n\s+at |SqliteError|Error:/);
  return out;
}

test('a malformed session string exits 2 and says to log in again, listed with the settings problems', async () => {
  const app = start({ ACCOUNT_SESSION: 'junk' });
  const { code } = await app.exited;
  const out = app.output().trim();
  expect(code).toBe(2);
  // The settings report: every problem at once, one line each, before anything connects.
  expect(out).toMatch(/^session-warden cannot start: one setting needs fixing\.\n {2}- ACCOUNT_SESSION is not a valid session string.*npm run login/);
  expect(out).not.toContain('junk');
  expect(out).not.toMatch(/\n\s+at |Error:/);
});

test('DATABASE_PATH pointing at a directory exits 2 and names the setting', async () => {
  await expectExit2({ DATABASE_PATH: dir }, /DATABASE_PATH.*directory/);
});

test('a corrupt database file exits 2 and says it is not a database', async () => {
  const file = path.join(dir, 'corrupt.sqlite');
  fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
  await expectExit2({ DATABASE_PATH: file }, /not a database|corrupt/);
});

test('a bot token the Bot API does not know exits 2 and says to get it from @BotFather', async () => {
  const { BotApiEmulator } = await import('../../sandbox/emulator/botapi');
  const botApi = await BotApiEmulator.start({ token: '111222:AAFthe-real-token-for-this-bot' });
  try {
    const out = await expectExit2({ BOT_TOKEN: '111222:AAFa-revoked-token-value', BOT_API_ROOT: botApi.apiRoot }, /BOT_TOKEN.*@BotFather/);
    expect(out).not.toContain('revoked-token-value');
  } finally {
    await botApi.stop();
  }
}, 40_000);

test('an OWNER_TOTP_SECRET that is not base32 exits 2, listed with the other problems, without quoting it', async () => {
  const app = start({ OWNER_TOTP_SECRET: 'not-a-secret-18!', API_ID: 'x' });
  const { code } = await app.exited;
  const out = app.output();
  expect(code).toBe(2);
  expect(out).toContain('2 settings need fixing');
  expect(out).toMatch(/OWNER_TOTP_SECRET is not a base32 secret .*: run `npm run setup` to create one/);
  expect(out).not.toContain('not-a-secret-18!');
});

test('a bad SMTP_URL or NTFY_URL exits 2, each named in one sentence among the settings to fix, no password echoed', async () => {
  const app = start({ SMTP_URL: 'http://me:hunter2pw@mail.example.com', ALERT_EMAIL_TO: 'me@example.com', NTFY_URL: 'ntfy.sh/no-scheme' });
  const { code } = await app.exited;
  const out = app.output();
  expect(code).toBe(2);
  expect(out).toMatch(/^ {2}- SMTP_URL must be a mail server URL such as smtps:\/\/.*$/m);
  expect(out).toMatch(/^ {2}- NTFY_URL must be an ntfy topic URL such as https:\/\/ntfy\.sh\/.*$/m);
  expect(out).not.toMatch(/hunter2pw|\n\s+at |Error:/);
});
