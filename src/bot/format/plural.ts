/** "1 web session", "2 web sessions": a count with its noun, singular only for exactly one. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}
