import type { Channel, OutOfBandMessage } from './channel';
import { request, type HttpRequest } from './http';

export interface NtfySettings {
  /** The topic URL (NTFY_URL): `https://ntfy.sh/<topic>` or a topic on a self-hosted server. */
  readonly url: string;
  /** NTFY_TOKEN, sent as a Bearer token. */
  readonly token?: string;
  readonly timeoutMs?: number;
}

/**
 * ntfy's JSON publish form: a POST of `{topic, title, message, priority, tags, click}` to the server's
 * root. JSON carries any title intact (a Russian one too), where HTTP headers would need RFC 2047.
 */
export function ntfyRequest(s: NtfySettings, m: OutOfBandMessage): HttpRequest {
  const topicUrl = new URL(s.url);
  const parts = topicUrl.pathname.split('/').filter((p) => p !== '');
  const topic = parts.pop()!;
  // The credentials ntfy accepts in the topic URL go with the request: `?auth=` stays in the query,
  // and user:password (which fetch refuses inside a URL) becomes Basic auth. NTFY_TOKEN wins.
  const root = new URL(`/${parts.map((p) => `${p}/`).join('')}${topicUrl.search}`, topicUrl.origin);
  const basic = topicUrl.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(topicUrl.username)}:${decodeURIComponent(topicUrl.password)}`).toString('base64')}`
    : undefined;
  const authorization = s.token ? `Bearer ${s.token}` : basic;
  return {
    method: 'POST',
    url: root.toString(),
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({
      topic,
      title: m.title,
      message: m.text,
      priority: m.priority,
      ...(m.tags && m.tags.length > 0 ? { tags: m.tags } : {}),
      ...(m.click ? { click: m.click } : {}),
    }),
    ...(s.timeoutMs ? { timeoutMs: s.timeoutMs } : {}),
  };
}

/** Push through ntfy (NTFY_URL, NTFY_TOKEN). */
export function ntfyChannel(s: NtfySettings): Channel {
  return { name: 'ntfy', send: (m) => request(ntfyRequest(s, m)) };
}
