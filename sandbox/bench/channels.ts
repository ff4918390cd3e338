import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { spawnApp } from './children';
import { BenchWorld } from './world';

/**
 * How long after the chat alert an alert's email and push leave, on loopback: the app (as a child
 * process) with SMTP_URL and NTFY_URL pointing at servers in this process, which note when the mail
 * connection opens and when the push arrives; the chat's moment is its sendMessage reaching the Bot
 * API emulator. A negative figure means the channel was first.
 */
export async function measureChannels(rounds: number, roundMs: number, timeoutMs: number): Promise<{ push: number[]; email: number[] }> {
  const pushAt: number[] = [];
  const mailAt: number[] = [];
  const push = http.createServer((req, res) => {
    pushAt.push(performance.now());
    req.resume();
    req.on('end', () => res.end('{}'));
  });
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => cb());
    },
  });
  await Promise.all([
    new Promise<void>((resolve) => push.listen(0, '127.0.0.1', resolve)),
    new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve)),
  ]);
  const socketServer = (smtp as unknown as { server: import('node:net').Server }).server;
  // The TCP connection itself: smtp-server calls onConnect only after its own checks, ~100 ms later.
  socketServer.on('connection', () => mailAt.push(performance.now()));
  const smtpPort = (socketServer.address() as AddressInfo).port;
  const world = await BenchWorld.start({ sessions: [{ hash: 1n }] });
  const app = spawnApp({
    env: {
      ...world.appEnv('channels.sqlite'),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      ALERT_EMAIL_TO: 'owner@example.com',
      NTFY_URL: `http://127.0.0.1:${(push.address() as AddressInfo).port}/bench-topic`,
    },
  });
  const out = { push: [] as number[], email: [] as number[] };
  try {
    await app.ready;
    await new Promise((r) => setTimeout(r, roundMs));
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      const [p, m] = [pushAt.length, mailAt.length];
      const mark = world.botApi.calls.length;
      world.mt.pushNewAuthorization({ hash: 5_000_000_000_000_000_000n + BigInt(i), unconfirmed: true, device: 'Galaxy S24', location: 'Lisbon, Portugal' });
      await world.botApi.waitForCall('sendMessage', (c) => c.ok && String(c.params.text).startsWith('🚨'), { after: mark, timeoutMs });
      for (const until = performance.now() + timeoutMs; (pushAt.length === p || mailAt.length === m) && performance.now() < until; ) await new Promise((r) => setTimeout(r, 2));
      const chat = world.arrivalAfter('sendMessage', started);
      if (chat !== undefined && pushAt.length > p && mailAt.length > m) {
        out.push.push(pushAt[p]! - chat);
        out.email.push(mailAt[m]! - chat);
      }
      const spent = performance.now() - started;
      if (spent < roundMs) await new Promise((r) => setTimeout(r, roundMs - spent));
    }
    return out;
  } finally {
    await app.stop();
    await world.stop();
    push.closeAllConnections();
    await Promise.all([new Promise((r) => push.close(r)), new Promise((r) => smtp.close(() => r(undefined)))]);
  }
}
