import { PRIVATE_FILE_MODE as FILE_MODE } from '../core/private-file';
import fs from 'node:fs';
import dotenv from 'dotenv';

/**
 * `.env` holds the bot token and the api hash, so it is written like the session file: 0600 from
 * the first byte and replaced by rename, so a crash or Ctrl+C leaves the old file or the new one.
 * Only the keys the wizard owns change; the owner's comments and other settings stay where they were.
 */


export interface EnvFile {
  /** undefined when the file does not exist yet. */
  readonly text: string | undefined;
  readonly values: Readonly<Record<string, string>>;
}

export function readEnvFile(file: string): EnvFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { text: undefined, values: {} };
    throw err;
  }
  return { text, values: dotenv.parse(text) };
}

/** Sets each key in place (every active assignment of it), next to its commented example, or at the end. */
export function updateEnvText(text: string, updates: Readonly<Record<string, string>>): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  // split() leaves one empty element after a final newline; it is put back at the end.
  const endsWithNewline = lines.length > 0 && lines[lines.length - 1] === '';
  if (endsWithNewline) lines.pop();

  for (const [key, value] of Object.entries(updates)) {
    const line = `${key}=${quote(value)}`;
    const active = new RegExp(`^(\\s*)(export\\s+)?${key}\\s*=`);
    let found = false;
    lines.forEach((l, i) => {
      const m = active.exec(l);
      if (!m) return;
      // Every assignment, not only the last: an overridden duplicate would still keep an old secret.
      lines[i] = `${m[1] ?? ''}${m[2] ?? ''}${line}`;
      found = true;
    });
    if (found) continue;
    const example = new RegExp(`^\\s*#\\s*${key}\\s*=`);
    const at = lines.map((l) => example.test(l)).lastIndexOf(true);
    if (at >= 0) lines.splice(at + 1, 0, line);
    else lines.push(line);
  }

  const result = lines.join(eol) + eol;
  const parsed = dotenv.parse(result);
  for (const [key, value] of Object.entries(updates)) {
    // Never quote the value: it may be a secret.
    if (parsed[key] !== value) throw new Error(`${key} could not be written to .env so that it reads back unchanged`);
  }
  return result;
}

function quote(value: string): string {
  if (/^[\w.:/+=@-]*$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"') && !value.includes('\\')) return `"${value}"`;
  return `\`${value}\``;
}

/** Tightens an existing file that already holds the right content. */
export function ensurePrivate(file: string): void {
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, FILE_MODE);
}
