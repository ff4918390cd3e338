import type { Database } from 'better-sqlite3';
import type { ConnectedBot } from '../domain/connected-bot';

/** The `connected_bot` table: business bots seen connected; the bots watch diffs against it. */
export function createConnectedBots(db: Database) {
  const active = db.prepare(`SELECT bot_id FROM connected_bot WHERE gone_at IS NULL`);
  const upsert = db.prepare<[string, string | null, string, number, string]>(
    `INSERT INTO connected_bot (bot_id, username, name, can_reply, first_seen_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (bot_id) DO UPDATE SET username = excluded.username, name = excluded.name,
       can_reply = excluded.can_reply, gone_at = NULL, first_seen_at = CASE WHEN connected_bot.gone_at IS NULL
       THEN connected_bot.first_seen_at ELSE excluded.first_seen_at END`,
  );
  const goneAt = db.prepare<[string]>(`SELECT gone_at FROM connected_bot WHERE bot_id = ?`);
  const gone = db.prepare<[string, string]>(`UPDATE connected_bot SET gone_at = ? WHERE bot_id = ? AND gone_at IS NULL`);
  return {
    /** Decimal ids of the bots connected at the last read. */
    activeIds: (): Set<string> => new Set((active.all() as Array<{ bot_id: string }>).map((r) => r.bot_id)),
    /** When this bot was last seen disconnected; undefined if never seen or still connected. */
    goneAt: (botId: string): string | undefined => (goneAt.get(botId) as { gone_at: string | null } | undefined)?.gone_at ?? undefined,
    remember(b: ConnectedBot, at = new Date()): void {
      upsert.run(b.botId.toString(10), b.username ?? null, b.name, b.canReply ? 1 : 0, at.toISOString());
    },
    markGone(botId: string, at = new Date()): void {
      gone.run(at.toISOString(), botId);
    },
  };
}

export type ConnectedBots = ReturnType<typeof createConnectedBots>;
