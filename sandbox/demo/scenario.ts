import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TOTP } from 'otpauth';
import type { Config } from '../../src/core/config';
import { BotApiEmulator } from '../emulator/botapi';
import { MtprotoEmulator, type EmulatedSession, type EmulatedWebSession } from '../emulator/mtproto';
import type { Logger } from '../../src/core/log';
import { startApp, type RunningApp } from '../../src/app/start-app';
import { CHOSEN_KEY, SEEN_KEY } from '../../src/bot/text/i18n';
import { createSettings } from '../../src/db/settings';
import { DEMO_PASSWORD } from './doors';
import { demoLanguage, type DemoLanguage } from './words';

export const DEMO_OWNER = { id: 1_234_567_890, first_name: 'Ada' };

const HOUR = 3600;
const DAY = 86_400;

type SessionSeed = Partial<EmulatedSession> & { hash: bigint };

/** A plausible account: phones, a desktop, a browser and one unofficial app; hashes cover > 2^53 and negatives. */
function demoSessions(now: number): SessionSeed[] {
  return [
    {
      hash: 2n ** 53n + 12_345n,
      deviceModel: 'iPhone 15 Pro', platform: 'iOS', systemVersion: '17.5', appName: 'Telegram iOS', appVersion: '10.14',
      apiId: 8, officialApp: true, ip: '203.0.113.24', country: 'Spain', region: 'Madrid',
      dateCreated: now - 210 * DAY, dateActive: now - 5 * 60,
    },
    {
      hash: 7_340_112_233_445_566_778n,
      deviceModel: 'MacBook Pro', platform: 'macOS', systemVersion: '14.4', appName: 'Telegram Desktop', appVersion: '5.1.7',
      apiId: 2040, officialApp: true, ip: '203.0.113.24', country: 'Spain', region: 'Madrid',
      dateCreated: now - 400 * DAY, dateActive: now - 2 * HOUR,
    },
    {
      hash: -4_611_686_018_427_387_921n,
      deviceModel: 'Chrome 124', platform: 'Web', systemVersion: 'Windows 10', appName: 'Telegram Web K', appVersion: '2.1.0',
      apiId: 2496, officialApp: true, ip: '198.51.100.77', country: 'Portugal', region: 'Lisbon',
      dateCreated: now - 12 * DAY, dateActive: now - 3 * DAY,
    },
    {
      hash: -9_123_456_789_012_345_678n,
      deviceModel: 'Redmi Note 12', platform: 'Android', systemVersion: '13', appName: 'QuickGram', appVersion: '3.2.1',
      apiId: 94_575, officialApp: false, ip: '192.0.2.200', country: 'Netherlands', region: 'Amsterdam',
      dateCreated: now - 2 * DAY, dateActive: now - 40 * 60,
    },
    {
      hash: 1_234_567_890_123n,
      deviceModel: 'Pixel 8', platform: 'Android', systemVersion: '14', appName: 'Telegram Android', appVersion: '11.2.3',
      apiId: 6, officialApp: true, ip: '203.0.113.90', country: 'Spain', region: 'Valencia',
      dateCreated: now - 90 * DAY, dateActive: now - 6 * DAY,
    },
  ];
}

function demoWebSessions(now: number): EmulatedWebSession[] {
  return [
    {
      hash: 2n ** 62n + 99n, botId: 5_000_000_001n, botUsername: 'example_forum_bot', botName: 'Forum login',
      domain: 'forum.example.org', browser: 'Firefox 125', platform: 'Linux',
      ip: '203.0.113.24', region: 'Madrid, Spain', dateCreated: now - 20 * DAY, dateActive: now - 1 * DAY,
    },
    {
      hash: -(2n ** 60n) - 7n, botId: 5_000_000_002n, botUsername: 'example_shop_bot', botName: 'Shop login',
      domain: 'shop.example.com', browser: 'Safari 17', platform: 'iOS',
      ip: '198.51.100.12', region: 'Lisbon, Portugal', dateCreated: now - 65 * DAY, dateActive: now - 30 * DAY,
    },
  ];
}

/**
 * The demo owner's second factor: a fixed secret, so an authenticator app could even be pointed at
 * it. Never use it for a real account.
 */
export const DEMO_TOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

export interface DemoWorld {
  readonly mt: MtprotoEmulator;
  readonly botApi: BotApiEmulator;
  readonly app: RunningApp;
  /**
   * The code the owner's authenticator app shows. Each call moves the demo's clock for codes one
   * 30 s step on, so the next code is a new one at once: the bot accepts each step only once, and a
   * demo should not make anyone wait half a minute between two actions.
   */
  otp(): string;
  /** The language the bot now speaks to the owner (their /language choice, else their app's), for the demo's own lines. */
  language(): DemoLanguage;
  /** Mail the warden sent to the owner, exactly as the local mail server received it. */
  readonly mails: readonly DemoMail[];
  stop(): Promise<void>;
}

export interface DemoMail {
  readonly to: readonly string[];
  readonly subject: string;
  /** The whole message as the mail server got it: headers, then the body as encoded on the wire. */
  readonly raw: string;
}

export const DEMO_EMAIL = 'ada@example.com';

/**
 * A mail server on loopback (smtp-server, a development dependency) that takes everything and keeps
 * it, so the demo can show alerts by email arriving. Plain SMTP: nothing leaves the machine.
 */
async function startDemoMailServer(mails: DemoMail[]): Promise<{ url: string; stop(): Promise<void> }> {
  const { SMTPServer } = await import('smtp-server');
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        // Long headers are folded over several lines; unfolded, the subject is one.
        const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
        const subject = /^Subject: (.*)$/im.exec(head)?.[1] ?? '';
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: decodeSubject(subject), raw });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server as unknown as { server: { address(): { port: number } } }).server.address().port;
  return { url: `smtp://127.0.0.1:${port}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An RFC 2047 subject (=?UTF-8?B?…?= or ?Q?), as a mail app would show it. */
function decodeSubject(v: string): string {
  return v.replace(/\?=\s+=\?/g, '?==?').replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

/** Both emulators, the scripted account, and the real app pointed at them by configuration alone. */
export async function startDemoWorld(log: Logger): Promise<DemoWorld> {
  const now = Math.floor(Date.now() / 1000);
  const mt = await MtprotoEmulator.start({
    self: { id: BigInt(DEMO_OWNER.id), firstName: DEMO_OWNER.first_name, username: 'ada_demo', phone: '15550100002' },
    webSessions: demoWebSessions(now),
    ...DEMO_PASSWORD,
  });
  for (const s of demoSessions(now)) mt.addSession(s);
  const botApi = await BotApiEmulator.start();
  botApi.registerChat({ ...DEMO_OWNER, type: 'private' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-demo-'));
  const mails: DemoMail[] = [];
  const mail = await startDemoMailServer(mails);
  const config: Config = {
    botToken: botApi.token,
    apiId: 12345,
    apiHash: '0123456789abcdef0123456789abcdef',
    accountSession: mt.sessionString(),
    ownerId: undefined,
    databasePath: path.join(dir, 'warden.sqlite'),
    botApiRoot: botApi.apiRoot,
    logLevel: 'silent',
    reconcileIntervalSeconds: 30,
    ownerTotpSecret: DEMO_TOTP_SECRET,
    channels: { email: { url: mail.url, to: [DEMO_EMAIL], from: 'session-warden <warden@example.com>' } },
  };
  const authenticator = new TOTP({ secret: DEMO_TOTP_SECRET });
  let skippedMs = 0;
  const codeClock = (): number => Date.now() + skippedMs;
  let app: RunningApp;
  try {
    app = await startApp(config, { log, requestTimeoutMs: 8000, connectTimeoutMs: 8000, secondFactorNow: codeClock });
  } catch (err) {
    await Promise.allSettled([mt.stop(), botApi.stop(), mail.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const settings = createSettings(app.db);
  return {
    mt,
    botApi,
    app,
    otp() {
      skippedMs += 30_000;
      return authenticator.generate({ timestamp: codeClock() });
    },
    language() {
      // Read from the bot's own settings, as its localizer reads them: the choice, else the app's language.
      return demoLanguage(settings.get(CHOSEN_KEY) || settings.get(SEEN_KEY));
    },
    mails,
    async stop() {
      await app.stop();
      await Promise.allSettled([mt.stop(), botApi.stop(), mail.stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
