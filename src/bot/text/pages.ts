import { InlineKeyboard } from 'grammy';
import { LIMITS } from './limits';

/** Room left in a message for the header and the page note. */
export const PAGE_BUDGET = LIMITS.message - 400;

/**
 * Splits blocks (one per item, each already short because its fields are clipped) into pages that
 * each fit one message: at most `perPage` items and `budget` characters of text, counting the
 * separators. A block longer than the budget on its own still gets a page to itself; the view clips
 * its fields so that cannot happen.
 */
export function pageBlocks(blocks: readonly string[], perPage: number, budget = PAGE_BUDGET, separator = '\n'): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let size = 0;
  for (const block of blocks) {
    if (page.length > 0 && (page.length >= perPage || size + block.length + separator.length > budget)) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(block);
    size += block.length + separator.length;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** The requested page number, kept inside 0..total-1. */
export const clampPage = (requested: number, total: number): number => Math.min(Math.max(requested, 0), Math.max(total, 1) - 1);

/** ⏮ ◀ ▶ ⏭ arrows under page `n` of `total`; `to(k)` is the callback_data that shows page k. */
export function pageArrows(
  keyboard: InlineKeyboard,
  n: number,
  total: number,
  to: (k: number) => string,
  /** The owner's words for page-first … page-last; lists not yet in the locale files keep English. */
  words?: (key: string) => string,
): InlineKeyboard {
  const label = (key: string, english: string) => (words ? words(key) : english);
  // With many pages the first and last are one tap away, not twenty.
  if (n > 1) keyboard.text(label('page-first', '⏮ First'), to(0));
  if (n > 0) keyboard.text(label('page-previous', '◀ Previous'), to(n - 1));
  if (n < total - 1) keyboard.text(label('page-next', 'Next ▶'), to(n + 1));
  if (n < total - 2) keyboard.text(label('page-last', 'Last ⏭'), to(total - 1));
  return keyboard;
}
