/** Escapes text for Telegram's HTML parse mode, which knows only these three entities in text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Session fields come from whatever app logged in; long ones are cut so one card cannot fill a message. */
export function clip(text: string, max = 64): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1)}…`;
}
