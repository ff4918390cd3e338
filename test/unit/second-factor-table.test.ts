/**
 * What needs the owner's authenticator code is declared in two tables, one entry per command and per
 * button, each required (by the type checker) to decide. These checks make sure nothing escapes them:
 * every command a feature answers is in the table, and every declared action has its words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUTTONS } from '../../src/bot/buttons/buttons';
import { COMMANDS, HIDDEN_COMMANDS } from '../../src/bot/features/help';

const FEATURES = path.join(__dirname, '..', '..', 'src', 'bot', 'features');
const LOCALES = path.join(__dirname, '..', '..', 'locales');

/** Every command name a feature registers with composer.command('x') or composer.command(['x', 'y']). */
function registeredCommands(): string[] {
  const names: string[] = [];
  for (const file of fs.readdirSync(FEATURES).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(FEATURES, file), 'utf8');
    for (const m of source.matchAll(/\.command\(\s*(\[[^\]]*\]|'[^']*')/g)) {
      names.push(...[...m[1]!.matchAll(/'([^']+)'/g)].map((n) => n[1]!));
    }
  }
  return [...new Set(names)].sort();
}

describe('the second factor tables', () => {
  it('declare every command a feature answers', () => {
    const declared = [...COMMANDS, ...HIDDEN_COMMANDS].map((c) => c.command).sort();
    expect(registeredCommands()).toEqual(declared);
  });

  it('protect the commands and buttons that change the account or the guard, and only those', () => {
    const commands = Object.fromEntries([...COMMANDS, ...HIDDEN_COMMANDS].map((c) => [c.command, c.code !== false]));
    expect(commands).toEqual({
      sessions: false, revoke: true, revokeall: false, status: false, guard: true, trust: false, panic: false, security: false,
      codeguard: true, expect: true, bots: false, websessions: false, ttl: true, log: false, language: false, help: false, start: false, test: false,
    });
    const buttons = Object.entries(BUTTONS).filter(([, spec]) => spec.code !== false).map(([prefix]) => prefix).sort();
    // End (alert, moved-session alert, /sessions, all, all but trusted, web, all web), It's me (login and
    // moved session), trust add/remove, /panic's
    // Lock down, /ttl's periods, Cancel the reset, Disconnect, Turn code guard on.
    expect(buttons).toEqual(['bd', 'ce', 'cg', 'cm', 'dr', 'ee', 'ok', 'pk', 'ra', 'rt', 'sc', 'tf', 'tt', 'tx', 'wc', 'wy']);
  });

  it('answer arguments that change nothing without a code', () => {
    const changes = (command: string, args: string): boolean => {
      const code = COMMANDS.find((c) => c.command === command)!.code;
      return code !== false && code.changes(args);
    };
    expect([changes('revoke', ''), changes('revoke', 'abc'), changes('revoke', '-5')]).toEqual([false, false, true]);
    expect([changes('guard', ''), changes('guard', 'on'), changes('guard', 'OFF'), changes('guard', 'maybe')]).toEqual([false, true, true, false]);
    expect([changes('codeguard', ''), changes('codeguard', 'on')]).toEqual([false, true]);
    expect([changes('expect', ''), changes('expect', '5'), changes('expect', 'off'), changes('expect', '99')]).toEqual([true, true, true, false]);
    expect([changes('ttl', ''), changes('ttl', '30'), changes('ttl', '45')]).toEqual([false, true, false]);
  });

  it('name every protected action in every language', () => {
    const actions = new Set([
      ...COMMANDS.flatMap((c) => (c.code === false ? [] : [c.code.action])),
      ...Object.values(BUTTONS).flatMap((spec) => (spec.code === false ? [] : [spec.code])),
    ]);
    for (const file of fs.readdirSync(LOCALES).filter((f) => f.endsWith('.ftl'))) {
      const keys = new Set([...fs.readFileSync(path.join(LOCALES, file), 'utf8').matchAll(/^([a-z][\w-]*) =/gm)].map((m) => m[1]!));
      expect([file, [...actions].filter((a) => !keys.has(a))]).toEqual([file, []]);
    }
  });
});
