const UNITS: ReadonlyArray<readonly [number, string]> = [
  [365 * 86_400, 'y'],
  [30 * 86_400, 'mo'],
  [86_400, 'd'],
  [3_600, 'h'],
  [60, 'min'],
  [1, 's'],
];

/** "5 min ago", "3 d ago", "just now": enough to spot a session that should not be there. */
export function relativeTime(unixSeconds: number, nowMs: number): string {
  const seconds = Math.round(nowMs / 1000 - unixSeconds);
  if (seconds < 60) return seconds < -60 ? `in ${largestUnit(-seconds)}` : 'just now';
  return `${largestUnit(seconds)} ago`;
}

/** "5 min", not "5 min 1 s": a session list needs the order of magnitude, not the second. */
function largestUnit(seconds: number): string {
  const [size, unit] = UNITS.find(([s]) => seconds >= s) ?? [1, 's'];
  return `${Math.floor(seconds / size)} ${unit}`;
}

/** A duration in the two largest units: "2 h 5 min", "45 s". */
export function duration(totalSeconds: number): string {
  let rest = Math.max(0, Math.round(totalSeconds));
  if (rest < 60) return `${rest} s`;
  const parts: string[] = [];
  for (const [size, unit] of UNITS) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    } else if (parts.length > 0) break;
  }
  return parts.join(' ');
}

/** An absolute time every owner can read the same way, whatever the server's time zone. */
export function utcTime(unixSeconds: number, withSeconds = false): string {
  return `${new Date(unixSeconds * 1000).toISOString().slice(0, withSeconds ? 19 : 16).replace('T', ' ')} UTC`;
}
