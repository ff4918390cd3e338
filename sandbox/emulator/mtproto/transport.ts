import { crc32 } from 'telegram/Helpers';

/**
 * TCP "full" transport, the gramjs default under Node: every packet is
 * length (incl. itself, seq and crc) | seq no | payload | crc32, with no opening tag.
 */

export class TransportError extends Error {}

const MAX_PACKET = 16 * 1024 * 1024;

export class FullFrameDecoder {
  private buffer: Buffer = Buffer.alloc(0);
  private expectedSeq = 0;

  /** Feeds socket bytes; returns the complete payloads now available. */
  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: Buffer[] = [];
    while (this.buffer.length >= 4) {
      const length = this.buffer.readInt32LE(0);
      if (length < 12 || length > MAX_PACKET) {
        throw new TransportError(`bad packet length ${length}`);
      }
      if (this.buffer.length < length) break;
      const frame = this.buffer.subarray(0, length);
      this.buffer = this.buffer.subarray(length);
      const seq = frame.readInt32LE(4);
      const crc = frame.readUInt32LE(length - 4);
      if (crc32(frame.subarray(0, length - 4)) !== crc) {
        throw new TransportError('bad crc32');
      }
      if (seq !== this.expectedSeq) {
        throw new TransportError(`transport seq ${seq}, expected ${this.expectedSeq}`);
      }
      this.expectedSeq += 1;
      out.push(Buffer.from(frame.subarray(8, length - 4)));
    }
    return out;
  }
}

export class FullFrameEncoder {
  private seq = 0;

  encode(payload: Buffer): Buffer {
    const head = Buffer.alloc(8);
    head.writeInt32LE(payload.length + 12, 0);
    head.writeInt32LE(this.seq, 4);
    this.seq += 1;
    const data = Buffer.concat([head, payload]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32LE(crc32(data), 0);
    return Buffer.concat([data, crc]);
  }
}

/** A 4-byte payload carrying a negative code is how Telegram reports transport errors (e.g. -404 unknown key). */
export function transportErrorPayload(code: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32LE(-Math.abs(code), 0);
  return b;
}
