/** A fenced code block of a Markdown file, with the headings it sits under. */
export interface MarkdownBlock {
  /** The headings above the block, outermost first (`## Running it`, `### Update` -> both titles). */
  readonly headings: readonly string[];
  /** The fence's info string: `sh`, `ts`, or '' for none. */
  readonly lang: string;
  /** The block's text, with the fence's own indentation (inside a list item) taken off. */
  readonly text: string;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
}

const FENCE = /^( *)(`{3,}|~{3,})\s*([\w-]*)/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Every fenced block of `markdown`, in order. Headings inside blocks are not headings. */
export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  const headings: { level: number; title: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = HEADING.exec(lines[i]!);
    if (heading) {
      const level = heading[1]!.length;
      while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
      headings.push({ level, title: heading[2]! });
      continue;
    }
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j]!.trim().startsWith(fence) && lines[j]!.trim().replace(/[`~]/g, '') === ''); j++) {
      body.push(lines[j]!.slice(Math.min(indent, lines[j]!.length - lines[j]!.trimStart().length)));
    }
    blocks.push({ headings: headings.map((h) => h.title), lang: open[3] ?? '', text: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

/** Whether the block sits under a heading with this title (at any depth). */
export const under = (block: MarkdownBlock, title: string): boolean => block.headings.includes(title);
