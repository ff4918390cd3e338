import { emailChannel } from '../../src/channels/email';
import { ntfyChannel } from '../../src/channels/ntfy';
import { webhookChannel } from '../../src/channels/webhook';
import { failUrl, pingHeartbeat } from '../../src/channels/heartbeat-ping';
import { ChannelError, type OutOfBandMessage } from '../../src/channels/channel';
import { startHttpSink, startSmtp, type HttpSink, type SmtpSink } from '../helpers/channel-servers';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild } from '../reliability/helpers/child-app';

/** Each channel against a real server on loopback: what arrived is parsed and its fields checked. */
const MESSAGE: OutOfBandMessage = {
  event: 'new_login',
  title: 'Новый вход в аккаунт',
  text: 'Кто-то вошёл в ваш аккаунт с устройства «iPhone».\nЧто делать: откройте Настройки → Устройства.',
  at: '2026-12-07T21:00:00.000Z',
  account: '5123456789',
  priority: 5,
  tags: ['rotating_light'],
  click: 'https://t.me/warden_bot',
  fields: { device: 'iPhone', country: 'NL' },
};

let smtp: SmtpSink;
let web: HttpSink;
beforeAll(async () => {
  [smtp, web] = await Promise.all([startSmtp(), startHttpSink()]);
});
afterAll(async () => {
  await Promise.all([smtp.stop(), web.stop()]);
});
beforeEach(() => {
  smtp.mails.length = 0;
  smtp.state.down = false;
  web.requests.length = 0;
  web.answer = () => ({ status: 200 });
});

describe('email', () => {
  it('logs in over STARTTLS on a certificate it was told to trust, and the Russian subject and text arrive intact', async () => {
    const ch = emailChannel({ url: smtp.url, to: ['me@example.com', 'other@example.org'], tls: { ca: smtp.cert } });
    await ch.send(MESSAGE);
    ch.close();
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail).toMatchObject({ secure: true, user: 'warden', to: ['me@example.com', 'other@example.org'], from: 'session-warden@127.0.0.1' });
    expect(mail.subject).toBe(MESSAGE.title);
    expect(mail.text).toBe(MESSAGE.text);
    expect(mail.headers['x-session-warden-event']).toBe('new_login');
  });

  it('speaks TLS from the first byte with smtps://', async () => {
    const tls = await startSmtp({ secure: true });
    try {
      const ch = emailChannel({ url: tls.url, to: ['me@example.com'], tls: { ca: tls.cert } });
      await ch.send(MESSAGE);
      ch.close();
      expect(tls.mails).toEqual([expect.objectContaining({ secure: true, user: 'warden', subject: MESSAGE.title })]);
    } finally {
      await tls.stop();
    }
  });

  it('refuses a certificate Node does not trust, and says so without the password', async () => {
    const ch = emailChannel({ url: smtp.url, to: ['me@example.com'], timeoutMs: 3000 });
    const err = await ch.send(MESSAGE).then(() => undefined, (e: unknown) => e as Error);
    ch.close();
    expect(err).toBeInstanceOf(ChannelError);
    expect(err!.message).not.toContain(smtp.pass);
    expect(smtp.mails).toHaveLength(0);
  });

  it('trusts a private CA given to Node with NODE_EXTRA_CA_CERTS, as the README says', async () => {
    ensureBuild();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-ca-'));
    const ca = path.join(dir, 'ca.pem');
    fs.writeFileSync(ca, smtp.cert);
    const email = path.join(__dirname, '..', '..', 'dist', 'src', 'channels', 'email.js');
    const script = `require(${JSON.stringify(email)}).emailChannel({ url: process.argv[1], to: ['ca@example.com'] })
      .send({ event: 'test', title: 'private CA', text: 'x', at: '', account: '1', priority: 3 })
      .then(() => process.exit(0), (e) => { console.log(e.code); process.exit(1); });`;
    const run = (env: NodeJS.ProcessEnv) =>
      new Promise<{ code: number; out: string }>((resolve) =>
        execFile(process.execPath, ['-e', script, smtp.url], { env: { ...process.env, ...env } }, (err, stdout) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout.trim() })),
      );
    try {
      expect(await run({ NODE_EXTRA_CA_CERTS: ca })).toEqual({ code: 0, out: '' });
      expect(smtp.mails.map((m) => m.subject)).toEqual(['private CA']);
      // Without it, the same certificate is refused.
      expect((await run({ NODE_EXTRA_CA_CERTS: '' })).code).toBe(1);
      expect(smtp.mails).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('names the refusal when the server is not taking mail', async () => {
    smtp.state.down = true;
    const ch = emailChannel({ url: smtp.url, to: ['me@example.com'], from: 'Warden <w@example.com>', tls: { ca: smtp.cert } });
    await expect(ch.send(MESSAGE)).rejects.toThrow(/refused the message \(421\)/);
    ch.close();
  });
});

describe('ntfy', () => {
  it('publishes JSON to the server root with title, priority, tags and click; the token as Bearer', async () => {
    await ntfyChannel({ url: `${web.url}/warden-topic`, token: 'tk_test' }).send(MESSAGE);
    const [r] = web.requests;
    expect(r).toMatchObject({ method: 'POST', url: '/' });
    expect(r!.headers.authorization).toBe('Bearer tk_test');
    expect(JSON.parse(r!.body)).toEqual({
      topic: 'warden-topic',
      title: MESSAGE.title,
      message: MESSAGE.text,
      priority: 5,
      tags: ['rotating_light'],
      click: 'https://t.me/warden_bot',
    });
  });

  it('keeps a self-hosted server under a path', async () => {
    await ntfyChannel({ url: `${web.url}/ntfy/alerts` }).send(MESSAGE);
    expect(web.requests[0]!.url).toBe('/ntfy/');
    expect(web.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('keeps the credentials ntfy accepts in the topic URL: ?auth= and user:password', async () => {
    await ntfyChannel({ url: `${web.url}/alerts?auth=QmFzaWMgdTpw` }).send(MESSAGE);
    expect(web.requests[0]!.url).toBe('/?auth=QmFzaWMgdTpw');
    const withUser = new URL(`${web.url}/alerts`);
    withUser.username = 'phil';
    withUser.password = 'mypass';
    await ntfyChannel({ url: withUser.toString() }).send(MESSAGE);
    expect(web.requests[1]!.headers.authorization).toBe(`Basic ${Buffer.from('phil:mypass').toString('base64')}`);
    expect(JSON.parse(web.requests[1]!.body).topic).toBe('alerts');
  });

  it('reports 429 with the Retry-After the server asked for, and 5xx as a plain failure', async () => {
    web.answer = () => ({ status: 429, retryAfter: '7' });
    const limited = await ntfyChannel({ url: `${web.url}/t` }).send(MESSAGE).catch((e: unknown) => e as ChannelError);
    expect(limited).toMatchObject({ retryAfterMs: 7000, message: expect.stringContaining('429') });
    web.answer = () => ({ status: 502 });
    const failed = await ntfyChannel({ url: `${web.url}/t` }).send(MESSAGE).catch((e: unknown) => e as ChannelError);
    expect(failed).toMatchObject({ retryAfterMs: undefined, message: expect.stringContaining('502') });
  });

  it('gives up on a server that hangs after its timeout', async () => {
    web.answer = () => 'hang';
    await expect(ntfyChannel({ url: `${web.url}/t`, timeoutMs: 300 }).send(MESSAGE)).rejects.toThrow(/no answer in time/);
  });
});

describe('webhook', () => {
  it('posts {event, title, text, at, account} and the event fields', async () => {
    await webhookChannel({ url: `${web.url}/hook?k=1` }).send(MESSAGE);
    const [r] = web.requests;
    expect(r).toMatchObject({ method: 'POST', url: '/hook?k=1' });
    expect(r!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(r!.body)).toEqual({ event: 'new_login', title: MESSAGE.title, text: MESSAGE.text, at: MESSAGE.at, account: '5123456789', device: 'iPhone', country: 'NL' });
  });
});

describe('heartbeat ping', () => {
  it('GETs the URL, and its /fail form', async () => {
    await pingHeartbeat(`${web.url}/ping/uuid`);
    await pingHeartbeat(failUrl(`${web.url}/ping/uuid/`));
    expect(web.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /ping/uuid', 'GET /ping/uuid/fail']);
  });
});
