/** Bot messages as terminal text: what the owner's Telegram app would show, drawn with ANSI styles or none. */

export interface WireEntity {
  readonly type: string;
  readonly offset: number;
  readonly length: number;
}

export interface WireMessage {
  readonly message_id: number;
  readonly text?: string;
  readonly entities?: readonly WireEntity[];
  readonly reply_markup?: { readonly inline_keyboard: ReadonlyArray<ReadonlyArray<{ text: string; callback_data?: string }>> };
}

export interface DemoButton {
  /** What the owner types to press it: a, b, … z, aa, ab, …; letters, so no shortcut reads as a session's # or a code. */
  readonly key: string;
  readonly messageId: number;
  readonly text: string;
  readonly data: string;
}

const STYLE: Record<string, string> = {
  bold: '1',
  italic: '3',
  underline: '4',
  strikethrough: '9',
  code: '36',
  pre: '36',
};

/**
 * Applies entities as ANSI codes. The emulator has already parsed the HTML exactly as Telegram does,
 * so its text and entities are the faithful source; offsets are UTF-16 units, as JS strings index.
 */
export function styleText(text: string, entities: readonly WireEntity[], ansi: boolean): string {
  const styled = entities.filter((e) => STYLE[e.type] !== undefined);
  if (!ansi || styled.length === 0) return text;
  const cuts = new Set<number>([0, text.length]);
  for (const e of styled) cuts.add(e.offset).add(e.offset + e.length);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const codes = [...new Set(styled.filter((e) => e.offset <= from && e.offset + e.length >= to).map((e) => STYLE[e.type]!))];
    const piece = text.slice(from, to);
    out += codes.length > 0 ? `\x1b[${codes.join(';')}m${piece}\x1b[0m` : piece;
  }
  return out;
}

/** The shortcut of the button at `index` (from 0): a … z, then aa, ab, … */
export function buttonKey(index: number): string {
  const letter = (i: number): string => String.fromCharCode(97 + i);
  return index < 26 ? letter(index) : `${buttonKey(Math.floor(index / 26) - 1)}${letter(index % 26)}`;
}

/** Gives every callback button of the message a letter, so the owner can press one by typing it. */
export function letterButtons(message: WireMessage): DemoButton[] {
  const buttons: DemoButton[] = [];
  for (const row of message.reply_markup?.inline_keyboard ?? []) {
    for (const b of row) {
      if (b.callback_data === undefined) continue;
      buttons.push({ key: buttonKey(buttons.length), messageId: message.message_id, text: b.text, data: b.callback_data });
    }
  }
  return buttons;
}

export interface RenderOptions {
  readonly ansi: boolean;
  /** The terminal's width in columns: lines are wrapped at word boundaries to fit. None: no wrapping. */
  readonly width?: number;
  readonly edited: boolean;
  readonly buttons: readonly DemoButton[];
}

/** "bot> " and the text indented under it, then one line of [a: label] per keyboard row. */
export function renderMessage(message: WireMessage, o: RenderOptions): string {
  const dim = (s: string): string => (o.ansi ? `\x1b[2m${s}\x1b[0m` : s);
  const head = o.edited ? `bot (edited)> ` : 'bot> ';
  const body = styleText(message.text ?? '', message.entities ?? [], o.ansi).split('\n');
  const wrapped = o.width ? body.flatMap((line) => wrapWords(line, Math.max(20, o.width! - head.length))) : body;
  const lines = wrapped.map((line, i) => (i === 0 ? `${dim(head)}${line}` : `${' '.repeat(head.length)}${line}`));
  let next = 0;
  for (const row of message.reply_markup?.inline_keyboard ?? []) {
    const labels = row
      .filter((b) => b.callback_data !== undefined)
      .map(() => o.buttons[next++])
      .filter((b): b is DemoButton => b !== undefined)
      .map((b) => `[${b.key}: ${b.text}]`);
    if (labels.length > 0) lines.push(`${' '.repeat(head.length)}${o.ansi ? `\x1b[33m${labels.join('  ')}\x1b[0m` : labels.join('  ')}`);
  }
  return lines.join('\n');
}

/** What a terminal shows of `s`: its ANSI styling takes no columns. */
const visibleLength = (s: string): number => s.replace(/\x1b\[[0-9;]*m/g, '').length;

/**
 * One line cut into lines of at most `width` visible columns, at spaces only: a word longer than
 * the width (a hash, a URL) stays whole on a line of its own rather than break in the middle.
 */
export function wrapWords(line: string, width: number): string[] {
  if (visibleLength(line) <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && visibleLength(candidate) > width) {
      out.push(current);
      current = word;
    } else current = candidate;
  }
  out.push(current);
  return out;
}
