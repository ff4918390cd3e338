import type { AuditLog } from '../db/audit-log';
import type { AccountPort } from '../domain/account-port';
import type { DenialRecorder } from '../guard/denial-recorder';
import type { Logger } from '../log';
import type { Confirmations } from './confirmations';

/** Everything the bot's features need, injected so tests can pass fakes or the emulator-backed client. */
export interface BotDeps {
  readonly ownerId: number;
  readonly account: AccountPort;
  readonly audit: AuditLog;
  readonly denials: DenialRecorder;
  readonly confirmations: Confirmations;
  readonly log: Logger;
  readonly now: () => number;
}
