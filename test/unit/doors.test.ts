import { memoryLocalizer } from '../helpers/localizer';
import fc from 'fast-check';
import { openDatabase } from '../../src/db/open-database';
import { createOneShotActions } from '../../src/db/one-shot-actions';
import { createPasswordStates } from '../../src/db/password-state';
import type { PasswordState } from '../../src/domain/password-state';
import { findLoginCode } from '../../src/guard/login-code';
import { diffPassword } from '../../src/guard/doors/password-diff';
import { riskFlags } from '../../src/guard/risk-flags';
import { doorAlertText } from '../../src/bot/views/door-alerts';
import { trustCandidates } from '../../src/guard/trust-candidates';
import { makeSession, NO_PASSWORD, TEST_NOW_MS } from '../helpers/fake-account';

describe('findLoginCode', () => {
  it.each([
    ['Login code: 12345. Do not give this code to anyone, even if they say they are from Telegram!', '12345'],
    ['Код подтверждения: 54321. Никому не давайте код', '54321'],
    ['Dein Login-Code lautet 1234567.', '1234567'],
    ['Código de inicio de sesión: 765432', '765432'],
    ['Code:98765', '98765'],
    ['(24680)', '24680'],
  ])('finds the code in %j', (text, code) => expect(findLoginCode(text)).toBe(code));

  it.each([
    'New login. Dear Owner, we detected a login into your account from a new device on 03/12/2026 at 10:15:00 UTC. Device: Telegram Desktop, 5.0.1 (IP = 203.0.113.7)',
    'version 11.2.34567',
    'call +44 7700 900123',
    '12345678',
    '1234',
    'code12345',
    'Web login code. This is your login code:\nAb3xY9kLmN',
  ])('finds no code in %j', (text) => expect(findLoginCode(text)).toBeUndefined());

  it('finds any standalone 5-7 digit code whatever words surround it', () => {
    const word = fc.stringMatching(/^[A-Za-zА-Яа-я]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.stringMatching(/^[0-9]{5,7}$/), fc.array(word, { maxLength: 6 }), (before, code, after) => {
        const text = [...before, `${code}.`, ...after].join(' ');
        expect(findLoginCode(text)).toBe(code);
      }),
    );
  });

  it('never takes a run of more than 7 digits as a code', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{8,20}$/), (digits) => expect(findLoginCode(`Login code: ${digits}`)).toBeUndefined()));
  });
});

const passwordState = (): fc.Arbitrary<PasswordState> =>
  fc.record({
    hasPassword: fc.boolean(),
    hasRecovery: fc.boolean(),
    hint: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
    emailUnconfirmedPattern: fc.option(fc.constantFrom('a***@x.com', 'b***@y.org'), { nil: undefined }),
    loginEmailPattern: fc.option(fc.constantFrom('l***@x.com', 'm***@y.org'), { nil: undefined }),
    pendingResetDate: fc.option(fc.integer({ min: 1, max: 2_000_000_000 }), { nil: undefined }),
    algoFingerprint: fc.option(fc.constantFrom('aa', 'bb', 'cc'), { nil: undefined }),
  });

describe('diffPassword', () => {
  it('finds nothing between a state and itself', () => {
    fc.assert(fc.property(passwordState(), (s) => expect(diffPassword(s, s)).toEqual([])));
  });

  it('tells each change once, and 2FA turned off first of all', () => {
    fc.assert(
      fc.property(passwordState(), passwordState(), (a, b) => {
        const kinds = diffPassword(a, b).map((e) => e.kind);
        expect(new Set(kinds).size).toBe(kinds.length);
        if (a.hasPassword && !b.hasPassword) expect(kinds[0]).toBe('password_off');
      }),
    );
  });

  it('a new algo fingerprint with a password on both sides is a changed password', () => {
    const on = { ...NO_PASSWORD, hasPassword: true, algoFingerprint: 'aa' };
    expect(diffPassword(on, { ...on, algoFingerprint: 'bb' })).toEqual([{ kind: 'password_changed' }]);
  });
});

describe('password_state', () => {
  it('round-trips a state and has no column for the SRP challenge', () => {
    const db = openDatabase(':memory:');
    const states = createPasswordStates(db);
    expect(states.last()).toBeUndefined();
    fc.assert(
      fc.property(passwordState(), (s) => {
        states.save(s);
        expect(states.last()).toEqual(s);
      }),
    );
    const columns = (db.prepare('PRAGMA table_info(password_state)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns.filter((c) => /srp/i.test(c))).toEqual([]);
  });
});

describe('one-shot actions', () => {
  it('exactly one of many takes wins; a release allows one more', () => {
    const shots = createOneShotActions(openDatabase(':memory:'));
    const id = shots.create('decline_reset', '42');
    const results = Array.from({ length: 5 }, () => shots.take(id, 'decline_reset'));
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, kind: 'decline_reset', target: '42' }]);
    expect(results.filter((r) => !r.ok)).toHaveLength(4);
    expect(shots.take(id, 'disconnect_bot')).toEqual({ ok: false, why: 'unknown' });
    expect(shots.take('nope', 'decline_reset')).toEqual({ ok: false, why: 'unknown' });
    shots.release(id);
    expect(shots.take(id, 'decline_reset').ok).toBe(true);
    expect(shots.take(id, 'decline_reset')).toEqual({ ok: false, why: 'used' });
  });
});

describe('riskFlags', () => {
  const nowS = TEST_NOW_MS / 1000;
  it('flags an unofficial app with its api_id, password_pending, and idleness over 30 days', () => {
    const s = makeSession({ officialApp: false, apiId: 31337, passwordPending: true, dateActive: nowS - 31 * 86_400 - 10 });
    expect(riskFlags(s, TEST_NOW_MS)).toEqual([{ kind: 'unofficial_app', apiId: 31337 }, { kind: 'password_pending' }, { kind: 'idle', days: 31 }]);
    expect(riskFlags(makeSession(), TEST_NOW_MS)).toEqual([]);
  });

  it('flags a trusted device only in a country never seen for it', () => {
    const s = makeSession({ country: 'Nigeria' });
    expect(riskFlags(s, TEST_NOW_MS, new Set(['Germany']))).toEqual([{ kind: 'new_country', country: 'Nigeria' }]);
    expect(riskFlags(s, TEST_NOW_MS, new Set(['Nigeria']))).toEqual([]);
    expect(riskFlags(s, TEST_NOW_MS, undefined)).toEqual([]);
  });
});

describe('trustCandidates', () => {
  it('never offers a pending, unconfirmed, fresh or companion session, whatever the mix', () => {
    const nowS = TEST_NOW_MS / 1000;
    const session = fc.record({
      passwordPending: fc.boolean(),
      unconfirmed: fc.boolean(),
      current: fc.boolean(),
      ageHours: fc.integer({ min: 0, max: 24 * 60 }),
    });
    fc.assert(
      fc.property(fc.array(session, { maxLength: 12 }), (specs) => {
        const sessions = specs.map((x, i) => makeSession({ hash: BigInt(i + 1), ...x, dateCreated: nowS - x.ageHours * 3600 }));
        const { trust, leftOut } = trustCandidates(sessions, TEST_NOW_MS);
        for (const s of trust) expect(s.passwordPending || s.unconfirmed || s.current || nowS - s.dateCreated < 86_400).toBe(false);
        expect(trust.length + leftOut.length).toBe(sessions.filter((s) => !s.current).length);
      }),
    );
  });
});

describe('door alert texts', () => {
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  it('clean and clip every field the server or an attacker chooses, by whole characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ maxLength: 400 }), (name, hint) => {
        const bot = {
          botId: 1n,
          username: name,
          name,
          canReply: true,
          recipients: { existingChats: true, newChats: false, contacts: false, nonContacts: false, excludeSelected: false, users: 0 },
        };
        for (const event of [
          { kind: 'bot_connected', bot } as const,
          { kind: 'hint_changed', hint } as const,
          { kind: 'recovery_email_pending', pattern: name } as const,
        ]) {
          const text = doorAlertText(event, TEST_NOW_MS, { i18n: memoryLocalizer(), locale: 'en' });
          expect(text).not.toMatch(lone);
          expect(text.length).toBeLessThan(1200);
          expect(text.replace(/<\/?(b|i|code)>/g, '')).not.toMatch(/[<>]/);
        }
      }),
    );
  });
});
