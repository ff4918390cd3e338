/** A string with the shape of a gramjs StringSession (dc 2, 149.154.167.50:443, an all-zero key): it parses, and no server accepts it. */
export function fakeSessionString(): string {
  const b = Buffer.alloc(1 + 2 + 14 + 2 + 256);
  b[0] = 2;
  b.writeInt16BE(14, 1);
  b.write('149.154.167.50', 3);
  b.writeInt16BE(443, 17);
  return `1${b.toString('base64')}`;
}
