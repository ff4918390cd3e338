/**
 * Finds the login code in a message from Telegram (777000). Telegram words it differently in every
 * language ("Login code: 12345", "Код подтверждения: 12345", "Dein Login-Code lautet 12345") but the
 * code is always a standalone run of 5 to 7 digits. Runs that belong to a larger number are not
 * codes: part of a date or time (03.12.2026, 10:15:00), an IP address, a version (11.2.34567), a
 * phone number (+44 7700 900123) or a longer digit string. Codes written with inner spaces or dashes
 * are not sent by Telegram today and are not matched.
 */
const CODE = /(?<![\p{L}\p{N}_])(?<!\p{N}[.,:/\-–]|\+|\+\p{N}*\s|\p{N}\s)(\p{Nd}{5,7})(?![\p{L}\p{N}_])(?![.,:/\-–]\p{N}|\s\p{N})/gu;

/** The login code in `text`, or undefined. Only ASCII digits count as a code Telegram would accept. */
export function findLoginCode(text: string): string | undefined {
  for (const m of text.matchAll(CODE)) {
    const run = m[1];
    if (run && /^[0-9]+$/.test(run)) return run;
  }
  return undefined;
}
