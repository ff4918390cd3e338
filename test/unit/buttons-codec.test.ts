/**
 * The button table (src/bot/buttons/buttons.ts) is the one codec of callback data: every prefix
 * reads back what it writes over its argument's whole range, within Telegram's 64 bytes, and no
 * other product file spells a prefix, so a view and its feature can never disagree.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { BUTTONS, buttonData, buttonPattern, buttonPrefix, readButton, type ArgCodec, type ButtonPrefix, type ButtonSpec } from '../../src/bot/buttons/buttons';
import { INT64_MAX, INT64_MIN } from '../../src/domain/session-hash';
import { LIMITS } from '../../src/bot/text/limits';

const SRC = path.join(__dirname, '..', '..', 'src');
const TABLE = path.join(SRC, 'bot', 'buttons', 'buttons.ts');

const urlSafe = fc.string({ minLength: 1, maxLength: 16, unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-') });

/** Every value each kind of argument may hold: the whole range the bot ever draws. */
const RANGES: Record<ArgCodec<unknown>['kind'], fc.Arbitrary<unknown>> = {
  hash: fc.oneof(fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), fc.constantFrom(INT64_MIN, INT64_MAX, 0n, -1n, 1n)),
  confirmation: urlSafe,
  token: urlSafe,
  page: fc.integer({ min: 0, max: 9999 }),
  days: fc.integer({ min: 0, max: 999 }),
  locale: urlSafe,
  trusted: fc.record({ id: fc.integer({ min: 0, max: 999_999_999 }), page: fc.integer({ min: 0, max: 9999 }) }),
  word: fc.constant('on'),
};

const prefixes = Object.keys(BUTTONS) as ButtonPrefix[];
const codecOf = (prefix: ButtonPrefix): ArgCodec<unknown> | undefined => (BUTTONS[prefix] as { arg?: ArgCodec<unknown> }).arg;
/** buttonData over a prefix chosen at run time; the types check each call site, this checks the table. */
const encode = buttonData as (prefix: ButtonPrefix, arg?: unknown) => string;

describe('the button codec', () => {
  it.each(prefixes)('%s reads back what it writes, within 64 bytes, over its whole range', (prefix) => {
    const codec = codecOf(prefix);
    if (!codec) {
      const data = encode(prefix);
      expect(data).toBe(prefix);
      expect(buttonPattern(prefix).test(data)).toBe(true);
      expect(buttonPrefix(data)).toBe(prefix);
      return;
    }
    fc.assert(
      fc.property(RANGES[codec.kind], (value) => {
        const data = encode(prefix, value);
        expect(Buffer.byteLength(data, 'utf8')).toBeLessThanOrEqual(LIMITS.callbackDataBytes);
        expect(buttonPrefix(data)).toBe(prefix);
        expect(buttonPattern(prefix).test(data)).toBe(true);
        expect(readButton(prefix, data)).toEqual(value);
        // No other button's pattern takes it, so exactly one feature handles the press.
        expect(prefixes.filter((p) => buttonPattern(p).test(data))).toEqual([prefix]);
      }),
      { numRuns: 300 },
    );
  });

  it.each(prefixes)('%s reads each value from one spelling only, so a press spelled another way is not a second action', (prefix) => {
    const codec = codecOf(prefix);
    if (!codec) return;
    fc.assert(
      fc.property(RANGES[codec.kind], fc.constantFrom('0', '00', '+', ' ', '-0'), (value, extra) => {
        const data = encode(prefix, value);
        const arg = data.slice(prefix.length + 1);
        // The same value, spelled with a leading zero, a sign or a space: no handler takes it.
        for (const other of [`${prefix}:${extra}${arg}`, `${prefix}:${arg.replace(/^(-?)/, `$1${extra}`)}`]) {
          if (other === data) continue;
          const read = readButton(prefix, other);
          if (read !== undefined) expect(encode(prefix, read)).toBe(other);
        }
      }),
      { numRuns: 200 },
    );
    expect(readButton('ee', 'ee:0101')).toBeUndefined();
    expect(readButton('ee', 'ee:-0')).toBeUndefined();
    expect(readButton('tt', 'tt:0030')).toBeUndefined();
    expect(readButton('tx', 'tx:05:0')).toBeUndefined();
  });

  it('reads int64 hashes without a JS number, and refuses what int64 cannot hold', () => {
    expect(readButton('ee', 'ee:-9223372036854775808')).toBe(INT64_MIN);
    expect(readButton('ee', 'ee:9223372036854775807')).toBe(INT64_MAX);
    expect(readButton('ee', 'ee:9007199254740993')).toBe(9007199254740993n);
    expect(readButton('ee', 'ee:9223372036854775808')).toBeUndefined();
    expect(buttonPattern('ee').test('ee:12345678901234567890')).toBe(false);
  });

  it('does not compile a wrong argument (checked by npm run typecheck)', () => {
    // Never called: each line must fail to compile, or @ts-expect-error itself fails the typecheck.
    const wrong = (id: string): string[] => [
      // @ts-expect-error a hash is a bigint, never a JS number
      buttonData('ee', 20),
      // @ts-expect-error a page is a number
      buttonData('sp', 1n),
      // @ts-expect-error a confirmation id comes from confirmations.create, not any string
      buttonData('sc', id),
      // @ts-expect-error a token comes from oneShots.create, not any string
      buttonData('dr', id),
      // @ts-expect-error a bare prefix takes no argument
      buttonData('tl', 1),
      // @ts-expect-error a button with an argument needs it
      buttonData('ee'),
    ];
    expect(typeof wrong).toBe('function');
  });

  it('reads data drawn before /trust had pages as the first page', () => {
    expect(readButton('tx', 'tx:7')).toEqual({ id: 7, page: 0 });
  });

  it('gives every prompt choice a confirmation id and every token button a token', () => {
    for (const prefix of prefixes) {
      const spec: ButtonSpec = BUTTONS[prefix];
      if (spec.prompt) expect([prefix, codecOf(prefix)?.kind]).toEqual([prefix, 'confirmation']);
      if (spec.token) expect([prefix, codecOf(prefix)?.kind]).toEqual([prefix, 'token']);
    }
  });
});

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return filesUnder(full);
    return d.name.endsWith('.ts') ? [full] : [];
  });
}

/** The code of a file without its comments, which may quote data ("ee:-123") to explain it. */
const code = (file: string): string =>
  fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');

describe('no file but the table spells a button prefix', () => {
  const any = prefixes.join('|');
  const bare = prefixes.filter((p) => !codecOf(p)).join('|');
  const others = filesUnder(SRC).filter((f) => f !== TABLE);

  it('writes or matches no "xx:" data, /^xx:/ pattern or literal callbackQuery outside buttons.ts', () => {
    const found: string[] = [];
    for (const file of others) {
      const rel = path.relative(SRC, file);
      const text = code(file);
      for (const m of text.matchAll(new RegExp(`(?:['"\`]|/\\^)(?:${any}):`, 'g'))) found.push(`${rel}: ${m[0]}`);
      for (const m of text.matchAll(/callbackQuery\(\s*(?!buttonPattern\()[^\s)]{0,20}/g)) found.push(`${rel}: ${m[0]}`);
      // A bare prefix ("tl") is data only as the table's argument: buttonData('tl'), buttonPattern('tl').
      const rest = text.replace(/\b(?:buttonData|buttonPattern|readButton)\(\s*'[a-z]+'/g, '');
      for (const m of rest.matchAll(new RegExp(`['"\`](?:${bare})['"\`]`, 'g'))) found.push(`${rel}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('catches a prefix spelled in a view (the check itself works)', () => {
    const sample = "keyboard.text(label, `ee:${hash}`); composer.callbackQuery(/^ee:(-?\\d+)$/, h); keyboard.text(x, 'tl');";
    expect(sample.match(new RegExp(`(?:['"\`]|/\\^)(?:${any}):`, 'g'))).toHaveLength(2);
    expect(sample.match(new RegExp(`['"\`](?:${bare})['"\`]`, 'g'))).toHaveLength(1);
  });
});
