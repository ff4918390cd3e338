/**
 * What stays the same across a device's logins. Per-login hashes never match the same device's next
 * login, so trust is given to (api_id, app name, device model, platform) instead.
 */
export interface DeviceFingerprint {
  readonly apiId: number;
  readonly appName: string;
  readonly deviceModel: string;
  readonly platform: string;
}

/** How fingerprint fields are compared: case and spacing do not matter. */
export const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

export function fingerprintOf(d: DeviceFingerprint): string {
  return [String(d.apiId), norm(d.appName), norm(d.deviceModel), norm(d.platform)].join('|');
}

export function describeFingerprint(d: DeviceFingerprint): string {
  return `${d.deviceModel.trim() || 'unknown device'} (${d.platform.trim() || 'unknown platform'}), ${d.appName.trim() || 'unknown app'}, api_id ${d.apiId}`;
}
