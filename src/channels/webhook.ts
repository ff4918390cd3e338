import type { Channel, OutOfBandMessage } from './channel';
import { request } from './http';

/** The webhook's body: `{event, title, text, at, account}` plus the event's own fields (never overriding those five). */
export function webhookBody(m: OutOfBandMessage): Record<string, unknown> {
  return { ...m.fields, event: m.event, title: m.title, text: m.text, at: m.at, account: m.account };
}

/** A JSON POST to WEBHOOK_URL, for anything else: Matrix, Slack or Discord through their webhooks, a home server. */
export function webhookChannel(s: { readonly url: string; readonly timeoutMs?: number }): Channel {
  return {
    name: 'webhook',
    send: (m) =>
      request({
        method: 'POST',
        url: s.url,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(webhookBody(m)),
        ...(s.timeoutMs ? { timeoutMs: s.timeoutMs } : {}),
      }),
  };
}
