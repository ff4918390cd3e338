import type { Session } from '../../src/domain/session';
import { botHarness } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession, TEST_NOW_MS } from '../helpers/fake-account';

type Harness = ReturnType<typeof botHarness>;

/** Every reason a session must not be trusted without a word, with a session that has it. */
const RISKY: Record<string, { session: Partial<Session>; words: RegExp }> = {
  password_pending: { session: { passwordPending: true }, words: /2FA password/ },
  unconfirmed: { session: { unconfirmed: true }, words: /not confirmed/ },
  too_new: { session: { dateCreated: Math.floor(TEST_NOW_MS / 1000) - 600 }, words: /less than 24 hours/ },
  unofficial: { session: { officialApp: false, appName: 'Evil Client', apiId: 999 }, words: /unofficial app/ },
};

/**
 * Every path that puts a device on the trusted list, driven as the owner would. Each must leave the
 * risky session off the list and say why, or ask again with the flag shown; never trust it silently.
 */
const PATHS: Record<string, (h: Harness, hash: bigint) => Promise<void>> = {
  '/guard on → Trust current sessions': async (h) => {
    await h.send('/guard on');
    const trustAll = h.lastButtons().find((b) => b.data.startsWith('gt:'));
    if (trustAll) await h.press(trustAll.data);
  },
  '/trust → Add a current session → pick it': async (h, hash) => {
    await h.send('/trust');
    await h.press('tl');
    const pick = h.lastButtons().find((b) => b.data === `tr:${hash}`);
    if (pick) await h.press(pick.data);
  },
};

describe('every path to the trusted list applies the same exclusions', () => {
  for (const [path, act] of Object.entries(PATHS)) {
    for (const [why, risky] of Object.entries(RISKY)) {
      it(`${path}: a ${why} session is not trusted without a word`, async () => {
        const session = makeSession({ hash: 31n, deviceModel: 'Risky Phone', ...risky.session });
        const h = botHarness(new FakeAccount([companionSession(), session]));
        const mark = h.calls.length;
        await act(h, session.hash);
        expect(h.db.prepare('SELECT COUNT(*) AS n FROM trusted_device').get()).toEqual({ n: 0 });
        const said = h.calls.slice(mark).map((c) => String(c.payload.text ?? '')).join('\n');
        expect(said).toMatch(risky.words);
      });
    }
  }

  it('the pick list shows the risk on the button, and "Trust anyway" after the flag is shown does trust it', async () => {
    const session = makeSession({ hash: 32n, deviceModel: 'Odd Phone', unconfirmed: true });
    const h = botHarness(new FakeAccount([companionSession(), session]));
    await h.press('tl');
    expect(h.lastButtons().find((b) => b.data === 'tr:32')?.text).toMatch(/^⚠️/);
    await h.press('tr:32');
    expect(h.lastText()).toMatch(/not confirmed/);
    const anyway = h.lastButtons().find((b) => b.data === 'tf:32');
    expect(anyway).toBeDefined();
    await h.press(anyway!.data);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM trusted_device').get()).toEqual({ n: 1 });
    expect(h.auditRows('trust')).toEqual([expect.objectContaining({ outcome: 'ok', detail: expect.stringMatching(/Odd Phone.*despite: unconfirmed/) })]);
  });
});

describe('a reply that states whether a device is trusted reads the list', () => {
  it('"No thanks" after "Trust this device" says it is trusted, as /trust does', async () => {
    const session = makeSession({ hash: 33n, deviceModel: 'My Phone' });
    const h = botHarness(new FakeAccount([companionSession(), session]));
    await h.press('tr:33');
    await h.press('tf:33');
    await h.press('tn:33');
    expect(h.lastText()).not.toMatch(/not trusted/);
    expect(h.lastText()).toMatch(/on your trusted list/);
    await h.send('/trust');
    expect(h.lastText()).toMatch(/My Phone/);
  });
});

describe('replies that state a state read it', () => {
  it('/trust → Add a current session with only the companion logged in does not claim everything is trusted', async () => {
    const h = botHarness(new FakeAccount([companionSession()]));
    await h.press('tl');
    expect(h.lastText()).not.toMatch(/already trusted/);
    expect(h.lastText()).toMatch(/nothing to add/);
  });

  it('/guard on with no session that can be trusted does not offer to trust current sessions', async () => {
    const h = botHarness(new FakeAccount([companionSession(), makeSession({ hash: 40n, unconfirmed: true })]));
    await h.send('/guard on');
    expect(h.lastText()).toMatch(/No current session can be trusted this way/);
    expect(h.lastButtons().map((b) => b.data).filter((d) => d.startsWith('gt:'))).toEqual([]);
  });

  it('/panic with no trusted device does not tell the owner to log in again before guard mode is off', async () => {
    const h = botHarness(new FakeAccount([companionSession(), makeSession({ hash: 41n })]));
    await h.send('/panic');
    await h.press(h.lastButtons().find((b) => b.data.startsWith('pk:'))!.data);
    expect(h.lastText()).toMatch(/no trusted device, so it would end your own next login too/);
    expect(h.lastText()).not.toMatch(/Now log in again on your own phone/);
  });
});
