/** An auth key is 2048 bits. */
const AUTH_KEY_BYTES = 256;

/**
 * Whether `s` has the shape of a gramjs StringSession (version "1", then base64 of: dc id, server
 * address, port, auth key). Checked with the other settings so a mangled paste is reported at once,
 * with every other problem, instead of after them. It proves nothing about whether Telegram still
 * accepts the session: only connecting tells that.
 */
export function looksLikeSessionString(s: string): boolean {
  if (s[0] !== '1' || !/^[A-Za-z0-9+/]+={0,2}$/.test(s.slice(1))) return false;
  const bytes = Buffer.from(s.slice(1), 'base64');
  // Telethon's fixed layout: dc id, IPv4, port, key.
  if (s.length - 1 === 352) return bytes.length === 1 + 4 + 2 + AUTH_KEY_BYTES;
  if (bytes.length < 3) return false;
  const addressLength = bytes.readInt16BE(1);
  // gramjs reads a length over 100 as the first bytes of a 16-byte IPv6 address.
  const address = addressLength > 100 ? 16 : 2 + addressLength;
  return addressLength >= 0 && bytes.length === 1 + address + 2 + AUTH_KEY_BYTES;
}
