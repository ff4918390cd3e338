import { TOTP } from 'otpauth';
import type { CallRecord } from '../../sandbox/emulator/botapi';
import { OWNER, sleep, startWorld, type World } from '../helpers/world';

/**
 * The intruder reads the whole chat. Every code the owner sends must either be judged for the
 * request it answers or be used up at once: never left in the chat still good to spend. Each case
 * below shows a code to the chat without it acting; then the intruder tries to spend it.
 */
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const totp = new TOTP({ secret: SECRET });
const PHONE = 8_111_222_333_444_555n;
const clock = { now: Date.now() };
let w: World;
const code = (): string => totp.generate({ timestamp: clock.now });
const text = (c: CallRecord): string => String(c.params.text ?? '');
const isPrompt = (c: CallRecord): boolean => /Send the 6-digit code/.test(text(c));
const reply = (mark: number, p: RegExp): Promise<CallRecord> => w.next(mark, 'sendMessage', (c) => p.test(text(c)));

beforeEach(async () => {
  clock.now = Date.now();
  w = await startWorld({ totpSecret: SECRET, totpNow: () => clock.now, sessions: [{ hash: PHONE, deviceModel: 'iPhone 15 Pro' }] });
});
afterEach(async () => w.stop());

/** How a code can reach the chat without acting; each returns the code the intruder then reads. */
const EXPOSURES: Record<string, () => Promise<string>> = {
  'after the intruder cancelled the prompt by racing it': async () => {
    await w.next(w.say('/guard on'), 'sendMessage', isPrompt);
    await reply(w.say('/guard off'), /Two requests/);
    const c = code();
    await reply(w.say(c), /No request is waiting/);
    return c;
  },
  'after the prompt expired': async () => {
    await w.next(w.say('/guard off'), 'sendMessage', isPrompt);
    clock.now += 121_000;
    const c = code();
    await reply(w.say(c), /waited 2 minutes/);
    return c;
  },
  'last in a command that cancels a waiting prompt': async () => {
    await w.next(w.say('/ttl 7'), 'sendMessage', isPrompt);
    const c = code();
    await reply(w.say(`/codeguard on ${c}`), /Two requests/);
    return c;
  },
  'last in /panic, whose button asks for its own code': async () => {
    const c = code();
    await w.next(w.say(`/panic ${c}`));
    return c;
  },
  'last in a command that does not exist': async () => {
    const c = code();
    await w.next(w.say(`/revok ${c}`));
    return c;
  },
};

describe('e2e: a code seen in the chat is never left good to spend', () => {
  for (const [how, expose] of Object.entries(EXPOSURES)) {
    it(how, async () => {
      const c = await expose();
      await sleep(100);
      clock.now += 5_000; // the same 30 s step, or the next: the code would still be valid
      const mark = w.say(`/revoke ${PHONE} ${c}`);
      await w.next(mark, 'sendMessage', (x) => /already used|not accepted|not right|replayed|wrong/i.test(text(x)) || isPrompt(x));
      await sleep(200);
      expect(w.mt.callsOf('account.resetAuthorization')).toEqual([]);
    });
  }

  it('a command sent with formatting (a bold entity before bot_command) still asks for a code', async () => {
    const t = `/revoke ${PHONE}`;
    const mark = w.botApi.calls.length;
    w.botApi.injectUpdate({
      message: {
        message_id: 777, date: Math.floor(Date.now() / 1000), chat: { id: OWNER.id, type: 'private', first_name: OWNER.first_name },
        from: { id: OWNER.id, is_bot: false, first_name: OWNER.first_name }, text: t,
        entities: [{ type: 'bold', offset: 0, length: t.length }, { type: 'bot_command', offset: 0, length: 7 }],
      },
    });
    await w.next(mark, 'sendMessage', isPrompt);
    await sleep(200);
    expect(w.mt.callsOf('account.resetAuthorization')).toEqual([]);
  });

  it('a code last in a command, typed with a space as apps show it, is taken as the code and never echoed', async () => {
    const c = code();
    const spaced = `${c.slice(0, 3)} ${c.slice(3)}`;
    const mark = w.say(`/revoke ${PHONE} ${spaced}`);
    await w.next(mark, 'sendMessage', (x) => /Ended/.test(text(x)));
    expect(w.mt.callsOf('account.resetAuthorization')).toHaveLength(1);
    const said = w.botApi.calls.slice(mark).map(text).join('\n');
    expect(said).not.toContain(spaced);
    expect(said).not.toContain(c);
  });
});
