import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A self-signed certificate for 127.0.0.1, made now with openssl: never a key kept in the repository. */
export function selfSignedCert(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-cert-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '1', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
      { cwd: dir, stdio: 'ignore' },
    );
    return { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  /** The raw message as the receiving server got it. */
  readonly raw: string;
  readonly subject: string;
  readonly text: string;
  readonly headers: Record<string, string>;
  /** Whether the session ran over TLS (STARTTLS) when the mail came. */
  readonly secure: boolean;
  readonly user: string | undefined;
}

/** RFC 2047 encoded-words (=?UTF-8?B?...?= and ?Q?) in a header. */
function decodeWords(v: string): string {
  return v.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _cs: string, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

/** A single-part text mail: its headers (unfolded, decoded) and its body (quoted-printable or base64 undone). */
export function parseMail(raw: string): { headers: Record<string, string>; subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  let body = raw.slice(split + 4);
  const cte = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (cte === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  if (cte === 'quoted-printable') {
    body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return { headers, subject: headers['subject'] ?? '', text: body.replace(/\r\n/g, '\n').trimEnd() };
}

/**
 * A real SMTP server (smtp-server) on loopback: AUTH PLAIN/LOGIN with one user, STARTTLS on a
 * self-signed certificate. `down` makes it answer 421 to every MAIL FROM.
 */
export async function startSmtp(opts: { user?: string; pass?: string; /** TLS from the first byte (smtps://) instead of STARTTLS. */ secure?: boolean } = {}) {
  const user = opts.user ?? 'warden';
  const pass = opts.pass ?? 's3cret-pass';
  const { key, cert } = selfSignedCert();
  const mails: ReceivedMail[] = [];
  const state = { down: false };
  const server = new SMTPServer({
    key,
    cert,
    secure: opts.secure === true,
    disableReverseLookup: true,
    authOptional: false,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onMailFrom(_address, _session, cb) {
      if (state.down) cb(Object.assign(new Error('Try again later'), { responseCode: 421 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMail(raw),
          secure: session.secure,
          user: session.user as string | undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  return {
    mails,
    cert,
    state,
    /** The SMTP_URL a user would write for it: smtp:// (STARTTLS), or smtps:// when `secure`. */
    url: `${opts.secure ? 'smtps' : 'smtp'}://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    port,
    pass,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
  /** The status it was answered with, or 'hang'. */
  readonly status: number | 'hang';
}

/** How the HTTP server answers a request: a status (with Retry-After), or never ('hang'). */
export type HttpAnswer = { readonly status: number; readonly retryAfter?: string } | 'hang';

/**
 * A real node:http server on loopback standing in for ntfy, a webhook receiver and a heartbeat monitor.
 * `answer` decides each reply (200 by default); every request is recorded, answered or not.
 */
export async function startHttpSink() {
  const requests: ReceivedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const sink = {
    requests,
    answer: (_r: ReceivedRequest): HttpAnswer => ({ status: 200 }),
    url: '',
    /** Requests whose path starts with `prefix`, answered or not. */
    to: (prefix: string): ReceivedRequest[] => requests.filter((r) => r.url.startsWith(prefix)),
    async waitFor(prefix: string, count: number, timeoutMs = 10_000): Promise<ReceivedRequest[]> {
      const until = Date.now() + timeoutMs;
      while (sink.to(prefix).length < count) {
        if (Date.now() > until) throw new Error(`waited ${timeoutMs} ms for ${count} request(s) to ${prefix}; got ${sink.to(prefix).length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return sink.to(prefix);
    },
    stop: async (): Promise<void> => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      const a = sink.answer({ ...seen, status: 200 });
      requests.push({ ...seen, status: a === 'hang' ? 'hang' : a.status });
      if (a === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(a.status, { 'content-type': 'application/json', ...(a.retryAfter !== undefined ? { 'retry-after': a.retryAfter } : {}) });
      res.end(a.status < 300 ? '{"id":"x"}' : '{"error":"no"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return sink;
}

export type HttpSink = Awaited<ReturnType<typeof startHttpSink>>;
export type SmtpSink = Awaited<ReturnType<typeof startSmtp>>;
