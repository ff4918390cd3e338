import type { Database } from 'better-sqlite3';
import type { ConnectedBot } from '../domain/connected-bot';
import { asStore, type ResilientStore } from './resilient-store';

/** The `connected_bot` table: business bots seen connected; the bots watch diffs against it. */
export function createConnectedBots(source: Database | ResilientStore) {
  const store = asStore(source);
  const db = store.db;
  const active = db.prepare(`SELECT bot_id FROM connected_bot WHERE gone_at IS NULL`);
  const upsert = db.prepare<[string, string | null, string, number, string]>(
    `INSERT INTO connected_bot (bot_id, username, name, can_reply, first_seen_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (bot_id) DO UPDATE SET username = excluded.username, name = excluded.name,
       can_reply = excluded.can_reply, gone_at = NULL, first_seen_at = CASE WHEN connected_bot.gone_at IS NULL
       THEN connected_bot.first_seen_at ELSE excluded.first_seen_at END`,
  );
  const goneAt = db.prepare<[string]>(`SELECT gone_at FROM connected_bot WHERE bot_id = ?`);
  const gone = db.prepare<[string, string]>(`UPDATE connected_bot SET gone_at = ? WHERE bot_id = ? AND gone_at IS NULL`);
  // Changes kept while the database refused writes: undefined = connected again, a time = gone then.
  const kept = { changes: new Map<string, string | undefined>() };
  const overlay = store.mirror(kept);
  const activeIds = (): Set<string> => {
    const ids = new Set((active.all() as Array<{ bot_id: string }>).map((r) => r.bot_id));
    for (const [id, goneAt] of overlay().changes) goneAt === undefined ? ids.add(id) : ids.delete(id);
    return ids;
  };
  return {
    /** Decimal ids of the bots connected at the last read. */
    activeIds,
    /** When this bot was last seen disconnected; undefined if never seen or still connected. */
    goneAt(botId: string): string | undefined {
      const changes = overlay().changes;
      if (changes.has(botId)) return changes.get(botId);
      return (goneAt.get(botId) as { gone_at: string | null } | undefined)?.gone_at ?? undefined;
    },
    remember(b: ConnectedBot, at = new Date()): void {
      const id = b.botId.toString(10);
      const args = [id, b.username ?? null, b.name, b.canReply ? 1 : 0, at.toISOString()] as const;
      if (!store.write(() => upsert.run(...args))) kept.changes.set(id, undefined);
    },
    markGone(botId: string, at = new Date()): void {
      const when = at.toISOString();
      if (store.write(() => gone.run(when, botId))) return;
      // Only a connected bot goes: the UPDATE's own condition, decided on what is known now.
      if (activeIds().has(botId)) kept.changes.set(botId, when);
    },
  };
}

export type ConnectedBots = ReturnType<typeof createConnectedBots>;
