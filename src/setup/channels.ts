import type { ConnectionOptions } from 'node:tls';
import type { Channel, OutOfBandMessage } from '../channels/channel';
import { emailChannel } from '../channels/email';
import { pingHeartbeat } from '../channels/heartbeat-ping';
import { ntfyChannel } from '../channels/ntfy';
import { webhookChannel } from '../channels/webhook';
import { settingProblem } from '../core/config';
import type { Conversation } from './conversation';

const KEYS = ['SMTP_URL', 'ALERT_EMAIL_TO', 'ALERT_EMAIL_FROM', 'NTFY_URL', 'NTFY_TOKEN', 'WEBHOOK_URL', 'HEARTBEAT_URL', 'HEARTBEAT_INTERVAL'] as const;
type Key = (typeof KEYS)[number];

export interface ChannelsStepOptions {
  /** TLS options for the test mail on top of Node's (tests trust their own CA). */
  readonly smtpTls?: ConnectionOptions;
  readonly timeoutMs?: number;
}

/** Asks for one setting until it is valid or left empty (skipped). */
async function askSetting(c: Conversation, key: Key, question: string, hidden = false): Promise<string | undefined> {
  for (;;) {
    const value = (await c.ask(question, { hidden })).trim();
    if (hidden) c.secret(value);
    if (value === '') return undefined;
    const problem = settingProblem(key, value);
    if (!problem) return value;
    c.say(`${problem}.`);
  }
}

/**
 * Step 5, optional: the channels outside Telegram (email, ntfy, a webhook) and the heartbeat. Each one
 * set gets a test message now, and the wizard says whether its server took it. Returns the .env lines
 * to write (none when the owner keeps what is there or adds nothing).
 */
export async function channelsStep(c: Conversation, current: (key: string) => string | undefined, o: ChannelsStepOptions = {}): Promise<Record<string, string>> {
  c.say('');
  c.say('Step 5 (optional): alerts outside Telegram. Someone in your account can block the bot or delete its alerts;');
  c.say('email, ntfy push or a webhook still reach you, and a heartbeat monitor notices when session-warden stops.');
  const set = KEYS.filter((k) => current(k));
  if (set.length > 0) {
    if (await c.yesNo(`Keep the current settings (${set.join(', ')})? [Y/n] `)) return {};
  } else if (!(await c.yesNo('Set up alerts outside Telegram? [y/N] ', false))) {
    return {};
  }
  const updates: Partial<Record<Key, string>> = {};
  const smtp = await askSetting(c, 'SMTP_URL', 'SMTP_URL, e.g. smtps://user:password@mail.example.com:465 (empty: no email): ', true);
  if (smtp) {
    updates.SMTP_URL = smtp;
    let to: string | undefined;
    while (!to) to = await askSetting(c, 'ALERT_EMAIL_TO', 'ALERT_EMAIL_TO, one or more addresses separated by commas: ');
    updates.ALERT_EMAIL_TO = to;
  }
  const ntfy = await askSetting(c, 'NTFY_URL', 'NTFY_URL, e.g. https://ntfy.sh/a-topic-nobody-guesses (empty: no push): ');
  if (ntfy) {
    updates.NTFY_URL = ntfy;
    const token = await askSetting(c, 'NTFY_TOKEN', 'NTFY_TOKEN (empty: none): ', true);
    if (token) updates.NTFY_TOKEN = token;
  }
  const hook = await askSetting(c, 'WEBHOOK_URL', 'WEBHOOK_URL for a JSON POST (empty: none): ');
  if (hook) updates.WEBHOOK_URL = hook;
  const heartbeat = await askSetting(c, 'HEARTBEAT_URL', 'HEARTBEAT_URL, e.g. https://hc-ping.com/<uuid> (empty: none): ');
  if (heartbeat) updates.HEARTBEAT_URL = heartbeat;
  await tryEach(c, updates, o);
  return updates as Record<string, string>;
}

/** Sends a test through each channel just set, and one heartbeat ping; says for each whether it was taken. */
async function tryEach(c: Conversation, u: Partial<Record<Key, string>>, o: ChannelsStepOptions): Promise<void> {
  const timeout = o.timeoutMs ? { timeoutMs: o.timeoutMs } : {};
  const channels: Channel[] = [
    ...(u.SMTP_URL && u.ALERT_EMAIL_TO
      ? [emailChannel({ url: u.SMTP_URL, to: u.ALERT_EMAIL_TO.split(',').map((a) => a.trim()).filter(Boolean), ...timeout, ...(o.smtpTls ? { tls: o.smtpTls } : {}) })]
      : []),
    ...(u.NTFY_URL ? [ntfyChannel({ url: u.NTFY_URL, ...(u.NTFY_TOKEN ? { token: u.NTFY_TOKEN } : {}), ...timeout })] : []),
    ...(u.WEBHOOK_URL ? [webhookChannel({ url: u.WEBHOOK_URL, ...timeout })] : []),
  ];
  const message: OutOfBandMessage = {
    event: 'test',
    title: 'session-warden: test message',
    text: 'This is a test from npm run setup. Alerts about your Telegram account\'s safety will also come here.',
    at: new Date().toISOString(),
    account: '',
    priority: 3,
  };
  for (const ch of channels) {
    try {
      await ch.send(message);
      c.say(`✅ ${ch.name}: a test message was sent; check that it arrived.`);
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'error';
      c.say(`❌ ${ch.name}: the test message was not taken (${code}). Check the setting and the server; it is saved anyway, and /test tries again.`);
    } finally {
      (ch as Partial<{ close(): void }>).close?.();
    }
  }
  if (u.HEARTBEAT_URL) {
    try {
      await pingHeartbeat(u.HEARTBEAT_URL, o.timeoutMs);
      c.say('✅ heartbeat: the monitor took a ping.');
    } catch (err) {
      c.say(`❌ heartbeat: the monitor did not take a ping (${(err as { code?: string }).code ?? 'error'}). Check HEARTBEAT_URL.`);
    }
  }
}
