/**
 * Request decoding. The real server accepts the same parameters as JSON, as a
 * urlencoded form or in the query string; in the latter two every value is a
 * string, so the typed readers below coerce the way the server does.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, Errors, badRequest } from './errors';

export type Params = Record<string, unknown>;

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = {};
  for (const [k, v] of url.searchParams) params[k] = v;
  const body = await readBody(req);
  if (body.length === 0) return params;
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON encoded request: invalid JSON");
    }
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) Object.assign(params, parsed);
    return params;
  }
  if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
    return params;
  }
  if (type === 'multipart/form-data') {
    // File uploads are outside what the guarded bot does; failing loudly beats silently dropping fields.
    throw badRequest('multipart/form-data is not supported by the emulator');
  }
  return params;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, 'Request Entity Too Large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function intParam(params: Params, name: string): number | undefined {
  const v = params[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw badRequest(`invalid ${name} specified`);
  return Math.trunc(n);
}

export function stringParam(params: Params, name: string): string | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function boolParam(params: Params, name: string): boolean {
  const v = params[name];
  return v === true || v === 'true' || v === 1 || v === '1';
}

/** Structured fields arrive as objects in JSON bodies but as JSON text in forms. */
export function jsonParam(params: Params, name: string, onInvalid: () => ApiError): unknown {
  const v = params[name];
  if (typeof v !== 'string') return v ?? undefined;
  if (v === '') return undefined;
  try {
    return JSON.parse(v);
  } catch {
    throw onInvalid();
  }
}

export type ChatRef = number | string;

export function chatIdParam(params: Params): ChatRef {
  const v = params['chat_id'];
  if (v === undefined || v === null || v === '') throw Errors.chatIdEmpty();
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string') {
    if (/^-?[0-9]+$/.test(v.trim())) return Number(v.trim());
    return v.trim();
  }
  throw Errors.chatNotFound();
}
