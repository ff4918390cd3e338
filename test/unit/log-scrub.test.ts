import { capture } from '../helpers/capture-stream';
import { createLogger } from '../../src/core/log';

/** A bot token can hide inside an error's message or stack (grammY puts the request URL there). */

const TOKEN = '7300400500:AAFt7tx7FICQSriZziVnul11w';

test('a bot token inside an error message, a stack or a plain string never reaches the log', () => {
  const { stream, text } = capture();
  const log = createLogger('debug', stream);
  const err = new Error(`request to http://127.0.0.1:42699/bot${TOKEN}/getUpdates failed, reason: socket hang up`);
  log.warn({ err }, 'stopping the bot failed');
  log.child({ part: 'x' }).error({ url: `https://api.telegram.org/bot${TOKEN}/sendMessage` }, `calling bot${TOKEN}/getMe`);
  log.info(`token ${TOKEN} in free text`);
  expect(text()).not.toContain(TOKEN.split(':')[1]);
  expect(text()).toContain('socket hang up');
  expect(text().match(/\[secret\]/g)?.length).toBeGreaterThanOrEqual(4);
});

test("the owner's TOTP secret is redacted wherever a config is logged", () => {
  const { stream, text } = capture();
  const log = createLogger('debug', stream);
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  log.info({ config: { ownerTotpSecret: secret } }, 'config');
  log.info({ ownerTotpSecret: secret }, 'flat');
  log.info({ app: { ownerTotpSecret: secret } }, 'nested');
  expect(text()).not.toContain(secret);
  expect(text().match(/\[secret\]/g)?.length).toBe(3);
});
