import type { Database } from 'better-sqlite3';
import { fingerprintOf, type DeviceFingerprint } from '../domain/fingerprint';
import { asStore, type ResilientStore } from './resilient-store';

/**
 * The `seen_country` table: the countries the owner has vouched for, per trusted device fingerprint
 * (the device was trusted there, or a login from there was confirmed with "It's me"). A login of a
 * trusted device from any other country is flagged.
 */
export function createSeenCountries(source: Database | ResilientStore, now: () => Date = () => new Date()) {
  const store = asStore(source);
  const db = store.db;
  const insert = db.prepare<[string, string, string]>(
    `INSERT INTO seen_country (fingerprint, country, first_seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const list = db.prepare<[string]>(`SELECT country FROM seen_country WHERE fingerprint = ?`);
  // Countries noted while the database refused writes, read back until they are written.
  const kept = { noted: new Map<string, Set<string>>() };
  const overlay = store.mirror(kept);
  return {
    note(device: DeviceFingerprint, country: string): void {
      if (country.trim() === '') return;
      const f = fingerprintOf(device);
      const at = now().toISOString();
      if (!store.write(() => insert.run(f, country, at))) kept.noted.set(f, (kept.noted.get(f) ?? new Set()).add(country));
    },
    of(device: DeviceFingerprint): Set<string> {
      const f = fingerprintOf(device);
      const noted = overlay().noted.get(f) ?? [];
      return new Set([...(list.all(f) as Array<{ country: string }>).map((r) => r.country), ...noted]);
    },
  };
}

export type SeenCountries = ReturnType<typeof createSeenCountries>;
