import { fakeSessionString } from '../helpers/session-string';
import { DEFAULT_DATABASE_PATH, describeConfigProblems, parseConfig } from '../../src/core/config';

const VALID = {
  BOT_TOKEN: '123456:ABCdef_ghi-JKL',
  API_ID: '12345',
  API_HASH: '0123456789abcdef0123456789abcdef',
  ACCOUNT_SESSION: fakeSessionString(),
};

describe('parseConfig', () => {
  it('reads a complete environment with defaults', () => {
    const r = parseConfig(VALID);
    expect(r).toEqual({
      ok: true,
      config: {
        botToken: VALID.BOT_TOKEN,
        apiId: 12345,
        apiHash: VALID.API_HASH,
        accountSession: VALID.ACCOUNT_SESSION,
        ownerId: undefined,
        databasePath: DEFAULT_DATABASE_PATH,
        botApiRoot: 'https://api.telegram.org',
        logLevel: 'info',
        logFormat: 'json',
        reconcileIntervalSeconds: 30,
      },
    });
  });

  it('takes every optional variable', () => {
    const r = parseConfig({ ...VALID, OWNER_ID: '777000111', DATABASE_PATH: '/tmp/x.sqlite', BOT_API_ROOT: 'http://127.0.0.1:8081/', LOG_LEVEL: 'debug', RECONCILE_INTERVAL: '10' });
    expect(r.ok && r.config).toMatchObject({ ownerId: 777000111, databasePath: '/tmp/x.sqlite', botApiRoot: 'http://127.0.0.1:8081', logLevel: 'debug', reconcileIntervalSeconds: 10 });
  });

  it('reads the session from data/account.session when ACCOUNT_SESSION is unset, and prefers the environment', () => {
    const { ACCOUNT_SESSION: _, ...rest } = VALID;
    const fromFile = fakeSessionString().replace('AAAA', 'BBBB');
    expect(parseConfig(rest, `${fromFile}\n`).ok && (parseConfig(rest, `${fromFile}\n`) as { config: { accountSession: string } }).config.accountSession).toBe(fromFile);
    const both = parseConfig(VALID, fromFile);
    expect(both.ok && both.config.accountSession).toBe(VALID.ACCOUNT_SESSION);
  });

  it('reports every problem at once and never echoes a value', () => {
    const r = parseConfig({ API_ID: 'twelve', BOT_TOKEN: 'secret token value', OWNER_ID: '-5', LOG_LEVEL: 'loud', BOT_API_ROOT: 'not a url', RECONCILE_INTERVAL: '1' });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    const text = problems.join('\n');
    for (const name of ['BOT_TOKEN', 'API_ID', 'API_HASH', 'ACCOUNT_SESSION', 'OWNER_ID', 'LOG_LEVEL', 'BOT_API_ROOT', 'RECONCILE_INTERVAL']) {
      expect(text).toContain(name);
    }
    expect(problems).toHaveLength(8);
    expect(text).not.toContain('secret token value');
    expect(text).not.toContain('twelve');
    expect(text).toMatch(/npm run login/);
  });

  it('treats blank values as missing', () => {
    const r = parseConfig({ ...VALID, BOT_TOKEN: '  ', API_HASH: '' });
    expect(r.ok ? [] : r.problems).toEqual([expect.stringMatching(/^BOT_TOKEN is missing/), expect.stringMatching(/^API_HASH is missing/)]);
  });

  it('describes problems with what to do next', () => {
    const msg = describeConfigProblems(['A is missing', 'B is wrong']);
    expect(msg).toMatch(/2 settings need fixing/);
    expect(msg).toMatch(/npm run setup/);
    expect(msg).toMatch(/npm run demo/);
  });

  it('API_HASH is 32 hexadecimal characters: any other shape is refused with what it should look like', () => {
    for (const bad of ['abc', '0123456789abcdef0123456789abcdeg', '0123456789abcdef0123456789abcdef0', 'my-api-hash']) {
      const r = parseConfig({ ...VALID, API_HASH: bad });
      expect(r.ok ? [] : r.problems).toEqual([expect.stringMatching(/^API_HASH must be the 32 letters and digits/)]);
    }
    expect(parseConfig({ ...VALID, API_HASH: '0123456789ABCDEF0123456789abcdef' }).ok).toBe(true);
  });

  it('a malformed session string is listed with the other problems, never quoted', () => {
    for (const junk of ['junk', '1not-base64!', `1${Buffer.alloc(40).toString('base64')}`, `2${Buffer.alloc(263).toString('base64')}`]) {
      const r = parseConfig({ ...VALID, API_ID: 'x', ACCOUNT_SESSION: junk });
      const problems = r.ok ? [] : r.problems;
      expect(problems).toEqual([expect.stringMatching(/^API_ID/), expect.stringMatching(/^ACCOUNT_SESSION is not a valid session string.*npm run login/)]);
      expect(problems.join('\n')).not.toContain(junk);
    }
  });
});

describe('OWNER_TOTP_SECRET', () => {
  it('is optional, and read in the canonical base32 form however an app shows it', () => {
    expect(parseConfig(VALID)).toMatchObject({ ok: true, config: expect.not.objectContaining({ ownerTotpSecret: expect.anything() }) });
    const r = parseConfig({ ...VALID, OWNER_TOTP_SECRET: 'jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp====' });
    expect(r).toMatchObject({ ok: true, config: { ownerTotpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' } });
  });

  it.each(['not base32!', 'JBSWY3DP', 'JBSWY3DPEHPK3PX1', '0000000000000000'])('"%s" is a problem listed with the others, without quoting it', (secret) => {
    const r = parseConfig({ ...VALID, API_ID: 'x', OWNER_TOTP_SECRET: secret });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/^OWNER_TOTP_SECRET is not a base32 secret .*: run `npm run setup` to create one$/);
    expect(describeConfigProblems(problems)).not.toContain(secret);
  });
});
