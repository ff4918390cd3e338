import path from 'node:path';
import { PROJECT_ROOT } from '../core/config';
import type { TerminalPrompts } from '../core/terminal-io';

/** The person cancelled (Ctrl+C, or the input ended). */
export class SetupCancelled extends Error {
  override readonly name = 'SetupCancelled';
}

/** The wizard cannot go on; the message says what to do, in one sentence. */
export class SetupStopped extends Error {
  override readonly name = 'SetupStopped';
}

/** What has been written so far, so a cancel or a stop can say exactly what stayed as it was. */
export class SetupProgress {
  sessionSavedTo: string | undefined;

  saved(): string {
    return this.sessionSavedTo
      ? `.env was not changed; the new login is saved in ${this.sessionSavedTo}, so the next run keeps it.`
      : 'Nothing was saved.';
  }

  cancelMessage(): string {
    return `Setup cancelled. ${this.saved()}`;
  }
}

/** Below this length a "secret" would blank out ordinary words and digits. */
const MIN_SECRET_LENGTH = 6;

/**
 * The wizard's side of the IO: every line it prints passes through here, and anything registered
 * as a secret is blanked, so no message (including one quoting a library error) can leak one.
 */
export class Conversation {
  private readonly secrets = new Set<string>();

  constructor(readonly io: TerminalPrompts) {}

  secret(value: string | undefined): void {
    const v = value?.trim();
    if (v && v.length >= MIN_SECRET_LENGTH) this.secrets.add(v);
  }

  say(text: string): void {
    let safe = text;
    for (const s of this.secrets) safe = safe.split(s).join('[hidden]');
    this.io.say(safe);
  }

  async ask(question: string, options: { readonly hidden?: boolean } = {}): Promise<string> {
    try {
      return await this.io.ask(question, options);
    } catch (err) {
      throw new SetupCancelled('cancelled', { cause: err });
    }
  }

  async yesNo(question: string, byDefault = true): Promise<boolean> {
    for (;;) {
      const answer = (await this.ask(question)).trim().toLowerCase();
      if (answer === '') return byDefault;
      if (answer === 'y' || answer === 'yes') return true;
      if (answer === 'n' || answer === 'no') return false;
      this.say('Please answer y or n.');
    }
  }
}

/** Relative to the project when inside it, so messages read like the commands the owner types. */
export function displayPath(file: string): string {
  const relative = path.relative(PROJECT_ROOT, path.resolve(file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
}
