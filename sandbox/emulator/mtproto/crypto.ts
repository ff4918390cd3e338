import { createHash, randomBytes } from 'crypto';
import { IGE } from 'telegram/crypto/IGE';

/**
 * Server half of MTProto 2.0 message encryption. The client half lives in gramjs's MTProtoState;
 * this mirrors it with x = 8 for outgoing and x = 0 for incoming data.
 */

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/** auth_key_id: the low 64 bits of sha1(auth_key), as the raw 8 bytes that prefix every packet. */
export function authKeyId(key: Buffer): Buffer {
  return createHash('sha1').update(key).digest().subarray(12, 20);
}

function deriveAesKeyIv(authKey: Buffer, msgKey: Buffer, x: 0 | 8): { key: Buffer; iv: Buffer } {
  const a = sha256(Buffer.concat([msgKey, authKey.subarray(x, x + 36)]));
  const b = sha256(Buffer.concat([authKey.subarray(x + 40, x + 76), msgKey]));
  return {
    key: Buffer.concat([a.subarray(0, 8), b.subarray(8, 24), a.subarray(24, 32)]),
    iv: Buffer.concat([b.subarray(0, 8), a.subarray(8, 24), b.subarray(24, 32)]),
  };
}

export interface DecryptedMessage {
  salt: Buffer;
  sessionId: bigint;
  msgId: bigint;
  seqNo: number;
  body: Buffer;
}

export class CryptoError extends Error {}

/** Decrypts a client packet (after the transport frame) with the given key; throws CryptoError on tampering. */
export function decryptClientPacket(authKey: Buffer, packet: Buffer): DecryptedMessage {
  if (packet.length < 24 + 32 || (packet.length - 24) % 16 !== 0) {
    throw new CryptoError(`encrypted packet has a bad length ${packet.length}`);
  }
  const msgKey = packet.subarray(8, 24);
  const { key, iv } = deriveAesKeyIv(authKey, msgKey, 0);
  const plain = new IGE(key, iv).decryptIge(packet.subarray(24));
  const expected = sha256(Buffer.concat([authKey.subarray(88, 88 + 32), plain])).subarray(8, 24);
  if (!expected.equals(msgKey)) {
    throw new CryptoError('msg_key mismatch');
  }
  const length = plain.readInt32LE(28);
  if (length < 0 || 32 + length > plain.length) {
    throw new CryptoError(`message length ${length} exceeds the packet`);
  }
  return {
    salt: Buffer.from(plain.subarray(0, 8)),
    sessionId: plain.readBigInt64LE(8),
    msgId: plain.readBigInt64LE(16),
    seqNo: plain.readInt32LE(24),
    body: Buffer.from(plain.subarray(32, 32 + length)),
  };
}

export interface OutgoingHeader {
  salt: Buffer;
  sessionId: bigint;
  msgId: bigint;
  seqNo: number;
}

export function encryptServerMessage(authKey: Buffer, header: OutgoingHeader, body: Buffer): Buffer {
  const head = Buffer.alloc(32);
  header.salt.copy(head, 0, 0, 8);
  head.writeBigInt64LE(header.sessionId, 8);
  head.writeBigInt64LE(header.msgId, 16);
  head.writeInt32LE(header.seqNo, 24);
  head.writeInt32LE(body.length, 28);
  const data = Buffer.concat([head, body]);
  // Same rule the client uses: 12..27 bytes of padding up to a 16-byte boundary.
  const padLength = (((-(data.length + 12)) % 16) + 16) % 16 + 12;
  const plain = Buffer.concat([data, randomBytes(padLength)]);
  const msgKey = sha256(Buffer.concat([authKey.subarray(96, 96 + 32), plain])).subarray(8, 24);
  const { key, iv } = deriveAesKeyIv(authKey, msgKey, 8);
  return Buffer.concat([authKeyId(authKey), msgKey, new IGE(key, iv).encryptIge(plain)]);
}
