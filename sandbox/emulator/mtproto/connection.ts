import { randomBytes } from 'crypto';
import type { Socket } from 'net';
import { Api } from 'telegram';
import { BinaryReader } from 'telegram/extensions/BinaryReader';
import { CryptoError, decryptClientPacket, encryptServerMessage } from './crypto';
import { findHandler, type CallerKey, type HandlerContext } from './handlers';
import { findDoorHandler } from './door-handlers';
import { LOGIN_METHODS, findLoginHandler } from './login-handlers';
import { RpcFailure } from './state';
import {
  CONSTRUCTOR,
  isTlObject,
  methodName,
  plainArgs,
  rpcError,
  rpcResult,
  serializeResult,
  toLong,
  unpackGzip,
  type TlObject,
} from './tl';
import { FullFrameDecoder, FullFrameEncoder, transportErrorPayload } from './transport';

/** What a connection needs from the server that owns it. */
export interface ConnectionHost {
  readonly ctx: Omit<HandlerContext, 'caller'>;
  readonly serverSalt: Buffer;
  readonly gzipThreshold: number;
  /** Auth keys issued so far, by hex auth_key_id. */
  lookupKey(keyIdHex: string): Buffer | undefined;
  /** The login state of an issued key. */
  callerKey(keyIdHex: string): CallerKey | undefined;
  /** True the first time a (key, session id) pair is seen, which warrants new_session_created. */
  claimSession(keyIdHex: string, sessionId: bigint): boolean;
  replyDelayMs(): number;
  /** Timers go through the host so stop() can cancel them. */
  later(ms: number, fn: () => void): void;
  log(line: string): void;
}

/** Wrappers that carry the real query; the call record and handlers see only the innermost one. */
const WRAPPERS = new Set([
  'InvokeWithLayer',
  'InitConnection',
  'InvokeWithoutUpdates',
  'InvokeAfterMsg',
  'InvokeAfterMsgs',
  'InvokeWithMessagesRange',
  'InvokeWithTakeout',
  'InvokeWithBusinessConnection',
  'InvokeWithGooglePlayIntegrity',
  'InvokeWithApnsSecret',
  'InvokeWithReCaptcha',
]);

type MsgKind = 'response' | 'notification';

export class ClientConnection {
  private readonly decoder = new FullFrameDecoder();
  private readonly encoder = new FullFrameEncoder();
  private authKey: Buffer | undefined;
  private keyId: string | undefined;
  private sessionId: bigint | undefined;
  private lastMsgId = 0n;
  private seq = 0;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  /** A dead link that was never closed: what arrives is dropped and nothing is sent, the socket stays open. */
  private silenced = false;

  constructor(
    private readonly socket: Socket,
    private readonly host: ConnectionHost,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => host.log(`socket error: ${err.message}`));
    socket.on('close', () => {
      this.closed = true;
    });
  }

  /** Only connections that have spoken encrypted MTProto can receive pushes. */
  get authorized(): boolean {
    return !this.closed && this.authKey !== undefined && this.sessionId !== undefined;
  }

  /** auth_key_id (hex) of the key this connection last spoke with. */
  get keyIdHex(): string | undefined {
    return this.keyId;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }

  /** The link goes silent without a close, as a NAT or a middlebox that forgot it does. */
  silence(): void {
    this.silenced = true;
  }

  push(updates: TlObject): void {
    if (this.authorized) this.send(updates.getBytes(), 'notification', true);
  }

  private onData(chunk: Buffer): void {
    if (this.silenced) return;
    let payloads: Buffer[];
    try {
      payloads = this.decoder.push(chunk);
    } catch (err) {
      this.host.log(`transport error, closing: ${(err as Error).message}`);
      this.destroy();
      return;
    }
    for (const payload of payloads) {
      // Serialised so replies keep the order requests came in.
      this.queue = this.queue.then(() => this.onPacket(payload)).catch((err: unknown) => {
        this.host.log(`failed to process a packet: ${(err as Error).stack ?? String(err)}`);
      });
    }
  }

  private async onPacket(packet: Buffer): Promise<void> {
    if (this.closed) return;
    if (packet.length < 8) return;
    const keyIdHex = packet.subarray(0, 8).toString('hex');
    if (/^0+$/.test(keyIdHex)) {
      this.host.log('client attempted an unencrypted (key exchange) message; not supported, closing');
      this.destroy();
      return;
    }
    const key = this.host.lookupKey(keyIdHex);
    if (!key) {
      this.host.log(`unknown auth_key_id ${keyIdHex}, answering -404`);
      this.socket.write(this.encoder.encode(transportErrorPayload(404)));
      return;
    }
    let msg;
    try {
      msg = decryptClientPacket(key, packet);
    } catch (err) {
      if (err instanceof CryptoError) {
        this.host.log(`dropping undecryptable packet: ${err.message}`);
        return;
      }
      throw err;
    }
    if (this.sessionId !== msg.sessionId || this.authKey !== key) {
      this.authKey = key;
      this.keyId = keyIdHex;
      this.sessionId = msg.sessionId;
      this.seq = 0;
    }
    if (this.host.claimSession(keyIdHex, msg.sessionId)) {
      const created = new Api.NewSessionCreated({
        firstMsgId: toLong(msg.msgId),
        uniqueId: toLong(randomBytes(8).readBigInt64LE(0)),
        serverSalt: toLong(this.host.serverSalt.readBigInt64LE(0)),
      });
      this.send(created.getBytes(), 'notification', false, 0);
    }
    this.processMessage(msg.msgId, msg.body);
  }

  private processMessage(msgId: bigint, body: Buffer): void {
    if (body.length < 4) return;
    const constructorId = body.readUInt32LE(0);
    if (constructorId === CONSTRUCTOR.msgContainer) {
      const count = body.readInt32LE(4);
      let offset = 8;
      for (let i = 0; i < count && offset + 16 <= body.length; i++) {
        const innerId = body.readBigInt64LE(offset);
        const length = body.readInt32LE(offset + 12);
        const inner = body.subarray(offset + 16, offset + 16 + length);
        offset += 16 + length;
        this.processMessage(innerId, inner);
      }
      return;
    }
    if (constructorId === CONSTRUCTOR.gzipPacked) {
      const reader = new BinaryReader(body.subarray(4));
      this.processMessage(msgId, unpackGzip(reader.tgReadBytes()));
      return;
    }
    let obj: unknown;
    try {
      obj = new BinaryReader(body).tgReadObject();
    } catch (err) {
      this.host.log(`cannot decode constructor 0x${constructorId.toString(16)}: ${(err as Error).message}`);
      this.send(rpcError(msgId, 400, 'INPUT_CONSTRUCTOR_INVALID'), 'response', true);
      return;
    }
    this.handleObject(msgId, obj as TlObject);
  }

  private handleObject(msgId: bigint, obj: TlObject): void {
    switch (obj.className) {
      case 'MsgsAck':
      case 'MsgsStateReq':
      case 'MsgResendReq':
      case 'MsgsStateInfo':
      case 'HttpWait':
        return;
      case 'Ping':
      case 'PingDelayDisconnect': {
        const pingId = (obj as unknown as Api.Ping).pingId;
        this.send(new Api.Pong({ msgId: toLong(msgId), pingId }).getBytes(), 'response', false);
        return;
      }
      case 'DestroySession': {
        const sessionId = (obj as unknown as Api.DestroySession).sessionId;
        const res = new Api.DestroySessionNone({ sessionId });
        this.send(rpcResult(msgId, res.getBytes(), Number.POSITIVE_INFINITY), 'response', true);
        return;
      }
      case 'GetFutureSalts': {
        const now = Math.floor(Date.now() / 1000);
        const salts = new Api.FutureSalts({
          reqMsgId: toLong(msgId),
          now,
          salts: [
            new Api.FutureSalt({
              validSince: now - 60,
              validUntil: now + 3600,
              salt: toLong(this.host.serverSalt.readBigInt64LE(0)),
            }),
          ],
        });
        this.send(salts.getBytes(), 'response', true);
        return;
      }
      default:
        if (obj.classType === 'request') {
          this.invoke(msgId, obj);
        } else {
          this.host.log(`ignoring unexpected ${obj.className} from the client`);
        }
    }
  }

  private invoke(msgId: bigint, outer: TlObject): void {
    let req = outer;
    while (WRAPPERS.has(req.className)) {
      if (req.className === 'InitConnection') this.recordInit(req as unknown as Api.InitConnection);
      const inner = (req as unknown as { query?: unknown }).query;
      if (!isTlObject(inner)) break;
      req = inner;
    }
    const { state } = this.host.ctx;
    const method = methodName(req.className);
    state.record(method, plainArgs(req));
    if (state.takeDrop(method)) {
      this.host.log(`dropping the connection during ${method} as scripted`);
      this.destroy();
      return;
    }
    let body: Buffer;
    try {
      const caller = this.keyId === undefined ? undefined : this.host.callerKey(this.keyId);
      if (!caller) throw new RpcFailure(401, 'AUTH_KEY_UNREGISTERED');
      // Like Telegram, a key that is not (or no longer) logged in may still fetch the config and log in.
      if (!caller.loggedIn && !LOGIN_METHODS.has(method)) throw new RpcFailure(401, 'AUTH_KEY_UNREGISTERED');
      if (state.revoked && !LOGIN_METHODS.has(method)) throw new RpcFailure(state.revokedWith.code, state.revokedWith.message);
      const injected = state.takeInjectedError(method);
      if (injected) throw new RpcFailure(injected.code, injected.message);
      const handler = findHandler(method) ?? findDoorHandler(method) ?? findLoginHandler(method);
      if (!handler) {
        this.host.log(`unsupported method ${method}`);
        throw new RpcFailure(400, 'METHOD_NOT_SUPPORTED_BY_EMULATOR');
      }
      const result = handler(req, { ...this.host.ctx, caller });
      body = rpcResult(msgId, serializeResult(result), this.host.gzipThreshold);
    } catch (err) {
      if (err instanceof RpcFailure) {
        body = rpcError(msgId, err.code, err.errorMessage);
      } else {
        this.host.log(`handler for ${method} threw: ${(err as Error).stack ?? String(err)}`);
        body = rpcError(msgId, 500, 'EMULATOR_INTERNAL_ERROR');
      }
    }
    this.send(body, 'response', true);
  }

  /** Kept so tests can check how a client names itself in the owner's Devices list. */
  private recordInit(init: Api.InitConnection): void {
    if (this.keyId === undefined) return;
    this.host.ctx.state.initConnections.push({
      keyIdHex: this.keyId,
      apiId: init.apiId,
      deviceModel: init.deviceModel,
      systemVersion: init.systemVersion,
      appVersion: init.appVersion,
      langCode: init.langCode,
      systemLangCode: init.systemLangCode,
      at: Date.now(),
    });
  }

  private send(body: Buffer, kind: MsgKind, contentRelated: boolean, delayMs = this.host.replyDelayMs()): void {
    const write = (): void => {
      const key = this.authKey;
      const sessionId = this.sessionId;
      if (this.closed || this.silenced || !key || sessionId === undefined) return;
      const seqNo = contentRelated ? this.seq++ * 2 + 1 : this.seq * 2;
      const packet = encryptServerMessage(
        key,
        { salt: this.host.serverSalt, sessionId, msgId: this.nextMsgId(kind), seqNo },
        body,
      );
      this.socket.write(this.encoder.encode(packet));
    };
    if (delayMs > 0) this.host.later(delayMs, write);
    else write();
  }

  /** Server msg_ids track the clock, grow strictly, and end in 01 for responses and 11 otherwise. */
  private nextMsgId(kind: MsgKind): bigint {
    const tag = kind === 'response' ? 1n : 3n;
    const now = Date.now();
    let id = (BigInt(Math.floor(now / 1000)) << 32n) | BigInt((now % 1000) * 4_000_000);
    id = (id & ~3n) | tag;
    if (id <= this.lastMsgId) id = ((this.lastMsgId + 4n) & ~3n) | tag;
    this.lastMsgId = id;
    return id;
  }
}
