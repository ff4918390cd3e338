import bigInt from 'big-integer';
import { Api, TelegramClient } from 'telegram';
import { Raw } from 'telegram/events';
import { computeCheck } from 'telegram/Password';
import { connectBareClient, rpcErrorOf } from '../helpers/bare-client';
import { MtprotoEmulator } from '../../sandbox/emulator/mtproto';

const PHONE = '15550100777';
let emu: MtprotoEmulator;
const clients: TelegramClient[] = [];

const connect = (session: string): Promise<TelegramClient> => connectBareClient(emu, session, clients);

const sendCode = (client: TelegramClient, phone = PHONE): Promise<Api.auth.TypeSentCode> =>
  client.invoke(new Api.auth.SendCode({ phoneNumber: phone, apiId: 1, apiHash: 'x', settings: new Api.CodeSettings({}) }));

beforeEach(async () => {
  emu = await MtprotoEmulator.start({ self: { phone: PHONE }, loginCode: '97531' });
});

afterEach(async () => {
  for (const c of clients.splice(0)) await c.destroy();
  await emu.stop();
});

test('a key issued with loggedIn: false gets 401 until it logs in with the code', async () => {
  const session = await emu.issueAuthKey({ loggedIn: false });
  expect(emu.isLoggedIn(session)).toBe(false);
  const client = await connect(session); // help.getConfig is allowed
  const denied = await rpcErrorOf(client.invoke(new Api.account.GetAuthorizations()));
  expect([denied.code, denied.errorMessage]).toEqual([401, 'AUTH_KEY_UNREGISTERED']);

  expect((await rpcErrorOf(sendCode(client, '+1 555 000'))).errorMessage).toBe('PHONE_NUMBER_INVALID');
  const sent = await sendCode(client, '+1 555-010-0777');
  expect(sent).toBeInstanceOf(Api.auth.SentCode);
  const { phoneCodeHash, type } = sent as Api.auth.SentCode;
  expect(type).toBeInstanceOf(Api.auth.SentCodeTypeApp);

  const signIn = (phoneCode: string, hash = phoneCodeHash) =>
    client.invoke(new Api.auth.SignIn({ phoneNumber: PHONE, phoneCodeHash: hash, phoneCode }));
  expect((await rpcErrorOf(signIn('00000'))).errorMessage).toBe('PHONE_CODE_INVALID');
  expect((await rpcErrorOf(signIn('97531', 'stale'))).errorMessage).toBe('PHONE_CODE_EXPIRED');
  const auth = await signIn('97531');
  expect(auth).toBeInstanceOf(Api.auth.Authorization);
  expect(((auth as Api.auth.Authorization).user as Api.User).phone).toBe(PHONE);
  expect(emu.isLoggedIn(session)).toBe(true);
  expect((await client.getMe()).self).toBe(true);
  // A fresh login restarts Telegram's 24 h rule for ending other sessions.
  expect(Math.floor(Date.now() / 1000) - emu.companion.dateCreated).toBeLessThan(5);
  expect(emu.callsOf('auth.signIn').map((c) => c.args.phoneCode)).toEqual(['00000', '97531', '97531']);
});

test('two-step verification: SRP challenge, wrong and right password, one try per srp_id', async () => {
  await emu.setPassword('correct horse', 'a horse');
  const session = await emu.issueAuthKey({ loggedIn: false });
  const client = await connect(session);
  expect((await rpcErrorOf(client.invoke(new Api.account.GetPassword()))).errorMessage).toBe('AUTH_KEY_UNREGISTERED');

  const { phoneCodeHash } = (await sendCode(client)) as Api.auth.SentCode;
  const needed = await rpcErrorOf(client.invoke(new Api.auth.SignIn({ phoneNumber: PHONE, phoneCodeHash, phoneCode: '97531' })));
  expect([needed.code, needed.errorMessage]).toEqual([401, 'SESSION_PASSWORD_NEEDED']);
  expect(emu.isLoggedIn(session)).toBe(false);

  const first = await client.invoke(new Api.account.GetPassword());
  expect(first.hasPassword).toBe(true);
  expect(first.hint).toBe('a horse');
  const wrong = await computeCheck(first, 'wrong horse');
  expect((await rpcErrorOf(client.invoke(new Api.auth.CheckPassword({ password: wrong })))).errorMessage).toBe(
    'PASSWORD_HASH_INVALID',
  );
  // The srp_id was used up by the wrong try, even with the right password.
  const reused = await computeCheck(first, 'correct horse');
  expect((await rpcErrorOf(client.invoke(new Api.auth.CheckPassword({ password: reused })))).errorMessage).toBe(
    'SRP_ID_INVALID',
  );

  const second = await client.invoke(new Api.account.GetPassword());
  expect(Buffer.from(second.srp_B ?? []).equals(Buffer.from(first.srp_B ?? []))).toBe(false);
  const right = await computeCheck(second, 'correct horse');
  const auth = await client.invoke(new Api.auth.CheckPassword({ password: right }));
  expect(auth).toBeInstanceOf(Api.auth.Authorization);
  expect(emu.isLoggedIn(session)).toBe(true);
  const call = emu.callsOf('auth.checkPassword')[2];
  expect((call?.args.password as { _: string })._).toBe('InputCheckPasswordSRP');
});

test('QR login: token, acceptLoginToken pushes updateLoginToken, then LoginTokenSuccess', async () => {
  const session = await emu.issueAuthKey({ loggedIn: false });
  const client = await connect(session);
  const exported = await client.invoke(new Api.auth.ExportLoginToken({ apiId: 1, apiHash: 'x', exceptIds: [] }));
  expect(exported).toBeInstanceOf(Api.auth.LoginToken);
  const { token, expires } = exported as Api.auth.LoginToken;
  expect(expires).toBeGreaterThan(Math.floor(Date.now() / 1000));

  const pushed = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 3000);
    client.addEventHandler(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      new Raw({ types: [Api.UpdateLoginToken] }),
    );
  });
  emu.acceptLoginToken(`tg://login?token=${Buffer.from(token).toString('base64url')}`);
  expect(await pushed).toBe(true);
  expect(() => emu.acceptLoginToken()).toThrow(/no unexpired login token/);

  const done = await client.invoke(new Api.auth.ExportLoginToken({ apiId: 1, apiHash: 'x', exceptIds: [] }));
  expect(done).toBeInstanceOf(Api.auth.LoginTokenSuccess);
  expect(emu.isLoggedIn(session)).toBe(true);
  const unknown = await rpcErrorOf(client.invoke(new Api.auth.ImportLoginToken({ token: Buffer.from('nope') })));
  expect(unknown.errorMessage).toBe('AUTH_TOKEN_INVALID');
});

test('after revokeCompanion, a new login becomes the only companion and pushes reach only it', async () => {
  const old = await connect(emu.sessionString());
  await old.getMe();
  emu.revokeCompanion();
  const session = await emu.issueAuthKey({ loggedIn: false });
  const fresh = await connect(session);
  const { phoneCodeHash } = (await sendCode(fresh)) as Api.auth.SentCode;
  await fresh.invoke(new Api.auth.SignIn({ phoneNumber: PHONE, phoneCodeHash, phoneCode: '97531' }));
  expect(emu.isLoggedIn(session)).toBe(true);
  expect(emu.isLoggedIn(emu.sessionString())).toBe(false);
  expect((await rpcErrorOf(old.getMe())).errorMessage).toBe('AUTH_KEY_UNREGISTERED');
  await fresh.getMe();
  const seen: string[] = [];
  for (const [name, c] of [['old', old], ['fresh', fresh]] as const) {
    c.addEventHandler(() => seen.push(name), new Raw({ types: [Api.UpdateNewAuthorization] }));
  }
  emu.pushNewAuthorization({ hash: 9n });
  await new Promise((r) => setTimeout(r, 300));
  expect(seen).toEqual(['fresh']);
  const reset = await rpcErrorOf(fresh.invoke(new Api.account.ResetAuthorization({ hash: bigInt(9) })));
  expect(reset.errorMessage).toBe('FRESH_RESET_AUTHORISATION_FORBIDDEN');
});
