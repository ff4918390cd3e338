import QRCode from 'qrcode';
import { Secret } from 'otpauth';
import { normalizeTotpSecret } from '../core/config';
import { codeIn, DRIFT_STEPS, stepAt } from '../guard/second-factor';
import { createTotp } from '../guard/totp';
import type { Conversation } from './conversation';

/** 160 bits, the size RFC 4226 recommends and authenticator apps expect. */
const SECRET_BYTES = 20;

/** The secret in groups of four, as apps that take one by hand show it. */
const grouped = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Step 5: the owner's second factor (OWNER_TOTP_SECRET). A working secret is kept unless the owner
 * asks for a new one; otherwise a new one is made (by default), shown as a QR code of its otpauth://
 * URI and as text, and kept only once the owner typed a current code from the app, which proves the
 * app holds it. Returns the secret to save, or undefined when the owner declined (the bot then
 * warns that anyone in the account can command it). The secret never passes through Telegram.
 */
export async function secondFactorStep(c: Conversation, current: string | undefined, now: () => number = Date.now): Promise<string | undefined> {
  c.say('');
  c.say('Step 5 of 5: the second factor. Anyone logged in to your Telegram account has your user id, so the bot');
  c.say('cannot tell them from you. A code from an authenticator app on your phone can: with it, every change');
  c.say('(ending sessions, guard mode, trusted devices, ...) asks for the current code first.');
  const normalized = current ? normalizeTotpSecret(current) : undefined;
  if (normalized && /^[A-Z2-7]{16,128}$/.test(normalized)) {
    if (await c.yesNo('A second factor is set (OWNER_TOTP_SECRET). Keep it? Answer n only if you lost the app or its entry [Y/n] ')) return normalized;
  } else {
    if (normalized) c.say('The current OWNER_TOTP_SECRET is not a base32 secret, so a new one is made.');
    else if (!(await c.yesNo('Create a second factor now? [Y/n] '))) {
      c.say('No second factor: anyone logged in to your account can command the bot. Run `npm run setup` again to add one.');
      return undefined;
    }
  }
  const secret = new Secret({ size: SECRET_BYTES }).base32;
  const totp = createTotp(secret);
  c.say('Scan this QR code with your authenticator app (Google Authenticator, Aegis, 1Password, ...):');
  c.say(await QRCode.toString(totp.uri('owner'), { type: 'terminal', small: true, errorCorrectionLevel: 'L' }));
  c.say(`Or add it by hand: time-based, 6 digits, every 30 s, key ${grouped(secret)}`);
  c.say('Keep it only in the app: anyone with this key can make the codes.');
  for (;;) {
    const code = codeIn(await c.ask('Code shown in the app now: '));
    const step = stepAt(now());
    if (code !== undefined) {
      for (let s = step - DRIFT_STEPS; s <= step + DRIFT_STEPS; s += 1) if (totp.matches(code, s)) return secret;
    }
    c.say(code === undefined ? 'A code is the 6 digits the app shows for session-warden.' : "That code does not match: check that the app added this key and that the phone's clock is right, then type the current code.");
  }
}
