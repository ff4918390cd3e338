/**
 * Turns the text-carrying parameters of send/edit calls into the stored text
 * and entities, applying the server's order of checks: parse, trim, then
 * emptiness and length.
 */
import { Errors, badRequest } from './errors';
import { type HtmlOptions, type ParsedText, type WireEntity, parseHtml, sortEntities, trimFormatted } from './html';
import { type Params, jsonParam, stringParam } from './params';

export const MAX_TEXT_UTF16 = 4096;

export function formatText(params: Params, kind: 'send' | 'edit', html: HtmlOptions): ParsedText {
  const text = stringParam(params, 'text');
  if (text === undefined || text === '') throw Errors.textEmpty();
  const explicit = jsonParam(params, 'entities', () => badRequest("can't parse entities JSON object"));
  const mode = (stringParam(params, 'parse_mode') ?? '').trim();

  let parsed: ParsedText;
  if (explicit !== undefined) {
    parsed = { text, entities: checkEntities(explicit, text.length) };
  } else if (mode === '') {
    parsed = { text, entities: [] };
  } else if (mode.toLowerCase() === 'html') {
    parsed = parseHtml(text, html);
  } else if (mode.toLowerCase() === 'markdown' || mode.toLowerCase() === 'markdownv2') {
    throw Errors.unsupportedParseMode(mode);
  } else {
    throw badRequest('unsupported parse_mode');
  }

  const trimmed = trimFormatted(parsed);
  if (trimmed.text === '') throw Errors.textEmpty();
  if (trimmed.text.length > MAX_TEXT_UTF16) throw kind === 'send' ? Errors.textTooLong() : Errors.editTextTooLong();
  return trimmed;
}

function checkEntities(raw: unknown, textLength: number): WireEntity[] {
  if (!Array.isArray(raw)) throw badRequest("can't parse entities: Field \"entities\" must be an Array");
  const out: WireEntity[] = [];
  for (const e of raw) {
    if (typeof e !== 'object' || e === null) throw badRequest("can't parse entities: MessageEntity must be an Object");
    const r = e as Record<string, unknown>;
    const { type, offset, length } = r;
    if (typeof type !== 'string' || typeof offset !== 'number' || typeof length !== 'number') {
      throw badRequest("can't parse entities: MessageEntity must have type, offset and length");
    }
    // Out-of-range entities are clipped or dropped by the server rather than rejected.
    const end = Math.min(offset + length, textLength);
    if (offset < 0 || end <= offset) continue;
    const entity: WireEntity = { type, offset, length: end - offset };
    if (typeof r['url'] === 'string') entity.url = r['url'];
    if (typeof r['language'] === 'string') entity.language = r['language'];
    if (typeof r['custom_emoji_id'] === 'string') entity.custom_emoji_id = r['custom_emoji_id'];
    out.push(entity);
  }
  return sortEntities(out);
}

export function sameEntities(a: WireEntity[], b: WireEntity[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
