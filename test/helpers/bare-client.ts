import { TelegramClient } from 'telegram';
import { RPCError } from 'telegram/errors';
import { Logger, LogLevel } from 'telegram/extensions/Logger';
import { StringSession } from 'telegram/sessions';
import { socketClassFor, type MtprotoEmulator } from '../../sandbox/emulator/mtproto';

/** A plain gramjs client on the emulator, as quiet and quick to give up as a test wants. */
export async function connectBareClient(emu: MtprotoEmulator, session: string, clients: TelegramClient[]): Promise<TelegramClient> {
  const client = new TelegramClient(new StringSession(session), 1, 'x', {
    connectionRetries: 2,
    retryDelay: 100,
    networkSocket: socketClassFor(emu.port),
    baseLogger: new Logger(LogLevel.NONE),
    floodSleepThreshold: 0,
  });
  clients.push(client);
  await client.connect();
  return client;
}

/** The RPCError a call rejects with; anything else fails the test. */
export async function rpcErrorOf(p: Promise<unknown>): Promise<RPCError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof RPCError) return err;
    throw err;
  }
  throw new Error('expected an RPCError');
}
