import { Writable } from 'node:stream';

/** A stream that keeps what is written to it, for reading back what a logger printed. */
export function capture(): { stream: Writable; text: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  return { stream, text: () => out };
}
