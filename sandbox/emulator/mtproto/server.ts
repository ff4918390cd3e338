import { randomBytes } from 'crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'net';
import { Api } from 'telegram';
import { AuthKey } from 'telegram/crypto/AuthKey';
import { StringSession } from 'telegram/sessions';
import { authKeyId } from './crypto';
import { ClientConnection, type ConnectionHost } from './connection';
import { SERVICE_USER_ID, selfUser, serviceUser, type CallerKey, type HandlerContext } from './handlers';
import { SrpVerifier } from './srp';
import { EmulatorState, defaultSession, nowSeconds } from './state';
import { toLong, type TlObject } from './tl';
import type {
  EmulatedConnectedBot,
  EmulatedPasswordDetails,
  EmulatedSelf,
  EmulatedSession,
  EmulatedWebSession,
  InjectedError,
  IssueAuthKeyOptions,
  MtprotoEmulatorOptions,
  PushNewAuthorizationInput,
  PushNewAuthorizationOptions,
  PushServiceMessageOptions,
  RecordedCall,
  RecordedInitConnection,
} from './types';

class IssuedKey implements CallerKey {
  passwordPending = false;
  sentCode: CallerKey['sentCode'] = undefined;

  constructor(
    readonly key: Buffer,
    readonly keyIdHex: string,
    readonly session: string,
    public loggedIn: boolean,
    private readonly onLogIn: (key: IssuedKey) => void,
  ) {}

  logIn(): void {
    this.onLogIn(this);
  }
}

/** Loopback MTProto server that real gramjs clients talk to with a pre-shared auth key. */
export class MtprotoEmulator {
  readonly host: string;
  readonly dcId: number;
  private readonly state: EmulatorState;
  private readonly server: Server;
  private readonly connections = new Set<ClientConnection>();
  private readonly keys = new Map<string, IssuedKey>();
  private readonly sessionsSeen = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly serverSalt = randomBytes(8);
  private readonly gzipThreshold: number;
  private readonly logger: ((line: string) => void) | undefined;
  private primarySession = '';
  private boundPort = 0;
  private replyDelay = 0;
  private pushesEnabled = true;
  private serviceMessageId = 0;

  private constructor(opts: MtprotoEmulatorOptions) {
    this.host = opts.host ?? '127.0.0.1';
    this.dcId = opts.dcId ?? 2;
    this.gzipThreshold = opts.gzipThreshold ?? 16 * 1024;
    this.logger = opts.logger;
    this.state = new EmulatorState(opts);
    this.server = createServer((socket) => this.accept(socket));
  }

  static async start(opts: MtprotoEmulatorOptions = {}): Promise<MtprotoEmulator> {
    const emu = new MtprotoEmulator(opts);
    await new Promise<void>((resolve, reject) => {
      emu.server.once('error', reject);
      emu.server.listen(opts.port ?? 0, emu.host, () => {
        emu.server.off('error', reject);
        resolve();
      });
    });
    emu.boundPort = (emu.server.address() as AddressInfo).port;
    if (opts.password !== undefined) await emu.setPassword(opts.password, opts.passwordHint);
    emu.primarySession = await emu.issueAuthKey();
    emu.log(`listening on ${emu.host}:${emu.boundPort}`);
    return emu;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.state.dispose();
    for (const c of this.connections) c.destroy();
    this.connections.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get port(): number {
    return this.boundPort;
  }

  // ---- auth keys -------------------------------------------------------------------------

  /** StringSession for the key issued at start: dc, host, port and auth key, no handshake needed. */
  sessionString(): string {
    return this.primarySession;
  }

  /**
   * Issues one more auth key and returns its StringSession: another client of the same account, or
   * with `{ loggedIn: false }` a key that still has to log in (what a client holds right after the
   * key exchange this emulator skips).
   */
  async issueAuthKey(opts: IssueAuthKeyOptions = {}): Promise<string> {
    const key = randomBytes(256);
    const authKey = new AuthKey();
    await authKey.setKey(key);
    const session = new StringSession('');
    // StringSession stores the port as a signed 16-bit value; ephemeral ports exceed 32767.
    session.setDC(this.dcId, this.host, (this.boundPort << 16) >> 16);
    session.setAuthKey(authKey);
    const saved = session.save();
    const keyIdHex = authKeyId(key).toString('hex');
    this.keys.set(keyIdHex, new IssuedKey(key, keyIdHex, saved, opts.loggedIn ?? true, (k) => this.logIn(k)));
    return saved;
  }

  /** Whether the key in this StringSession is logged in; undefined if the emulator did not issue it. */
  isLoggedIn(session: string): boolean | undefined {
    for (const k of this.keys.values()) if (k.session === session) return k.loggedIn && !this.state.revoked;
    return undefined;
  }

  // ---- login -------------------------------------------------------------------------------

  /** The code auth.signIn accepts. */
  setLoginCode(code: string): void {
    this.state.loginCode = code;
  }

  /** Turns two-step verification on (or off with undefined). Derives the SRP verifier: ~0.1 s. */
  async setPassword(password: string | undefined, hint?: string): Promise<void> {
    this.state.password = password === undefined ? undefined : await SrpVerifier.create(password, hint);
  }

  /**
   * The owner's app scanned the QR code: pushes updateLoginToken to the key that exported the token,
   * and its next auth.exportLoginToken returns auth.LoginTokenSuccess (or SESSION_PASSWORD_NEEDED).
   * `token` may be the raw bytes, their base64url text, or the whole tg://login?token=... URL;
   * default: the newest unexpired token.
   */
  acceptLoginToken(token?: Buffer | string): void {
    const now = nowSeconds();
    const wanted = typeof token === 'string' ? Buffer.from(token.replace(/^tg:\/\/login\?token=/, ''), 'base64url') : token;
    const pending = this.state.loginTokens.filter((t) => !t.accepted && t.expires > now);
    const target = wanted ? pending.find((t) => t.token.equals(wanted)) : pending[pending.length - 1];
    if (!target) throw new Error('no unexpired login token to accept: wait for auth.exportLoginToken first');
    target.accepted = true;
    const update = new Api.UpdateShort({ update: new Api.UpdateLoginToken(), date: now });
    for (const c of this.connections) if (c.keyIdHex === target.keyIdHex) c.push(update);
  }

  private logIn(key: IssuedKey): void {
    if (this.state.revoked) {
      // The old companion's session was ended; the key that just logged in is the companion now.
      for (const other of this.keys.values()) if (other !== key) other.loggedIn = false;
      this.state.revoked = false;
    }
    key.loggedIn = true;
    key.passwordPending = false;
    key.sentCode = undefined;
    this.state.loginTokens = this.state.loginTokens.filter((t) => t.keyIdHex !== key.keyIdHex);
    this.log(`key ${key.keyIdHex} logged in`);
  }

  // ---- scripted state ----------------------------------------------------------------------

  get self(): EmulatedSelf {
    return { ...this.state.self };
  }

  setSelf(self: Partial<EmulatedSelf>): void {
    this.state.self = { ...this.state.self, ...self };
  }

  /** The calling session as listed (hash 0, current); dateCreated drives the 24 h reset rule. */
  get companion(): EmulatedSession {
    return { ...this.state.companion };
  }

  setCompanion(fields: Partial<Omit<EmulatedSession, 'hash' | 'current'>>): void {
    this.state.companion = { ...this.state.companion, ...fields };
  }

  setCompanionCreatedAt(unixSeconds: number): void {
    this.state.companion.dateCreated = unixSeconds;
  }

  /** The other sessions (the companion's own entry is implicit and always listed first). */
  sessions(): EmulatedSession[] {
    return this.state.sessions.map((s) => ({ ...s }));
  }

  setSessions(sessions: EmulatedSession[]): void {
    this.state.sessions = sessions.map((s) => ({ ...s }));
  }

  addSession(session: Partial<EmulatedSession> & { hash: bigint }): EmulatedSession {
    const full = defaultSession(session.hash, session);
    this.state.sessions = this.state.sessions.filter((s) => s.hash !== full.hash);
    this.state.sessions.push(full);
    return { ...full };
  }

  /**
   * Changes an existing authorization between calls, as a copied session file used from another
   * machine would (ip, country, region, device_model, api_id, date_active...). Returns the session
   * as now listed; throws for an unknown hash.
   */
  updateSession(hash: bigint, fields: Partial<Omit<EmulatedSession, 'hash' | 'current'>>): EmulatedSession {
    const session = this.state.sessions.find((s) => s.hash === hash);
    if (!session) throw new Error(`no emulated session with hash ${hash}`);
    Object.assign(session, fields);
    return { ...session };
  }

  removeSession(hash: bigint): boolean {
    const before = this.state.sessions.length;
    this.state.sessions = this.state.sessions.filter((s) => s.hash !== hash);
    return this.state.sessions.length !== before;
  }

  webSessions(): EmulatedWebSession[] {
    return this.state.webSessions.map((s) => ({ ...s }));
  }

  setWebSessions(sessions: EmulatedWebSession[]): void {
    this.state.webSessions = sessions.map((s) => ({ ...s }));
  }

  get authorizationTtlDays(): number {
    return this.state.authorizationTtlDays;
  }

  setAuthorizationTtlDays(days: number): void {
    this.state.authorizationTtlDays = days;
  }

  // ---- the other doors: 2FA details, login codes, connected bots ------------------------------

  get passwordDetails(): EmulatedPasswordDetails {
    return { ...this.state.passwordDetails };
  }

  /** Replaces the recovery, email and reset details account.getPassword reports (see setPassword for the password). */
  setPasswordDetails(details: EmulatedPasswordDetails): void {
    this.state.passwordDetails = { ...details };
  }

  /** Codes account.invalidateSignInCodes was given, in order. */
  get invalidatedCodes(): readonly string[] {
    return [...this.state.invalidatedCodes];
  }

  connectedBots(): EmulatedConnectedBot[] {
    return this.state.connectedBots.map((b) => ({ ...b }));
  }

  setConnectedBots(bots: EmulatedConnectedBot[]): void {
    this.state.connectedBots = bots.map((b) => ({ ...b }));
  }

  // ---- errors and the call record ----------------------------------------------------------

  /** Makes the next `times` calls (or all, when persistent) of `method` fail with this rpc_error. */
  injectError(method: string, err: InjectedError): void {
    this.state.injectError(method, err);
  }

  clearErrors(method?: string): void {
    this.state.clearErrors(method);
  }

  /**
   * The companion's session was ended elsewhere: every later request fails with 401
   * AUTH_KEY_UNREGISTERED, or with `error` (406 AUTH_KEY_DUPLICATED: the key was used by two programs at once).
   */
  revokeCompanion(error: { code: number; message: string } = { code: 401, message: 'AUTH_KEY_UNREGISTERED' }): void {
    this.state.revokedWith = { ...error };
    this.state.revoked = true;
  }

  restoreCompanion(): void {
    this.state.revoked = false;
  }

  get calls(): readonly RecordedCall[] {
    return this.state.calls;
  }

  callsOf(method: string): RecordedCall[] {
    return this.state.calls.filter((c) => c.method === method);
  }

  /**
   * What clients said about themselves in initConnection, oldest first; with `session`, only the
   * client using that StringSession's key (the emulator's primary session, or one from issueAuthKey).
   */
  initConnections(session?: string): RecordedInitConnection[] {
    const keyIdHex = session === undefined ? undefined : [...this.keys.values()].find((k) => k.session === session)?.keyIdHex;
    if (session !== undefined && keyIdHex === undefined) return [];
    return this.state.initConnections.filter((i) => keyIdHex === undefined || i.keyIdHex === keyIdHex).map((i) => ({ ...i }));
  }

  clearCalls(): void {
    this.state.calls.length = 0;
  }

  /** Resolves with the first matching call already recorded, or the next one to arrive. */
  waitForCall(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    return this.state.waitForCall(method, predicate, timeoutMs);
  }

  // ---- pushes ------------------------------------------------------------------------------

  setPushesEnabled(enabled: boolean): void {
    this.pushesEnabled = enabled;
  }

  pushNewAuthorization(auth: PushNewAuthorizationInput, opts: PushNewAuthorizationOptions = {}): void {
    const date = auth.date ?? nowSeconds();
    if (opts.addSession ?? true) {
      this.addSession({
        hash: auth.hash,
        unconfirmed: auth.unconfirmed,
        dateCreated: date,
        dateActive: date,
        ...(auth.device !== undefined ? { deviceModel: auth.device } : {}),
        ...(auth.location !== undefined ? { country: auth.location, region: '' } : {}),
      });
    }
    // The schema puts unconfirmed, date, device and location all on flags.0: they travel together or not at all.
    const update = auth.unconfirmed
      ? new Api.UpdateNewAuthorization({
          unconfirmed: true,
          hash: toLong(auth.hash),
          date,
          device: auth.device ?? 'Unknown device',
          location: auth.location ?? 'Unknown location',
        })
      : new Api.UpdateNewAuthorization({ hash: toLong(auth.hash) });
    const updates =
      (opts.form ?? 'updateShort') === 'updateShort'
        ? new Api.UpdateShort({ update, date: nowSeconds() })
        : new Api.Updates({ updates: [update], users: [], chats: [], date: nowSeconds(), seq: 0 });
    this.broadcast(updates);
  }

  /** A message from the service account 777000 ("Telegram") to the owner, e.g. a login code notice. */
  pushServiceMessage(text: string, opts: PushServiceMessageOptions = {}): void {
    const date = nowSeconds();
    const id = ++this.serviceMessageId;
    const pts = ++this.state.pts;
    let updates: TlObject;
    if ((opts.form ?? 'updateShortMessage') === 'updateShortMessage') {
      updates = new Api.UpdateShortMessage({
        id,
        userId: toLong(SERVICE_USER_ID),
        message: text,
        pts,
        ptsCount: 1,
        date,
      });
    } else {
      const message = new Api.Message({
        id,
        fromId: new Api.PeerUser({ userId: toLong(SERVICE_USER_ID) }),
        peerId: new Api.PeerUser({ userId: toLong(SERVICE_USER_ID) }),
        date,
        message: text,
      });
      updates = new Api.Updates({
        updates: [new Api.UpdateNewMessage({ message, pts, ptsCount: 1 })],
        users: [serviceUser(), selfUser(this.state)],
        chats: [],
        date,
        seq: 0,
      });
    }
    this.broadcast(updates);
  }

  /**
   * updateServiceNotification (inside UpdateShort), as Telegram sends about account events: `type`
   * such as "auth1234_5678" for an authorization notice.
   */
  pushServiceNotification(notice: { type: string; message?: string; popup?: boolean }): void {
    const update = new Api.UpdateServiceNotification({
      popup: notice.popup ?? false,
      type: notice.type,
      message: notice.message ?? '',
      media: new Api.MessageMediaEmpty(),
      entities: [],
    });
    this.broadcast(new Api.UpdateShort({ update, date: nowSeconds() }));
  }

  // ---- faults ------------------------------------------------------------------------------

  /** Destroys every client socket now; gramjs notices and reconnects after about a second. */
  dropConnections(): void {
    for (const c of this.connections) c.destroy();
    this.connections.clear();
  }

  /**
   * Every client connection open now goes silent without a close: requests get no answer and pushes
   * are lost, while gramjs still believes it is connected. New connections work normally.
   */
  silenceConnections(): void {
    for (const c of this.connections) c.silence();
  }

  /** The next call of `method` is received (and recorded) but its socket is closed before any reply. */
  dropDuringNext(method: string): void {
    this.state.dropNext.set(method, (this.state.dropNext.get(method) ?? 0) + 1);
  }

  setReplyDelay(ms: number): void {
    this.replyDelay = Math.max(0, ms);
  }

  get connectedClients(): number {
    return [...this.connections].filter((c) => c.authorized).length;
  }

  // ---- internals ---------------------------------------------------------------------------

  private broadcast(updates: TlObject): void {
    if (!this.pushesEnabled || this.state.revoked) {
      this.log(`push ${updates.className} suppressed`);
      return;
    }
    for (const c of this.connections) {
      const key = c.keyIdHex === undefined ? undefined : this.keys.get(c.keyIdHex);
      if (key?.loggedIn) c.push(updates);
    }
  }

  private accept(socket: Socket): void {
    const ctx: Omit<HandlerContext, 'caller'> = { state: this.state, host: this.host, port: this.boundPort, dcId: this.dcId };
    const host: ConnectionHost = {
      ctx,
      serverSalt: this.serverSalt,
      gzipThreshold: this.gzipThreshold,
      lookupKey: (hex) => this.keys.get(hex)?.key,
      callerKey: (hex) => this.keys.get(hex),
      claimSession: (hex, sessionId) => {
        const id = `${hex}:${sessionId}`;
        if (this.sessionsSeen.has(id)) return false;
        this.sessionsSeen.add(id);
        return true;
      },
      replyDelayMs: () => this.replyDelay,
      later: (ms, fn) => {
        const t = setTimeout(() => {
          this.timers.delete(t);
          fn();
        }, ms);
        this.timers.add(t);
      },
      log: (line) => this.log(line),
    };
    const conn = new ClientConnection(socket, host);
    this.connections.add(conn);
    socket.on('close', () => this.connections.delete(conn));
  }

  private log(line: string): void {
    this.logger?.(`[mtproto-emulator] ${line}`);
  }
}
