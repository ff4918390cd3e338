import type { Session } from './session';

/**
 * What a session was last seen with: the fields of `Api.Authorization` that say where it is, on what
 * machine and in which app. Kept per hash, since a copied session file makes no new login.
 */
export interface SessionTrace {
  readonly ip: string;
  readonly country: string;
  readonly region: string;
  readonly deviceModel: string;
  readonly platform: string;
  readonly systemVersion: string;
  readonly apiId: number;
  readonly appName: string;
  readonly appVersion: string;
  /** Unix seconds. */
  readonly dateActive: number;
}

/** The trace of a session as listed now. */
export function traceOf(s: Session): SessionTrace {
  return {
    ip: s.ip,
    country: s.country,
    region: s.region,
    deviceModel: s.deviceModel,
    platform: s.platform,
    systemVersion: s.systemVersion,
    apiId: s.apiId,
    appName: s.appName,
    appVersion: s.appVersion,
    dateActive: s.dateActive,
  };
}

/** One place a session was seen at (its region and country; `ip` the newest seen there). Times in unix seconds. */
export interface PlaceSeen {
  readonly ip: string;
  readonly country: string;
  readonly region: string;
  readonly firstSeen: number;
  readonly lastSeen: number;
}

/**
 * - `moved`: active from a country not in its history;
 * - `changed_hands`: its device model, platform, api_id or app name changed;
 * - `woke_up`: asleep over 30 days at the previous check, active now.
 */
export type ChangeKind = 'moved' | 'changed_hands' | 'woke_up';

/** What guard mode did about a change: nothing (off), left it alone, ended it, or tried and failed (Telegram's code). */
export type ChangeGuard = { readonly kind: 'off' } | { readonly kind: 'left' } | { readonly kind: 'ended' } | { readonly kind: 'failed'; readonly code: string };

/** A change found in one session between two checks, as stored and alerted. */
export interface SessionChange {
  readonly id: number;
  readonly hash: bigint;
  readonly kinds: readonly ChangeKind[];
  readonly before: SessionTrace;
  readonly after: SessionTrace;
  /** Unix seconds. */
  readonly foundAt: number;
  readonly guard: ChangeGuard;
  /** Whether the app is an official one, as listed when the change was found. */
  readonly officialApp: boolean;
  /** The owner said "It's me" (ISO time), or undefined. */
  readonly acceptedAt?: string;
}
