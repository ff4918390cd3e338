import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config';

/**
 * How the companion names itself to Telegram in initConnection (gramjs's TelegramClient options
 * deviceModel / systemVersion / appVersion / langCode). Telegram shows these in the Devices list of
 * every official app, so the owner can tell the guard from an intruder and does not end it by mistake;
 * gramjs's defaults ("Linux", a kernel release, "1.0") say nothing.
 */
export interface ClientIdentity {
  readonly deviceModel: string;
  readonly systemVersion: string;
  readonly appVersion: string;
  readonly langCode: string;
  readonly systemLangCode: string;
}

/** What the identity is made of; `companionIdentity()` reads it from this machine. */
export interface IdentitySource {
  readonly hostname: string;
  readonly nodeVersion: string;
  readonly osType: string;
  readonly osRelease: string;
  /** session-warden's version, from package.json. */
  readonly appVersion: string;
}

/** The name every companion shows first, whatever the host. */
export const DEVICE_MODEL_PREFIX = 'session-warden';
/** Enough of a host name to tell two servers apart; the Devices list clips long names anyway. */
export const HOST_NAME_MAX = 24;
const FIELD_MAX = 64;

/** Pure: the same inputs always give the same identity (and the tests can try any host name). */
export function buildIdentity(src: IdentitySource): ClientIdentity {
  const host = printable(src.hostname).slice(0, HOST_NAME_MAX).trim();
  const system = `Node ${printable(src.nodeVersion)} on ${printable(src.osType)} ${printable(src.osRelease)}`;
  return {
    deviceModel: host ? `${DEVICE_MODEL_PREFIX} (${host})` : DEVICE_MODEL_PREFIX,
    systemVersion: system.replace(/\s+/g, ' ').trim().slice(0, FIELD_MAX),
    appVersion: printable(src.appVersion).slice(0, FIELD_MAX) || 'unknown',
    langCode: 'en',
    systemLangCode: 'en',
  };
}

/**
 * The identity of this process: host name, Node and OS from `os`/`process`, version from
 * package.json. Read on each call (nothing at import time); used by every place that builds a client.
 */
export function companionIdentity(): ClientIdentity {
  return buildIdentity({
    hostname: os.hostname(),
    nodeVersion: process.versions.node,
    osType: os.type(),
    osRelease: os.release(),
    appVersion: packageVersion(),
  });
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Host names and versions are the machine's, not an attacker's, but keep control characters out anyway. */
function printable(text: string): string {
  return text.replace(/[\p{C}]/gu, '').trim();
}
