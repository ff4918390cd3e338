import { PromisedNetSockets } from 'telegram/extensions';

/**
 * gramjs dials port 80 (or 443) whatever the session says, so tests hand it this socket class,
 * which keeps the host but redirects to the emulator's ephemeral port.
 */
export function socketClassFor(port: number): typeof PromisedNetSockets {
  return class EmulatorPortSocket extends PromisedNetSockets {
    override connect(_port: number, ip: string): Promise<unknown> {
      return super.connect(port, ip);
    }
  };
}
