import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { loginCompanion, LoginError, type LoginPrompts } from '../../src/account/login';
import { runLoginCli } from '../../src/account/login-cli';
import { readSessionFile, saveSessionFile } from '../../src/account/session-file';
import { createAccountClient } from '../../src/account/telegram-account';
import { MtprotoEmulator } from '../../sandbox/emulator/mtproto';
import { silentLogger } from '../../src/core/log';

/** The real gramjs logs in against the loopback emulator, starting from a key that is not logged in yet. */

const SELF = { id: 6_100_000_042n, firstName: 'Ada', username: 'ada_owner', phone: '447700900123' };
const CODE = '24680';
const PASSWORD = 'correct horse battery';

let emu: MtprotoEmulator;
let dir: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'login-test-'));
});

afterEach(async () => {
  await emu?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Scripted {
  prompts: LoginPrompts;
  notices: string[];
  hints: (string | undefined)[];
}

/** Answers in order; running out rejects, which the login reports as CANCELLED. */
function scripted(answers: { phone?: string[]; code?: string[]; password?: string[] }): Scripted {
  const queues = { phone: [...(answers.phone ?? [])], code: [...(answers.code ?? [])], password: [...(answers.password ?? [])] };
  const notices: string[] = [];
  const hints: (string | undefined)[] = [];
  const next = async (kind: keyof typeof queues): Promise<string> => {
    const value = queues[kind].shift();
    if (value === undefined) throw new Error(`no ${kind} scripted`);
    return value;
  };
  return {
    notices,
    hints,
    prompts: {
      phone: () => next('phone'),
      code: () => next('code'),
      password: (hint) => {
        hints.push(hint);
        return next('password');
      },
      notice: (m) => notices.push(m),
    },
  };
}

/** Everything written to stdout, stderr and the console while `fn` runs. */
async function capturingOutput<T>(fn: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const grab = (chunk: unknown): boolean => {
    chunks.push(String(chunk));
    return true;
  };
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation(grab),
    jest.spyOn(process.stderr, 'write').mockImplementation(grab),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void chunks.push(args.map(String).join(' '))),
    ),
  ];
  try {
    const result = await fn();
    return { result, output: chunks.join('') };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

async function start(opts: { password?: string } = {}): Promise<string> {
  emu = await MtprotoEmulator.start({
    self: SELF,
    loginCode: CODE,
    ...(opts.password ? { password: opts.password, passwordHint: 'three words' } : {}),
  });
  return emu.issueAuthKey({ loggedIn: false });
}

async function meWith(session: string): Promise<{ id: number; firstName: string; username?: string }> {
  const account = createAccountClient({ apiId: 1, apiHash: 'x', session, logger: silentLogger, connectTimeoutMs: 5000 });
  try {
    return await account.connect();
  } finally {
    await account.disconnect();
  }
}

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

test('phone + code: a wrong code is asked again; the saved 0600 session lets TelegramAccount connect', async () => {
  const base = await start();
  await expect(meWith(base)).rejects.toMatchObject({ failure: { kind: 'logged_out' } });

  const s = scripted({ phone: ['+44 7700 900123'], code: ['11111', CODE] });
  const { result, output } = await capturingOutput(() =>
    loginCompanion({ apiId: 1, apiHash: 'x', method: 'phone', prompts: s.prompts, session: base }),
  );
  expect(result.user).toEqual({ id: Number(SELF.id), firstName: 'Ada', username: 'ada_owner' });
  expect(s.notices).toContain('That login code is not right. 2 tries left.');
  expect(emu.callsOf('auth.signIn').map((c) => c.args.phoneCode)).toEqual(['11111', CODE]);
  expect(emu.callsOf('auth.sendCode')[0]?.args.phoneNumber).toBe('+44 7700 900123');

  const file = path.join(dir, 'data', 'account.session');
  saveSessionFile(file, result.session);
  expect(modeOf(file)).toBe(0o600);
  expect(modeOf(path.dirname(file))).toBe(0o700);
  const saved = readSessionFile(file);
  expect(saved).toBe(result.session);
  expect(await meWith(saved as string)).toEqual({ id: Number(SELF.id), firstName: 'Ada', username: 'ada_owner' });

  expect(output).not.toContain(result.session);
  expect(output).not.toContain(CODE);
});

test('phone + code + two-step password: a wrong password is asked again, with the hint', async () => {
  const base = await start({ password: PASSWORD });
  const s = scripted({ phone: ['+447700900123'], code: [CODE], password: ['correct horse', PASSWORD] });
  const { result, output } = await capturingOutput(() =>
    loginCompanion({ apiId: 1, apiHash: 'x', method: 'phone', prompts: s.prompts, session: base }),
  );
  expect(result.user.id).toBe(Number(SELF.id));
  expect(s.hints).toEqual(['three words', 'three words']);
  expect(s.notices).toContain('That two-step verification password is not right. 2 tries left.');
  expect(emu.callsOf('auth.checkPassword')).toHaveLength(2);
  expect(emu.isLoggedIn(result.session)).toBe(true);
  expect(output).not.toContain(PASSWORD);
  expect(output).not.toContain(result.session);
});

test('QR: onQr gets a tg://login URL; once the app accepts it the login completes', async () => {
  const base = await start();
  const urls: string[] = [];
  const { result } = await capturingOutput(() =>
    loginCompanion({
      apiId: 1,
      apiHash: 'x',
      method: 'qr',
      prompts: scripted({}).prompts,
      session: base,
      onQr: (url) => {
        urls.push(url);
        // The owner scans a moment later; the login must be waiting for the push by then.
        setTimeout(() => emu.acceptLoginToken(url), 50);
      },
    }),
  );
  expect(urls).toHaveLength(1);
  expect(urls[0]).toMatch(/^tg:\/\/login\?token=[A-Za-z0-9_-]{40,}$/);
  expect(result.user.username).toBe('ada_owner');
  expect(emu.callsOf('auth.exportLoginToken')).toHaveLength(2);
  expect(await meWith(result.session)).toMatchObject({ id: Number(SELF.id) });
});

test('QR on an account with a two-step password goes on to ask for the password', async () => {
  const base = await start({ password: PASSWORD });
  const s = scripted({ password: [PASSWORD] });
  const result = await loginCompanion({
    apiId: 1,
    apiHash: 'x',
    method: 'qr',
    prompts: s.prompts,
    session: base,
    onQr: (url) => setTimeout(() => emu.acceptLoginToken(url), 20),
  });
  expect(result.user.id).toBe(Number(SELF.id));
  expect(emu.callsOf('auth.checkPassword')).toHaveLength(1);
});

test('errors are plain language: bad phone asked again, FLOOD_WAIT, three wrong codes, cancelled prompt', async () => {
  const base = await start();
  const login = (prompts: LoginPrompts): Promise<unknown> =>
    loginCompanion({ apiId: 1, apiHash: 'x', method: 'phone', prompts, session: base });

  emu.injectError('auth.sendCode', { code: 420, message: 'FLOOD_WAIT_300' });
  await expect(login(scripted({ phone: ['+447700900123'] }).prompts)).rejects.toMatchObject({
    code: 'FLOOD_WAIT_300',
    message: 'Too many attempts: Telegram asks to wait 5 minutes before trying again.',
  });

  const wrong = scripted({ phone: ['+1 555 0100', '+447700900123'], code: ['1', '2', '3'] });
  const failure = await login(wrong.prompts).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(LoginError);
  expect(failure).toMatchObject({ code: 'PHONE_CODE_INVALID', message: 'That login code is not right.' });
  expect(wrong.notices[0]).toMatch(/^Telegram does not accept that phone number\..* 2 tries left\.$/);
  expect(emu.callsOf('auth.signIn')).toHaveLength(3);

  await expect(login(scripted({}).prompts)).rejects.toMatchObject({ code: 'CANCELLED' });
});

test('the CLI: method question (QR by default), then the session file; no secret in its output', async () => {
  const base = await start();
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => (text += c.toString()));
  const file = path.join(dir, 'account.session');
  fs.writeFileSync(file, 'old-session\n', { mode: 0o644 });
  fs.chmodSync(file, 0o644);

  input.write('\n'); // the default: QR
  const exported = emu.waitForCall('auth.exportLoginToken').then(() => setTimeout(() => emu.acceptLoginToken(), 50));
  const code = await runLoginCli({
    env: { API_ID: '1', API_HASH: 'x' },
    argv: [],
    input,
    output,
    isTTY: false,
    sessionFile: file,
    server: { session: base },
  });
  await exported;
  expect(code).toBe(0);
  expect(text).toContain('Choose 1 or 2 [1]');
  expect(text).toContain('already holds a session');
  expect(text).toContain('▄'); // the QR code
  expect(text).toContain('Logged in as Ada (@ada_owner), Telegram id 6100000042.');
  expect(text).toMatch(/set OWNER_ID/);
  expect(text).not.toContain(SELF.phone);
  const saved = readSessionFile(file) as string;
  expect(saved).not.toBe('old-session');
  expect(text).not.toContain(saved);
  expect(modeOf(file)).toBe(0o600);
});

test('the CLI by phone with piped answers, and its setup errors', async () => {
  const base = await start();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => (text += c.toString()));
  const input = new PassThrough();
  input.end(`+44 7700 900123\n99999\n${CODE}\n`);
  const file = path.join(dir, 'sub', 'account.session');
  const code = await runLoginCli({
    env: { API_ID: '1', API_HASH: 'x', OWNER_ID: '42' },
    argv: ['--phone'],
    input,
    output,
    isTTY: false,
    sessionFile: file,
    server: { session: base },
  });
  expect(code).toBe(0);
  expect(text).toContain('That login code is not right. 2 tries left.');
  expect(text).toContain('The bot obeys OWNER_ID (42)');
  expect(text).not.toContain(CODE);
  expect(modeOf(file)).toBe(0o600);
  expect(modeOf(path.dirname(file))).toBe(0o700);

  let setup = '';
  const out2 = new PassThrough();
  out2.on('data', (c: Buffer) => (setup += c.toString()));
  const exit = await runLoginCli({ env: { API_HASH: 'x' }, argv: ['--qr'], input: new PassThrough(), output: out2, isTTY: false });
  expect(exit).toBe(2);
  expect(setup).toContain('API_ID is missing');
  expect(setup).not.toContain('BOT_TOKEN');
});

test('session file: an atomic replace keeps 0600 even over a 0644 file, and leaves no temporary file', () => {
  const file = path.join(dir, 'account.session');
  fs.writeFileSync(file, 'old\n');
  fs.chmodSync(file, 0o644);
  saveSessionFile(file, '1AbCdEf==');
  expect(modeOf(file)).toBe(0o600);
  expect(fs.readFileSync(file, 'utf8')).toBe('1AbCdEf==\n');
  expect(fs.readdirSync(dir)).toEqual(['account.session']);

  fs.chmodSync(file, 0o644);
  expect(readSessionFile(file)).toBe('1AbCdEf==');
  expect(modeOf(file)).toBe(0o600);
  expect(readSessionFile(path.join(dir, 'missing'))).toBeUndefined();
  expect(() => saveSessionFile(file, '  ')).toThrow();
  expect(fs.readFileSync(file, 'utf8')).toBe('1AbCdEf==\n');
});
