import type { Database } from 'better-sqlite3';
import { asStore, type ResilientStore } from './resilient-store';
import { fingerprintOf, type DeviceFingerprint } from '../domain/fingerprint';

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

const toDevice = (r: Row): TrustedDevice => ({
  id: r.id,
  fingerprint: r.fingerprint,
  apiId: r.api_id,
  appName: r.app_name,
  deviceModel: r.device_model,
  platform: r.platform,
  addedAt: r.added_at,
});

/**
 * Devices guard mode leaves alone, by fingerprint (not per-login hash, which changes every login).
 * Writes go through the resilient store; while it keeps them in memory, the additions and removals
 * it holds are overlaid on the table, so /trust and guard mode agree with what the owner did.
 */
export function createTrustedDevices(source: Database | ResilientStore, now: () => Date = () => new Date()) {
  const store = asStore(source);
  const db = store.db;
  const insert = db.prepare<[string, number, string, string, string, string]>(
    `INSERT INTO trusted_device (fingerprint, api_id, app_name, device_model, platform, added_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING`,
  );
  const all = db.prepare(`SELECT * FROM trusted_device ORDER BY id`);
  const remove = db.prepare<[string]>(`DELETE FROM trusted_device WHERE fingerprint = ?`);
  const has = db.prepare<[string]>(`SELECT 1 FROM trusted_device WHERE fingerprint = ?`);
  const kept = { added: new Map<string, TrustedDevice>(), removed: new Set<string>() };
  let provisional = 0;
  const overlay = store.mirror(kept);
  const list = (): TrustedDevice[] => {
    const { added, removed } = overlay();
    return [...(all.all() as Row[]).map(toDevice).filter((d) => !removed.has(d.fingerprint)), ...added.values()];
  };
  const isTrusted = (device: DeviceFingerprint): boolean => {
    const f = fingerprintOf(device);
    const { added, removed } = overlay();
    return added.has(f) || (!removed.has(f) && has.get(f) !== undefined);
  };

  return {
    /** True when newly added. */
    add(device: DeviceFingerprint): boolean {
      if (isTrusted(device)) return false;
      const f = fingerprintOf(device);
      const addedAt = now().toISOString();
      let changed = false;
      if (store.write(() => (changed = insert.run(f, device.apiId, device.appName, device.deviceModel, device.platform, addedAt).changes === 1))) {
        return changed;
      }
      const { apiId, appName, deviceModel, platform } = device;
      kept.removed.delete(f);
      // A negative id until written: /trust shows it, removing it waits until the database is back.
      kept.added.set(f, { id: --provisional, fingerprint: f, apiId, appName, deviceModel, platform, addedAt });
      return true;
    },
    /** True when it was on the list. */
    remove(id: number): boolean {
      const device = list().find((d) => d.id === id);
      if (!device) return false;
      const f = device.fingerprint;
      if (!store.write(() => remove.run(f))) {
        kept.added.delete(f);
        kept.removed.add(f);
      }
      return true;
    },
    isTrusted,
    list,
  };
}

export type TrustedDevices = ReturnType<typeof createTrustedDevices>;
