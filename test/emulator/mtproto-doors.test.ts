import bigInt from 'big-integer';
import { Api, TelegramClient } from 'telegram';
import { Raw } from 'telegram/events';
import { connectBareClient, rpcErrorOf } from '../helpers/bare-client';
import { MtprotoEmulator } from '../../sandbox/emulator/mtproto';

let emu: MtprotoEmulator;
const clients: TelegramClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.destroy();
  await emu.stop();
});

describe('MTProto emulator: the other doors, for a real gramjs client', () => {
  it('account.getPassword carries the scripted details; salts change when the password is set again', async () => {
    emu = await MtprotoEmulator.start({ password: 'one', passwordHint: 'h', passwordDetails: { hasRecovery: true, loginEmailPattern: 'l***@x.org' } });
    const client = await connectBareClient(emu, emu.sessionString(), clients);
    const first = await client.invoke(new Api.account.GetPassword());
    expect(first).toMatchObject({ hasPassword: true, hasRecovery: true, hint: 'h', loginEmailPattern: 'l***@x.org' });
    emu.setPasswordDetails({ emailUnconfirmedPattern: 'e***@y.com', pendingResetDate: 1_900_000_000 });
    await emu.setPassword('two');
    const second = await client.invoke(new Api.account.GetPassword());
    expect(second).toMatchObject({ hasPassword: true, emailUnconfirmedPattern: 'e***@y.com', pendingResetDate: 1_900_000_000 });
    expect(second.hasRecovery).toBeFalsy();
    const salt = (p: Api.account.Password): Buffer => (p.currentAlgo as Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow).salt1;
    expect(salt(second).equals(salt(first))).toBe(false);
    await emu.setPassword(undefined);
    expect((await client.invoke(new Api.account.GetPassword())).hasPassword).toBeFalsy();
  });

  it('account.declinePasswordReset clears a pending reset once, then answers RESET_REQUEST_MISSING', async () => {
    emu = await MtprotoEmulator.start({ password: 'pw', passwordDetails: { pendingResetDate: 1_900_000_000 } });
    const client = await connectBareClient(emu, emu.sessionString(), clients);
    expect(await client.invoke(new Api.account.DeclinePasswordReset())).toBe(true);
    expect(emu.passwordDetails.pendingResetDate).toBeUndefined();
    expect((await rpcErrorOf(client.invoke(new Api.account.DeclinePasswordReset()))).errorMessage).toBe('RESET_REQUEST_MISSING');
  });

  it('account.invalidateSignInCodes records the codes', async () => {
    emu = await MtprotoEmulator.start();
    const client = await connectBareClient(emu, emu.sessionString(), clients);
    expect(await client.invoke(new Api.account.InvalidateSignInCodes({ codes: ['12345', '654321'] }))).toBe(true);
    expect(emu.invalidatedCodes).toEqual(['12345', '654321']);
  });

  it('account.getConnectedBots lists bots with their users; updateConnectedBot(deleted) needs the right access_hash', async () => {
    const botId = 2n ** 62n + 5n;
    emu = await MtprotoEmulator.start({
      connectedBots: [{ botId, accessHash: -77n, username: 'x_bot', firstName: 'X', canReply: true, existingChats: true, users: [1n, 2n] }],
    });
    const client = await connectBareClient(emu, emu.sessionString(), clients);
    const listed = await client.invoke(new Api.account.GetConnectedBots());
    expect(listed.connectedBots).toHaveLength(1);
    expect(listed.connectedBots[0]).toMatchObject({ canReply: true });
    expect(listed.connectedBots[0]!.botId.toString()).toBe(botId.toString());
    expect(listed.connectedBots[0]!.recipients.users?.map(String)).toEqual(['1', '2']);
    const user = listed.users[0] as Api.User;
    expect(user.username).toBe('x_bot');
    const wrong = new Api.InputUser({ userId: user.id, accessHash: bigInt(1) });
    const err = await rpcErrorOf(client.invoke(new Api.account.UpdateConnectedBot({ deleted: true, bot: wrong, recipients: new Api.InputBusinessBotRecipients({}) })));
    expect(err.errorMessage).toBe('BOT_INVALID');
    const right = new Api.InputUser({ userId: user.id, accessHash: user.accessHash! });
    await client.invoke(new Api.account.UpdateConnectedBot({ deleted: true, bot: right, recipients: new Api.InputBusinessBotRecipients({}) }));
    expect(emu.connectedBots()).toEqual([]);
  });
});

describe('MTProto emulator: a session that changes between calls, and service notifications', () => {
  it('updateSession changes an existing authorization as listed; an unknown hash throws', async () => {
    emu = await MtprotoEmulator.start({ sessions: [] });
    emu.addSession({ hash: -5n, country: 'Spain', region: 'Madrid' });
    const client = await connectBareClient(emu, emu.sessionString(), clients);
    emu.updateSession(-5n, { ip: '198.51.100.9', country: 'Nigeria', region: 'Lagos', deviceModel: 'Thief PC', apiId: 999, dateActive: 1_800_000_000 });
    const listed = (await client.invoke(new Api.account.GetAuthorizations())).authorizations.find((a) => a.hash.toString() === '-5')!;
    expect(listed).toMatchObject({ ip: '198.51.100.9', country: 'Nigeria', region: 'Lagos', deviceModel: 'Thief PC', apiId: 999, dateActive: 1_800_000_000 });
    expect(() => emu.updateSession(6n, { country: 'X' })).toThrow(/no emulated session/);
  });

  it('pushServiceNotification reaches the client as updateServiceNotification with its type', async () => {
    emu = await MtprotoEmulator.start();
    const client = await connectBareClient(emu, emu.sessionString(), clients);
    await client.getMe();
    const got = new Promise<Api.UpdateServiceNotification>((resolve) =>
      client.addEventHandler((u: unknown) => void (u instanceof Api.UpdateServiceNotification && resolve(u)), new Raw({})),
    );
    emu.pushServiceNotification({ type: 'auth1_2', message: 'New activity' });
    expect(await got).toMatchObject({ type: 'auth1_2', message: 'New activity' });
  });
});
