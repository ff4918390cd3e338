/**
 * Fields chosen by whoever logged in, or by a server: device model, platform, system version, app
 * name and version, IP, country and region, web domain, browser, bot name. They are printed inside
 * our own lines, so a field must never be able to start a line of its own, reorder the text around
 * it (bidi overrides) or hide characters (zero-width), and one field must never fill a message.
 */

/** Line and paragraph breaks of every kind: each becomes a visible "⏎" so a field cannot start a new line. */
const BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
/** Other C0 and C1 control characters (tab included): shown as a space. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/**
 * Bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, LRM, RLM, ALM), and
 * zero-width or invisible characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+180E, U+034F soft
 * hyphen U+00AD): removed. An emoji joined with U+200D falls apart into its parts, which stay readable.
 */
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060-\u2064\ufeff\u180e\u034f\u00ad]/g;

/** Stated lengths, in characters (code points), for each kind of field. */
export const FIELD_MAX = {
  device: 40,
  platform: 24,
  version: 24,
  app: 40,
  ip: 45,
  place: 40,
  domain: 48,
  browser: 32,
  bot: 40,
  /** A 2FA hint or an email pattern as Telegram masks it. */
  pattern: 64,
  button: 24,
} as const;

/** Printable ASCII words with single spaces between them: what most fields are, and nothing to clean. */
const PLAIN = /^(?:[\x21-\x7e]+(?: [\x21-\x7e]+)*)?$/;

/** The field with breaks made visible, controls turned to spaces, bidi and invisible characters removed. */
export function cleanField(text: string): string {
  // A session list cleans a few thousand fields; the plain ones skip the five passes below.
  if (PLAIN.test(text)) return text;
  return text.replace(BREAKS, '⏎').replace(INVISIBLE, '').replace(CONTROLS, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Cleans, then cuts to `max` whole characters with "…". By code points, not UTF-16 units: half an
 * emoji is invalid UTF-8, which Telegram refuses, so a name could otherwise stop its own alert.
 */
export function field(text: string | undefined, max: number): string {
  const clean = cleanField(text ?? '');
  // UTF-16 units are never fewer than code points: a field this short needs no cutting.
  if (clean.length <= max) return clean;
  const chars = Array.from(clean);
  return chars.length <= max ? chars.join('') : `${chars.slice(0, Math.max(max - 1, 0)).join('')}…`;
}
