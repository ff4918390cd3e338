import { botHarness } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession, TEST_NOW_MS } from '../helpers/fake-account';
import { burstMessages, type BurstItem } from '../../src/bot/views/alert';
import { memoryLocalizer } from '../helpers/localizer';

/**
 * A burst alert's End buttons, redrawn from the alert's recorded state: results kept as data and
 * worded at each redraw, never lost to a second press, a failed list, a long text or a missing record.
 */
const HASHES = [101n, 102n, 103n, 104n];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setup(sessions = HASHES.map((hash) => makeSession({ hash, deviceModel: `Phone ${hash}`, unconfirmed: true }))) {
  const account = new FakeAccount([companionSession({ dateCreated: Math.floor(TEST_NOW_MS / 1000) - 30 * 86_400 }), ...sessions]);
  return botHarness(account);
}
type H = ReturnType<typeof setup>;

/** Draws a burst alert as the notifier does and, unless told not to, records its lines as the outbox does on delivery. */
async function postBurst(h: H, hashes: readonly bigint[] = HASHES, record = true, locale = 'en'): Promise<number> {
  const items: BurstItem[] = hashes.map((hash, i) => ({ n: i + 1, hash, session: h.account.sessions.find((s) => s.hash === hash), active: true }));
  const [m] = burstMessages(items, { i18n: memoryLocalizer(), locale }, false);
  await h.bot.api.sendMessage(42, m!.text, { parse_mode: 'HTML', reply_markup: m!.keyboard! });
  const id = 100 + h.calls.filter((c) => c.method === 'sendMessage').length;
  if (record) h.alerts.record(id, m!.covers!);
  return id;
}
const edits = (h: H) => h.calls.filter((c) => c.method === 'editMessageText');
const buttonsOf = (call: { payload: Record<string, unknown> }) =>
  ((call.payload.reply_markup as { inline_keyboard?: Array<Array<{ text: string }>> } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.text);

describe('a burst alert redrawn after End', () => {
  it('words every result in the language of each redraw: a result is stored as data, not as text', async () => {
    const h = setup();
    const id = await postBurst(h);
    await h.press('ee:101', 42, id);
    expect(h.lastText()).toMatch(/1\. Phone 101.* — ended/);
    await h.send('/language ru');
    await h.press('ee:102', 42, id);
    const text = String(edits(h).at(-1)!.payload.text);
    expect(text).not.toMatch(/ended/);
    expect(text.match(/— сеанс завершён/g)).toHaveLength(2);
  });

  it('two End buttons pressed together: the last redraw shows both ended and offers neither', async () => {
    const h = setup();
    const id = await postBurst(h);
    const list = h.account.listSessions.bind(h.account);
    let reads = 0;
    // The first press's list read for its redraw is slow: it returns after the second press ended its login.
    h.account.listSessions = async () => {
      reads++;
      const snapshot = await list();
      if (reads === 2) await sleep(300);
      return snapshot;
    };
    const a = h.press('ee:101', 42, id);
    await sleep(20);
    await Promise.all([a, h.press('ee:102', 42, id)]);
    const last = edits(h).at(-1)!;
    expect(String(last.payload.text)).toMatch(/2 of 4 still active/);
    expect(String(last.payload.text).match(/— ended/g)).toHaveLength(2);
    expect(buttonsOf(last)).toEqual(['End 3', 'End 4']);
  });

  it('when the list cannot be read after an End, the ended login loses its button and is not counted as active', async () => {
    const h = setup();
    const id = await postBurst(h);
    const list = h.account.listSessions.bind(h.account);
    let reads = 0;
    h.account.listSessions = async () => {
      if (++reads >= 2) throw new Error('the list failed');
      return list();
    };
    await h.press('ee:101', 42, id);
    const last = edits(h).at(-1)!;
    expect(String(last.payload.text)).toMatch(/3 of 4 still active/);
    expect(buttonsOf(last)).toEqual(['End 2', 'End 3', 'End 4']);
  });

  it('eight long Russian lines whose Ends all fail stay one message with every line and button, and each failure is explained', async () => {
    const hashes = [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n].map((n) => -9_000_000_000_000_000_000n - n);
    const h = setup(
      hashes.map((hash, i) =>
        makeSession({ hash, deviceModel: `Очень длинное имя устройства ${i} `.repeat(3), appName: 'Приложение с длинным именем'.repeat(2), region: 'Северо-Западный федеральный округ', country: 'Российская Федерация' }),
      ),
    );
    await h.send('/language ru');
    const id = await postBurst(h, hashes, true, 'ru');
    for (const hash of hashes) {
      h.account.failNext('revoke', { kind: 'logged_out' } as never, 'AUTH_KEY_DUPLICATED');
      await h.press(`ee:${hash}`, 42, id);
    }
    const last = edits(h).at(-1)!;
    expect(String(last.payload.text).match(/<code>/g)).toHaveLength(8);
    expect(buttonsOf(last)).toHaveLength(8);
    expect(last.problems ?? []).toEqual([]);
    // The line names the code; the message after each press says what happened and what to do.
    expect(String(last.payload.text)).toMatch(/AUTH_KEY_DUPLICATED/);
    expect(h.calls.filter((c) => c.method === 'sendMessage' && /AUTH_KEY_DUPLICATED/.test(String(c.payload.text)))).toHaveLength(8);
  });

  it('a message with no record of its lines is left as it is; the outcome comes as a new message', async () => {
    const h = setup();
    const id = await postBurst(h, HASHES, false);
    await h.press('ee:102', 42, id);
    expect(h.account.changes).toEqual([{ method: 'revoke', hash: 102n }]);
    expect(edits(h)).toEqual([]);
    expect(h.lastText()).toMatch(/Ended: Phone 102/);
  });

  it('keeps its lines from memory when the database never took them', async () => {
    const h = setup();
    const id = await postBurst(h, HASHES, false);
    // As the notifier does the moment the alert is delivered, before the outbox's write.
    h.alerts.remember(id, HASHES);
    await h.press('ee:103', 42, id);
    const last = edits(h).at(-1)!;
    expect(String(last.payload.text).match(/<code>/g)).toHaveLength(4);
    expect(buttonsOf(last)).toEqual(['End 1', 'End 2', 'End 4']);
  });
});
