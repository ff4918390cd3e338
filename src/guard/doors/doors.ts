// guard/doors/ — the watched doors (sessions, 2FA, login codes, bots): read or receive, diff, emit events.
import type { AuditLog } from '../../db/audit-log';
import type { ConnectedBots } from '../../db/connected-bots';
import type { PasswordStates } from '../../db/password-state';
import type { Settings } from '../../db/settings';
import type { AccountWatchPort } from '../../domain/account-port';
import type { Logger } from '../../core/log';
import { createBotsWatcher } from './bots-watcher';
import { createCodeWatcher } from './code-watcher';
import type { DoorEventSink } from '../events';
import type { DoorName } from './door-read';
import { createPasswordWatcher } from './password-watcher';

export interface DoorsDeps {
  readonly account: AccountWatchPort;
  readonly passwordStates: PasswordStates;
  readonly bots: ConnectedBots;
  readonly settings: Settings;
  readonly audit: AuditLog;
  readonly emit: DoorEventSink;
  readonly log: Logger;
  /** RECONCILE_INTERVAL: the password and the bots are read as often as the session list. */
  readonly intervalMs: number;
}

/**
 * The doors besides the session list, each watched by its own small watcher: the 2FA password,
 * login codes (777000 messages) and connected business bots. Reads run on their own timer, so a
 * slow or rate-limited read here never delays a session alert.
 */
export function createDoors(d: DoorsDeps) {
  const password = createPasswordWatcher({ account: d.account, states: d.passwordStates, audit: d.audit, emit: d.emit, log: d.log });
  const bots = createBotsWatcher({ account: d.account, bots: d.bots, settings: d.settings, audit: d.audit, emit: d.emit, log: d.log });
  const codes = createCodeWatcher({ account: d.account, settings: d.settings, audit: d.audit, emit: d.emit, log: d.log });
  const stops: Array<() => void> = [];
  const checkAll = (): Promise<unknown> => Promise.all([password.check(), bots.check()]);

  return {
    /** Subscribes to 777000 messages and starts the reads; resolves after the first reads (the baseline on a first start). */
    start(): Promise<unknown> {
      stops.push(d.account.onServiceMessage((text, meta) => codes.onServiceMessage(text, meta)));
      const timer = setInterval(() => void checkAll(), d.intervalMs);
      timer.unref();
      stops.push(() => clearInterval(timer));
      return checkAll();
    },
    stop(): void {
      for (const s of stops.splice(0)) s();
    },
    /** Reads the password and the bots now (after /panic, say). */
    checkNow: checkAll,
    /** The timed doors Telegram asked to wait (FLOOD_WAIT), and until when (ms since the epoch). */
    blind(): BlindWatch[] {
      return [password, bots].flatMap((r) => {
        const until = r.pausedUntil();
        return until === undefined ? [] : [{ door: r.door, until }];
      });
    },
  };
}

export type Doors = ReturnType<typeof createDoors>;

/** A watch that sees nothing until `until` (ms since the epoch), because Telegram asked it to wait. */
export interface BlindWatch {
  readonly door: DoorName;
  readonly until: number;
}
