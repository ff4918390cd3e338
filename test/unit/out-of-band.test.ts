import fs from 'node:fs';
import path from 'node:path';
import type { Api } from 'grammy';
import { createChannelOutbox, fanOut } from '../../src/bot/delivery/channel-outbox';
import { createOutbox } from '../../src/bot/delivery/outbox';
import { CHAT_ONLY_KINDS, groupedMessage, outOfBandMessage, plainText } from '../../src/bot/views/out-of-band';
import type { Channel, OutOfBandMessage } from '../../src/channels/channel';
import { createChannelOutboxStore } from '../../src/db/channel-outbox';
import { openDatabase } from '../../src/db/open-database';
import { createOutboxStore } from '../../src/db/outbox';
import { silentLogger } from '../../src/core/log';
import { memoryLocalizer } from '../helpers/localizer';

const SRC = path.join(__dirname, '..', '..', 'src');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));

/**
 * Every notice kind the code can produce: the kinds written where notices are built (files that
 * name OwnerNotice or queue one), and every door event (each becomes a notice of its own kind).
 * Kinds other branches add land in these same places, so this list grows with them.
 */
function everyNoticeKind(): string[] {
  const kinds = new Set<string>();
  for (const f of files(SRC)) {
    const text = fs.readFileSync(f, 'utf8');
    const doorEvents = f.endsWith(path.join('guard', 'events.ts')) ? /export type DoorEvent =([\s\S]*?)\n\n/.exec(text)?.[1] : undefined;
    for (const m of (doorEvents ?? '').matchAll(/^\s+\|\s*\{\s*readonly kind: '([a-z_]+)'/gm)) kinds.add(m[1]!);
    if (!/OwnerNotice|\.notify\(|outbox\.post\(/.test(text) || f.endsWith('out-of-band.ts')) continue;
    if (/security-checkup|confirmations|features\//.test(f)) continue;
    for (const m of text.matchAll(/kind: '([a-z_]+)'/g)) kinds.add(m[1]!);
  }
  return [...kinds].sort();
}

function world() {
  const db = openDatabase(':memory:');
  const got: OutOfBandMessage[] = [];
  const channel: Channel = { name: 'webhook', send: async (m) => void got.push(m) };
  const i18n = memoryLocalizer();
  const channels = createChannelOutbox({ channels: [channel], store: createChannelOutboxStore(db), log: silentLogger, group: (ms) => groupedMessage(ms, { i18n, locale: 'en' }) });
  const sent: string[] = [];
  const api = { sendMessage: async (_chat: number, text: string) => (sent.push(text), { message_id: sent.length }) } as unknown as Api;
  const outbox = createOutbox({
    api,
    ownerId: 1,
    store: createOutboxStore(db),
    log: silentLogger,
    alerted: () => undefined,
    outOfBand: fanOut(channels, () => ({ speech: { i18n, locale: 'en' }, account: '1', nowMs: Date.UTC(2026, 0, 1) })),
  });
  return { got, sent, outbox, channels, db };
}

const until = async (ok: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('what goes out of band', () => {
  it('finds the notice kinds the code produces, the known ones among them', () => {
    expect(everyNoticeKind()).toEqual(expect.arrayContaining(['new_login', 'companion_lost', 'password_off', 'code_requested', 'bot_connected', 'storage_down', 'companion_down', 'interrupted_actions', 'baseline']));
  });

  it('sends every kind through the channels, except replies and the first list, at the one point notices enter the outbox', async () => {
    const w = world();
    const kinds = [...everyNoticeKind(), 'second_factor_locked', 'session_moved', 'a_kind_added_tomorrow'];
    for (const kind of kinds) w.outbox.notify({ kind, text: `🚨 <b>${kind}</b> &amp; what to do` });
    const expected = kinds.filter((k) => !CHAT_ONLY_KINDS.has(k));
    await until(() => new Set(w.got.flatMap((m) => (m.fields?.events ? String(m.fields.events).split(',') : [m.event]))).size >= expected.length);
    const told = new Set(w.got.flatMap((m) => (m.fields?.events ? String(m.fields.events).split(',') : [m.event])));
    expect([...told].sort()).toEqual([...expected].sort());
    expect([...CHAT_ONLY_KINDS].every((k) => !told.has(k))).toBe(true);
    // Plain text: no Telegram HTML, entities undone, and what to do when the chat is out of reach.
    for (const m of w.got) {
      expect(m.text).not.toMatch(/<\/?b>|&amp;/);
      expect(m.text).toContain('Settings → Devices');
    }
    w.outbox.stop();
    await w.channels.stop();
  });

  it('tells a notice with a key once, on every channel as in the chat', async () => {
    const w = world();
    w.outbox.notify({ kind: 'password_off', text: 'off', key: 'k1' });
    w.outbox.notify({ kind: 'password_off', text: 'off', key: 'k1' });
    await until(() => w.got.length >= 1 && w.sent.length >= 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(w.got.map((m) => m.event)).toEqual(['password_off']);
    w.outbox.stop();
    await w.channels.stop();
  });

  it('makes the headline the title and goes on from there in the text, in the owner\'s language', () => {
    const i18n = memoryLocalizer();
    const m = outOfBandMessage({ kind: 'password_off', text: '🚨🚨 <b>2FA turned off</b>\n\nSomeone turned it off.' }, { speech: { i18n, locale: 'ru' }, account: '7', nowMs: 0 });
    expect(m).toMatchObject({ event: 'password_off', title: '🚨🚨 2FA turned off', account: '7', at: '1970-01-01T00:00:00.000Z', priority: 5 });
    expect(m.text).toMatch(/^Someone turned it off\.\n\nЧто делать: .*Настройки → Устройства/);
  });

  it('turns Telegram HTML into plain text', () => {
    expect(plainText('🚨 <b>New login</b>\nDevice: <code>a &lt;b&gt; &amp; c</code> <a href="https://x">link</a>')).toBe('🚨 New login\nDevice: a <b> & c link');
  });
});
