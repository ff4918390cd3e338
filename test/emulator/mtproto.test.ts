import bigInt from 'big-integer';
import { Api, TelegramClient } from 'telegram';
import { FloodWaitError } from 'telegram/errors';
import { Raw } from 'telegram/events';
import { StringSession } from 'telegram/sessions';
import { connectBareClient, rpcErrorOf } from '../helpers/bare-client';
import { MtprotoEmulator, type EmulatedSession } from '../../sandbox/emulator/mtproto';

const HOUR = 3600;
const now = (): number => Math.floor(Date.now() / 1000);

const HASHES = [2n ** 53n + 1n, -42n, 2n ** 63n - 1n, -(2n ** 63n - 1n), -(2n ** 63n)];

function session(hash: bigint, extra: Partial<EmulatedSession> = {}): EmulatedSession {
  return {
    hash,
    deviceModel: `Device ${hash}`,
    platform: 'iOS',
    systemVersion: '17.5',
    apiId: 8,
    appName: 'Telegram iOS',
    appVersion: '10.14',
    dateCreated: now() - 10 * 24 * HOUR,
    dateActive: now() - HOUR,
    ip: '198.51.100.4',
    country: 'Germany',
    region: 'Berlin',
    ...extra,
  };
}

let emu: MtprotoEmulator;
const clients: TelegramClient[] = [];

const connect = (sessionString = emu.sessionString()): Promise<TelegramClient> => connectBareClient(emu, sessionString, clients);

/** Resolves with the first raw update matching `pick`, or undefined after `ms`. */
function nextUpdate<T>(client: TelegramClient, pick: (u: unknown) => T | undefined, ms = 3000): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    client.addEventHandler((update: unknown) => {
      const hit = pick(update);
      if (hit !== undefined) {
        clearTimeout(timer);
        resolve(hit);
      }
    }, new Raw({}));
  });
}

beforeEach(async () => {
  emu = await MtprotoEmulator.start({ sessions: HASHES.map((h) => session(h)) });
});

afterEach(async () => {
  for (const c of clients.splice(0)) await c.destroy();
  await emu.stop();
});

test('the session string round-trips through StringSession with the ephemeral port', async () => {
  const s = new StringSession(emu.sessionString());
  await s.load();
  expect(s.dcId).toBe(2);
  expect(s.serverAddress).toBe('127.0.0.1');
  expect(s.port & 0xffff).toBe(emu.port);
  expect(s.getAuthKey()?.getKey()?.length).toBe(256);
});

test('connect and getMe return the scripted self user', async () => {
  emu.setSelf({ id: 2n ** 40n + 7n, firstName: 'Ada', username: 'ada_owner', phone: '15551234' });
  const client = await connect();
  const me = await client.getMe();
  expect(me.id.toString()).toBe((2n ** 40n + 7n).toString());
  expect(me.firstName).toBe('Ada');
  expect(me.username).toBe('ada_owner');
  expect(me.phone).toBe('15551234');
  expect(me.self).toBe(true);
  expect(emu.callsOf('help.getConfig')).toHaveLength(1);
  const full = await client.invoke(new Api.users.GetFullUser({ id: new Api.InputUserSelf() }));
  expect(full.fullUser.id.toString()).toBe(me.id.toString());
});

test('getAuthorizations reports exact int64 hashes and the companion as current', async () => {
  const client = await connect();
  const res = await client.invoke(new Api.account.GetAuthorizations());
  expect(res.authorizationTtlDays).toBe(180);
  const [current, ...others] = res.authorizations;
  expect(current?.current).toBe(true);
  expect(current?.hash.toString()).toBe('0');
  expect(others.map((a) => a.hash.toString())).toEqual(HASHES.map((h) => h.toString()));
  expect(others[0]?.deviceModel).toBe(`Device ${HASHES[0]}`);
});

test('big replies are sent gzip_packed and still parse', async () => {
  await emu.stop();
  const many = Array.from({ length: 300 }, (_, i) => session(BigInt(i + 1) * 7919n * 2n ** 40n));
  emu = await MtprotoEmulator.start({ sessions: many, gzipThreshold: 256 });
  const client = await connect();
  const res = await client.invoke(new Api.account.GetAuthorizations());
  expect(res.authorizations).toHaveLength(301);
  expect(res.authorizations[300]?.hash.toString()).toBe(many[299]?.hash.toString());
});

test('resetAuthorization removes exactly the hash sent', async () => {
  const client = await connect();
  const target = 2n ** 63n - 1n;
  const ok = await client.invoke(new Api.account.ResetAuthorization({ hash: bigInt(target.toString()) }));
  expect(ok).toBe(true);
  const call = await emu.waitForCall('account.resetAuthorization');
  expect(call.args.hash).toBe(target);
  expect(emu.sessions().map((s) => s.hash)).toEqual(HASHES.filter((h) => h !== target));
});

test('HASH_INVALID, FRESH_RESET_AUTHORISATION_FORBIDDEN and FLOOD_WAIT surface as gramjs errors', async () => {
  const client = await connect();

  const unknown = await rpcErrorOf(client.invoke(new Api.account.ResetAuthorization({ hash: bigInt(12345) })));
  expect([unknown.code, unknown.errorMessage]).toEqual([400, 'HASH_INVALID']);
  const zero = await rpcErrorOf(client.invoke(new Api.account.ResetAuthorization({ hash: bigInt(0) })));
  expect(zero.errorMessage).toBe('HASH_INVALID');

  emu.injectError('account.getAuthorizations', { code: 420, message: 'FLOOD_WAIT_30' });
  const flood = await rpcErrorOf(client.invoke(new Api.account.GetAuthorizations()));
  expect(flood).toBeInstanceOf(FloodWaitError);
  expect((flood as FloodWaitError).seconds).toBe(30);
  expect(flood.code).toBe(420);
  // Injected errors fire once by default.
  await expect(client.invoke(new Api.account.GetAuthorizations())).resolves.toBeInstanceOf(
    Api.account.Authorizations,
  );

  emu.setCompanionCreatedAt(now() - HOUR);
  const fresh = await rpcErrorOf(client.invoke(new Api.account.ResetAuthorization({ hash: bigInt(12345) })));
  expect([fresh.code, fresh.errorMessage]).toEqual([406, 'FRESH_RESET_AUTHORISATION_FORBIDDEN']);
  const freshAll = await rpcErrorOf(client.invoke(new Api.auth.ResetAuthorizations()));
  expect(freshAll.errorMessage).toBe('FRESH_RESET_AUTHORISATION_FORBIDDEN');
  expect(emu.sessions()).toHaveLength(HASHES.length);

  emu.setCompanionCreatedAt(now() - 25 * HOUR);
  expect(await client.invoke(new Api.auth.ResetAuthorizations())).toBe(true);
  expect(emu.sessions()).toHaveLength(0);
});

test('persistent injected errors and AUTH_KEY_UNREGISTERED after revocation', async () => {
  const client = await connect();
  emu.injectError('account.getAuthorizations', { code: 400, message: 'HASH_INVALID', persistent: true });
  for (let i = 0; i < 2; i++) {
    expect((await rpcErrorOf(client.invoke(new Api.account.GetAuthorizations()))).errorMessage).toBe('HASH_INVALID');
  }
  emu.clearErrors();
  emu.revokeCompanion();
  const err = await rpcErrorOf(client.invoke(new Api.account.GetAuthorizations()));
  expect([err.code, err.errorMessage]).toEqual([401, 'AUTH_KEY_UNREGISTERED']);

  // A restarted companion still connects (help.getConfig works) but every real call fails.
  const restarted = await connect();
  const again = await rpcErrorOf(restarted.getMe());
  expect([again.code, again.errorMessage]).toEqual([401, 'AUTH_KEY_UNREGISTERED']);
});

test('settings, TTL and web authorizations', async () => {
  emu.setSessions([session(-9n, { unconfirmed: true })]);
  emu.setWebSessions([
    {
      hash: 2n ** 62n,
      botId: 5_000_000_001n,
      domain: 'example.org',
      browser: 'Firefox',
      platform: 'Linux',
      dateCreated: now() - HOUR,
      dateActive: now(),
      ip: '192.0.2.1',
      region: 'Paris',
      botName: 'Example Login',
    },
  ]);
  const client = await connect();

  await client.invoke(new Api.account.ChangeAuthorizationSettings({ hash: bigInt(-9), confirmed: true, callRequestsDisabled: true }));
  expect(emu.sessions()[0]).toMatchObject({ unconfirmed: false, callRequestsDisabled: true });
  const bad = await rpcErrorOf(client.invoke(new Api.account.ChangeAuthorizationSettings({ hash: bigInt(1) })));
  expect(bad.errorMessage).toBe('HASH_INVALID');

  expect(await client.invoke(new Api.account.SetAuthorizationTTL({ authorizationTtlDays: 30 }))).toBe(true);
  expect(emu.authorizationTtlDays).toBe(30);
  const ttl = await rpcErrorOf(client.invoke(new Api.account.SetAuthorizationTTL({ authorizationTtlDays: 3 })));
  expect(ttl.errorMessage).toBe('TTL_DAYS_INVALID');

  const web = await client.invoke(new Api.account.GetWebAuthorizations());
  expect(web.authorizations[0]?.hash.toString()).toBe((2n ** 62n).toString());
  const bot = web.users[0];
  expect(bot instanceof Api.User && bot.bot && bot.firstName).toBe('Example Login');
  expect(await client.invoke(new Api.account.ResetWebAuthorization({ hash: bigInt(2).pow(62) }))).toBe(true);
  expect(emu.webSessions()).toHaveLength(0);
});

test('a pushed UpdateNewAuthorization reaches a Raw handler, and stops when pushes are disabled', async () => {
  const client = await connect();
  await client.getMe();
  // Handlers stay registered, so each wait picks its own hash.
  const pick =
    (hash: bigint) =>
    (u: unknown): Api.UpdateNewAuthorization | undefined =>
      u instanceof Api.UpdateNewAuthorization && u.hash.toString() === hash.toString() ? u : undefined;

  let arrived = nextUpdate(client, pick(-(2n ** 63n - 1n)));
  emu.pushNewAuthorization({ hash: -(2n ** 63n - 1n), unconfirmed: true, device: 'Pixel 8', location: 'Lyon, France' });
  const short = await arrived;
  expect(short?.hash.toString()).toBe((-(2n ** 63n - 1n)).toString());
  expect(short?.unconfirmed).toBe(true);
  expect(short?.device).toBe('Pixel 8');
  expect(emu.sessions().some((s) => s.hash === -(2n ** 63n - 1n) && s.unconfirmed)).toBe(true);

  expect(short?.date).toBeGreaterThan(0);

  arrived = nextUpdate(client, pick(77n));
  emu.pushNewAuthorization({ hash: 77n }, { form: 'updates' });
  expect((await arrived)?.hash.toString()).toBe('77');

  emu.setPushesEnabled(false);
  arrived = nextUpdate(client, pick(78n), 400);
  emu.pushNewAuthorization({ hash: 78n });
  expect(await arrived).toBeUndefined();
  expect(emu.sessions().some((s) => s.hash === 78n)).toBe(true);
});

test('a service message from 777000 arrives in both forms', async () => {
  const client = await connect();
  await client.getMe();
  let arrived = nextUpdate(client, (u) => (u instanceof Api.UpdateShortMessage ? u : undefined));
  emu.pushServiceMessage('Login code: 12345');
  const short = await arrived;
  expect(short?.userId.toString()).toBe('777000');
  expect(short?.message).toBe('Login code: 12345');

  const pickNew = (u: unknown): Api.Message | undefined =>
    u instanceof Api.UpdateNewMessage && u.message instanceof Api.Message ? u.message : undefined;
  const arrivedNew = nextUpdate(client, pickNew);
  emu.pushServiceMessage('New login from Firefox', { form: 'updates' });
  const msg = await arrivedNew;
  expect(msg?.message).toBe('New login from Firefox');
  expect(msg?.fromId instanceof Api.PeerUser && msg.fromId.userId.toString()).toBe('777000');
});

test('a request dropped mid-flight is answered after gramjs reconnects', async () => {
  const client = await connect();
  await client.getMe();
  emu.dropDuringNext('account.getAuthorizations');
  const res = await client.invoke(new Api.account.GetAuthorizations());
  expect(res.authorizations).toHaveLength(HASHES.length + 1);
  expect(emu.callsOf('account.getAuthorizations').length).toBeGreaterThanOrEqual(2);
});

test('dropConnections and reply delay: the client reconnects and keeps working', async () => {
  const client = await connect();
  await client.getMe();
  emu.dropConnections();
  emu.setReplyDelay(150);
  const started = Date.now();
  const me = await client.getMe();
  expect(me.self).toBe(true);
  expect(Date.now() - started).toBeGreaterThanOrEqual(150);
});

test('ping, ping_delay_disconnect and wrapped queries are answered', async () => {
  const client = await connect();
  const pong = await client.invoke(new Api.Ping({ pingId: bigInt(-123456789) }));
  expect(pong.pingId.toString()).toBe('-123456789');
  const sender = client._sender as unknown as { send(req: unknown): Promise<Api.Pong> };
  const delayed = await sender.send(new Api.PingDelayDisconnect({ pingId: bigInt(99), disconnectDelay: 60 }));
  expect(delayed.pingId.toString()).toBe('99');

  const wrapped = await client.invoke(
    new Api.InvokeWithoutUpdates({ query: new Api.account.GetAuthorizations() }),
  );
  expect(wrapped).toBeInstanceOf(Api.account.Authorizations);
  expect(emu.calls.map((c) => c.method)).toEqual(['help.getConfig', 'account.getAuthorizations']);
});

test('an unknown method gets an rpc_error instead of hanging', async () => {
  const lines: string[] = [];
  await emu.stop();
  emu = await MtprotoEmulator.start({ logger: (l) => lines.push(l) });
  const client = await connect();
  const err = await rpcErrorOf(client.invoke(new Api.help.GetNearestDc()));
  expect([err.code, err.errorMessage]).toEqual([400, 'METHOD_NOT_SUPPORTED_BY_EMULATOR']);
  expect(lines.some((l) => l.includes('help.getNearestDc'))).toBe(true);
});

test('a second auth key works side by side and both clients get pushes', async () => {
  const first = await connect();
  const second = await connect(await emu.issueAuthKey());
  await Promise.all([first.getMe(), second.getMe()]);
  const pick = (u: unknown): string | undefined =>
    u instanceof Api.UpdateNewAuthorization ? u.hash.toString() : undefined;
  const both = Promise.all([nextUpdate(first, pick), nextUpdate(second, pick)]);
  emu.pushNewAuthorization({ hash: 5n });
  expect(await both).toEqual(['5', '5']);
});
