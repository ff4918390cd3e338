import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../src/core/log';
import { OWNER, STRANGER, startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const isCodeAlert = (c: { params: Record<string, unknown> }): boolean => String(c.params.text).includes('Someone asked Telegram for a login code');

/** Pushes a 777000 message and returns the code alert and how long it took. */
async function pushCode(text: string, form: 'updateShortMessage' | 'updates' = 'updateShortMessage') {
  const mark = w.botApi.calls.length;
  const t0 = Date.now();
  w.mt.pushServiceMessage(text, { form });
  const alert = await w.next(mark, 'sendMessage', isCodeAlert, 5000);
  return { text: String(alert.params.text), ms: alert.at - t0 };
}

describe('e2e: login codes from 777000', () => {
  it('alerts within 1 s in both wrapping forms, never repeats the code, and leaves it valid while code guard is off', async () => {
    w = await startWorld();
    const short = await pushCode('Login code: 48151. Do not give this code to anyone, even if they say they are from Telegram!');
    expect(short.ms).toBeLessThan(1000);
    expect(short.text).toMatch(/Someone asked Telegram for a login code for your account…/);
    expect(short.text).toMatch(/still valid[\s\S]*\/codeguard/);
    expect(short.text).not.toContain('48151');
    const wrapped = await pushCode('Код для входа в Telegram: 623423. Не давайте код никому.', 'updates');
    expect(wrapped.ms).toBeLessThan(1000);
    expect(wrapped.text).not.toContain('623423');
    expect(w.mt.callsOf('account.invalidateSignInCodes')).toHaveLength(0);
    // The existing path stays: a 777000 message still triggers a session check.
    await w.mt.waitForCall('account.getAuthorizations', (c) => c.at >= Date.now() - 5000);
    expect(w.auditRows('code_requested')).toEqual([
      expect.objectContaining({ detail: 'unguarded' }),
      expect.objectContaining({ detail: 'unguarded' }),
    ]);
  });

  it('a message without a login code is not a code alert', async () => {
    w = await startWorld();
    const mark = w.botApi.calls.length;
    w.mt.pushServiceMessage('New login. Dear Owner, we detected a login into your account from a new device on 03/12/2026 at 10:15:00 UTC. Device: Telegram Desktop, 5.0.1, Windows 10 (IP = 203.0.113.7)');
    await w.mt.waitForCall('account.getAuthorizations', (c) => c.at >= Date.now() - 5000);
    await w.ask('/help');
    expect(w.botApi.calls.slice(mark).filter(isCodeAlert)).toEqual([]);
  });

  it('/codeguard on (persisted) invalidates the code at once and says so; /expect leaves codes valid until /expect off', async () => {
    w = await startWorld();
    expect(await w.ask('/codeguard')).toMatch(/Code guard is <b>off<\/b>/);
    expect(await w.ask('/codeguard maybe')).toMatch(/not on or off; nothing was changed/);
    expect(await w.ask('/codeguard on')).toMatch(/Code guard is <b>on<\/b>/);
    await w.restart();
    expect(await w.ask('/codeguard')).toMatch(/Code guard is <b>on<\/b>/);

    const guarded = await pushCode('Login code: 90210. Do not give this code to anyone.');
    expect(guarded.ms).toBeLessThan(1000);
    expect(guarded.text).toMatch(/invalidated the code at once/);
    expect(w.mt.invalidatedCodes).toEqual(['90210']);

    expect(await w.ask('/expect 61')).toMatch(/1 to 60 minutes, not 61.*Nothing was changed/s);
    expect(await w.ask('/expect soon')).toMatch(/not a number of minutes/);
    expect(await w.ask('/expect')).toMatch(/Login window open until .* \(in 10 min\)/);
    const expected = await pushCode('Login code: 31337.');
    expect(expected.text).toMatch(/code was expected and left valid/);
    expect(w.mt.invalidatedCodes).toEqual(['90210']);

    expect(await w.ask('/expect off')).toMatch(/window is closed/);
    const after = await pushCode('Login code: 27182.');
    expect(after.text).toMatch(/invalidated the code at once/);
    expect(w.mt.invalidatedCodes).toEqual(['90210', '27182']);
    expect(w.auditRows('code_invalidate').map((r) => r.outcome)).toEqual(['ok', 'ok']);

    // A stranger cannot switch code guard off.
    const mark = w.say('/codeguard off', STRANGER);
    await w.ask('/help');
    expect(w.botApi.calls.slice(mark).filter((c) => c.params.chat_id === STRANGER.id)).toEqual([]);
    expect(await w.ask('/codeguard')).toMatch(/Code guard is <b>on<\/b>/);
  });

  it('the code never appears in anything the app sent to the Bot API, logged, or stored', async () => {
    const logged: string[] = [];
    const log = createLogger('debug', { write: (line: string) => void logged.push(line) });
    w = await startWorld({ log });
    await w.ask('/codeguard on');
    const codes = ['8264197', '6051938', '7092446'];
    await pushCode(`Login code: ${codes[0]}. Do not give this code to anyone.`);
    await pushCode(`Dein Login-Code lautet ${codes[1]}.`, 'updates');
    await w.ask('/expect 5');
    await pushCode(`Your code: ${codes[2]}`);
    await w.ask('/log 50');
    await w.ask('/security');
    expect(w.mt.invalidatedCodes).toEqual(codes.slice(0, 2));
    await w.app.stop();
    const traffic = JSON.stringify(w.botApi.calls, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    const logs = logged.join('');
    expect(logs.length).toBeGreaterThan(0);
    const db = fs
      .readdirSync(w.dir)
      .filter((f) => f.startsWith(path.basename(w.config.databasePath)))
      .map((f) => fs.readFileSync(path.join(w.dir, f)).toString('latin1'))
      .join('');
    expect(db.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(traffic).not.toContain(code);
      expect(logs).not.toContain(code);
      expect(db).not.toContain(code);
    }
    // What the owner did receive: three code alerts.
    expect(w.botApi.calls.filter((c) => c.params.chat_id === OWNER.id && isCodeAlert(c))).toHaveLength(3);
    await w.restart();
  });
});
