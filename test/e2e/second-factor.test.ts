import { TOTP } from 'otpauth';
import { startWorld, type World } from '../helpers/world';

/** A fixed test secret (base32); codes are made from it as the owner's authenticator app would. */
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const totp = new TOTP({ secret: SECRET });
const PHONE = 8_111_222_333_444_555n;

let w: World | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

describe('e2e: the second factor', () => {
  it('a /revoke from the owner\'s id without a code ends nothing', async () => {
    w = await startWorld({ totpSecret: SECRET, sessions: [{ hash: PHONE, deviceModel: 'iPhone 15 Pro', appName: 'Telegram iOS' }] });
    await w.ask(`/revoke ${PHONE}`);
    expect(w.mt.callsOf('account.resetAuthorization')).toHaveLength(0);
    expect(w.mt.sessions().some((s) => s.hash === PHONE)).toBe(true);
    void totp;
  });
});
