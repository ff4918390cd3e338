// Loaded only when SMTP_URL is set (emailChannel): nodemailer's modules cost idle memory for nothing otherwise.
import type Nodemailer from 'nodemailer';
import type { ConnectionOptions } from 'node:tls';
import { ChannelError, type Channel, SMTP_REFUSED_FOR_GOOD } from './channel';

export interface EmailSettings {
  /** SMTP_URL: smtps:// (TLS from the first byte) or smtp:// (STARTTLS whenever the server offers it). */
  readonly url: string;
  /** ALERT_EMAIL_TO: one mail goes to all of them. */
  readonly to: readonly string[];
  /** ALERT_EMAIL_FROM; by default the SMTP user when it is an address, else session-warden@<the server's host>. */
  readonly from?: string;
  /** TLS options on top of Node's defaults (tests trust their own CA this way; the product uses NODE_EXTRA_CA_CERTS). */
  readonly tls?: ConnectionOptions;
  /** Connection, greeting and socket timeout (ms). */
  readonly timeoutMs?: number;
}

/** The sender when ALERT_EMAIL_FROM is unset. */
export function defaultFrom(url: string): string {
  const u = new URL(url);
  const user = decodeURIComponent(u.username);
  return user.includes('@') ? user : `session-warden@${u.hostname}`;
}

/**
 * Email through nodemailer's SMTP transport. Certificates are checked as Node checks them (a private
 * CA comes in through NODE_EXTRA_CA_CERTS); nothing here loosens that. Errors name the SMTP reply
 * code or the network failure, never the URL (it may hold the password).
 */
export function emailChannel(s: EmailSettings): Channel & { close(): void } {
  const timeout = s.timeoutMs ?? 20_000;
  const nodemailer = require('nodemailer') as typeof Nodemailer;
  const transport = nodemailer.createTransport({
    url: s.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    ...(s.tls ? { tls: s.tls } : {}),
  });
  const from = s.from ?? defaultFrom(s.url);
  return {
    name: 'email',
    async send(m): Promise<void> {
      try {
        await transport.sendMail({
          from,
          to: [...s.to],
          subject: m.title,
          text: m.text,
          headers: { 'X-Session-Warden-Event': m.event, ...(m.priority === 5 ? { Importance: 'high', 'X-Priority': '1' } : {}) },
        });
      } catch (err) {
        const e = err as { responseCode?: number; code?: string };
        throw e.responseCode
          ? new ChannelError(`the mail server refused the message (${e.responseCode})`, `smtp_${e.responseCode}`, undefined, SMTP_REFUSED_FOR_GOOD.has(e.responseCode))
          : new ChannelError(`the mail server could not be reached (${e.code ?? 'error'})`, e.code ?? 'network');
      }
    },
    close: () => transport.close(),
  };
}
