/**
 * Session hashes are Telegram `long`s (signed int64). A JS number keeps only 53 bits,
 * so a hash is parsed straight from its decimal text into a `bigint` and never passes through `Number`.
 */
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

/** "-9223372036854775808" is the longest valid text; anything longer is rejected before BigInt sees it. */
const MAX_TEXT_LENGTH = 20;
const DECIMAL_INT = /^[+-]?\d+$/;

/** Telegram reports the calling session (here: the companion) with hash 0. */
export const CURRENT_SESSION_HASH = 0n;

export type HashParseResult =
  | { readonly ok: true; readonly hash: bigint }
  | { readonly ok: false; readonly reason: 'missing' | 'not_a_number' | 'out_of_range' | 'current_session' };

export function parseSessionHash(input: string | undefined): HashParseResult {
  const text = (input ?? '').trim();
  if (text === '') return { ok: false, reason: 'missing' };
  if (!DECIMAL_INT.test(text)) return { ok: false, reason: 'not_a_number' };
  const digits = text.replace(/^[+-]/, '').replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_TEXT_LENGTH - 1) return { ok: false, reason: 'out_of_range' };
  const hash = BigInt(text);
  if (hash < INT64_MIN || hash > INT64_MAX) return { ok: false, reason: 'out_of_range' };
  // Telegram reports the calling session with hash 0; resetting it is not how one logs out.
  if (hash === CURRENT_SESSION_HASH) return { ok: false, reason: 'current_session' };
  return { ok: true, hash };
}

/**
 * A hash read from a button's data (already an int64, or undefined when its text was beyond int64),
 * judged as parseSessionHash judges text: the current session (0) names no session a button may act on.
 */
export function sessionOf(hash: bigint | undefined): HashParseResult {
  if (hash === undefined) return { ok: false, reason: 'out_of_range' };
  if (hash === CURRENT_SESSION_HASH) return { ok: false, reason: 'current_session' };
  return { ok: true, hash };
}

export function formatSessionHash(hash: bigint): string {
  return hash.toString(10);
}

/** Accepts a bigint or the big-integer-like objects gramjs uses, through their decimal text. */
export function toInt64(value: { toString(): string } | bigint): bigint {
  const hash = typeof value === 'bigint' ? value : BigInt(value.toString());
  if (hash < INT64_MIN || hash > INT64_MAX) throw new RangeError(`not an int64: ${hash}`);
  return hash;
}
