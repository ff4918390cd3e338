import { field } from './field';

/** Escapes text for Telegram's HTML parse mode, which knows only these three entities in text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A field from a session, web session or login, cleaned and cut to `max` characters (see field.ts).
 * Every feature prints such fields through this or `field`, so none can forge a line or fill a message.
 */
export function clip(text: string, max = 64): string {
  return field(text, max);
}
