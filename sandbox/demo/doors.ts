import { randomInt } from 'node:crypto';
import type { DemoWorld } from './scenario';
import type { DemoWords } from './words';

const DAY = 86_400;

/** The demo account's 2FA password: on, with a recovery email, so `:2fa off` has something to remove. */
export const DEMO_PASSWORD = { password: 'correct horse battery staple', passwordHint: 'the horse', passwordDetails: { hasRecovery: true } };

/**
 * The other doors, simulated on the emulated account; the warden then finds them as it would for
 * real (the 2FA and bot reads are nudged instead of waiting for the next session check).
 * Returns what to print, or undefined when `text` is not one of these commands.
 */
export function simulateDoor(world: DemoWorld, text: string, words: DemoWords): string | undefined {
  const now = Math.floor(Date.now() / 1000);
  const check = (): void => void world.app.doors.checkNow();
  switch (text.replace(/\s+/g, ' ').toLowerCase()) {
    case ':2fa off':
      void world.mt.setPassword(undefined).then(check);
      return words.passwordOff;
    case ':reset':
      world.mt.setPasswordDetails({ ...world.mt.passwordDetails, pendingResetDate: now + 7 * DAY });
      check();
      return words.reset;
    case ':code': {
      // Only Telegram's side of the demo knows the code; the warden must never repeat it.
      const code = String(randomInt(10_000, 100_000));
      world.mt.pushServiceMessage(`Login code: ${code}. Do not give this code to anyone, even if they say they are from Telegram!`);
      return words.code;
    }
    case ':bot':
      world.mt.setConnectedBots([
        ...world.mt.connectedBots(),
        { botId: BigInt(7_000_000_000 + randomInt(1_000_000)), username: 'helpful_inbox_bot', firstName: 'Inbox Helper', canReply: true, existingChats: true, newChats: true },
      ]);
      check();
      return words.bot;
    default:
      return undefined;
  }
}
