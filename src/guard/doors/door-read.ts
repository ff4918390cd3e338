import { AccountError } from '../../domain/account-error';
import type { Logger } from '../../core/log';

/** The doors read on a timer, by the name /status shows for each. */
export type DoorName = 'sessions' | 'password' | 'bots';

export interface DoorRead {
  readonly door: DoorName;
  /** One read and diff: single flight, and skipped while Telegram's FLOOD_WAIT lasts. Never rejects. */
  check(): Promise<void>;
  /** Until when (ms since the epoch) Telegram asked this door to wait, while it does; undefined otherwise. */
  pausedUntil(): number | undefined;
}

/**
 * The one shape of a door's timed read. A FLOOD_WAIT answer pauses this door alone for exactly as
 * long as Telegram asked: calling again meanwhile only prolongs the wait (a day-long one is real
 * for account.getConnectedBots). Other account errors are logged and the next tick tries again.
 * `read` lets account errors through; everything else it throws is a bug or a storage failure,
 * logged at error, and never an unhandled rejection (this runs from a timer).
 */
export function doorRead(door: DoorName, read: () => Promise<void>, log: Logger, now: () => number = Date.now): DoorRead {
  let notBefore = 0;
  let running: Promise<void> | undefined;
  const run = async (): Promise<void> => {
    try {
      await read();
    } catch (err) {
      if (err instanceof AccountError && err.failure.kind === 'flood_wait') {
        notBefore = now() + err.failure.seconds * 1000;
        log.warn({ door, seconds: err.failure.seconds }, 'door watch paused by FLOOD_WAIT');
      } else if (err instanceof AccountError) {
        log.warn({ door, code: err.code }, 'could not read the door');
      } else {
        log.error({ door, err: err instanceof Error ? err.message : String(err) }, 'the door watch failed');
      }
    }
  };
  return {
    door,
    check(): Promise<void> {
      if (now() < notBefore) return running ?? Promise.resolve();
      running ??= run().finally(() => (running = undefined));
      return running;
    },
    pausedUntil: () => (now() < notBefore ? notBefore : undefined),
  };
}
