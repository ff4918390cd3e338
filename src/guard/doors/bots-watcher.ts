import type { AuditLog } from '../../db/audit-log';
import type { ConnectedBots } from '../../db/connected-bots';
import type { Settings } from '../../db/settings';
import type { AccountPort } from '../../domain/account-port';
import type { Logger } from '../../core/log';
import type { DoorEventSink } from '../events';
import { doorRead } from './door-read';

const BOTS_BASELINE_SETTING = 'bots_baseline_taken_at';

export interface BotsWatcherDeps {
  readonly account: Pick<AccountPort, 'listConnectedBots'>;
  readonly bots: ConnectedBots;
  readonly settings: Settings;
  readonly audit: AuditLog;
  readonly emit: DoorEventSink;
  readonly log: Logger;
  readonly now?: () => number;
}

/**
 * The connected-bots door: reads account.getConnectedBots, diffs it against the bots SQLite knows
 * and emits one event per bot that appeared. The first read is the baseline and is not alerted.
 * A FLOOD_WAIT pauses only this watch, for as long as Telegram asked (door-read.ts).
 */
export function createBotsWatcher(d: BotsWatcherDeps) {
  async function checkOnce(): Promise<void> {
    const bots = await d.account.listConnectedBots();
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

  return doorRead('bots', checkOnce, d.log.child({ part: 'bots-watch' }), d.now);
}
