import { gzipSync, gunzipSync, inflateSync } from 'zlib';
import bigInt from 'big-integer';
import { Api } from 'telegram';
import { serializeBytes } from 'telegram/tl';

/** Boundary helpers between plain TS values and gramjs TL objects. */

export const CONSTRUCTOR = {
  rpcResult: 0xf35c6d01,
  msgContainer: 0x73f1f8dc,
  gzipPacked: 0x3072cfa1,
  vector: 0x1cb5c415,
  boolTrue: 0x997275b5,
  boolFalse: 0xbc799737,
} as const;

export const toLong = (v: bigint): bigInt.BigInteger => bigInt(v.toString());

export function fromLong(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  if (bigInt.isInstance(v)) return BigInt(v.toString());
  throw new TypeError(`not a long: ${String(v)}`);
}

/** A TL request/constructor as gramjs builds it; only the fields we rely on. */
export interface TlObject {
  className: string;
  classType: 'constructor' | 'request';
  CONSTRUCTOR_ID: number;
  originalArgs?: Record<string, unknown>;
  getBytes(): Buffer;
}

export function isTlObject(v: unknown): v is TlObject {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { className?: unknown }).className === 'string' &&
    typeof (v as { getBytes?: unknown }).getBytes === 'function'
  );
}

/** 'account.ResetAuthorization' -> 'account.resetAuthorization', matching the schema's method names. */
export function methodName(className: string): string {
  const dot = className.lastIndexOf('.');
  const ns = dot >= 0 ? className.slice(0, dot + 1) : '';
  const name = className.slice(dot + 1);
  return ns + name.charAt(0).toLowerCase() + name.slice(1);
}

/** Converts a decoded TL value into plain data for the call record (longs become bigint). */
export function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (bigInt.isInstance(v)) return BigInt(v.toString());
  if (Buffer.isBuffer(v)) return Buffer.from(v);
  if (Array.isArray(v)) return v.map(plainValue);
  if (isTlObject(v)) return { _: v.className, ...plainArgs(v) };
  return v;
}

export function plainArgs(obj: TlObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const source = obj.originalArgs ?? {};
  for (const [key, value] of Object.entries(source)) {
    // Flag words are an encoding detail; the optional fields they govern carry the meaning.
    if (/^flags\d*$/.test(key)) continue;
    const plain = plainValue(value);
    if (plain !== undefined) out[key] = plain;
  }
  return out;
}

/** A method result as the handlers produce it: a TL object, a Bool, or a Vector of TL objects. */
export type TlResult = TlObject | boolean | TlObject[];

export function serializeResult(result: TlResult): Buffer {
  if (typeof result === 'boolean') {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(result ? CONSTRUCTOR.boolTrue : CONSTRUCTOR.boolFalse, 0);
    return b;
  }
  if (Array.isArray(result)) {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(CONSTRUCTOR.vector, 0);
    head.writeInt32LE(result.length, 4);
    return Buffer.concat([head, ...result.map((r) => r.getBytes())]);
  }
  return result.getBytes();
}

export function rpcResult(reqMsgId: bigint, body: Buffer, gzipThreshold: number): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt32LE(CONSTRUCTOR.rpcResult, 0);
  head.writeBigInt64LE(reqMsgId, 4);
  return Buffer.concat([head, body.length > gzipThreshold ? gzipPacked(body) : body]);
}

export function rpcError(reqMsgId: bigint, code: number, message: string): Buffer {
  const err = new Api.RpcError({ errorCode: code, errorMessage: message });
  return rpcResult(reqMsgId, err.getBytes(), Number.POSITIVE_INFINITY);
}

export function gzipPacked(body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32LE(CONSTRUCTOR.gzipPacked, 0);
  return Buffer.concat([head, serializeBytes(gzipSync(body))]);
}

/**
 * gzip_packed payloads may carry a gzip or a zlib wrapper depending on the sender; gramjs's own
 * packer wraps data without compressing it, so undecodable input is taken as already plain.
 */
export function unpackGzip(data: Buffer): Buffer {
  try {
    return data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : inflateSync(data);
  } catch {
    return data;
  }
}
