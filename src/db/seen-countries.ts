import type { Database } from 'better-sqlite3';
import { fingerprintOf, type DeviceFingerprint } from '../guard/fingerprint';

/**
 * The `seen_country` table: the countries the owner has vouched for, per trusted device fingerprint
 * (the device was trusted there, or a login from there was confirmed with "It's me"). A login of a
 * trusted device from any other country is flagged.
 */
export function createSeenCountries(db: Database, now: () => Date = () => new Date()) {
  const insert = db.prepare<[string, string, string]>(
    `INSERT INTO seen_country (fingerprint, country, first_seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const list = db.prepare<[string]>(`SELECT country FROM seen_country WHERE fingerprint = ?`);
  return {
    note(device: DeviceFingerprint, country: string): void {
      if (country.trim() !== '') insert.run(fingerprintOf(device), country, now().toISOString());
    },
    of: (device: DeviceFingerprint): Set<string> => new Set((list.all(fingerprintOf(device)) as Array<{ country: string }>).map((r) => r.country)),
  };
}

export type SeenCountries = ReturnType<typeof createSeenCountries>;
