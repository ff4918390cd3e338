import fc from 'fast-check';
import { cleanField, field } from '../../src/bot/text/field';
import { duration, relativeTime } from '../../src/domain/time';

/** The full cleaning, pass by pass: the shortcut for plain fields must give exactly this. */
const fullClean = (text: string): string =>
  text
    .replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, '⏎')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060-\u2064\ufeff\u180e\u034f\u00ad]/g, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();

/** Device-name-like strings: mostly plain words, with the characters an attacker would add. */
const names = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '  ', '-', '\n', '\t', '\u202e', '\u200b', '😀', '\u00ad', '\r\n', '&', '<') }),
  fc.array(fc.stringMatching(/^[\x21-\x7e]{1,12}$/), { maxLength: 6 }).map((w) => w.join(' ')),
);

describe('fields', () => {
  it('property: cleaning takes the shortcut only where the full cleaning would change nothing', () => {
    fc.assert(fc.property(names, (text) => expect(cleanField(text)).toBe(fullClean(text))), { numRuns: 5000 });
  });

  it('property: a field is cut to at most max whole characters, and left alone when it fits', () => {
    fc.assert(
      fc.property(names, fc.integer({ min: 1, max: 60 }), (text, max) => {
        const clean = fullClean(text);
        const out = field(text, max);
        const chars = Array.from(clean);
        expect(out).toBe(chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`);
        expect(Array.from(out).length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('relative times', () => {
  it('property: the largest unit of the duration, as before', () => {
    const nowMs = Date.UTC(2026, 11, 3, 7, 0, 0);
    fc.assert(
      fc.property(fc.integer({ min: -10 * 365 * 86_400, max: 10 * 365 * 86_400 }), (offset) => {
        const seconds = Math.round(offset);
        const expected =
          seconds < 60
            ? seconds < -60
              ? `in ${duration(-seconds).split(' ').slice(0, 2).join(' ')}`
              : 'just now'
            : `${duration(seconds).split(' ').slice(0, 2).join(' ')} ago`;
        expect(relativeTime(nowMs / 1000 - offset, nowMs)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
