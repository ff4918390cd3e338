/**
 * HTML parse_mode, following the real server's parser closely enough that the
 * same input fails with the same reason at the same UTF-8 byte offset. Telegram
 * reports offsets in bytes of the original text but entity offsets in UTF-16
 * units of the parsed text, so both are tracked side by side.
 */
import { Errors } from './errors';

export interface WireEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

export interface ParsedText {
  text: string;
  entities: WireEntity[];
}

export interface HtmlOptions {
  /**
   * The real parser keeps an undecodable "&" as a literal character and accepts
   * "&amp" without ";". Rejecting both instead surfaces missing escaping of
   * user-controlled strings, which would otherwise render wrongly in production.
   */
  strictAmpersand?: boolean;
}

const SUPPORTED_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins',
  'tg-spoiler', 'tg-emoji', 'span', 'pre', 'code', 'blockquote',
]);

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const EQ = 0x3d;
const SEMI = 0x3b;
const HASH = 0x23;
const DQ = 0x22;
const SQ = 0x27;

// NUL counts as space because the parser treats the end of input as a terminator.
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isNameTokenChar = (c: number): boolean => isAlpha(c) || isDigit(c) || c === 0x2e || c === 0x2d;

function utf8Length(cp: number): number {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

interface Cursor {
  cps: number[];
  bytes: number[];
}

function toCursor(input: string): Cursor {
  const cps: number[] = [];
  const bytes: number[] = [];
  let byte = 0;
  for (const ch of input) {
    const cp = ch.codePointAt(0) ?? 0;
    cps.push(cp);
    bytes.push(byte);
    byte += utf8Length(cp);
  }
  bytes.push(byte);
  return { cps, bytes };
}

interface Decoded {
  ch: number;
  next: number;
}

function decodeEntity(cur: Cursor, pos: number, strict: boolean): Decoded | undefined {
  const at = (k: number): number => cur.cps[k] ?? 0;
  let end = pos + 1;
  let res = 0;
  if (at(pos + 1) === HASH) {
    end++;
    if (at(pos + 2) === 0x78 /* x */) {
      end++;
      while (isHex(at(end))) {
        res = res * 16 + parseInt(String.fromCodePoint(at(end++)), 16);
        if (res >= 0x10ffff) return undefined;
      }
    } else {
      while (isDigit(at(end))) {
        res = res * 10 + (at(end++) - 0x30);
        if (res >= 0x10ffff) return undefined;
      }
    }
    if (res === 0 || end - pos >= 10) return undefined;
  } else {
    while (isAlpha(at(end))) end++;
    const name = String.fromCodePoint(...cur.cps.slice(pos + 1, end));
    const named: Record<string, number> = { lt: LT, gt: GT, amp: AMP, quot: DQ };
    const value = named[name];
    if (value === undefined) return undefined;
    res = value;
  }
  if (at(end) === SEMI) return { ch: res, next: end + 1 };
  return strict ? undefined : { ch: res, next: end };
}

interface OpenTag {
  name: string;
  argument: string;
  expandable: boolean;
  utf16Offset: number;
  resultPos: number;
}

interface RawEntity extends WireEntity {
  // Tracks the pre+code pairing, which depends on whether <code> carried a language.
  codeLanguage?: string;
}

export function parseHtml(input: string, options: HtmlOptions = {}): ParsedText {
  const strict = options.strictAmpersand ?? true;
  const cur = toCursor(input);
  const at = (k: number): number => cur.cps[k] ?? 0;
  const byteOf = (k: number): number => cur.bytes[k] ?? cur.bytes[cur.bytes.length - 1] ?? 0;
  const n = cur.cps.length;
  let result = '';
  const entities: RawEntity[] = [];
  const open: OpenTag[] = [];

  let i = 0;
  while (i < n) {
    const c = at(i);
    if (c === AMP) {
      const decoded = decodeEntity(cur, i, strict);
      if (decoded !== undefined) {
        result += String.fromCodePoint(decoded.ch);
        i = decoded.next;
        continue;
      }
      if (strict) {
        throw Errors.parseEntities(`Character "&" must be escaped as "&amp;" at byte offset ${byteOf(i)}`);
      }
    }
    if (c !== LT) {
      result += String.fromCodePoint(c);
      i++;
      continue;
    }

    const beginPos = i;
    const beginByte = byteOf(beginPos);
    i++;
    if (at(i) !== SLASH) {
      while (!isSpace(at(i)) && at(i) !== GT) i++;
      if (at(i) === 0) throw Errors.parseEntities(`Unclosed start tag at byte offset ${beginByte}`);
      const tagName = String.fromCodePoint(...cur.cps.slice(beginPos + 1, i)).toLowerCase();
      if (!SUPPORTED_TAGS.has(tagName)) {
        throw Errors.parseEntities(`Unsupported start tag "${tagName}" at byte offset ${beginByte}`);
      }

      let argument = '';
      let expandable = false;
      while (at(i) !== GT) {
        while (i < n && isSpace(at(i))) i++;
        if (at(i) === GT) break;
        if (at(i) === 0) throw Errors.parseEntities(`Unclosed start tag at byte offset ${beginByte}`);
        const nameBegin = i;
        while (!isSpace(at(i)) && at(i) !== EQ && at(i) !== GT) i++;
        const attrName = String.fromCodePoint(...cur.cps.slice(nameBegin, i)).toLowerCase();
        if (attrName === '') {
          throw Errors.parseEntities(`Empty attribute name in the tag "${tagName}" at byte offset ${beginByte}`);
        }
        while (i < n && isSpace(at(i))) i++;
        if (at(i) !== EQ) {
          if (tagName === 'blockquote' && attrName === 'expandable') {
            expandable = true;
            continue;
          }
          throw Errors.parseEntities(
            `Expected equal sign in declaration of an attribute of the tag "${tagName}" at byte offset ${beginByte}`,
          );
        }
        i++;
        while (i < n && isSpace(at(i))) i++;
        if (at(i) === 0) throw Errors.parseEntities(`Unclosed start tag "${tagName}" at byte offset ${beginByte}`);

        let value = '';
        if (at(i) !== SQ && at(i) !== DQ) {
          const tokenBegin = i;
          while (isNameTokenChar(at(i))) i++;
          value = String.fromCodePoint(...cur.cps.slice(tokenBegin, i)).toLowerCase();
          if (!isSpace(at(i)) && at(i) !== GT) {
            throw Errors.parseEntities(`Unexpected end of name token at byte offset ${byteOf(tokenBegin)}`);
          }
        } else {
          const quote = at(i++);
          while (i < n && at(i) !== quote) {
            if (at(i) === AMP) {
              const decoded = decodeEntity(cur, i, false);
              if (decoded !== undefined) {
                value += String.fromCodePoint(decoded.ch);
                i = decoded.next;
                continue;
              }
            }
            value += String.fromCodePoint(at(i++));
          }
          if (at(i) === quote) i++;
        }
        if (at(i) === 0) throw Errors.parseEntities(`Unclosed start tag at byte offset ${beginByte}`);

        if (tagName === 'a' && attrName === 'href') argument = value;
        else if (tagName === 'code' && attrName === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (tagName === 'span' && attrName === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (tagName === 'tg-emoji' && attrName === 'emoji-id') argument = value;
        else if (tagName === 'blockquote' && attrName === 'expandable') expandable = true;
      }
      if (tagName === 'span' && argument !== 'spoiler') {
        throw Errors.parseEntities(`Tag "span" must have class "tg-spoiler" at byte offset ${beginByte}`);
      }
      open.push({ name: tagName, argument, expandable, utf16Offset: result.length, resultPos: result.length });
      i++; // past '>'
      continue;
    }

    // End tag.
    const top = open[open.length - 1];
    if (top === undefined) throw Errors.parseEntities(`Unexpected end tag at byte offset ${beginByte}`);
    i++; // past '/'
    const nameBegin = i;
    while (!isSpace(at(i)) && at(i) !== GT) i++;
    const endName = String.fromCodePoint(...cur.cps.slice(nameBegin, i)).toLowerCase();
    while (i < n && isSpace(at(i))) i++;
    if (at(i) !== GT) throw Errors.parseEntities(`Unclosed end tag at byte offset ${beginByte}`);
    if (endName !== '' && endName !== top.name) {
      throw Errors.parseEntities(
        `Unmatched end tag at byte offset ${beginByte}, expected "</${top.name}>", found "</${endName}>"`,
      );
    }
    closeTag(top, result, entities);
    open.pop();
    i++; // past '>'
  }

  const unclosed = open[open.length - 1];
  if (unclosed !== undefined) {
    throw Errors.parseEntities(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  }
  const clean: WireEntity[] = entities.map(({ codeLanguage: _unused, ...e }) => e);
  return { text: result, entities: sortEntities(clean) };
}

function closeTag(tag: OpenTag, result: string, entities: RawEntity[]): void {
  const offset = tag.utf16Offset;
  const length = result.length - offset;
  // Empty entities are dropped rather than reported, as the real parser does.
  if (length <= 0) return;
  const last = entities[entities.length - 1];
  const sameSpan = last !== undefined && last.offset === offset && last.length === length;
  switch (tag.name) {
    case 'b':
    case 'strong':
      entities.push({ type: 'bold', offset, length });
      return;
    case 'i':
    case 'em':
      entities.push({ type: 'italic', offset, length });
      return;
    case 'u':
    case 'ins':
      entities.push({ type: 'underline', offset, length });
      return;
    case 's':
    case 'strike':
    case 'del':
      entities.push({ type: 'strikethrough', offset, length });
      return;
    case 'tg-spoiler':
    case 'span':
      entities.push({ type: 'spoiler', offset, length });
      return;
    case 'blockquote':
      entities.push({ type: tag.expandable ? 'expandable_blockquote' : 'blockquote', offset, length });
      return;
    case 'tg-emoji':
      if (/^[0-9]+$/.test(tag.argument)) entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: tag.argument });
      return;
    case 'a': {
      const url = normalizeUrl(tag.argument === '' ? result.slice(tag.resultPos) : tag.argument);
      // An invalid link silently loses its entity instead of failing the request.
      if (url !== undefined) entities.push({ type: 'text_link', offset, length, url });
      return;
    }
    case 'pre':
      if (sameSpan && last.type === 'code' && last.codeLanguage !== undefined && last.codeLanguage !== '') {
        last.type = 'pre';
        last.language = last.codeLanguage;
        delete last.codeLanguage;
      } else {
        entities.push({ type: 'pre', offset, length });
      }
      return;
    case 'code':
      if (sameSpan && last.type === 'pre' && tag.argument !== '') {
        last.language = tag.argument;
      } else {
        entities.push({ type: 'code', offset, length, codeLanguage: tag.argument });
      }
      return;
    default:
      return;
  }
}

function normalizeUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol.toLowerCase();
  if (scheme === 'http:' || scheme === 'https:') return parsed.href;
  if (scheme === 'tg:' || scheme === 'ton:' || scheme === 'ftp:' || scheme === 'mailto:') return trimmed;
  return undefined;
}

export function sortEntities<T extends WireEntity>(entities: T[]): T[] {
  return [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
}

// Leading/trailing blank characters are cut by the server before the emptiness and length checks.
const BLANK = /[\s\u200b-\u200f\u2800\u3164]/;

export function trimFormatted(parsed: ParsedText): ParsedText {
  const { text } = parsed;
  let start = 0;
  let end = text.length;
  while (start < end && BLANK.test(text[start] ?? '')) start++;
  while (end > start && BLANK.test(text[end - 1] ?? '')) end--;
  if (start === 0 && end === text.length) return parsed;
  const entities: WireEntity[] = [];
  for (const e of parsed.entities) {
    const s = Math.max(e.offset, start);
    const t = Math.min(e.offset + e.length, end);
    if (t > s) entities.push({ ...e, offset: s - start, length: t - s });
  }
  return { text: text.slice(start, end), entities };
}
