import { parseHtml } from '../../sandbox/emulator/botapi';

describe('Bot API emulator HTML parse_mode', () => {
  it('reports entity offsets in UTF-16 units and error offsets in UTF-8 bytes', () => {
    expect(parseHtml('😀 <b>bold</b>')).toEqual({ text: '😀 bold', entities: [{ type: 'bold', offset: 3, length: 4 }] });
    expect(() => parseHtml('😀<x>')).toThrow('Unsupported start tag "x" at byte offset 4');
  });

  it('orders nested entities by offset, longest first, and drops empty ones', () => {
    expect(parseHtml('<b>a<i>b</i></b><u></u>')).toEqual({
      text: 'ab',
      entities: [
        { type: 'bold', offset: 0, length: 2 },
        { type: 'italic', offset: 1, length: 1 },
      ],
    });
  });

  it('accepts tag and attribute case variations and an anonymous end tag', () => {
    expect(parseHtml('<B>x</>').entities).toEqual([{ type: 'bold', offset: 0, length: 1 }]);
    expect(parseHtml("<a HREF='tg://user?id=1'>u</a>").entities).toEqual([{ type: 'text_link', offset: 0, length: 1, url: 'tg://user?id=1' }]);
  });

  it('keeps a bare ampersand only when strictness is turned off, as the real parser does', () => {
    expect(() => parseHtml('a & b')).toThrow(/can't parse entities: .*byte offset 2/);
    expect(parseHtml('a & b &amp c', { strictAmpersand: false }).text).toBe('a & b & c');
  });

  it('rejects attributes the grammar does not allow', () => {
    expect(() => parseHtml('<a href>x</a>')).toThrow('Expected equal sign in declaration of an attribute of the tag "a" at byte offset 0');
    expect(() => parseHtml('<a href=x/y>x</a>')).toThrow('Unexpected end of name token at byte offset 8');
    expect(() => parseHtml('<b>x</b ')).toThrow('Unclosed end tag at byte offset 4');
  });
});
