import type { Database } from 'better-sqlite3';
import { fingerprintOf, type DeviceFingerprint } from '../guard/fingerprint';

export interface TrustedDevice extends DeviceFingerprint {
  readonly id: number;
  readonly fingerprint: string;
  readonly addedAt: string;
}

interface Row {
  id: number;
  fingerprint: string;
  api_id: number;
  app_name: string;
  device_model: string;
  platform: string;
  added_at: string;
}

/** Devices guard mode leaves alone, by fingerprint (not per-login hash, which changes every login). */
export function createTrustedDevices(db: Database, now: () => Date = () => new Date()) {
  const insert = db.prepare<[string, number, string, string, string, string]>(
    `INSERT INTO trusted_device (fingerprint, api_id, app_name, device_model, platform, added_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING`,
  );
  const all = db.prepare(`SELECT * FROM trusted_device ORDER BY id`);
  const remove = db.prepare<[number]>(`DELETE FROM trusted_device WHERE id = ?`);
  const has = db.prepare<[string]>(`SELECT 1 FROM trusted_device WHERE fingerprint = ?`);

  return {
    /** True when newly added. */
    add(device: DeviceFingerprint): boolean {
      const f = fingerprintOf(device);
      return insert.run(f, device.apiId, device.appName, device.deviceModel, device.platform, now().toISOString()).changes === 1;
    },
    remove: (id: number): boolean => remove.run(id).changes === 1,
    isTrusted: (device: DeviceFingerprint): boolean => has.get(fingerprintOf(device)) !== undefined,
    list: (): TrustedDevice[] =>
      (all.all() as Row[]).map((r) => ({
        id: r.id,
        fingerprint: r.fingerprint,
        apiId: r.api_id,
        appName: r.app_name,
        deviceModel: r.device_model,
        platform: r.platform,
        addedAt: r.added_at,
      })),
  };
}

export type TrustedDevices = ReturnType<typeof createTrustedDevices>;
