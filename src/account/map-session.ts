import type { Api } from 'telegram';
import { toInt64 } from '../domain/session-hash';
import type { AccountUser, Session } from '../domain/session';

/** `Api.Authorization` to a plain `Session`; the int64 hash goes through its decimal text, never a number. */
export function toSession(a: Api.Authorization): Session {
  return {
    hash: toInt64(a.hash),
    deviceModel: a.deviceModel,
    platform: a.platform,
    systemVersion: a.systemVersion,
    appName: a.appName,
    appVersion: a.appVersion,
    apiId: a.apiId,
    officialApp: Boolean(a.officialApp),
    ip: a.ip,
    country: a.country,
    region: a.region,
    dateCreated: a.dateCreated,
    dateActive: a.dateActive,
    current: Boolean(a.current),
    passwordPending: Boolean(a.passwordPending),
    unconfirmed: Boolean(a.unconfirmed),
  };
}

export function toAccountUser(u: Api.User): AccountUser {
  const id = Number(u.id.toString());
  if (!Number.isSafeInteger(id)) throw new RangeError('user id does not fit in 53 bits');
  return { id, firstName: u.firstName ?? '', ...(u.username ? { username: u.username } : {}) };
}
