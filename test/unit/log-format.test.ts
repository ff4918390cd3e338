import { capture } from '../helpers/capture-stream';
import { parseConfig } from '../../src/core/config';
import { createLogger } from '../../src/core/log';
import { fakeSessionString } from '../helpers/session-string';

/** Whether pino-pretty was loaded: it must load only when LOG_FORMAT=pretty asks for it (idle memory). */
let mockPrettyLoaded = false;
jest.mock('pino-pretty', () => {
  mockPrettyLoaded = true;
  return jest.requireActual('pino-pretty');
});


const TOKEN = '7300400500:AAFt7tx7FICQSriZziVnul11w';
const VALID = { BOT_TOKEN: '123456:ABCdef_ghi-JKL', API_ID: '12345', API_HASH: '0123456789abcdef0123456789abcdef', ACCOUNT_SESSION: fakeSessionString() };

describe('LOG_FORMAT', () => {
  it('is json unless set, pretty when asked, and anything else is listed with the other problems', () => {
    const base = VALID;
    const json = parseConfig(base);
    const pretty = parseConfig({ ...base, LOG_FORMAT: 'pretty' });
    expect(json.ok && json.config.logFormat).toBe('json');
    expect(parseConfig({ ...base, LOG_FORMAT: 'json' }).ok).toBe(true);
    expect(pretty.ok && pretty.config.logFormat).toBe('pretty');
    const bad = parseConfig({ ...base, LOG_FORMAT: 'yaml', LOG_LEVEL: 'loud' });
    expect(bad.ok ? [] : bad.problems).toEqual([expect.stringMatching(/^LOG_LEVEL/), expect.stringMatching(/^LOG_FORMAT must be json \(the default\) or pretty/)]);
  });

  it('json loads no pretty-printer; pretty writes readable lines with every secret still scrubbed', () => {
    const json = capture();
    createLogger('debug', json.stream).info({ botToken: TOKEN }, 'started');
    expect(mockPrettyLoaded).toBe(false);
    expect(JSON.parse(json.text())).toMatchObject({ msg: 'started', botToken: '[secret]' });

    const { stream, text } = capture();
    const log = createLogger('debug', stream, 'pretty');
    expect(mockPrettyLoaded).toBe(true);
    const err = new Error(`request to http://127.0.0.1:42699/bot${TOKEN}/getUpdates failed, reason: socket hang up`);
    log.warn({ err }, 'stopping the bot failed');
    log.info({ config: { botToken: TOKEN, accountSession: '1BAAOMTQ5LjE1NC4xNjcuOTEAUE', ownerTotpSecret: 'JBSWY3DPEHPK3PXP' } }, 'config');
    log.info(`token ${TOKEN} in free text, smtps://alerts:hunter2pass@mail.example.com`);
    const out = text();
    expect(out).not.toMatch(/^\{/);
    expect(out).toMatch(/WARN.*stopping the bot failed/);
    expect(out).toContain('socket hang up');
    for (const secret of [TOKEN.split(':')[1]!, '1BAAOMTQ5LjE1NC4xNjcuOTEAUE', 'JBSWY3DPEHPK3PXP', 'hunter2pass']) expect(out).not.toContain(secret);
  });
});
