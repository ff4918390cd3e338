/** Escapes text for Telegram's HTML parse mode, which knows only these three entities in text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Session fields come from whatever app logged in; long ones are cut so one card cannot fill a
 * message. The cut is by whole characters: half an emoji is invalid UTF-8, which Telegram refuses,
 * and a device name chosen by an attacker must not be able to stop its own alert.
 */
export function clip(text: string, max = 64): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
