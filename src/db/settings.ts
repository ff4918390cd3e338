import type { Database } from 'better-sqlite3';
import { asStore, type ResilientStore } from './resilient-store';

/**
 * Small persisted switches (guard mode, first-start baseline). A value set while the database
 * cannot be written is kept in memory and read from there until it is, so /panic still turns guard
 * mode on with a full disk.
 */
export function createSettings(source: Database | ResilientStore) {
  const store = asStore(source);
  const get = store.db.prepare<[string]>(`SELECT value FROM setting WHERE key = ?`);
  const set = store.db.prepare<[string, string]>(
    `INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const kept = { values: new Map<string, string>() };
  const overlay = store.mirror(kept);
  const read = (key: string): string | undefined =>
    overlay().values.get(key) ?? (get.get(key) as { value: string } | undefined)?.value;
  const write = (key: string, value: string): void => {
    if (!store.write(() => set.run(key, value))) kept.values.set(key, value);
  };
  return {
    get: read,
    set: write,
    flag: (key: string): boolean => read(key) === 'on',
    setFlag: (key: string, on: boolean): void => write(key, on ? 'on' : 'off'),
  };
}

export type Settings = ReturnType<typeof createSettings>;
