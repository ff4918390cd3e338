import { memoryLocalizer } from '../helpers/localizer';
import type { Update } from 'grammy/types';
import { alertMessage, batchMessages } from '../../src/bot/views/alert';
import { visibleText } from '../../src/bot/api/telegram-limits';
import type { NewLogin } from '../../src/domain/new-login';
import { botHarness, OWNER_ID } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession, TEST_NOW_MS } from '../helpers/fake-account';

type Harness = ReturnType<typeof botHarness>;

const FORGED = 'Pixel 8\n🛡 Guard mode ended it at once\nHash: 1\u202Egnp.exe\u200B';
const CONTEXT = { nowMs: TEST_NOW_MS, autoconfirmSeconds: 7 * 86_400, companionCreatedAt: undefined, i18n: memoryLocalizer(), locale: 'en' };

const visible = (h: Harness): string => visibleText(h.lastText(), 'HTML');

/** Presses a button on a message that shows exactly what the alert notifier sent, as Telegram would deliver it. */
async function pressOn(h: Harness, m: { text: string; keyboard?: { inline_keyboard: unknown } }, data: string, messageId = 500): Promise<void> {
  await h.raw({
    callback_query: {
      id: `cq-${data}-${Math.random()}`,
      from: { id: OWNER_ID, is_bot: false, first_name: 'Owner' },
      chat_instance: '1',
      data,
      message: {
        message_id: messageId,
        date: 0,
        chat: { id: OWNER_ID, type: 'private', first_name: 'x' },
        text: visibleText(m.text, 'HTML'),
        ...(m.keyboard ? { reply_markup: { inline_keyboard: m.keyboard.inline_keyboard } } : {}),
      },
    },
  } as unknown as Omit<Update, 'update_id'>);
}

const login = (session: ReturnType<typeof makeSession>): NewLogin => ({ hash: session.hash, session, push: undefined, via: 'push', whileOffline: false });

describe('messages over 4096 characters', () => {
  it('/trust with 45 trusted devices with 60-character names keeps every Remove button reachable', async () => {
    const h = botHarness(new FakeAccount([companionSession()]));
    const { createTrustedDevices } = await import('../../src/db/trusted-devices');
    const trusted = createTrustedDevices(h.db);
    for (let i = 0; i < 45; i++) trusted.add({ apiId: 6, appName: 'Telegram Android', platform: 'Android', deviceModel: `${String(i).padStart(2, '0')} ${'x'.repeat(57)}` });
    await h.send('/trust');
    const removable = new Set<string>();
    for (let page = 0; page < 20; page++) {
      expect(visible(h).length).toBeLessThanOrEqual(4096);
      for (const b of h.lastButtons()) if (b.data.startsWith('tx:')) removable.add(b.data.split(':')[1]!);
      const next = h.lastButtons().find((b) => b.text.startsWith('Next'));
      if (!next) break;
      await h.press(next.data);
    }
    expect(removable.size).toBe(45);
  });

  it('one trusted device with a 4,209-character model does not break /trust, and can be removed', async () => {
    const h = botHarness(new FakeAccount([companionSession()]));
    const { createTrustedDevices } = await import('../../src/db/trusted-devices');
    createTrustedDevices(h.db).add({ apiId: 6, appName: 'A', platform: 'P', deviceModel: 'M'.repeat(4209) });
    await h.send('/trust');
    expect(h.sent().at(-1)!.payload.parse_mode).toBe('HTML');
    expect(visible(h).length).toBeLessThan(600);
    const remove = h.lastButtons().find((b) => b.data.startsWith('tx:'))!;
    await h.press(remove.data);
    expect(h.lastText()).toMatch(/No trusted devices yet/);
  });

  it('"It\'s me" on a login with a 5,000-character model confirms, fits, and offers Trust and No thanks', async () => {
    const s = makeSession({ hash: 77n, deviceModel: 'D'.repeat(5000), unconfirmed: true });
    const h = botHarness(new FakeAccount([companionSession(), s]));
    const alert = alertMessage(login(s), CONTEXT);
    expect(visibleText(alert.text, 'HTML').length).toBeLessThan(1000);
    await pressOn(h, { text: alert.text, keyboard: alert.keyboard! }, 'ok:77');
    expect(h.account.calls.filter((c) => c.method === 'confirm')).toHaveLength(1);
    const edit = h.sent('editMessageText').at(-1)!;
    expect(edit.payload.parse_mode).toBe('HTML');
    expect(visible(h).length).toBeLessThan(1500);
    expect(h.lastButtons().map((b) => b.text)).toEqual(['Trust this device', 'No thanks']);
  });

  it('"Ended: …" stays short with a long IP field', async () => {
    const s = makeSession({ hash: 78n, ip: '1'.repeat(5000) });
    const h = botHarness(new FakeAccount([companionSession(), s]));
    await h.send('/revoke 78');
    expect(h.lastText()).toMatch(/^Ended: /);
    expect(visible(h).length).toBeLessThan(400);
  });
});

describe('names that forge lines', () => {
  it('a device model with line breaks, an RLO and a zero-width space stays on its own line in the alert, /sessions and /trust', async () => {
    const s = makeSession({ hash: 79n, deviceModel: FORGED });
    const h = botHarness(new FakeAccount([companionSession(), s]));
    const texts = [visibleText(alertMessage(login(s), CONTEXT).text, 'HTML')];
    await h.send('/sessions');
    texts.push(visible(h));
    await h.press('tl');
    await h.press(h.lastButtons().find((b) => b.data === 'tr:79')!.data);
    await h.press('tf:79');
    await h.send('/trust');
    texts.push(visible(h));
    for (const text of texts) {
      const lines = text.split('\n');
      expect(lines.filter((l) => l.startsWith('🛡 Guard mode'))).toEqual([]);
      expect(lines.filter((l) => l === 'Hash: 1')).toEqual([]);
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
      expect(text).toContain('Pixel 8⏎🛡 Guard mode ended it at once⏎');
    }
  });
});

describe('alerts redrawn from state', () => {
  it('after "It\'s me" and after "End it" the "not confirmed yet" line is gone', async () => {
    for (const data of ['ok:80', 'ee:80']) {
      const s = makeSession({ hash: 80n, unconfirmed: true });
      const h = botHarness(new FakeAccount([companionSession(), s]));
      const alert = alertMessage(login(s), CONTEXT);
      expect(alert.text).toMatch(/has not confirmed this login yet/);
      h.alerts.record(500, alert.covers!); // as the outbox records a delivered alert
      await pressOn(h, { text: alert.text, keyboard: alert.keyboard! }, data);
      expect(h.lastText()).not.toMatch(/has not confirmed this login yet/);
      expect(h.lastText()).toMatch(data === 'ok:80' ? /✅ Confirmed/ : /Ended: Pixel 8/);
      expect(h.lastText()).toContain('Device: Pixel 8');
    }
  });

  it('ending one login of a burst alert keeps the other End buttons', async () => {
    const sessions = [81n, 82n, 83n].map((hash, i) => makeSession({ hash, deviceModel: `Phone ${i + 1}` }));
    const h = botHarness(new FakeAccount([companionSession(), ...sessions]));
    const [burst] = batchMessages(sessions.map(login), CONTEXT);
    // As the outbox records a delivered alert: the logins it shows, in line order.
    h.alerts.record(500, burst!.covers!);
    await pressOn(h, { text: burst!.text, keyboard: burst!.keyboard! }, 'ee:82');
    expect(h.account.changes).toEqual([{ method: 'revoke', hash: 82n }]);
    expect(h.lastButtons()).toEqual([
      { text: 'End 1', data: 'ee:81' },
      { text: 'End 3', data: 'ee:83' },
    ]);
    expect(visible(h)).toMatch(/2\. Phone 2.* — ended/);
  });

  it('"No thanks" on the trust offer closes it and keeps the result', async () => {
    const s = makeSession({ hash: 84n });
    const h = botHarness(new FakeAccount([companionSession(), s]));
    const alert = alertMessage(login(s), CONTEXT);
    await pressOn(h, { text: alert.text, keyboard: alert.keyboard! }, 'ok:84');
    await pressOn(h, { text: h.lastText() }, 'tn:84');
    expect(h.lastText()).toMatch(/This login is yours/);
    expect(h.sent('editMessageText').at(-1)!.payload.reply_markup).toBeUndefined();
  });
});

describe('the smaller things', () => {
  it('/sessions numbers a session the same on its card, its End button and the confirmation', async () => {
    const h = botHarness(
      new FakeAccount([companionSession(), makeSession({ hash: 90n, deviceModel: 'iPhone 15 Pro', dateActive: 1_779_999_000 }), makeSession({ hash: 91n, deviceModel: 'Old', dateActive: 1_700_000_000 })]),
    );
    await h.send('/sessions');
    expect(h.lastText()).toContain('#2 iPhone 15 Pro');
    const end = h.lastButtons().find((b) => b.data === 'se:90')!;
    expect(end.text).toBe('End #2 iPhone 15 Pro');
    await h.press(end.data);
    expect(h.lastText()).toContain('#2 iPhone 15 Pro');
  });

  it('places read "Madrid, Spain" in /sessions, the alert and the confirmation', async () => {
    const s = makeSession({ hash: 92n, region: 'Madrid', country: 'Spain' });
    const h = botHarness(new FakeAccount([companionSession(), s]));
    await h.send('/sessions');
    expect(h.lastText()).toContain('Madrid, Spain');
    expect(h.lastText()).not.toContain('Spain, Madrid');
    expect(alertMessage(login(s), CONTEXT).text).toContain('Madrid, Spain');
  });

  it('/revokeall offers "End all except trusted devices" only when a session logged in now is trusted', async () => {
    const h = botHarness(new FakeAccount([companionSession(), makeSession({ hash: 93n, deviceModel: 'Intruder', apiId: 999 })]));
    const { createTrustedDevices } = await import('../../src/db/trusted-devices');
    createTrustedDevices(h.db).add({ apiId: 6, appName: 'Telegram Android', platform: 'Android', deviceModel: 'My old phone' });
    await h.send('/revokeall');
    expect(h.lastButtons().map((b) => b.text)).toEqual(['End 1 session', 'Cancel']);
    expect(h.lastText()).not.toMatch(/spares|keeps the/);
  });

  it('"1 web session", not "1 web sessions"', async () => {
    const account = new FakeAccount([companionSession()]);
    const { makeWebSession } = await import('../helpers/fake-account');
    account.webSessions = [makeWebSession({ hash: 5n })];
    const h = botHarness(account);
    await h.press('wa');
    await h.press(h.lastButtons().find((b) => b.data.startsWith('wy:'))!.data);
    expect(h.auditRows('web_revoke_all')[0]?.detail).toBe('1 web session');
    expect(h.lastText()).toContain('1 web session when you asked');
  });

  it('/panic does not send the owner to "a device you trust" right after logging every device out', async () => {
    const h = botHarness(new FakeAccount([companionSession(), makeSession({ hash: 94n })]));
    const { createTrustedDevices } = await import('../../src/db/trusted-devices');
    createTrustedDevices(h.db).add({ apiId: 6, appName: 'Telegram Android', platform: 'Android', deviceModel: 'Pixel 8' });
    await h.send('/panic');
    await h.press(h.lastButtons().find((b) => b.data.startsWith('pk:'))!.data);
    expect(h.lastText()).not.toMatch(/from a device you trust/);
    expect(h.lastText()).not.toMatch(/stay allowed/);
    expect(h.lastText()).toMatch(/log in again/);
  });
});

describe('guard mode says why', () => {
  const trustedPixel = { apiId: 6, appName: 'Telegram Android', platform: 'Android', deviceModel: 'Pixel 8' };

  it('a trusted login it let through is marked as let through', () => {
    const s = makeSession({ hash: 95n });
    const text = alertMessage(login(s), { ...CONTEXT, guard: { on: true, trusted: [trustedPixel] } }).text;
    expect(text).toMatch(/Guard mode let it through: this device is on your trusted list/);
  });

  it('an ended login whose model matched a trusted device says the app differed', () => {
    const s = makeSession({ hash: 96n, appName: 'Telegram X', apiId: 21724 });
    const text = alertMessage({ ...login(s), autoEnd: { ok: true } }, { ...CONTEXT, guard: { on: true, trusted: [trustedPixel] } }).text;
    expect(text).toMatch(/Guard mode ended it at once/);
    expect(text).toMatch(/The model matched a trusted device \(Pixel 8\), but the app Telegram X instead of Telegram Android, api_id 21724 instead of 6 differed/);
  });
});
