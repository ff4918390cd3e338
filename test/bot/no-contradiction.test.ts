import { alertMessage } from '../../src/bot/views/alert';
import { createSettings } from '../../src/db/settings';
import type { NewLogin } from '../../src/domain/new-login';
import { GUARD_SETTING } from '../../src/guard/doors/login-watcher';
import type { Session } from '../../src/domain/session';
import { botHarness, OWNER_ID } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession, makeWebSession, TEST_NOW_MS } from '../helpers/fake-account';
import { memoryLocalizer } from '../helpers/localizer';

/**
 * The issue's kind, iterated: for every button on every message the bot sent, no reply may
 * contradict /trust, /guard or /status read right after it. A realistic account (the companion, the
 * owner's phone, an intruder's unconfirmed unofficial app, a laptop logged in an hour ago, a website
 * login), new-login alerts, and each start: guard mode off or on, the phone trusted or not. Every
 * button still shown on a message is pressed once, and the messages its press brings are pressed in
 * turn: earliest message first, or newest first (what a press just brought, as an owner follows a
 * prompt); the first messages in order or reversed. Buttons that end sessions come last, so the
 * others meet the account as it was, or first, so the others meet what is left (/panic with no
 * trusted device, the alerts of ended sessions).
 */
type Harness = ReturnType<typeof botHarness>;
type Button = { text: string; data: string };
interface Shown {
  id: number;
  text: string;
  buttons: Button[];
}

const NOW_S = TEST_NOW_MS / 1000;
const phone = makeSession({ hash: 10n, deviceModel: 'My Phone', apiId: 6 });
const intruder = makeSession({ hash: -20n, deviceModel: 'Intruder', apiId: 777, appName: 'Evil', officialApp: false, unconfirmed: true, dateCreated: NOW_S - 60 });
const laptop = makeSession({ hash: 30n, deviceModel: 'Work Laptop', platform: 'Windows', appName: 'Telegram Desktop', apiId: 2040, dateCreated: NOW_S - 3600 });

/** Buttons that end sessions (or everything): pressed after all others. */
const ENDS = /^(ee|sc|ra|rt|pk|wc|wy|ce):/;

const plain = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const buttonsOf = (payload: Record<string, unknown>): Button[] =>
  ((payload.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined)?.inline_keyboard ?? [])
    .flat()
    .filter((b) => b.callback_data !== undefined)
    .map((b) => ({ text: b.text, data: b.callback_data! }));

/** Every message as it shows now: sendMessage gives ids from 101 on (the harness's count), edits redraw them. */
function shownMessages(h: Harness): Map<number, Shown> {
  const shown = new Map<number, Shown>();
  let next = 100;
  for (const c of h.calls) {
    if (c.method === 'sendMessage') {
      const id = ++next;
      shown.set(id, { id, text: plain(String(c.payload.text)), buttons: buttonsOf(c.payload) });
    } else if (c.method === 'editMessageText') {
      const id = Number(c.payload.message_id);
      shown.set(id, { id, text: plain(String(c.payload.text)), buttons: buttonsOf(c.payload) });
    }
  }
  return shown;
}

/** The state as /trust, /guard and /status say it; their messages are reads, never pressed. */
interface Truth {
  trusted: string[];
  guardOn: boolean;
}

async function readTruth(h: Harness, reads: Set<number>): Promise<Truth> {
  const ask = async (command: string): Promise<string> => {
    await h.send(command);
    reads.add(100 + h.sent('sendMessage').length);
    return plain(h.lastText());
  };
  const trustText = await ask('/trust');
  const guardText = await ask('/guard');
  const statusText = await ask('/status');
  const trusted = trustText.split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => l.replace(/^\d+\. /, ''));
  const guardOn = /^🛡 Guard mode is on/.test(guardText);
  // The three reads agree with each other first.
  const status = /Guard mode: (on|off), (\d+) trusted/.exec(statusText);
  expect({ status: status?.[1], count: Number(status?.[2]) }).toEqual({ status: guardOn ? 'on' : 'off', count: trusted.length });
  if (trusted.length === 0) expect(trustText).toMatch(/No trusted devices yet/);
  if (guardOn) expect(guardText).toContain(`devices not on your trusted list (${trusted.length})`);
  else expect(guardText).toMatch(/^Guard mode is off/);
  return { trusted, guardOn };
}

const isTrusted = (t: Truth, model: string): boolean => t.trusted.some((l) => l.startsWith(`${model} (`));

/** Every claim about trust and guard mode a reply makes, checked against what the reads say now. */
function contradictions(reply: { text: string; buttons: Button[] }, t: Truth, h: Harness): string[] {
  const found: string[] = [];
  const says = (re: RegExp): RegExpExecArray | null => re.exec(reply.text);
  const claim = (ok: boolean, what: string): void =>
    void (ok || found.push(`${what}\n  in: ${reply.text.slice(0, 400)}\n  /trust: ${t.trusted.join(' | ') || 'none'}; guard ${t.guardOn ? 'on' : 'off'}`));
  if (says(/Guard mode is on\b/)) claim(t.guardOn, 'says guard mode is on');
  if (says(/Guard mode is off\b|Guard mode stays off/)) claim(!t.guardOn, 'says guard mode is off');
  if (says(/Guard mode is on, with no trusted devices/)) claim(t.trusted.length === 0, 'says there are no trusted devices');
  const trustedCount = says(/Trusted devices: (\d+)/);
  if (trustedCount) claim(Number(trustedCount[1]) === t.trusted.length, `says ${trustedCount[1]} devices are trusted`);
  if (says(/No trusted devices yet/)) claim(t.trusted.length === 0, 'says no device is trusted');
  for (const m of reply.text.matchAll(/(?:^|\s)(?:Already trusted|Trusted): ([^,(.]+?) \(/gm)) claim(isTrusted(t, m[1]!), `says ${m[1]} is trusted`);
  const device = says(/Device: (.+?) · /)?.[1];
  if (device && says(/Its device is not trusted/)) claim(!isTrusted(t, device), `says ${device}'s device is not trusted`);
  if (device && says(/its device is on your trusted list/)) claim(isTrusted(t, device), `says ${device}'s device is trusted`);
  if (device && reply.buttons.some((b) => /^(Trust this device|No thanks)$/.test(b.text))) claim(!isTrusted(t, device), `offers to trust ${device}, which /trust lists`);
  if (says(/Every current session is already trusted/)) {
    const others = h.account.sessions.filter((s: Session) => !s.current);
    claim(others.every((s) => isTrusted(t, s.deviceModel)), 'says every current session is trusted');
  }
  if (says(/No current session can be trusted this way/)) claim(!reply.buttons.some((b) => /Trust current sessions/.test(b.text)), 'says none can be trusted, and offers to trust');
  if (says(/Now log in again on your own phone/)) claim(!(t.guardOn && t.trusted.length === 0), 'tells to log in again while guard mode would end that login');
  return found;
}

/** An alert as the notifier sends it: the view's text and keyboard, through the same Bot API. */
async function alert(h: Harness, session: Session): Promise<void> {
  const login = { hash: session.hash, session, via: 'push', whileOffline: false } as NewLogin;
  const m = alertMessage(login, { nowMs: TEST_NOW_MS, autoconfirmSeconds: 7 * 86_400, companionCreatedAt: NOW_S - 30 * 86_400, i18n: memoryLocalizer(), locale: 'en' });
  await h.bot.api.sendMessage(OWNER_ID, m.text, { parse_mode: 'HTML', ...(m.keyboard ? { reply_markup: m.keyboard } : {}) });
}

interface Start {
  guard: boolean;
  trustPhone: boolean;
  reverse: boolean;
  order: 'earliest' | 'newest' | 'ends first';
}

async function explore(start: Start): Promise<{ presses: number; found: string[] }> {
  const account = new FakeAccount([companionSession({ dateCreated: NOW_S - 30 * 86_400 }), phone, intruder, laptop]);
  account.webSessions = [makeWebSession({ hash: 5n })];
  const h = botHarness(account);
  if (start.trustPhone) {
    await h.press('tl');
    await h.press('tr:10');
    await h.press(h.lastButtons().find((b) => b.data.startsWith('tf:'))!.data);
  }
  createSettings(h.db).setFlag(GUARD_SETTING, start.guard);
  const reads = new Set<number>();
  const sources: Array<() => Promise<void>> = [
    () => alert(h, intruder),
    () => alert(h, laptop),
    () => h.send('/sessions'),
    () => h.send('/trust'),
    () => h.send('/guard on'),
    () => h.send('/revokeall'),
    () => h.send('/panic'),
    () => h.send('/security'),
    () => h.send('/websessions'),
    () => h.send('/ttl'),
  ];
  for (const s of start.reverse ? sources.reverse() : sources) await s();
  const found: string[] = [];
  const pressed = new Set<string>();
  let presses = 0;
  for (; presses < 400; presses++) {
    // The next button still shown and not pressed yet, on the earliest message; a language button
    // would change the words read here.
    const open = [...shownMessages(h).values()]
      .filter((m) => !reads.has(m.id))
      .sort((a, b) => (start.order === 'newest' ? b.id - a.id : a.id - b.id))
      .flatMap((m) => m.buttons.filter((b) => !pressed.has(`${m.id}|${b.data}`) && !b.data.startsWith('lang:')).map((b) => ({ id: m.id, ...b })));
    const next = open.find((b) => ENDS.test(b.data) === (start.order === 'ends first')) ?? open[0];
    if (!next) break;
    pressed.add(`${next.id}|${next.data}`);
    const mark = h.calls.length;
    const sentBefore = h.sent('sendMessage').length;
    await h.press(next.data, OWNER_ID, next.id);
    const replies = h.calls.slice(mark);
    const after = shownMessages(h);
    const touched = new Set<number>();
    let sends = 100 + sentBefore;
    for (const c of replies) {
      if (c.method === 'sendMessage') touched.add(++sends);
      if (c.method === 'editMessageText') touched.add(Number(c.payload.message_id));
    }
    const toasts = replies.filter((c) => c.method === 'answerCallbackQuery' && c.payload.text).map((c) => ({ text: String(c.payload.text), buttons: [] }));
    const truth = await readTruth(h, reads);
    for (const reply of [...[...touched].map((id) => after.get(id)!), ...toasts]) {
      if (process.env.DEBUG_PRESSES) process.stdout.write(`${next.data} -> ${reply.text.split('\n')[0]}\n`);
      for (const f of contradictions(reply, truth, h)) found.push(`after pressing "${next.text}" (${next.data}): ${f}`);
    }
  }
  return { presses, found };
}

describe('no reply contradicts /trust, /guard or /status read right after it', () => {
  const starts: Start[] = [];
  for (const guard of [false, true])
    for (const trustPhone of [false, true])
      for (const reverse of [false, true]) for (const order of ['earliest', 'newest', 'ends first'] as const) starts.push({ guard, trustPhone, reverse, order });
  const name = (s: Start): string =>
    `guard ${s.guard ? 'on' : 'off'}, phone ${s.trustPhone ? 'trusted' : 'not trusted'}, first messages ${s.reverse ? 'reversed' : 'in order'}, ${s.order === 'ends first' ? 'what ends sessions' : `${s.order} message`} first`;
  it.each(starts.map((s) => [name(s), s] as const))(
    '%s',
    async (_name, start) => {
      const { presses, found } = await explore(start);
      expect(found).toEqual([]);
      // It did press its way through: every kind of message has buttons.
      expect(presses).toBeGreaterThan(10);
    },
  );
});
