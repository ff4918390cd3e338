import { PassThrough } from 'node:stream';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loginCompanion, type LoginPrompts } from '../../src/account/login';
import { runLoginCli } from '../../src/account/login-cli';
import { MtprotoEmulator } from '../../sandbox/emulator/mtproto';

/**
 * With Telegram not answering, every network step of a login gives up within 15 s (the default, not
 * shortened here) with a sentence naming what could not be reached; a phone number that is not in
 * international format is refused at once, before anything is sent.
 */
const SELF = { id: 6_100_000_042n, firstName: 'Ada', username: 'ada_owner', phone: '447700900123' };
const CODE = '24680';
const WITHIN_MS = 20_000; // the 15 s bound plus room for a loaded machine

// The three 15 s waits run side by side (test.concurrent), each with its own emulator.
const emus: MtprotoEmulator[] = [];
const startEmulator = async (): Promise<MtprotoEmulator> => {
  const e = await MtprotoEmulator.start({ self: SELF, loginCode: CODE });
  emus.push(e);
  return e;
};
afterAll(async () => {
  await Promise.all(emus.map((e) => e.stop()));
});

const unanswered = () => {
  throw new Error('not asked in this test');
};

async function timed<T>(work: Promise<T>): Promise<{ error: unknown; ms: number }> {
  const t0 = Date.now();
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: Date.now() - t0 };
}

test.concurrent('QR: Telegram not answering fails within 15 s, naming what could not be reached, and shows no code', async () => {
  const emu = await startEmulator();
  const base = await emu.issueAuthKey({ loggedIn: false });
  emu.setReplyDelay(120_000);
  const qrs: string[] = [];
  const { error, ms } = await timed(
    loginCompanion({ apiId: 1, apiHash: 'x', method: 'qr', session: base, onQr: (u) => qrs.push(u), prompts: { phone: unanswered, code: unanswered, password: unanswered } }),
  );
  expect(ms).toBeLessThan(WITHIN_MS);
  expect(error).toMatchObject({ code: 'NETWORK', message: expect.stringMatching(/^Could not reach Telegram to connect within 15 s\./) });
  expect(qrs).toEqual([]);
}, 40_000);

test.concurrent('phone: auth.sendCode unanswered fails within 15 s, saying the login code could not be requested', async () => {
  const emu = await startEmulator();
  const base = await emu.issueAuthKey({ loggedIn: false });
  const prompts: LoginPrompts = {
    phone: async () => {
      emu.setReplyDelay(120_000); // connected; now Telegram goes quiet
      return '+44 7700 900123';
    },
    code: unanswered,
    password: unanswered,
  };
  const { error, ms } = await timed(loginCompanion({ apiId: 1, apiHash: 'x', method: 'phone', session: base, prompts }));
  expect(ms).toBeLessThan(WITHIN_MS);
  expect(error).toMatchObject({ code: 'NETWORK', message: expect.stringMatching(/^Could not reach Telegram to send the login code within 15 s\./) });
}, 40_000);

test('phone: "abc" is refused at once, before anything is sent, and asked again', async () => {
  const emu = await startEmulator();
  const base = await emu.issueAuthKey({ loggedIn: false });
  const phones = ['abc', '12345', '+44 7700 900123'];
  const notices: string[] = [];
  let sendCodesWhenAskedAgain = -1;
  const prompts: LoginPrompts = {
    phone: async () => {
      if (phones.length === 1) sendCodesWhenAskedAgain = emu.callsOf('auth.sendCode').length;
      return phones.shift()!;
    },
    code: async () => CODE,
    password: unanswered,
    notice: (m) => notices.push(m),
  };
  const result = await loginCompanion({ apiId: 1, apiHash: 'x', method: 'phone', session: base, prompts, maxAttempts: 3 });
  expect(result.user.id).toBe(Number(SELF.id));
  expect(sendCodesWhenAskedAgain).toBe(0);
  expect(notices[0]).toMatch(/^That is not a phone number in international format: .*\+44 7700 900123.* 2 tries left\.$/);
  expect(notices[1]).toMatch(/international format.* One try left\.$/);
  expect(emu.callsOf('auth.sendCode').map((c) => c.args.phoneNumber)).toEqual(['+44 7700 900123']);
});

test.concurrent('the CLI by QR with Telegram not answering: says it is connecting, never "scan this code", and fails within 15 s', async () => {
  const emu = await startEmulator();
  const base = await emu.issueAuthKey({ loggedIn: false });
  emu.setReplyDelay(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'login-timeout-'));
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  try {
    const t0 = Date.now();
    const code = await runLoginCli({
      env: { API_ID: '1', API_HASH: 'x' },
      argv: ['--qr'],
      input,
      output,
      isTTY: false,
      sessionFile: path.join(dir, 'account.session'),
      server: { session: base },
    });
    expect(Date.now() - t0).toBeLessThan(WITHIN_MS);
    expect(code).toBe(1);
    expect(text).not.toMatch(/scan this code/);
    expect(text).toMatch(/Connecting to Telegram/);
    expect(text).toMatch(/Login failed: Could not reach Telegram to connect within 15 s\./);
    expect(fs.existsSync(path.join(dir, 'account.session'))).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 40_000);
