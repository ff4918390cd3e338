import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCEPT_CHANGE, BUTTONS } from '../../src/bot/buttons/buttons';
import { botHarness } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession, makeWebSession, NO_PASSWORD } from '../helpers/fake-account';

type Harness = ReturnType<typeof botHarness>;

const mine = makeSession({ hash: 10n, deviceModel: 'My Phone', apiId: 6 });
const theirs = makeSession({ hash: -20n, deviceModel: 'Intruder', apiId: 777, appName: 'Evil', unconfirmed: true });

function world(): Harness {
  const account = new FakeAccount([companionSession(), mine, theirs]);
  account.webSessions = [makeWebSession({ hash: 5n }), makeWebSession({ hash: 6n, domain: 'shop.example' })];
  return botHarness(account);
}

/** Shows the message that carries the button, and returns the button's callback_data. */
const button = (h: Harness, prefix: string): string => {
  const b = h.lastButtons().find((x) => x.data.startsWith(prefix));
  if (!b) throw new Error(`no ${prefix} button in ${JSON.stringify(h.lastButtons())}`);
  return b.data;
};

/** A pending 2FA reset and a connected business bot, so /security and /bots draw their one-shot buttons. */
const openDoors = (h: Harness): void => {
  h.account.password = { ...NO_PASSWORD, hasPassword: true, pendingResetDate: 1_780_600_000 };
  const recipients = { existingChats: true, newChats: false, contacts: false, nonContacts: false, excludeSelected: false, users: 0 };
  h.account.connectedBots = [{ botId: 42n, username: 'reader_bot', name: 'Reader', canReply: true, recipients }];
};

const trustMine = async (h: Harness): Promise<void> => {
  await h.press('tl');
  await h.press(button(h, 'tr:10'));
  await h.press(button(h, 'tf:10'));
};

/** For every button the bot draws: how to get a message with it on screen, and what one press must do. */
const SCENARIOS: Record<string, { show: (h: Harness) => Promise<string>; changes?: number }> = {
  ok: { show: async () => 'ok:-20' },
  ee: { show: async () => 'ee:-20', changes: 1 },
  se: { show: async (h) => (await h.send('/sessions'), button(h, 'se:')) },
  sc: { show: async (h) => (await h.press('se:-20'), button(h, 'sc:')), changes: 1 },
  sx: { show: async (h) => (await h.press('se:-20'), button(h, 'sx:')) },
  sp: { show: async () => 'sp:0' },
  tl: { show: async () => 'tl' },
  tp: { show: async (h) => (await trustMine(h), await h.send('/trust'), 'tp:0') },
  tr: { show: async (h) => (await h.press('tl'), button(h, 'tr:10')) },
  tf: { show: async (h) => (await h.press('tl'), await h.press(button(h, 'tr:10')), button(h, 'tf:')) },
  tx: { show: async (h) => (await trustMine(h), await h.send('/trust'), button(h, 'tx:')) },
  ra: { show: async (h) => (await h.send('/revokeall'), button(h, 'ra:')), changes: 1 },
  rt: { show: async (h) => (await trustMine(h), await h.send('/revokeall'), button(h, 'rt:')), changes: 1 },
  rx: { show: async (h) => (await h.send('/revokeall'), button(h, 'rx:')) },
  we: { show: async (h) => (await h.send('/websessions'), button(h, 'we:')) },
  wc: { show: async (h) => (await h.press('we:5'), button(h, 'wc:')), changes: 1 },
  wx: { show: async (h) => (await h.press('we:5'), button(h, 'wx:')) },
  wa: { show: async () => 'wa' },
  wy: { show: async (h) => (await h.press('wa'), button(h, 'wy:')), changes: 1 },
  wn: { show: async (h) => (await h.press('wa'), button(h, 'wn:')) },
  gt: { show: async (h) => (await h.send('/guard on'), button(h, 'gt:')) },
  go: { show: async (h) => (await h.send('/guard on'), button(h, 'go:')) },
  gx: { show: async (h) => (await h.send('/guard on'), button(h, 'gx:')) },
  // revokeAll, revokeAllWebSessions and (since /panic locks the other doors) setSessionTtlDays.
  pk: { show: async (h) => (await h.send('/panic'), button(h, 'pk:')), changes: 3 },
  px: { show: async (h) => (await h.send('/panic'), button(h, 'px:')) },
  tt: { show: async () => 'tt:30', changes: 1 },
  tn: { show: async (h) => (await h.press('ok:-20'), button(h, 'tn:')) },
  dr: { show: async (h) => (openDoors(h), await h.send('/security'), button(h, 'dr:')), changes: 1 },
  bd: { show: async (h) => (openDoors(h), await h.send('/bots'), button(h, 'bd:')), changes: 1 },
  cg: { show: async (h) => (await h.send('/security'), button(h, 'cg:')) },
  lang: { show: async (h) => (await h.send('/language'), button(h, 'lang:')) },
  ce: { show: async () => 'ce:-20', changes: 1 },
  cm: { show: async (h) => `cm:${h.oneShots.create(ACCEPT_CHANGE, String(movedChange(h)))}` },
};

/** A stored change of the intruder's session (it moved), as the change watcher records one; returns its id. */
function movedChange(h: Harness): number {
  const before = { ip: '203.0.113.7', country: 'Spain', region: 'Madrid', deviceModel: 'Intruder', platform: 'Android', systemVersion: '14', apiId: 777, appName: 'Evil', appVersion: '1', dateActive: 1 };
  const after = { ...before, country: 'Nigeria', region: 'Lagos' };
  return h.history.record(2, [], [], [{ hash: -20n, kinds: ['moved'], before, after, foundAt: 2, officialApp: false, guard: { kind: 'off' } }])[0]!.id;
}

describe('every button is known to the callback path', () => {
  it('the table of buttons, the handlers in src/bot/features and this test name the same prefixes', () => {
    const dir = join(__dirname, '../../src/bot/features');
    const handled = new Set<string>();
    for (const file of readdirSync(dir)) {
      for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/callbackQuery\(\s*buttonPattern\('([a-z]+)'\)/g)) handled.add(m[1]!);
    }
    expect([...handled].sort()).toEqual(Object.keys(BUTTONS).sort());
    expect(Object.keys(SCENARIOS).sort()).toEqual(Object.keys(BUTTONS).sort());
  });
});

describe('a double tap on any button acts once and leaves the message true', () => {
  it.each(Object.keys(SCENARIOS))('%s', async (prefix) => {
    const h = world();
    const data = await SCENARIOS[prefix]!.show(h);
    expect(data.startsWith(prefix)).toBe(true);
    const mark = h.calls.length;
    const changesBefore = h.account.changes.length;
    const auditBefore = h.auditRows().length;
    // Both callback queries arrive before the first handler finishes.
    await Promise.all([h.press(data), h.press(data)]);
    const after = h.calls.slice(mark);

    // Every query is answered exactly once.
    const answers = after.filter((c) => c.method === 'answerCallbackQuery').map((c) => c.payload.callback_query_id);
    expect(new Set(answers).size).toBe(2);
    expect(answers).toHaveLength(2);
    // At most one action, one new message, one set of audit rows.
    expect(h.account.changes.length - changesBefore).toBe(SCENARIOS[prefix]!.changes ?? 0);
    expect(after.filter((c) => c.method === 'sendMessage').length).toBeLessThanOrEqual(1);
    const edits = after.filter((c) => c.method === 'editMessageText');
    expect(edits.length).toBeLessThanOrEqual(1);
    const single = await singlePress(prefix);
    expect(h.auditRows().length - auditBefore).toBe(single.audit);
    for (const c of after) expect(String(c.payload.text ?? '')).not.toMatch(/Something went wrong|HASH_INVALID|No active session|already used/);
    // The message ends where one press leaves it.
    expect(h.lastText()).toBe(single.text);
  });
});

/** What one press of the same button does on a fresh world: the audit rows it writes and the text it leaves. */
async function singlePress(prefix: string): Promise<{ audit: number; text: string }> {
  const h = world();
  const data = await SCENARIOS[prefix]!.show(h);
  const before = h.auditRows().length;
  await h.press(data);
  return { audit: h.auditRows().length - before, text: h.lastText() };
}

describe('a late answer never stops the action', () => {
  it('"End it" still ends the session when answerCallbackQuery gets 400 "query is too old"', async () => {
    const h = world();
    h.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === 'answerCallbackQuery') {
        h.calls.push({ method, payload: payload as Record<string, unknown> });
        return { ok: false, error_code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' } as never;
      }
      return prev(method, payload, signal);
    });
    await h.press('ee:-20');
    expect(h.account.changes).toEqual([{ method: 'revoke', hash: -20n }]);
    expect(h.lastText()).toMatch(/Ended/);
    expect(h.lastText()).not.toMatch(/Something went wrong/);
  });
});
