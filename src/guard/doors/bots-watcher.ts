import type { AuditLog } from '../../db/audit-log';
import type { ConnectedBots } from '../../db/connected-bots';
import type { Settings } from '../../db/settings';
import { AccountError } from '../../domain/account-error';
import type { AccountPort } from '../../domain/account-port';
import type { Logger } from '../../core/log';
import type { DoorEventSink } from './door-events';

const BOTS_BASELINE_SETTING = 'bots_baseline_taken_at';

export interface BotsWatcherDeps {
  readonly account: Pick<AccountPort, 'listConnectedBots'>;
  readonly bots: ConnectedBots;
  readonly settings: Settings;
  readonly audit: AuditLog;
  readonly emit: DoorEventSink;
  readonly log: Logger;
}

/**
 * The connected-bots door: reads account.getConnectedBots, diffs it against the bots SQLite knows
 * and emits one event per bot that appeared. The first read is the baseline and is not alerted.
 */
export function createBotsWatcher(d: BotsWatcherDeps) {
  const log = d.log.child({ part: 'bots-watch' });
  let running: Promise<void> | undefined;

  async function checkOnce(): Promise<void> {
    let bots;
    try {
      bots = await d.account.listConnectedBots();
    } catch (err) {
      log.warn({ code: err instanceof AccountError ? err.code : String(err) }, 'could not read the connected bots');
      return;
    }
    const known = d.bots.activeIds();
    const listed = new Set(bots.map((b) => b.botId.toString(10)));
    for (const id of known) {
      if (listed.has(id)) continue;
      d.bots.markGone(id);
      d.audit.record({ actorId: null, action: 'bot_gone', targetHash: BigInt(id) }, 'ok');
    }
    const added = bots.filter((b) => !known.has(b.botId.toString(10)));
    if (d.settings.get(BOTS_BASELINE_SETTING) === undefined) {
      for (const b of bots) d.bots.remember(b);
      d.settings.set(BOTS_BASELINE_SETTING, new Date().toISOString());
      d.audit.record({ actorId: null, action: 'bots_baseline', detail: `${bots.length} bots` }, 'ok');
      return;
    }
    // Told before it is remembered: a crash in between tells it again under the same key.
    for (const bot of added) {
      const id = bot.botId.toString(10);
      d.audit.record({ actorId: null, action: 'bot_connected', targetHash: bot.botId }, 'ok');
      d.emit({ kind: 'bot_connected', bot }, `bot_connected:${id}:${d.bots.goneAt(id) ?? 'first'}`);
    }
    for (const b of bots) d.bots.remember(b);
  }

  return {
    /** One read and diff; single flight. */
    check(): Promise<void> {
      // Never rejects: it runs from a timer, and a storage error must not become an unhandled rejection.
      running ??= checkOnce()
        .catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'the bots watch failed'))
        .finally(() => (running = undefined));
      return running;
    },
  };
}

