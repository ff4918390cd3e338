import { fakeSessionString } from '../helpers/session-string';
import { parseConfig } from '../../src/core/config';
import { scrubSecrets } from '../../src/core/log';

const VALID = {
  BOT_TOKEN: '123456:ABCdef_ghi-JKL',
  API_ID: '12345',
  API_HASH: '0123456789abcdef0123456789abcdef',
  ACCOUNT_SESSION: fakeSessionString(),
};

const problems = (env: Record<string, string>): readonly string[] => {
  const r = parseConfig({ ...VALID, ...env });
  return r.ok ? [] : r.problems;
};

describe('the out-of-band channels in the configuration', () => {
  it('reads email, ntfy, a webhook and the heartbeat', () => {
    const r = parseConfig({
      ...VALID,
      SMTP_URL: 'smtps://me:pa55@mail.example.com:465',
      ALERT_EMAIL_TO: 'me@example.com, other@example.org',
      ALERT_EMAIL_FROM: 'warden@example.com',
      NTFY_URL: 'https://ntfy.sh/my-topic',
      NTFY_TOKEN: 'tk_abc',
      WEBHOOK_URL: 'https://hooks.example.com/warden',
      HEARTBEAT_URL: 'https://hc-ping.com/uuid',
      HEARTBEAT_INTERVAL: '60',
    });
    expect(r.ok && r.config.channels).toEqual({
      email: { url: 'smtps://me:pa55@mail.example.com:465', to: ['me@example.com', 'other@example.org'], from: 'warden@example.com' },
      ntfy: { url: 'https://ntfy.sh/my-topic', token: 'tk_abc' },
      webhook: { url: 'https://hooks.example.com/warden' },
      heartbeat: { url: 'https://hc-ping.com/uuid', intervalSeconds: 60 },
    });
  });

  it('leaves every channel off when nothing is set, and the heartbeat at 300 s by default', () => {
    const none = parseConfig(VALID);
    expect(none.ok && none.config.channels).toBeUndefined();
    const hb = parseConfig({ ...VALID, HEARTBEAT_URL: 'http://127.0.0.1:8080/ping' });
    expect(hb.ok && hb.config.channels?.heartbeat).toEqual({ url: 'http://127.0.0.1:8080/ping', intervalSeconds: 300 });
  });

  it('names each bad setting in one sentence and never quotes a password', () => {
    expect(problems({ SMTP_URL: 'http://me:secretpw@mail.example.com', ALERT_EMAIL_TO: 'me@example.com' })).toEqual([expect.stringMatching(/^SMTP_URL must be .*smtps:\/\//)]);
    expect(problems({ SMTP_URL: 'smtp://mail.example.com:587' })).toEqual([expect.stringMatching(/^ALERT_EMAIL_TO/)]);
    expect(problems({ SMTP_URL: 'smtp://mail.example.com:587', ALERT_EMAIL_TO: 'not an address' })).toEqual([expect.stringMatching(/^ALERT_EMAIL_TO/)]);
    expect(problems({ ALERT_EMAIL_TO: 'me@example.com' })).toEqual([expect.stringMatching(/SMTP_URL/)]);
    expect(problems({ NTFY_URL: 'ntfy.sh/topic' })).toEqual([expect.stringMatching(/^NTFY_URL must be/)]);
    expect(problems({ NTFY_URL: 'https://ntfy.sh/' })).toEqual([expect.stringMatching(/^NTFY_URL must be/)]);
    // A bare % in the password cannot be read back: every push would fail, so it is a setting problem now.
    const percent = problems({ NTFY_URL: 'https://alice:50%off@ntfy.example/alerts' });
    expect(percent).toEqual([expect.stringMatching(/^NTFY_URL .*%25/)]);
    expect(percent.join(' ')).not.toContain('50%off');
    expect(problems({ NTFY_URL: 'https://alice:50%25off@ntfy.example/alerts' })).toEqual([]);
    expect(problems({ WEBHOOK_URL: 'ftp://x.example.com/' })).toEqual([expect.stringMatching(/^WEBHOOK_URL must be/)]);
    expect(problems({ HEARTBEAT_URL: 'https://hc-ping.com/u', HEARTBEAT_INTERVAL: '2' })).toEqual([expect.stringMatching(/^HEARTBEAT_INTERVAL must be between 5 and 86400/)]);
    expect(problems({ HEARTBEAT_URL: 'not a url' })).toEqual([expect.stringMatching(/^HEARTBEAT_URL must be/)]);
    const all = problems({ SMTP_URL: 'http://me:secretpw@x', NTFY_URL: 'bad', NTFY_TOKEN: 'tok-secret' });
    expect(all.join('\n')).not.toMatch(/secretpw|tok-secret/);
  });
});

describe('the log', () => {
  it('scrubs a password inside a URL, as a mail library error might quote SMTP_URL', () => {
    expect(scrubSecrets('{"msg":"connect smtps://me%40x.org:hunter2pw@mail.example.com:465 failed"}')).toBe(
      '{"msg":"connect smtps://me%40x.org:[secret]@mail.example.com:465 failed"}',
    );
    expect(scrubSecrets('see https://ntfy.sh/topic and http://127.0.0.1:8080/x')).toBe('see https://ntfy.sh/topic and http://127.0.0.1:8080/x');
  });
});
