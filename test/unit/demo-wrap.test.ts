import fc from 'fast-check';
import { wrapWords } from '../../sandbox/demo/render';

describe('the demo wraps long lines at word boundaries', () => {
  it('never cuts a word and never passes the width, unless one word alone is wider', () => {
    const word = fc.stringMatching(/^[a-zA-Zа-я0-9.,:()-]{1,14}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 20, max: 100 }), (words, width) => {
        const lines = wrapWords(words.join(' '), width);
        expect(lines.join(' ').split(' ')).toEqual(words);
        for (const l of lines) if (l.includes(' ')) expect(l.length).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('ANSI styling takes no columns', () => {
    const bold = (s: string) => `\x1b[1m${s}\x1b[0m`;
    expect(wrapWords(`${bold('Device:')} Galaxy S24 · Android`, 30)).toEqual([`${bold('Device:')} Galaxy S24 · Android`]);
  });
});
