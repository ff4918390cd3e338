import type { Database } from 'better-sqlite3';

/** Small persisted switches (guard mode, first-start baseline). */
export function createSettings(db: Database) {
  const get = db.prepare<[string]>(`SELECT value FROM setting WHERE key = ?`);
  const set = db.prepare<[string, string]>(
    `INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  return {
    get: (key: string): string | undefined => (get.get(key) as { value: string } | undefined)?.value,
    set: (key: string, value: string): void => void set.run(key, value),
    flag: (key: string): boolean => (get.get(key) as { value: string } | undefined)?.value === 'on',
    setFlag: (key: string, on: boolean): void => void set.run(key, on ? 'on' : 'off'),
  };
}

export type Settings = ReturnType<typeof createSettings>;
