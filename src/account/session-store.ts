import { StringSession } from 'telegram/sessions';

/** An entity row as gramjs's MemorySession keeps it: id, access hash, username, phone, name. */
type EntityRow = readonly [id: unknown, ...rest: unknown[]];

/**
 * A Set of entity rows that holds at most one row per id, the newest. gramjs's MemorySession adds
 * a row for every user of every reply and push (processEntities) and never de-duplicates them:
 * each account.getConnectedBots read added the bot's user again, about 2,900 rows (2.4 MB) a day
 * with one bot at the default interval, and every lookup scans them one by one. Still a Set, so
 * gramjs's own lookups (for...of over `_entities`) are unchanged.
 */
class EntityRowsById extends Set<EntityRow> {
  private readonly byId = new Map<string, EntityRow>();

  override add(row: EntityRow): this {
    // Sets are filled by the base constructor before this class's fields exist.
    if (!this.byId) return super.add(row);
    const id = String(row[0]);
    const old = this.byId.get(id);
    if (old) super.delete(old);
    this.byId.set(id, row);
    return super.add(row);
  }

  override delete(row: EntityRow): boolean {
    if (this.byId.get(String(row[0])) === row) this.byId.delete(String(row[0]));
    return super.delete(row);
  }

  override clear(): void {
    this.byId.clear();
    super.clear();
  }
}

/**
 * The companion's session: a gramjs StringSession whose entity cache keeps one row per id.
 * @throws whatever StringSession throws for a string it cannot parse.
 */
export function companionSession(session: string): StringSession {
  const s = new StringSession(session);
  (s as unknown as { _entities: Set<EntityRow> })._entities = new EntityRowsById();
  return s;
}
