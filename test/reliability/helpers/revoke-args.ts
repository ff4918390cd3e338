import fc from 'fast-check';

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

/**
 * What `/revoke <arg>` must do, decided independently of src/domain/session-hash.ts: the argument
 * (after the whitespace grammY and the parser trim) must be an optionally signed run of ASCII digits
 * whose value is a non-zero int64; then exactly that value reaches Telegram, else nothing does.
 */
export function expectedHash(arg: string): bigint | undefined {
  // grammY's ctx.match: the text after "/revoke" and the one separator character, trimStart()ed.
  const text = `/revoke ${arg}`.substring('/revoke'.length + 1).trim();
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  if (value === 0n || value < INT64_MIN || value > INT64_MAX) return undefined;
  return value;
}

const WHITESPACE = [' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', '\n', '\r\n', '\ufeff', '\u200b'];

const decimal = (v: bigint): string => v.toString(10);

/** Hand-picked edge cases, all of which are in every run. */
export const EDGE_ARGS: readonly string[] = [
  '',
  ' ',
  '0',
  '-0',
  '+0',
  '00000',
  '1',
  '-1',
  '+1',
  '007',
  decimal(INT64_MAX),
  decimal(INT64_MIN),
  decimal(INT64_MAX + 1n), // 2^63
  decimal(INT64_MIN - 1n), // -2^63-1
  decimal(2n ** 64n),
  decimal(-(2n ** 64n)),
  `0000000000000000000000${decimal(INT64_MAX)}`,
  `-000000000000000000000${decimal(-INT64_MIN)}`,
  '9'.repeat(400),
  `-${'9'.repeat(5000)}`,
  decimal(2n ** 53n + 1n),
  '1.5',
  '1e5',
  '1E18',
  '0x1F',
  '0b101',
  '0o17',
  '1_000',
  '1,000',
  '--5',
  '+-5',
  '- 5',
  '5-',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  '١٢٣', // Arabic-Indic digits
  '１２３', // fullwidth digits
  '𝟏𝟐𝟑', // mathematical bold digits
  '5\n6',
  '5 6',
  '\u00a05\u00a0',
  '\ufeff5',
  '5\u200b',
  '<b>5</b>',
  '&amp;',
  '"5"',
  '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀',
  'a'.repeat(38) + '😀x', // a surrogate pair where a 40-character clip falls
  'a'.repeat(39) + '😀x',
  '\u0000',
  '\ud800', // a lone surrogate, as a broken client could send
  '%00',
  '/revoke 5',
  '@warden_test_bot 5',
];

/** Random arguments of every shape: noise, unicode, numbers in and out of range, floats, hex, signs and whitespace. */
export function randomArgs(count: number, seed: number): string[] {
  const ws = fc.constantFrom(...WHITESPACE);
  const sign = fc.constantFrom('', '', '-', '+', '--', '+-');
  const zeros = fc.constantFrom('', '', '', '0', '000');
  const number = fc.oneof(
    fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
    fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
    fc.constantFrom(INT64_MIN, INT64_MAX, INT64_MIN - 1n, INT64_MAX + 1n, 0n, 1n, -1n, 2n ** 53n, -(2n ** 53n) - 1n),
    fc.bigInt({ min: -1000n, max: 1000n }),
  );
  const numeric = fc
    .tuple(fc.option(ws, { nil: '' }), sign, zeros, number, fc.option(ws, { nil: '' }))
    .map(([a, s, z, n, b]) => `${a}${s}${z}${n < 0n ? decimal(-n) : decimal(n)}${b}`);
  const arb = fc.oneof(
    { weight: 7, arbitrary: numeric },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 70n }).map((n) => `0x${n.toString(16)}`) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.stringMatching(/^[\s+\-0-9.eE_x]{0,25}$/) },
    { weight: 1, arbitrary: fc.tuple(numeric, fc.constantFrom(' x', '.0', 'e3', '\n1', ' 1', '٣', 'n')).map(([n, t]) => n + t) },
  );
  return fc.sample(arb, { numRuns: count, seed });
}

/** Telegram refuses text that is not valid UTF-8, which a string with a lone surrogate becomes. */
export function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}
