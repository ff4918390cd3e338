import { PromisedNetSockets } from 'telegram/extensions';

/** The class gramjs dials MTProto with; setup and tests pass one to reach a server on loopback. */
export type NetworkSocket = typeof PromisedNetSockets;
import { StringSession } from 'telegram/sessions';

/** Telegram's data centres answer on these; any other port in a session was put there on purpose. */
const STANDARD_PORTS = new Set([80, 443]);

/**
 * gramjs dials port 80 whatever port the StringSession holds. That is right for Telegram, but a
 * self-hosted or emulated server on another port would be unreachable. This socket dials the
 * session's own port when it is non-standard, and falls back to the port gramjs asked for if that
 * is refused, so a session for Telegram itself behaves exactly as gramjs intends.
 */
export function socketDialingSessionPort(sessionPort: number | undefined): typeof PromisedNetSockets {
  // StringSession stores the port as a signed 16-bit number.
  const port = sessionPort === undefined ? undefined : sessionPort & 0xffff;
  if (port === undefined || port === 0 || STANDARD_PORTS.has(port)) return PromisedNetSockets;

  return class SessionPortSocket extends PromisedNetSockets {
    override async connect(requested: number, ip: string): Promise<this> {
      try {
        return (await super.connect(port, ip)) as this;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ECONNREFUSED') throw err;
        return (await super.connect(requested, ip)) as this;
      }
    }
  };
}

/** The port written in a StringSession, without connecting. */
export function sessionPort(session: string): number | undefined {
  try {
    const s = new StringSession(session);
    return s.port;
  } catch {
    return undefined;
  }
}
